-- Search at a million papers (docs/search.md): the search vector also carries marker
-- lexemes that let the GIN index do the filtering a ranked search needs (listed day,
-- month and year for recency windows, tags, title/author/keyword "head" matches, CJK
-- bigrams), the tag slugs of each paper are kept on the paper row for that, and a word
-- list with document counts feeds typo correction and search-as-you-type completions.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Marker lexemes cannot come out of a user's query: the text parser never produces a
-- lexeme that starts with ^, # or ~ (it splits on those characters), and lib/search
-- builds queries only from parsed lexemes. The function is IMMUTABLE because the
-- generated column needs it; every function it calls is immutable in fact.
CREATE FUNCTION "pp_search_markers"(title text, authors text[], keywords text[], abstract text, listed_on date, tag_slugs text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT array_to_tsvector(ARRAY(
        -- "^lexeme": the word is in the title, the keywords or an author name.
        SELECT '^' || h.lexeme FROM unnest(
            to_tsvector('english'::regconfig, coalesce(title, '')) ||
            to_tsvector('english'::regconfig, "pp_join_words"(keywords)) ||
            to_tsvector('simple'::regconfig, "pp_join_words"(authors))) AS h
        UNION
        -- "#slug": the paper carries the tag.
        SELECT '#' || s FROM unnest(coalesce(tag_slugs, ARRAY[]::text[])) AS s
        UNION
        -- "~dYYYYMMDD", "~mYYYYMM", "~yYYYY": the listed day, month and year.
        SELECT unnest(ARRAY[
            '~d' || (extract(year FROM listed_on) * 10000 + extract(month FROM listed_on) * 100 + extract(day FROM listed_on))::int::text,
            '~m' || (extract(year FROM listed_on) * 100 + extract(month FROM listed_on))::int::text,
            '~y' || extract(year FROM listed_on)::int::text])
        UNION
        -- Chinese, Japanese and Korean are written without spaces: the parser keeps a whole
        -- run as one word, so overlapping character pairs make substrings findable.
        SELECT substr(r.run, i, 2)
        FROM regexp_matches(coalesce(title, '') || ' ' || coalesce(abstract, ''), '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') AS m(parts),
             LATERAL (SELECT m.parts[1] AS run) AS r,
             LATERAL generate_series(1, greatest(char_length(r.run) - 1, 1)) AS i
    ))
$$;

-- AlterTable: the tag slugs of each paper, kept in step with paper_tags by the triggers below.
ALTER TABLE "papers" ADD COLUMN "tag_slugs" TEXT[] DEFAULT ARRAY[]::TEXT[];

UPDATE "papers" p SET "tag_slugs" = s.slugs
FROM (SELECT pt.paper_id, array_agg(t.slug::text ORDER BY t.slug) AS slugs FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id GROUP BY pt.paper_id) s
WHERE p.id = s.paper_id;

-- Ranking reads the vector of every candidate, so it is kept in the row (STORAGE MAIN: the
-- abstract moves out of line first) and compressed with lz4 where the server has it (the
-- embedded PGlite has not): reading 800 vectors took 6-8 ms out of line with pglz and about
-- 3 ms in line with lz4 at a million papers. The session default applies lz4 to the rows
-- this migration rewrites; the column setting to every later write.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        PERFORM set_config('default_toast_compression', 'lz4', true);
    END IF;
END
$$;

-- AlterTable: the same weighted text as before (title A, authors 'simple' B, keywords B,
-- abstract C), plus the markers. One statement, so the rewrite already uses STORAGE MAIN.
ALTER TABLE "papers" DROP COLUMN "search_vector";
ALTER TABLE "papers"
    ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "pp_join_words"("authors")), 'B') ||
        setweight(to_tsvector('english'::regconfig, "pp_join_words"("keywords")), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce("abstract", '')), 'C') ||
        "pp_search_markers"("title", "authors", "keywords", "abstract", "listed_on", "tag_slugs")
    ) STORED,
    ALTER COLUMN "search_vector" SET STORAGE MAIN;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        ALTER TABLE "papers" ALTER COLUMN "search_vector" SET COMPRESSION lz4;
    END IF;
END
$$;

-- Window sizes are chosen from the planner's per-lexeme frequencies (pg_stats), so keep
-- ten times the default number of them.
ALTER TABLE "papers" ALTER COLUMN "search_vector" SET STATISTICS 1000;

-- CreateIndex: fastupdate off, so searches never wade through a pending list after an ingest.
CREATE INDEX "papers_search_vector_idx" ON "papers" USING GIN ("search_vector") WITH (fastupdate = off);

CREATE FUNCTION "pp_refresh_tag_slugs"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE papers p SET tag_slugs = s.slugs
    FROM (
        SELECT c.paper_id,
               coalesce((SELECT array_agg(t.slug::text ORDER BY t.slug) FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = c.paper_id), ARRAY[]::text[]) AS slugs
        FROM (SELECT DISTINCT paper_id FROM changed_tags) c
    ) s
    WHERE p.id = s.paper_id AND p.tag_slugs IS DISTINCT FROM s.slugs;
    RETURN NULL;
END
$$;

CREATE TRIGGER "paper_tags_refresh_slugs_after_insert" AFTER INSERT ON "paper_tags"
    REFERENCING NEW TABLE AS changed_tags FOR EACH STATEMENT EXECUTE FUNCTION "pp_refresh_tag_slugs"();
CREATE TRIGGER "paper_tags_refresh_slugs_after_delete" AFTER DELETE ON "paper_tags"
    REFERENCING OLD TABLE AS changed_tags FOR EACH STATEMENT EXECUTE FUNCTION "pp_refresh_tag_slugs"();

-- CreateTable: words of titles, keywords and author names with the number of papers using them.
CREATE TABLE "search_words" (
    "word" VARCHAR(64) NOT NULL,
    "ndoc" INTEGER NOT NULL,

    CONSTRAINT "search_words_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING GIN ("word" gin_trgm_ops);

INSERT INTO "search_words" ("word", "ndoc")
SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple'::regconfig, title || ' ' || "pp_join_words"(keywords) || ' ' || "pp_join_words"(authors)) FROM papers$$)
WHERE word ~ '^[a-z][a-z-]{1,38}[a-z]$';

-- New papers add their words; counts are not lowered when a paper changes (they only
-- order suggestions and corrections). Sorted, so concurrent ingests lock rows in one order.
CREATE FUNCTION "pp_count_new_paper_words"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO search_words AS w (word, ndoc)
    SELECT x.word, count(*)::int
    FROM new_papers n,
         LATERAL unnest(tsvector_to_array(to_tsvector('simple'::regconfig, n.title || ' ' || pp_join_words(n.keywords) || ' ' || pp_join_words(n.authors)))) AS x(word)
    WHERE x.word ~ '^[a-z][a-z-]{1,38}[a-z]$'
    GROUP BY x.word
    ORDER BY x.word
    ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + EXCLUDED.ndoc;
    RETURN NULL;
END
$$;

CREATE TRIGGER "papers_count_words_after_insert" AFTER INSERT ON "papers"
    REFERENCING NEW TABLE AS new_papers FOR EACH STATEMENT EXECUTE FUNCTION "pp_count_new_paper_words"();

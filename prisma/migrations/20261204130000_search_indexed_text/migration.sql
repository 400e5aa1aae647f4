-- TeX and accents in the search index (docs/search.md, "Indexed text"). Titles and abstracts
-- from arXiv are TeX source ("Landauer-B\"uttiker"): indexed as stored, the parser cut such a
-- word into "b" and "uttiker", so neither "Büttiker" nor "Buttiker" found the paper. The
-- source stays as it is; the index reads a derived text instead when the paper has one:
-- TeX outside math turned into Unicode, plus the accent-free spelling of every accented word.
-- That text is written by the upsert (lib/ingest/upsert.ts) from lib/search/indexed-text.ts;
-- it is NULL when it equals the source (plain ASCII without TeX: most papers).
--
-- Existing rows: this migration rebuilds the search vector of every paper from the same
-- weighted parts as before (title A, authors and keywords B, abstract C, the markers), now
-- reading the derived text where there is one; right after the SQL migrations, `npm run
-- db:migrate` (and every start) derives that text for the stored papers that need it
-- (deriveStoredIndexedText: the conversion rules live in TypeScript, not in SQL), which
-- re-indexes exactly those rows.

ALTER TABLE "papers" ADD COLUMN "title_search_text" TEXT, ADD COLUMN "abstract_search_text" TEXT;

-- The vector stays in the row and lz4-compressed where the server has it (as in
-- 20261129010000_search: ranking reads the vector of every candidate).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        PERFORM set_config('default_toast_compression', 'lz4', true);
    END IF;
END
$$;

-- PostgreSQL 15 cannot change a generated column's expression: drop it (and its index) and
-- add it again, which computes it for every row.
ALTER TABLE "papers" DROP COLUMN "search_vector";
ALTER TABLE "papers"
    ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce("title_search_text", "title", '')), 'A') ||
        setweight(to_tsvector('simple'::regconfig, "pp_join_words"("authors")), 'B') ||
        setweight(to_tsvector('english'::regconfig, "pp_join_words"("keywords")), 'B') ||
        setweight(to_tsvector('english'::regconfig, coalesce("abstract_search_text", "abstract", '')), 'C') ||
        "pp_search_markers"(coalesce("title_search_text", "title"), "authors", "keywords", coalesce("abstract_search_text", "abstract"), "listed_on", "tag_slugs")
    ) STORED,
    ALTER COLUMN "search_vector" SET STORAGE MAIN;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)) THEN
        ALTER TABLE "papers" ALTER COLUMN "search_vector" SET COMPRESSION lz4;
    END IF;
END
$$;

-- Window sizes come from the planner's per-lexeme frequencies: keep ten times the default
-- number of them, and gather them now (the new column has none until it is analyzed).
ALTER TABLE "papers" ALTER COLUMN "search_vector" SET STATISTICS 1000;

-- The same index and settings as 20261129030000_ingest_speed left it.
CREATE INDEX "papers_search_vector_idx" ON "papers" USING GIN ("search_vector") WITH (fastupdate = on, gin_pending_list_limit = 1024);

ANALYZE "papers";

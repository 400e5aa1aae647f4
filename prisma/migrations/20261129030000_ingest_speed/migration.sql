-- Ingest speed (docs/ingestion.md, "Performance"): importing 10,000 papers took 18 s, two
-- thirds of it in the search index. Nothing here changes what is stored or found.

-- The search index takes new entries in its pending list again (fastupdate), and the upsert
-- merges that list into the index at the end of every import (gin_clean_pending_list, see
-- lib/ingest/upsert.ts): one sorted merge per import instead of about 100 separate entry
-- insertions per paper (2,000 papers: 2.5 s against 5.3 s). Searches read the pending list
-- only while an import runs, and never more than 1 MB of it (about 500 papers): past that
-- the inserting transaction merges it itself.
ALTER INDEX "papers_search_vector_idx" SET (fastupdate = on, gin_pending_list_limit = 1024);

-- The same markers as before (same lexemes, same order of work), computed without a
-- subquery per marker kind and a UNION per paper: 2.2 times faster (a fifth of the cost of
-- a paper's search vector was the markers). Existing vectors stay valid: nothing is rewritten.
-- Lexemes never contain control characters (the parser splits on them), so U+0001 can
-- join and split them to prefix all of them in one expression.
CREATE OR REPLACE FUNCTION "pp_search_markers"(title text, authors text[], keywords text[], abstract text, listed_on date, tag_slugs text[]) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
DECLARE
    markers text[];
BEGIN
    -- "^lexeme": the word is in the title, the keywords or an author name.
    markers := string_to_array('^' || array_to_string(tsvector_to_array(
            to_tsvector('english'::regconfig, coalesce(title, '')) ||
            to_tsvector('english'::regconfig, "pp_join_words"(keywords)) ||
            to_tsvector('simple'::regconfig, "pp_join_words"(authors))), E'\x01^'), E'\x01')
        -- "#slug": the paper carries the tag.
        || string_to_array('#' || array_to_string(tag_slugs, E'\x01#'), E'\x01')
        -- "~dYYYYMMDD", "~mYYYYMM", "~yYYYY": the listed day, month and year.
        || ARRAY[
            '~d' || (extract(year FROM listed_on) * 10000 + extract(month FROM listed_on) * 100 + extract(day FROM listed_on))::int::text,
            '~m' || (extract(year FROM listed_on) * 100 + extract(month FROM listed_on))::int::text,
            '~y' || extract(year FROM listed_on)::int::text];
    -- Chinese, Japanese and Korean are written without spaces: the parser keeps a whole run
    -- as one word, so overlapping character pairs make substrings findable. Most papers have
    -- none, and one match test is cheaper than collecting the runs.
    IF coalesce(title, '') || coalesce(abstract, '') ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]' THEN
        markers := markers || ARRAY(
            SELECT substr(m.parts[1], i, 2)
            FROM regexp_matches(coalesce(title, '') || ' ' || coalesce(abstract, ''), '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g') AS m(parts),
                 generate_series(1, greatest(char_length(m.parts[1]) - 1, 1)) AS i);
    END IF;
    -- A paper without head words or tags leaves a bare "^" or "#"; array_to_tsvector drops duplicates.
    RETURN array_to_tsvector(array_remove(array_remove(markers, '^'), '#'));
END
$$;

-- The word list's trigger: the same words and counts, but the pattern is tested once per
-- distinct word of the statement instead of once per word of every paper.
CREATE OR REPLACE FUNCTION "pp_count_new_paper_words"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO search_words AS w (word, ndoc)
    SELECT x.word, count(*)::int
    FROM new_papers n,
         LATERAL unnest(tsvector_to_array(to_tsvector('simple'::regconfig, n.title || ' ' || pp_join_words(n.keywords) || ' ' || pp_join_words(n.authors)))) AS x(word)
    GROUP BY x.word
    HAVING x.word ~ '^[a-z][a-z-]{1,38}[a-z]$'
    ORDER BY x.word
    ON CONFLICT (word) DO UPDATE SET ndoc = w.ndoc + EXCLUDED.ndoc;
    RETURN NULL;
END
$$;

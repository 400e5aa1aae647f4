import { getDb } from "@/lib/db";
import type { ParsedSearch } from "./query-syntax";

// Typo tolerance: when a search finds (almost) nothing, each word that is not a known word
// is replaced by the most similar known word (pg_trgm trigram similarity over the
// search_words list, which has a trigram index) that many more papers use. "quantizaton"
// becomes "quantization", "Tranformer" becomes "transformer".

/** Below this many results a search tries corrections. */
export const FEW_RESULTS = 3;
/** Trigram similarity a correction needs (0..1); pg_trgm's own % threshold is 0.3. */
const MIN_SIMILARITY = 0.4;
/** A correction must be used by at least this many papers, and ten times as many as the word typed. */
const MIN_DOCS = 2;

const CORRECTABLE = /^[a-z][a-z-]{2,38}[a-z]$/;

export async function findCorrections(words: string[]): Promise<Map<string, string>> {
  const candidates = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => CORRECTABLE.test(w)))];
  if (candidates.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.$queryRaw<{ word: string; correction: string }[]>`
    SELECT q.w AS word, s.word AS correction
    FROM unnest(${candidates}::text[]) AS q(w)
    CROSS JOIN LATERAL (
      SELECT sw.word, sw.ndoc, similarity(sw.word, q.w) AS sim FROM search_words sw
      WHERE sw.word % q.w AND sw.word <> q.w AND sw.ndoc >= ${MIN_DOCS}
      ORDER BY sim DESC, sw.ndoc DESC, sw.word LIMIT 1
    ) s
    LEFT JOIN search_words own ON own.word = q.w
    WHERE s.sim >= ${MIN_SIMILARITY} AND coalesce(own.ndoc, 0) * 10 < s.ndoc`;
  return new Map(rows.map((row) => [row.word, row.correction]));
}

/** The query with corrected words, or null when no word has a correction. */
export async function correctQuery(query: ParsedSearch): Promise<ParsedSearch | null> {
  const words = query.clauses.flatMap((c) => (c.negated ? [] : c.items.filter((i) => i.kind === "word").map((i) => i.text)));
  const corrections = await findCorrections(words);
  if (corrections.size === 0) return null;
  return {
    clauses: query.clauses.map((clause) => ({
      negated: clause.negated,
      items: clause.items.map((item) => (item.kind === "word" && !clause.negated ? { kind: "word", text: corrections.get(item.text.toLowerCase()) ?? item.text } : item)),
    })),
  };
}

import { getDb } from "@/lib/db";
import { getCorpusStats, lexemeFrequency } from "@/lib/search/stats";
import { quoteLexeme } from "@/lib/search/tsquery";
import type { Day } from "./dates";

// "Similar papers" by text: a weighted-keyword (TF-IDF style) match on the search index.
//   1. Take the paper's own lexemes (title, keywords, authors, abstract) and weight each by
//      where it occurs (title 3, keywords/authors 2, abstract 1) times its rarity, ln(1/f),
//      with f from the planner's statistics. Very common words (in over 2% of papers) carry no signal.
//   2. Candidates share at least two of the top lexemes (pairs ANDed, ORed together), which
//      keeps the GIN scan small even at millions of papers.
//   3. Each candidate scores the sum of the weights of the lexemes it shares; best first.
// No embeddings: it needs nothing beyond PostgreSQL and stays explainable.

const TOP_LEXEMES = 8;
const MAX_FREQUENCY = 0.02;
/** In a small corpus every word is in 2% of the papers; only words in more papers than this are "common". */
const MIN_COMMON_PAPERS = 20;
const MAX_CANDIDATES = 500;

export interface SimilarPaper {
  id: string;
  title: string;
  authors: string[];
  listedOn: Day;
  upvotes: number;
  /** Sum of the weights of the shared lexemes. */
  score: number;
}

export async function findSimilarPapers(id: string, limit = 5): Promise<SimilarPaper[]> {
  const db = await getDb();
  const lexemes = await db.$queryRaw<{ lexeme: string; weights: string[]; n: number }[]>`
    SELECT x.lexeme, x.weights::text[] AS weights, coalesce(array_length(x.positions, 1), 1)::int AS n
    FROM papers p CROSS JOIN LATERAL unnest(p.search_vector) AS x
    WHERE p.id = ${id} AND x.lexeme !~ '^[~#^]' AND char_length(x.lexeme) > 2`;
  if (lexemes.length === 0) return [];

  const stats = await getCorpusStats();
  // Without statistics (a database never analyzed) every word counts as equally rare.
  const frequencyOf = (lexeme: string) => (stats.frequencies ? lexemeFrequency(stats, lexeme) : 1 / Math.max(1, stats.totalPapers));
  const common = (frequency: number) => frequency > MAX_FREQUENCY && frequency * stats.totalPapers > MIN_COMMON_PAPERS;
  const scored = lexemes
    .map((row) => {
      const frequency = frequencyOf(row.lexeme);
      const place = row.weights.includes("A") ? 3 : row.weights.includes("B") ? 2 : 1;
      // Unknown to the statistics means rare; a word of this paper alone still counts as rare.
      return { lexeme: row.lexeme, frequency, weight: place * Math.min(3, Math.sqrt(row.n)) * Math.log(1 / Math.max(frequency, 1e-6)) };
    })
    .filter((l) => !common(l.frequency))
    .sort((a, b) => b.weight - a.weight || a.lexeme.localeCompare(b.lexeme))
    .slice(0, TOP_LEXEMES);
  if (scored.length < 2) return [];

  const pairs: string[] = [];
  for (let i = 0; i < scored.length; i += 1) {
    for (let j = i + 1; j < scored.length; j += 1) pairs.push(`(${quoteLexeme(scored[i]!.lexeme)} & ${quoteLexeme(scored[j]!.lexeme)})`);
  }
  const rows = await db.$queryRaw<{ id: string; title: string; authors: string[]; day: string; upvotes: number; score: number }[]>`
    WITH c AS (
      SELECT p.id, p.title, p.authors, p.listed_on, p.upvotes, tsvector_to_array(p.search_vector) AS words
      FROM papers p
      WHERE p.search_vector @@ ${pairs.join(" | ")}::tsquery AND p.id <> ${id}
      LIMIT ${MAX_CANDIDATES}
    )
    SELECT c.id, c.title, c.authors, c.listed_on::text AS day, c.upvotes,
           (SELECT sum(w) FROM unnest(${scored.map((l) => l.lexeme)}::text[], ${scored.map((l) => l.weight)}::float8[]) AS u(l, w) WHERE u.l = ANY(c.words))::float8 AS score
    FROM c
    ORDER BY score DESC, c.listed_on DESC, c.id
    LIMIT ${limit}`;
  return rows.map((row) => ({ id: row.id, title: row.title, authors: row.authors, listedOn: row.day, upvotes: row.upvotes, score: row.score }));
}

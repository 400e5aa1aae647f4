import { getDb } from "@/lib/db";
import type { ParsedSearch } from "./query-syntax";
import type { AnalyzedClause, AnalyzedItem, PositionedLexeme } from "./tsquery";

// Turns the words and phrases of a query into lexemes with PostgreSQL's own text parser
// and dictionaries (the ones that built the index), in one round trip. The text goes in
// as a bound parameter to to_tsvector, never into to_tsquery, so no input can be a syntax
// error or an operator.

/** Chinese, Japanese and Korean runs: the same ranges as pp_search_markers in SQL. */
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;

/** Overlapping character pairs of each run (a one-character run stays as is). */
export function cjkPairs(text: string): string[] {
  const pairs = new Set<string>();
  for (const [run] of text.matchAll(CJK_RUN)) {
    const chars = [...run];
    if (chars.length === 1) pairs.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i += 1) pairs.add(chars[i]! + chars[i + 1]!);
  }
  return [...pairs].sort();
}

interface LexemeRow {
  i: number;
  cfg: "english" | "simple";
  lexeme: string;
  positions: number[] | null;
}

type Lexemes = { english: PositionedLexeme[]; simple: PositionedLexeme[] };

/**
 * Analyzed words and phrases, most recently used last. The text search configurations are
 * fixed (a change would come with a migration and a restart), so a text always analyzes to
 * the same lexemes; repeated searches skip the round trip.
 */
const CACHE_KEY = Symbol.for("paperpulse.search.lexemes");
const CACHE_SIZE = 10_000;
type GlobalWithCache = typeof globalThis & { [CACHE_KEY]?: Map<string, Lexemes> };

function lexemeCache(): Map<string, Lexemes> {
  const store = globalThis as GlobalWithCache;
  return (store[CACHE_KEY] ??= new Map());
}

export async function analyzeQuery(query: ParsedSearch): Promise<AnalyzedClause[]> {
  const cache = lexemeCache();
  const texts = query.clauses.flatMap((clause) => clause.items.map((item) => item.text.replace(CJK_RUN, " ")));
  const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
  if (missing.length > 0) {
    const db = await getDb();
    const rows = await db.$queryRaw<LexemeRow[]>`
      SELECT w.i::int AS i, c.cfg, x.lexeme, x.positions::int[] AS positions
      FROM unnest(${missing}::text[]) WITH ORDINALITY AS w(text, i)
      CROSS JOIN (VALUES ('english'), ('simple')) AS c(cfg)
      CROSS JOIN LATERAL unnest(to_tsvector(c.cfg::regconfig, w.text)) AS x`;
    const analyzed = missing.map((): Lexemes => ({ english: [], simple: [] }));
    for (const row of rows) {
      // A lexeme that occurs twice in a phrase ("deep nets for deep learning") has two positions.
      for (const position of row.positions ?? [1]) analyzed[row.i - 1]![row.cfg].push({ lexeme: row.lexeme, position });
    }
    missing.forEach((text, i) => cache.set(text, analyzed[i]!));
    for (const key of cache.keys()) {
      if (cache.size <= CACHE_SIZE) break;
      cache.delete(key);
    }
  }

  let index = 0;
  return query.clauses.map((clause) => ({
    negated: clause.negated,
    items: clause.items.map((item): AnalyzedItem => {
      const lexemes = cache.get(texts[index++]!) ?? { english: [], simple: [] };
      return { kind: item.kind, english: lexemes.english, simple: lexemes.simple, cjk: cjkPairs(item.text) };
    }),
  }));
}

// Builds tsquery text from lexemes that PostgreSQL's own parser produced (analyze.ts), so
// user text never reaches to_tsquery: every lexeme is quoted, and the operators come only
// from here. The search vector holds, besides the weighted text, marker lexemes that this
// module also spells (see the migration 20261129010000_search and docs/search.md):
//   ^lexeme       the word is in the title, the keywords or an author name
//   #slug         the paper has the tag
//   ~dYYYYMMDD ~mYYYYMM ~yYYYY   the listed day, month and year

import type { Day } from "@/lib/papers/dates";

/** One lexeme and where it stands in its phrase (1-based, as to_tsvector counts). */
export interface PositionedLexeme {
  lexeme: string;
  position: number;
}

/** A word or a phrase after analysis, in both text configurations. */
export interface AnalyzedItem {
  kind: "word" | "phrase";
  /** 'english' configuration: stemmed, stop words dropped (titles, keywords, abstracts). */
  english: PositionedLexeme[];
  /** 'simple' configuration: how author names are indexed. */
  simple: PositionedLexeme[];
  /** Character pairs of Chinese, Japanese or Korean text (the index holds the same pairs). */
  cjk: string[];
}

export interface AnalyzedClause {
  negated: boolean;
  items: AnalyzedItem[];
}

export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

const and = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" & ")})`);
const or = (parts: string[]) => (parts.length === 1 ? parts[0]! : `(${parts.join(" | ")})`);

function uniqueLexemes(lexemes: PositionedLexeme[]): string[] {
  return [...new Set(lexemes.map((l) => l.lexeme))].sort();
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** "a <-> b <3> c": each distance counts from the previous lexeme, as phraseto_tsquery does. */
function phraseText(lexemes: PositionedLexeme[]): string {
  const sorted = [...lexemes].sort((x, y) => x.position - y.position || x.lexeme.localeCompare(y.lexeme));
  let text = quoteLexeme(sorted[0]!.lexeme);
  for (let i = 1; i < sorted.length; i += 1) {
    const distance = sorted[i]!.position - sorted[i - 1]!.position;
    // Two lexemes at one position (never from the default parser) would need <0>: AND them.
    text = distance <= 0 ? `(${text} & ${quoteLexeme(sorted[i]!.lexeme)})` : `(${text} <${distance === 1 ? "-" : distance}> ${quoteLexeme(sorted[i]!.lexeme)})`;
  }
  return text;
}

/** The item's condition on the text, or null when it has no lexemes (only stop words). */
function itemText(item: AnalyzedItem, prefix = ""): string | null {
  const cjk = item.cjk.map((pair) => quoteLexeme(pair));
  const variants: string[] = [];
  const english = uniqueLexemes(item.english);
  const simple = uniqueLexemes(item.simple);
  // A word that is only a stop word in English ("the") is not searched at all, even though
  // the simple configuration keeps it: it would match almost every author list.
  if (english.length === 0 && cjk.length === 0) return null;
  const configs = english.length > 0 && !sameSet(english, simple) && simple.length > 0 ? [item.english, item.simple] : [item.english];
  for (const lexemes of configs) {
    if (lexemes.length === 0) continue;
    if (prefix) variants.push(and(uniqueLexemes(lexemes).map((l) => quoteLexeme(prefix + l))));
    else if (item.kind === "phrase" && lexemes.length > 1) variants.push(phraseText(lexemes));
    else variants.push(and(uniqueLexemes(lexemes).map(quoteLexeme)));
  }
  if (prefix) return variants.length ? or(variants) : null;
  if (variants.length === 0) return and(cjk);
  return cjk.length ? and([or(variants), ...cjk]) : or(variants);
}

export interface BuiltQuery {
  /** What a paper must match: positive clauses ANDed, negated ones excluded. */
  text: string;
  /** The same positive clauses restricted to title, keywords and author names; null when none can be. */
  head: string | null;
  /** Lexemes of each alternative of each positive clause, for frequency estimates; empty when there are only exclusions. */
  positive: string[][][];
  /** A phrase needs the positions: the index returns papers with its words, and each is read to check the order. */
  hasPhrase: boolean;
}

/** Null when no clause has a searchable lexeme. With exclusions only, text is their conjunction (to narrow a tag search). */
export function buildTextQuery(clauses: AnalyzedClause[]): BuiltQuery | null {
  const must: string[] = [];
  const head: string[] = [];
  const not: string[] = [];
  const positive: string[][][] = [];
  let hasPhrase = false;
  for (const clause of clauses) {
    const texts = clause.items.map((item) => itemText(item)).filter((t): t is string => t !== null);
    if (texts.length === 0) continue;
    if (clause.negated) {
      not.push(`!${texts[0]}`);
      continue;
    }
    must.push(or(texts));
    hasPhrase ||= clause.items.some((item) => item.kind === "phrase" && uniqueLexemes(item.english).length > 1);
    positive.push(clause.items.map((item) => uniqueLexemes(item.english).concat(item.cjk)).filter((lexemes) => lexemes.length > 0));
    const heads = clause.items.map((item) => itemText(item, "^"));
    // A clause with an alternative that has no head form (CJK pairs) cannot restrict the head.
    if (heads.every((h): h is string => h !== null)) head.push(or(heads));
  }
  if (must.length + not.length === 0) return null;
  return { text: and([...must, ...not]), head: must.length && head.length ? and(head) : null, positive, hasPhrase };
}

export function tagQuery(slugs: readonly string[]): string | null {
  return slugs.length ? and(slugs.map((slug) => quoteLexeme(`#${slug}`))) : null;
}

export function dayToken(day: Day): string {
  return `~d${day.replaceAll("-", "")}`;
}

export function monthToken(month: string): string {
  return `~m${month.replace("-", "")}`;
}

export function yearToken(year: string): string {
  return `~y${year}`;
}

export function anyOf(tokens: readonly string[]): string {
  return or(tokens.map(quoteLexeme));
}

/** AND of the non-null parts; null when all are null. */
export function allOf(...parts: (string | null | undefined)[]): string | null {
  const present = parts.filter((p): p is string => !!p);
  return present.length ? and(present) : null;
}

export function eitherOf(...parts: string[]): string {
  return or(parts);
}

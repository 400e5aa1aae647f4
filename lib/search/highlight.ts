import stem from "wink-porter2-stemmer";

// Highlights for search results, computed here rather than with ts_headline: ts_headline
// parses each abstract again (about 0.3 ms apiece, 6 ms of database time for a page of 20),
// while the query's lexemes are already known. A word matches when it stems (Porter2, the
// algorithm of PostgreSQL's english_stem) to a query lexeme, or equals a lexeme of the
// 'simple' configuration (author names); Chinese, Japanese and Korean text matches by
// character pairs. The result is segments that pages render as React text in <mark>, so
// a title or abstract can never inject markup.

export interface TextSegment {
  text: string;
  match: boolean;
}

export interface HighlightTerms {
  /** English lexemes (stems) of the positive words and phrases. */
  stems: string[];
  /** Lower-cased words as the 'simple' configuration keeps them. */
  words: string[];
  /** Character pairs of CJK words. */
  cjk: string[];
}

export const SNIPPET_WORDS = 40;

interface Token {
  start: number;
  end: number;
  match: boolean;
}

function matcher(terms: HighlightTerms): (word: string) => boolean {
  const stems = new Set(terms.stems);
  const words = new Set(terms.words);
  // Porter2 only rewrites endings: a stem less its last letter starts the word it came from.
  // Only words starting like a query stem are stemmed (stemming costs microseconds a word).
  const prefixes = terms.stems.map((s) => s.slice(0, Math.max(2, s.length - 1)));
  const seen = new Map<string, boolean>();
  return (lowered) => {
    const known = seen.get(lowered);
    if (known !== undefined) return known;
    const word = lowered.includes("’") ? lowered.replaceAll("’", "'") : lowered;
    const match = words.has(word) || stems.has(word) || (prefixes.some((p) => word.startsWith(p)) && stems.has(stem(word)));
    seen.set(lowered, match);
    return match;
  };
}

/** Words: runs of letters and digits, with an inner apostrophe as in "model's". */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)?/gu;

function tokenize(text: string, isMatch: (word: string) => boolean): Token[] {
  const tokens: Token[] = [];
  // Lower-casing once is only safe when it keeps every position (it does for most text).
  const lower = text.toLowerCase();
  const source = lower.length === text.length ? lower : text;
  const word = new RegExp(WORD.source, WORD.flags);
  for (let found = word.exec(source); found !== null; found = word.exec(source)) {
    const start = found.index;
    const end = start + found[0].length;
    tokens.push({ start, end, match: isMatch(source === lower ? found[0] : found[0].toLowerCase()) });
  }
  return tokens;
}

/** Character ranges of CJK pairs of the query in the text. */
function cjkRanges(text: string, pairs: string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pair of pairs) {
    for (let at = text.indexOf(pair); at !== -1; at = text.indexOf(pair, at + 1)) ranges.push([at, at + pair.length]);
  }
  return ranges;
}

function segmentsOf(text: string, start: number, end: number, tokens: Token[], cjk: [number, number][]): TextSegment[] {
  const marked = new Uint8Array(end - start);
  for (const token of tokens) if (token.match) marked.fill(1, Math.max(token.start, start) - start, Math.min(token.end, end) - start);
  for (const [from, to] of cjk) if (to > start && from < end) marked.fill(1, Math.max(from, start) - start, Math.min(to, end) - start);
  const segments: TextSegment[] = [];
  let i = 0;
  while (i < marked.length) {
    let j = i;
    while (j < marked.length && marked[j] === marked[i]) j += 1;
    segments.push({ text: text.slice(start + i, start + j), match: marked[i] === 1 });
    i = j;
  }
  return mergePhrases(segments);
}

/** "kv" + " " + "cache" reads better as one mark. */
function mergePhrases(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    const gap = merged.at(-2);
    if (segment.match && previous && !previous.match && /^\s+$/u.test(previous.text) && gap?.match) {
      merged.pop();
      gap.text += previous.text + segment.text;
    } else merged.push({ ...segment });
  }
  return merged;
}

export interface Highlighter {
  /** The whole text with its matches marked (titles). */
  text(text: string): TextSegment[];
  /** The stretch of about `words` words with the most matches (the opening words when none match), with "…" where cut. */
  snippet(text: string, words?: number): TextSegment[];
}

/** One per search: words already looked at are remembered across the results. */
export function createHighlighter(terms: HighlightTerms): Highlighter {
  const isMatch = matcher(terms);
  return {
    text: (text) => segmentsOf(text, 0, text.length, tokenize(text, isMatch), cjkRanges(text, terms.cjk)),
    snippet: (text, words = SNIPPET_WORDS) => snippetOf(text, tokenize(text, isMatch), cjkRanges(text, terms.cjk), words),
  };
}

export function highlightText(text: string, terms: HighlightTerms): TextSegment[] {
  return createHighlighter(terms).text(text);
}

export function highlightSnippet(text: string, terms: HighlightTerms, words = SNIPPET_WORDS): TextSegment[] {
  return createHighlighter(terms).snippet(text, words);
}

function snippetOf(text: string, tokens: Token[], cjk: [number, number][], words: number): TextSegment[] {
  if (tokens.length === 0) return text ? [{ text, match: false }] : [];
  const hit = cjk.length === 0 ? tokens.map((t) => t.match) : tokens.map((t) => t.match || cjk.some(([from, to]) => from < t.end && to > t.start));
  // The window of `words` tokens holding the most matches (the first such window).
  let bestStart = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    if (hit[i]) count += 1;
    if (i >= words && hit[i - words]) count -= 1;
    if (i >= Math.min(words, tokens.length) - 1 && count > bestCount) {
      bestCount = count;
      bestStart = Math.max(0, i - words + 1);
    }
  }
  // Start a few words before its first match, so the match is read in context.
  const firstHit = hit.indexOf(true, bestStart);
  const best = firstHit === -1 ? bestStart : Math.max(0, firstHit - 3);
  const last = Math.min(tokens.length, best + words) - 1;
  const start = best === 0 ? 0 : tokens[best]!.start;
  const end = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const segments = segmentsOf(text, start, end, tokens, cjk);
  if (start > 0) segments.unshift({ text: "… ", match: false });
  if (end < text.length) segments.push({ text: " …", match: false });
  return mergePlain(segments);
}

function mergePlain(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && !previous.match && !segment.match) previous.text += segment.text;
    else merged.push(segment);
  }
  return merged;
}

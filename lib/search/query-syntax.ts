// Web-search syntax → a small query tree. Pure and total: any string parses (unbalanced
// quotes close at the end, stray operators are ignored), and nothing here is ever handed
// to PostgreSQL's tsquery parser: words and phrases become lexemes later (analyze.ts),
// so characters such as & | ! : * ( ) are only text.
//
//   quantization llm          both words (AND)
//   "kv cache"                the words next to each other, in this order
//   -llm  -"kv cache"         without the word or the phrase
//   llm OR vlm  (or llm | vlm) either word

export const MAX_QUERY_LENGTH = 500;
export const MAX_CLAUSES = 16;
export const MAX_ALTERNATIVES = 8;
const MAX_WORD_LENGTH = 100;

export type SearchItem = { kind: "word"; text: string } | { kind: "phrase"; text: string };

/** Items joined by OR; a negated clause has exactly one item. */
export interface SearchClause {
  negated: boolean;
  items: SearchItem[];
}

export interface ParsedSearch {
  clauses: SearchClause[];
}

interface Token {
  kind: "item" | "or";
  item?: SearchItem;
  negated: boolean;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  // Control characters (NUL cannot even be stored in PostgreSQL text) separate words like spaces.
  const text = input.slice(0, MAX_QUERY_LENGTH).replace(/[\u0000-\u001f\u007f]/gu, " ");
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/u.test(char)) {
      i += 1;
      continue;
    }
    let negated = false;
    if (char === "-" && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i += 1;
    }
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      const phrase = (end === -1 ? text.slice(i + 1) : text.slice(i + 1, end)).trim();
      i = end === -1 ? text.length : end + 1;
      if (phrase) tokens.push({ kind: "item", item: { kind: "phrase", text: phrase.slice(0, MAX_QUERY_LENGTH) }, negated });
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end += 1;
    const word = text.slice(i, end);
    i = end;
    if (!negated && (word === "OR" || word === "|")) tokens.push({ kind: "or", negated: false });
    else if (word) tokens.push({ kind: "item", item: { kind: "word", text: word.slice(0, MAX_WORD_LENGTH) }, negated });
  }
  return tokens;
}

export function parseSearchQuery(input: string): ParsedSearch {
  const clauses: SearchClause[] = [];
  let joinNext = false;
  for (const token of tokenize(input)) {
    if (token.kind === "or") {
      // OR only joins two positive items; a leading, trailing or doubled OR is ignored.
      const previous = clauses.at(-1);
      joinNext = previous !== undefined && !previous.negated;
      continue;
    }
    const item = token.item!;
    const previous = clauses.at(-1);
    if (joinNext && !token.negated && previous && !previous.negated) {
      if (previous.items.length < MAX_ALTERNATIVES && !previous.items.some((other) => sameItem(other, item))) previous.items.push(item);
    } else if (clauses.length < MAX_CLAUSES && !clauses.some((c) => c.negated === token.negated && c.items.length === 1 && sameItem(c.items[0]!, item))) {
      clauses.push({ negated: token.negated, items: [item] });
    }
    joinNext = false;
  }
  return { clauses };
}

function sameItem(a: SearchItem, b: SearchItem): boolean {
  return a.kind === b.kind && a.text.toLowerCase() === b.text.toLowerCase();
}

/** Back to text, e.g. to show a corrected query; parseSearchQuery(formatSearchQuery(x)) equals x. */
export function formatSearchQuery(query: ParsedSearch): string {
  const item = (i: SearchItem) => (i.kind === "phrase" ? `"${i.text.replaceAll('"', "")}"` : i.text);
  return query.clauses.map((c) => (c.negated ? `-${item(c.items[0]!)}` : c.items.map(item).join(" OR "))).join(" ");
}

export function hasPositiveClause(query: ParsedSearch): boolean {
  return query.clauses.some((c) => !c.negated);
}

import { describe, expect, it } from "vitest";
import { formatSearchQuery, hasPositiveClause, MAX_CLAUSES, parseSearchQuery } from "@/lib/search/query-syntax";

const word = (text: string) => ({ kind: "word", text });
const phrase = (text: string) => ({ kind: "phrase", text });

describe("parseSearchQuery", () => {
  it("reads words, phrases, exclusions and OR", () => {
    expect(parseSearchQuery('quantization "kv cache" -survey llm OR vlm -"state space"').clauses).toEqual([
      { negated: false, items: [word("quantization")] },
      { negated: false, items: [phrase("kv cache")] },
      { negated: true, items: [word("survey")] },
      { negated: false, items: [word("llm"), word("vlm")] },
      { negated: true, items: [phrase("state space")] },
    ]);
  });

  it("treats | like OR and chains alternatives", () => {
    expect(parseSearchQuery("a | b OR c").clauses).toEqual([{ negated: false, items: [word("a"), word("b"), word("c")] }]);
  });

  it("closes an unbalanced quote at the end and ignores an empty one", () => {
    expect(parseSearchQuery('diffusion "score matching').clauses).toEqual([
      { negated: false, items: [word("diffusion")] },
      { negated: false, items: [phrase("score matching")] },
    ]);
    expect(parseSearchQuery('"" "   " x').clauses).toEqual([{ negated: false, items: [word("x")] }]);
  });

  it("ignores a dangling or doubled OR, and OR next to an exclusion", () => {
    expect(parseSearchQuery("OR llm OR").clauses).toEqual([{ negated: false, items: [word("llm")] }]);
    expect(parseSearchQuery("llm OR OR vlm").clauses).toEqual([{ negated: false, items: [word("llm"), word("vlm")] }]);
    expect(parseSearchQuery("-llm OR vlm").clauses).toEqual([
      { negated: true, items: [word("llm")] },
      { negated: false, items: [word("vlm")] },
    ]);
  });

  it("keeps tsquery operators and SQL as plain text for the analyzer", () => {
    expect(parseSearchQuery("a & b | !c:* (d)").clauses).toEqual([
      { negated: false, items: [word("a")] },
      { negated: false, items: [word("&")] },
      { negated: false, items: [word("b"), word("!c:*")] },
      { negated: false, items: [word("(d)")] },
    ]);
    expect(parseSearchQuery("'; DROP TABLE papers; --").clauses.map((c) => `${c.negated ? "-" : ""}${c.items[0]!.text}`)).toEqual(["';", "DROP", "TABLE", "papers;", "--"]);
  });

  it("drops duplicate clauses and caps the number of clauses and the length", () => {
    expect(parseSearchQuery("llm LLM llm").clauses).toEqual([{ negated: false, items: [word("llm")] }]);
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(parseSearchQuery(many).clauses).toHaveLength(MAX_CLAUSES);
    const long = parseSearchQuery("x".repeat(10_000));
    expect(long.clauses).toEqual([{ negated: false, items: [word("x".repeat(100))] }]);
  });

  it("knows whether anything positive is left", () => {
    expect(hasPositiveClause(parseSearchQuery("-llm -vlm"))).toBe(false);
    expect(hasPositiveClause(parseSearchQuery(""))).toBe(false);
    expect(hasPositiveClause(parseSearchQuery("-llm agents"))).toBe(true);
  });

  it("formats back to text that parses the same", () => {
    for (const text of ['quantization "kv cache" -survey llm OR vlm', '-"a b" c', "盘古 大模型"]) {
      const parsed = parseSearchQuery(text);
      expect(parseSearchQuery(formatSearchQuery(parsed))).toEqual(parsed);
    }
    expect(formatSearchQuery(parseSearchQuery('x   OR  y   "p q'))).toBe('x OR y "p q"');
  });
});

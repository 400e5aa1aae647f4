import { describe, expect, it } from "vitest";
import { type AnalyzedItem, buildTextQuery, dayToken, monthToken, quoteLexeme, tagQuery, yearToken } from "@/lib/search/tsquery";

const lexemes = (...words: string[]) => words.map((lexeme, i) => ({ lexeme, position: i + 1 }));
const item = (kind: "word" | "phrase", english: string[], simple: string[] = english, cjk: string[] = []): AnalyzedItem => ({
  kind,
  english: lexemes(...english),
  simple: lexemes(...simple),
  cjk,
});

describe("tsquery text", () => {
  it("quotes every lexeme, doubling quotes and backslashes", () => {
    expect(quoteLexeme("quantiz")).toBe("'quantiz'");
    expect(quoteLexeme("o'neil")).toBe("'o''neil'");
    expect(quoteLexeme("a\\b")).toBe("'a\\\\b'");
    expect(quoteLexeme("&|!:*()")).toBe("'&|!:*()'");
  });

  it("ANDs clauses, ORs alternatives, excludes negations and adds the simple form of names", () => {
    const built = buildTextQuery([
      { negated: false, items: [item("word", ["quantiz"], ["quantization"])] },
      { negated: false, items: [item("word", ["llm"]), item("word", ["vlm"])] },
      { negated: true, items: [item("word", ["survey"])] },
    ]);
    expect(built).toEqual({
      text: "(('quantiz' | 'quantization') & ('llm' | 'vlm') & !'survey')",
      head: "(('^quantiz' | '^quantization') & ('^llm' | '^vlm'))",
      positive: [[["quantiz"]], [["llm"], ["vlm"]]],
      hasPhrase: false,
    });
  });

  it("keeps the order and gaps of a phrase, counted from the previous word", () => {
    const phrase: AnalyzedItem = { kind: "phrase", english: [{ lexeme: "attent", position: 1 }, { lexeme: "need", position: 5 }], simple: [], cjk: [] };
    expect(buildTextQuery([{ negated: false, items: [phrase] }])?.text).toBe("('attent' <4> 'need')");
    const three = item("phrase", ["larg", "languag", "model"], ["large", "language", "models"]);
    expect(buildTextQuery([{ negated: false, items: [three] }])).toMatchObject({
      text: "((('larg' <-> 'languag') <-> 'model') | (('large' <-> 'language') <-> 'models'))",
      hasPhrase: true,
    });
  });

  it("drops stop words and returns null when nothing is left", () => {
    expect(buildTextQuery([{ negated: false, items: [item("word", [], ["the"])] }])).toBeNull();
    expect(buildTextQuery([])).toBeNull();
    // Exclusions alone still narrow a search by tags.
    expect(buildTextQuery([{ negated: true, items: [item("word", ["llm"])] }])).toEqual({ text: "!'llm'", head: null, positive: [], hasPhrase: false });
  });

  it("searches Chinese, Japanese and Korean by character pairs, with no head form", () => {
    expect(buildTextQuery([{ negated: false, items: [item("word", [], [], ["大模", "模型"])] }])).toEqual({
      text: "('大模' & '模型')",
      head: null,
      positive: [[["大模", "模型"]]],
      hasPhrase: false,
    });
  });

  it("spells markers that the text parser can never produce", () => {
    expect(tagQuery(["llm", "cs-cl"])).toBe("('#llm' & '#cs-cl')");
    expect(tagQuery([])).toBeNull();
    expect([dayToken("2026-11-28"), monthToken("2026-11"), yearToken("2026")]).toEqual(["~d20261128", "~m202611", "~y2026"]);
  });
});

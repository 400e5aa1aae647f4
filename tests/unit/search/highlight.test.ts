import { describe, expect, it } from "vitest";
import { highlightSnippet, highlightText } from "@/lib/search/highlight";

const terms = { stems: ["quantiz", "model"], words: ["sharma"], cjk: [] as string[] };
const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe("highlights", () => {
  it("marks every word that stems to a query lexeme, keeping the text intact", () => {
    const text = "Quantized models: quantization of a Model <b>zoo</b>";
    const segments = highlightText(text, terms);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(marked(segments)).toEqual(["Quantized models", "quantization", "Model"]);
  });

  it("marks author names by their simple form and CJK text by character pairs", () => {
    expect(marked(highlightText("Priya Sharma and Wei Zhang", terms))).toEqual(["Sharma"]);
    expect(marked(highlightText("盘古大模型 PanGu", { stems: [], words: [], cjk: ["大模", "模型"] }))).toEqual(["大模型"]);
  });

  it("cuts a snippet around the densest stretch of matches", () => {
    const filler = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    const text = `${filler} we quantize models with quantization ${filler}`;
    const snippet = highlightSnippet(text, terms, 10);
    expect(snippet[0]).toEqual({ text: "… w58 w59 we ", match: false });
    expect(marked(snippet)).toEqual(["quantize models", "quantization"]);
    expect(snippet.at(-1)?.text.endsWith(" …")).toBe(true);
  });

  it("shows the opening words when nothing matches, and handles empty text", () => {
    expect(highlightSnippet("one two three four", terms, 2)).toEqual([{ text: "one two …", match: false }]);
    expect(highlightSnippet("", terms)).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { splitMath, stripMathDelimiters } from "@/lib/text/math-segments";

describe("splitMath", () => {
  it("finds inline and display math", () => {
    expect(splitMath("Cost $O(n \\log n)$ and $$\\sum_i x_i$$ end")).toEqual([
      { kind: "text", text: "Cost " },
      { kind: "math", tex: "O(n \\log n)", display: false },
      { kind: "text", text: " and " },
      { kind: "math", tex: "\\sum_i x_i", display: true },
      { kind: "text", text: " end" },
    ]);
  });

  it("reads \\( \\) and \\[ \\] delimiters", () => {
    expect(splitMath("a \\(x^2\\) b \\[y\\]")).toEqual([
      { kind: "text", text: "a " },
      { kind: "math", tex: "x^2", display: false },
      { kind: "text", text: " b " },
      { kind: "math", tex: "y", display: true },
    ]);
  });

  it("keeps prices and lone dollars as text", () => {
    expect(splitMath("costs $5 and $10 per run")).toEqual([{ kind: "text", text: "costs $5 and $10 per run" }]);
    expect(splitMath("a single $ sign")).toEqual([{ kind: "text", text: "a single $ sign" }]);
    expect(splitMath("escaped \\$x\\$ stays")).toEqual([{ kind: "text", text: "escaped $x$ stays" }]);
  });

  it("leaves unclosed delimiters as text", () => {
    expect(splitMath("open $$x and \\(y")).toEqual([{ kind: "text", text: "open $$x and \\(y" }]);
  });

  it("keeps HTML-looking text as text for the renderer to escape", () => {
    expect(splitMath("<script>alert(1)</script> $a<b$")).toEqual([
      { kind: "text", text: "<script>alert(1)</script> " },
      { kind: "math", tex: "a<b", display: false },
    ]);
  });

  it("strips delimiters for plain-text outputs", () => {
    expect(stripMathDelimiters("Loss $\\mathcal{L}$ is low")).toBe("Loss \\mathcal{L} is low");
  });
});

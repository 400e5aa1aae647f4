import { describe, expect, it } from "vitest";
import { splitMath, truncateMathText } from "@/lib/text/math-segments";

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
});

describe("truncateMathText", () => {
  it("keeps short text whole", () => {
    expect(truncateMathText("  A short abstract with $x^2$.  ", 300)).toBe("A short abstract with $x^2$.");
  });

  it("cuts at a space, never inside a word, and marks the cut", () => {
    expect(truncateMathText("alpha beta gamma delta", 13)).toBe("alpha beta…");
    expect(truncateMathText("alpha beta gamma delta", 10)).toBe("alpha beta…");
  });

  it("never cuts inside a formula, even one with spaces in it", () => {
    const text = "We bound the loss by $\\sum_{i = 1}^{n} x_i + y_i$ for all inputs";
    const cut = truncateMathText(text, 40);
    expect(cut).toBe("We bound the loss by…");
    expect(splitMath(cut).every((s) => s.kind === "text")).toBe(true);
    expect(truncateMathText(text, 55)).toBe("We bound the loss by $\\sum_{i = 1}^{n} x_i + y_i$ for…");
  });

  it("reads the kept formulas as the full text does", () => {
    const text = "Prices of $5 and $10 aside, \\(a+b\\) and $$c$$ hold while \\$d stays literal and more words follow here";
    const cut = truncateMathText(text, 80);
    const full = splitMath(text);
    const kept = splitMath(cut.slice(0, -1));
    expect(kept.filter((s) => s.kind === "math")).toEqual(full.filter((s) => s.kind === "math").slice(0, kept.filter((s) => s.kind === "math").length));
    expect(kept.filter((s) => s.kind === "math")).toHaveLength(2);
  });

  it("cuts one endless word outside its formulas", () => {
    expect(truncateMathText("abcdefghij", 4)).toBe("abcd…");
    expect(truncateMathText("ab$xyzw$cd", 5)).toBe("ab…");
  });
});

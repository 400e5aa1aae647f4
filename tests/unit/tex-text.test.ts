import { describe, expect, it } from "vitest";
import { splitLinks } from "@/lib/text/links";
import { mathToPlainText, plainTextFromTex, plainTextLine, texSegments, texToUnicode } from "@/lib/text/tex-text";

// TeX in titles and abstracts as readers see it (lib/text/tex-text.ts). The inputs are the
// shapes found in real arXiv metadata.

describe("texToUnicode (text outside math)", () => {
  it("turns accents into letters, in every spelling TeX allows", () => {
    expect(texToUnicode(`Landauer-B\\"uttiker formalism`)).toBe("Landauer-Büttiker formalism");
    expect(texToUnicode(`Poincar\\'e, Poincar\\'{e}, Poincar{\\'e}`)).toBe("Poincaré, Poincaré, Poincaré");
    expect(texToUnicode(`Erd\\H{o}s--R\\'enyi, \\v{S}koda, \\v Skoda, Fran\\c{c}ois, Gra\\c cia`)).toBe("Erdős–Rényi, Škoda, Škoda, François, Graçia");
    expect(texToUnicode(`na\\"{\\i}ve, na\\"\\i ve, \\'{\\i}ndice, \\^o, \\\`a, \\~n, \\=a, \\.z, \\u{g}, \\k{a}, \\r{u}, \\d{s}`)).toBe("naïve, naïve, índice, ô, à, ñ, ā, ż, ğ, ą, ů, ṣ");
    expect(texToUnicode(`Stra\\ss e, \\o, \\O, \\aa, \\AA ngstr\\"om, \\l{}\\'od\\'z, \\ae, \\oe, \\i`)).toBe("Straße, ø, Ø, å, Ångström, łódź, æ, œ, ı");
  });

  it("keeps the text of font commands and drops the commands", () => {
    expect(texToUnicode(`\\emph{exact} and \\textbf{bold} and \\textit{it} and {\\em old} {\\bf style} \\texttt{code}`)).toBe("exact and bold and it and old style code");
    expect(texToUnicode(`\\emph{a \\"u b}`)).toBe("a ü b");
  });

  it("reads ligatures, escapes, spaces and quotes", () => {
    expect(texToUnicode(`pages 1--10, a---b, 50\\% faster \\& better, \\$5, \\#1, a\\_b, \\{x\\}`)).toBe("pages 1–10, a—b, 50% faster & better, $5, #1, a_b, {x}");
    expect(texToUnicode("``quoted'' and `single'")).toBe("“quoted” and ‘single'");
    expect(texToUnicode("e.g.\\ this, Fig.~3, about ~10x")).toBe("e.g. this, Fig.\u00a03, about ~10x");
    expect(texToUnicode("\\LaTeX{} and \\TeX\\ and \\ldots{} more")).toBe("LaTeX and TeX and … more");
  });

  it("copies URLs verbatim: their ~, -- and _ are not TeX", () => {
    expect(texToUnicode("see https://example.org/~user/a--b_c.html and \\url{https://x.org/a~b}")).toBe("see https://example.org/~user/a--b_c.html and https://x.org/a~b");
    expect(texToUnicode("\\href{https://github.com/a/b}{our code}")).toBe("our code (https://github.com/a/b)");
  });

  it("shows what it does not understand as written, and never throws", () => {
    expect(texToUnicode("\\cite{smith} and \\unknown{x} and {GPT}-4 and a } brace")).toBe("\\cite{smith} and \\unknown{x} and {GPT}-4 and a } brace");
    expect(texToUnicode("C:\\Users\\d+ and \\r\\n and a trailing \\")).toBe("C:\\Users\\d+ and \\r\\n and a trailing \\");
    expect(texToUnicode("\\emph{never closed")).toBe("never closed");
    expect(texToUnicode("{\\em open")).toBe("open");
    expect(texToUnicode('\\" and \\\'{} and \\v{}')).toBe('\\" and \\\'{} and \\v{}');
  });

  it("leaves text without TeX untouched (the same string)", () => {
    const text = "Sparse attention with <b>tags</b> & 5 $ signs, Büttiker, naïve, 東京";
    expect(texToUnicode(text)).toBe(text);
  });
});

describe("mathToPlainText", () => {
  it("linearises formulas into readable text", () => {
    expect(mathToPlainText("O(n \\log n)")).toBe("O(n log n)");
    expect(mathToPlainText("n\\log n")).toBe("n log n");
    expect(mathToPlainText("\\alpha^2 + \\beta_{ij}")).toBe("α² + βᵢⱼ");
    expect(mathToPlainText("\\mathbb{R}^d \\to \\mathbb{R}")).toBe("ℝᵈ → ℝ");
    expect(mathToPlainText("\\frac{a+b}{2} \\leq \\sqrt{n} \\cdot \\infty")).toBe("(a+b)/2 ≤ √n · ∞");
    expect(mathToPlainText("x^{-1}, x^{T}, f'(x), \\hat{y}, x_{\\text{max}}")).toBe("x⁻¹, xᵀ, f′(x), ŷ, xₘₐₓ");
    expect(mathToPlainText("\\left(\\frac{1}{2}\\right)^{k+q}")).toBe("(1/2)^(k+q)");
    expect(mathToPlainText("\\mathcal{L}_{\\mathrm{CE}} \\approx \\operatorname{softmax}(z)")).toBe("L_(CE) ≈ softmax(z)");
  });
});

describe("plainTextFromTex and texSegments", () => {
  it("gives metadata, feeds and emails plain text: no $, no backslashes", () => {
    expect(plainTextFromTex("Sorting in $O(n \\log n)$ with $\\alpha$-schedules for B\\\"uttiker")).toBe("Sorting in O(n log n) with α-schedules for Büttiker");
    expect(plainTextLine("  Two\n\nparagraphs  with $x^2$ ")).toBe("Two paragraphs with x²");
  });

  it("keeps formulas for KaTeX and converts the text around them, even across a formula", () => {
    expect(texSegments("\\emph{a $x^2$ b} for B\\\"uttiker")).toEqual([
      { kind: "text", text: "a " },
      { kind: "math", tex: "x^2", display: false },
      { kind: "text", text: " b for Büttiker" },
    ]);
    expect(texSegments("Cost $O(n)$ -- plain")).toEqual([
      { kind: "text", text: "Cost " },
      { kind: "math", tex: "O(n)", display: false },
      { kind: "text", text: " – plain" },
    ]);
    expect(texSegments("no tex $x$ here")).toEqual([
      { kind: "text", text: "no tex " },
      { kind: "math", tex: "x", display: false },
      { kind: "text", text: " here" },
    ]);
  });

  it("keeps markup-looking text as text", () => {
    expect(plainTextFromTex("<script>alert(1)</script> \\emph{<b>}")).toBe("<script>alert(1)</script> <b>");
  });
});

describe("splitLinks", () => {
  it("finds http(s) links in prose and leaves their trailing punctuation out", () => {
    expect(splitLinks("Code: https://github.com/a/b. Data (https://x.org/d_1).")).toEqual([
      { text: "Code: " },
      { text: "https://github.com/a/b", href: "https://github.com/a/b" },
      { text: ". Data (" },
      { text: "https://x.org/d_1", href: "https://x.org/d_1" },
      { text: ")." },
    ]);
  });

  it("links nothing else: no javascript:, mailto:, bare hosts or e-mail addresses", () => {
    for (const text of ["javascript:alert(1)", "mailto:a@b.org", "github.com/a/b", "write to a@b.org", "ftp://x.org/f", "//x.org/p", "Fig.3 and Phys.Rev"]) {
      expect(splitLinks(text)).toEqual([{ text }]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { foldAccents, indexedText, MAY_INDEX_DIFFERENTLY } from "@/lib/search/indexed-text";

// What the search index reads for a title or abstract (lib/search/indexed-text.ts).

describe("indexedText", () => {
  it("indexes TeX accents as letters, plus the accent-free spelling", () => {
    expect(indexedText(`Landauer-B\\"uttiker transport and Poincar\\'e maps`)).toBe(
      "Landauer-Büttiker transport and Poincaré maps\n\nLandauer-Buttiker Poincare",
    );
  });

  it("adds accent-free spellings for text that already has accents", () => {
    expect(indexedText("Schrödinger bridges for naïve Straße users, Łukasz and Erdős–Rényi")).toBe(
      "Schrödinger bridges for naïve Straße users, Łukasz and Erdős–Rényi\n\nSchrodinger naive Strasse Lukasz Erdos–Renyi",
    );
  });

  it("keeps formulas as their TeX, so a search for alpha still finds $\\alpha$", () => {
    expect(indexedText("Loss $\\alpha$-schedules -- fast")).toBe("Loss $\\alpha$-schedules – fast");
  });

  it("is null when the index would read the source itself", () => {
    for (const text of ["Plain ASCII title", "Math $x^2$ only", "5 $ and 10 $", "A - B"]) expect(indexedText(text)).toBeNull();
    expect(indexedText("“Quoted” 東京 words")).toBeNull();
  });

  it("marks every text it changes as one to look at again (the backfill's filter)", () => {
    const pattern = new RegExp(MAY_INDEX_DIFFERENTLY);
    for (const text of [`B\\"uttiker`, "Büttiker", "a--b", "``q''", "Fig.~3", "naïve", "\\emph{x}"]) {
      expect(indexedText(text)).not.toBeNull();
      expect(pattern.test(text)).toBe(true);
    }
    expect(pattern.test("Plain ASCII title with $x$")).toBe(false);
  });
});

describe("foldAccents", () => {
  it("removes marks and spells letters Unicode does not decompose", () => {
    expect(foldAccents("Büttiker Poincaré Ångström ß Ø æ œ ł đ þ ı")).toBe("Buttiker Poincare Angstrom ss O ae oe l d th i");
    expect(foldAccents("plain")).toBe("plain");
  });
});

import { describe, expect, it } from "vitest";
import {
  ARXIV_ARCHIVES,
  ARXIV_CATEGORIES,
  categoryName,
  categorySlug,
  findKnownCategory,
  isKnownCategory,
  normalizeCategory,
} from "@/lib/tags/arxiv-categories";

const URL_SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("categoryName", () => {
  it.each([
    ["cs.CL", "Computation and Language"],
    ["cs.LG", "Machine Learning"],
    ["stat.ML", "Machine Learning"],
    ["cs.AI", "Artificial Intelligence"],
    ["cs.CV", "Computer Vision and Pattern Recognition"],
    ["cs.RO", "Robotics"],
    ["cs.SY", "Systems and Control"],
    ["eess.AS", "Audio and Speech Processing"],
    ["eess.IV", "Image and Video Processing"],
    ["math.OC", "Optimization and Control"],
    ["math.ST", "Statistics Theory"],
    ["q-bio.NC", "Neurons and Cognition"],
    ["q-fin.ST", "Statistical Finance"],
    ["physics.comp-ph", "Computational Physics"],
    ["cond-mat.dis-nn", "Disordered Systems and Neural Networks"],
    ["cond-mat.stat-mech", "Statistical Mechanics"],
    ["quant-ph", "Quantum Physics"],
    ["hep-th", "High Energy Physics - Theory"],
    ["gr-qc", "General Relativity and Quantum Cosmology"],
    ["astro-ph.CO", "Cosmology and Nongalactic Astrophysics"],
    ["nlin.AO", "Adaptation and Self-Organizing Systems"],
    ["econ.EM", "Econometrics"],
    ["cmp-lg", "Computation and Language"],
  ])("%s is %s", (code, name) => {
    expect(categoryName(code)).toBe(name);
  });

  it("returns an unknown code unchanged", () => {
    expect(categoryName("cs.XX")).toBe("cs.XX");
    expect(categoryName("not a category")).toBe("not a category");
    expect(categoryName("")).toBe("");
  });

  it("accepts a lowercased code", () => {
    expect(categoryName("cs.cl")).toBe("Computation and Language");
  });
});

describe("categorySlug", () => {
  it.each([
    ["cs.CL", "cs-cl"],
    ["stat.ML", "stat-ml"],
    ["cond-mat.dis-nn", "cond-mat-dis-nn"],
    ["physics.data-an", "physics-data-an"],
    ["hep-th", "hep-th"],
    ["q-bio.NC", "q-bio-nc"],
    [" cs.CL ", "cs-cl"],
  ])("%s -> %s", (code, slug) => {
    expect(categorySlug(code)).toBe(slug);
  });

  it("gives every known category a distinct URL-safe slug", () => {
    const slugs = Object.keys(ARXIV_CATEGORIES).map(categorySlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug).toMatch(URL_SAFE_SLUG);
      expect(slug.length).toBeLessThanOrEqual(64);
    }
  });

  it("puts every category slug under an archive name", () => {
    for (const code of Object.keys(ARXIV_CATEGORIES)) {
      const slug = categorySlug(code);
      expect(ARXIV_ARCHIVES.some((archive) => slug === archive || slug.startsWith(`${archive}-`))).toBe(true);
    }
  });
});

describe("the taxonomy", () => {
  it("has all 40 cs categories", () => {
    const cs = Object.keys(ARXIV_CATEGORIES).filter((code) => code.startsWith("cs."));
    expect(cs).toHaveLength(40);
    expect(cs).toEqual(expect.arrayContaining(["cs.AI", "cs.CL", "cs.CV", "cs.LG", "cs.RO", "cs.SY", "cs.NE", "cs.IR", "cs.MA"]));
  });

  it("has the stat, eess, econ and math categories", () => {
    const codes = Object.keys(ARXIV_CATEGORIES);
    expect(codes.filter((code) => code.startsWith("stat."))).toEqual(["stat.AP", "stat.CO", "stat.ME", "stat.ML", "stat.OT", "stat.TH"]);
    expect(codes.filter((code) => code.startsWith("eess."))).toEqual(["eess.AS", "eess.IV", "eess.SP", "eess.SY"]);
    expect(codes.filter((code) => code.startsWith("econ."))).toEqual(["econ.EM", "econ.GN", "econ.TH"]);
    expect(codes.filter((code) => code.startsWith("math."))).toHaveLength(32);
  });
});

describe("isKnownCategory / findKnownCategory / normalizeCategory", () => {
  it("knows real codes, in any case", () => {
    expect(isKnownCategory("cs.CL")).toBe(true);
    expect(isKnownCategory("CS.cl")).toBe(true);
    expect(findKnownCategory("cs.cl")).toBe("cs.CL");
    expect(isKnownCategory("cs.XX")).toBe(false);
    expect(isKnownCategory("toString")).toBe(false);
  });

  it.each([
    ["cs.CL", "cs.CL"],
    ["cs.cl", "cs.CL"],
    ["hep-th", "hep-th"],
    // A subject class arXiv may add later: kept so it still gets a tag.
    ["cs.QX", "cs.QX"],
    ["cond-mat.new-area", "cond-mat.new-area"],
  ])("normalizes %s to %s", (input, expected) => {
    expect(normalizeCategory(input)).toBe(expected);
  });

  it.each(["", "llm", "agents", "foo.BAR", "hep-th.XX", "cs", "cs.", "<script>", "cs.CL/../x"])("rejects %j", (input) => {
    expect(normalizeCategory(input)).toBeNull();
  });
});

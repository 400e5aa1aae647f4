import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { paperInputSchema } from "@/lib/ingest/paper-input";
import { parsePayload } from "@/lib/ingest/parsers/detect";

// Conformance against real saved responses (HF daily papers, arXiv API). They live outside
// the repository (../shared/fixtures, see its README); without them the suite is skipped and
// says so in its name rather than passing silently.

const dir = path.resolve(process.cwd(), "../shared/fixtures");
const available = existsSync(dir);
const files = available ? readdirSync(dir).filter((name) => /\.(json|xml)$/.test(name)).sort() : [];
const has = (name: string) => files.includes(name);
const read = (name: string) => readFileSync(path.join(dir, name), "utf8");
const SKIP_NOTE = `skipped when ${dir} is absent; real payloads are not copied into the repo`;

describe.skipIf(!available)(`real payloads in ../shared/fixtures, ${SKIP_NOTE}`, () => {
  it("finds payload files to check", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)("%s", (name) => {
    const result = parsePayload(read(name));

    it("is detected and parsed without payload or item errors", () => {
      expect(result.format).not.toBeNull();
      expect(result.payloadError).toBeUndefined();
      expect(result.errors).toEqual([]);
    });

    it("emits schema-valid inputs with unwrapped titles and versioned ids", () => {
      for (const { input } of result.items) {
        expect(paperInputSchema.parse(input)).toEqual(input);
        expect(input.title).not.toMatch(/\n|\s{2}/);
        expect(input.version).toBeGreaterThanOrEqual(1);
        expect(input.authors.length).toBeGreaterThan(0);
      }
    });
  });

  it.skipIf(!has("hf-daily-papers-2026-06-12.json"))("HF current shape: every paper, listedOn from submittedOnDailyAt", () => {
    const raw = JSON.parse(read("hf-daily-papers-2026-06-12.json")) as {
      paper: { id: string; submittedOnDailyAt: string; authors: { name: string; hidden: boolean }[]; ai_keywords: string[] };
      publishedAt: string;
    }[];
    const result = parsePayload(read("hf-daily-papers-2026-06-12.json"), "application/json");
    expect(result.format).toBe("hf-json");
    expect(result.items.map((item) => item.input.id)).toEqual(raw.map((item) => item.paper.id));
    result.items.forEach(({ input }, index) => {
      const source = raw[index];
      expect(input.source).toBe("huggingface");
      expect(input.version).toBe(1);
      // Not the outer publishedAt (2026-05-29T20:00 etc.), which is a different thing in this shape.
      expect(input.listedOn).toBe(source?.paper.submittedOnDailyAt.slice(0, 10));
      expect(input.authors).toEqual(source?.paper.authors.filter((a) => !a.hidden).map((a) => a.name));
      expect(input.keywords?.length).toBeGreaterThan(0);
    });
    expect(new Set(result.items.map((item) => item.input.listedOn))).toEqual(new Set(["2026-06-12"]));

    const byId = new Map(result.items.map((item) => [item.input.id, item.input]));
    expect(byId.get("2606.13392")).toMatchObject({ githubRepo: "MiniMax-AI/MSA", githubStars: 251, upvotes: 103, commentCount: 4 });
    expect(byId.get("2606.12730")).toMatchObject({
      githubRepo: "psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs",
      publishedAt: new Date("2026-06-10T00:00:00.000Z"),
    });
    expect(byId.get("2606.10423")?.projectPage).toBe("https://jayoohwang1.github.io/webchallenger-site/");
    expect(byId.get("2606.12575")?.authors).not.toContain("Dengyang Jiang");
    expect(byId.get("2606.12575")?.authors).toHaveLength(9);
    expect(byId.get("2606.09446")?.abstract).toContain("positioning.\n\nOur contributions are twofold.");
    expect(byId.get("2606.00467")?.keywords?.slice(0, 2)).toEqual(["zero-shot annotation", "LLM-as-a-judge"]);
  });

  it.skipIf(!has("arxiv-query-transformer-cs.LG.xml"))("arXiv API (new style): ids, versions, categories, comments", () => {
    const result = parsePayload(read("arxiv-query-transformer-cs.LG.xml"), "application/atom+xml");
    expect(result.format).toBe("arxiv-atom");
    expect(result.items.map(({ input }) => [input.id, input.version, input.primaryCategory])).toEqual([
      ["2606.13677", 1, "cs.RO"],
      ["2606.13591", 1, "cs.AI"],
      ["2606.13568", 1, "cs.LG"],
      ["2606.13515", 1, "cs.CV"],
      ["2606.13501", 1, "cs.DC"],
    ]);
    const [mana, confidence, cup, , gfDit] = result.items.map((item) => item.input);
    expect(mana).toMatchObject({
      title: "Mana: Dexterous Manipulation of Articulated Tools",
      categories: ["cs.RO", "cs.AI", "cs.CV", "cs.LG"],
      comment: "Project Page: https://zhaohengyin.github.io/mana",
      projectPage: "https://zhaohengyin.github.io/mana",
      authors: ["Zhao-Heng Yin", "Guanya Shi", "Pieter Abbeel", "C. Karen Liu"],
      publishedAt: new Date("2026-06-11T17:59:49Z"),
      updatedAt: new Date("2026-06-11T17:59:49Z"),
      source: "arxiv_api",
    });
    // &lt; in the XML is decoded once to "<" text.
    expect(mana?.abstract).toContain("(<1 minute per tool)");
    expect(confidence?.comment).toBe("22 pages and 5 figures, 9 pages and 2 figures before the appendix");
    expect(cup).toMatchObject({ categories: ["cs.LG", "math-ph"], comment: null });
    expect(gfDit?.abstract).toContain("service quality.\n\nThis paper argues");
    expect(gfDit?.abstract.split("\n\n")).toHaveLength(3);
  });

  it.skipIf(!has("arxiv-query-cs.RO.xml"))("arXiv API (old layout): hard-wrapped title, summary and comment are unwrapped", () => {
    const result = parsePayload(read("arxiv-query-cs.RO.xml"));
    expect(result.items.map(({ input }) => [input.id, input.version])).toEqual([
      ["2510.14968", 1],
      ["2510.14827", 1],
    ]);
    const [rdd, flow] = result.items.map((item) => item.input);
    expect(rdd).toMatchObject({
      title: "RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks",
      primaryCategory: "cs.RO",
      categories: ["cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"],
      comment: "39th Conference on Neural Information Processing Systems (NeurIPS 2025); Project Website: rdd-neurips.github.io",
      projectPage: "https://rdd-neurips.github.io",
    });
    expect(rdd?.abstract).not.toContain("\n");
    expect(rdd?.abstract.startsWith("To tackle long-horizon tasks, recent hierarchical vision-language-action (VLAs) frameworks")).toBe(true);
    expect(flow).toMatchObject({ categories: ["cs.RO"], comment: null, authors: expect.arrayContaining(["Tomasz P. Kucner"]) });
  });

  it.skipIf(!has("arxiv-query-empty.xml"))("arXiv API with zero results is a valid, empty result", () => {
    expect(parsePayload(read("arxiv-query-empty.xml"))).toEqual({ items: [], errors: [], format: "arxiv-atom" });
  });
});

if (!available) console.warn(`shared-fixtures: ${SKIP_NOTE}`);

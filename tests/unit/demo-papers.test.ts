import katex from "katex";
import { describe, expect, it } from "vitest";
import { buildDemoPapers } from "@/lib/demo/demo-papers";
import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { parseArxivId } from "@/lib/papers/arxiv-id";

// A fixed day in the past (the schema rejects future dates) whose 14-day window crosses a month
// boundary, plus the real current date, which is what the app passes.
const FIXED_TODAY = new Date("2025-03-05T08:30:00Z");
const TODAYS = [FIXED_TODAY, new Date()];

/** Titles a demo must never reproduce; lower-case substrings. */
const FAMOUS_TITLES = [
  "attention is all you need",
  "language models are few-shot learners",
  "deep residual learning for image recognition",
  "pre-training of deep bidirectional transformers",
  "denoising diffusion probabilistic models",
  "chain-of-thought prompting elicits reasoning",
  "low-rank adaptation of large language models",
  "training language models to follow instructions with human feedback",
  "scaling laws for neural language models",
  "an image is worth 16x16 words",
  "generative adversarial nets",
  "a method for stochastic optimization",
  "high-resolution image synthesis with latent diffusion models",
  "learning transferable visual models from natural language supervision",
  "3d gaussian splatting for real-time radiance field rendering",
];
const REAL_METHOD_NAMES = /\b(BERT|GPT-?\d|LLaMA|LoRA|QLoRA|FlashAttention|Mamba|ResNet|CLIP|NeRF|DPO|PPO|GRPO|vLLM|RoPE)\b/;

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function mathSegments(abstract: string): { tex: string; display: boolean }[] {
  return [...abstract.matchAll(/\$\$([^$]+)\$\$|\$([^$]+)\$/g)].map((m) => ({ tex: m[1] ?? m[2] ?? "", display: m[1] !== undefined }));
}

function expectValidDemoSet(papers: PaperInput[], today: Date): void {
  expect(papers.length).toBeGreaterThanOrEqual(60);
  for (const paper of papers) expect(() => paperInputSchema.parse(paper)).not.toThrow();

  const ids = papers.map((p) => p.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(parseArxivId(id)?.id).toBe(id);

  const titles = papers.map((p) => p.title);
  expect(new Set(titles).size).toBe(titles.length);

  const perDay = new Map<string, number>();
  for (const paper of papers) {
    expect(paper.listedOn).toBeDefined();
    perDay.set(paper.listedOn ?? "", (perDay.get(paper.listedOn ?? "") ?? 0) + 1);
  }
  expect(perDay.size).toBeGreaterThanOrEqual(10);
  expect([...perDay.keys()].sort().at(-1)).toBe(utcDay(today));
  for (const count of perDay.values()) expect(count).toBeGreaterThanOrEqual(3);

  for (const paper of papers) {
    expect(paper.source).toBe("demo");
    const words = countWords(paper.abstract);
    expect(words, paper.title).toBeGreaterThanOrEqual(100);
    expect(words, paper.title).toBeLessThanOrEqual(220);
    expect(paper.abstract).not.toMatch(/\{\{\w+\}\}|undefined|NaN/);
    const published = paper.publishedAt;
    if (!published) throw new Error(`${paper.id} has no publishedAt`);
    expect(published.getTime()).toBeLessThanOrEqual(today.getTime());
    expect(paper.updatedAt?.getTime() ?? 0).toBeGreaterThanOrEqual(published.getTime());
    expect(paper.updatedAt?.getTime() ?? 0).toBeLessThanOrEqual(today.getTime());
    expect(utcDay(published) < (paper.listedOn ?? "")).toBe(true);
    expect(paper.primaryCategory).toBe(paper.categories?.[0]);
    for (const segment of mathSegments(paper.abstract)) {
      expect(() => katex.renderToString(segment.tex, { throwOnError: true, displayMode: segment.display }), segment.tex).not.toThrow();
    }
  }
}

describe("buildDemoPapers", () => {
  it.each(TODAYS)("builds a valid demo feed for %s", (today) => {
    expectValidDemoSet(buildDemoPapers(today), today);
  });

  it("is deterministic for the same day", () => {
    expect(buildDemoPapers(FIXED_TODAY)).toEqual(buildDemoPapers(new Date(FIXED_TODAY)));
  });

  it("spreads 84 papers over the 14 days ending today, 4 to 9 a day", () => {
    const papers = buildDemoPapers(FIXED_TODAY);
    const days = new Set(papers.map((p) => p.listedOn));
    expect(papers).toHaveLength(84);
    expect(days.size).toBe(14);
    expect(days.has("2025-02-20")).toBe(true);
    expect(days.has("2025-03-05")).toBe(true);
    for (const day of days) {
      const count = papers.filter((p) => p.listedOn === day).length;
      expect(count).toBeGreaterThanOrEqual(4);
      expect(count).toBeLessThanOrEqual(9);
    }
  });

  it("uses fictional 9xxxx ids in the month of the listed day", () => {
    for (const paper of buildDemoPapers(FIXED_TODAY)) {
      const [year, month] = (paper.listedOn ?? "").split("-");
      expect(paper.id).toMatch(new RegExp(`^${year?.slice(2)}${month}\\.9\\d{4}$`));
      expect(paper.version).toBeGreaterThanOrEqual(1);
      expect(paper.version).toBeLessThanOrEqual(3);
    }
  });

  it("includes LaTeX math, big author lists and the optional links", () => {
    const papers = buildDemoPapers(FIXED_TODAY);
    expect(papers.filter((p) => p.abstract.includes("$")).length).toBeGreaterThanOrEqual(10);
    expect(papers.some((p) => p.authors.length > 10)).toBe(true);
    expect(papers.some((p) => p.authors.length >= 15)).toBe(true);
    expect(papers.every((p) => p.authors.length >= 1 && p.authors.length <= 30)).toBe(true);
    expect(papers.filter((p) => p.githubRepo).length).toBeGreaterThan(15);
    expect(papers.filter((p) => p.projectPage).length).toBeGreaterThan(3);
    expect(papers.some((p) => p.doi?.startsWith("10.5555/demo.") && p.journalRef)).toBe(true);
    expect(papers.some((p) => (p.upvotes ?? 0) >= 50)).toBe(true);
    expect(papers.filter((p) => (p.upvotes ?? 0) <= 30).length).toBeGreaterThan(papers.length / 2);
    expect(papers.some((p) => p.title.includes(":"))).toBe(true);
  });

  it("keeps keywords lower-case and categories realistic", () => {
    for (const paper of buildDemoPapers(FIXED_TODAY)) {
      expect(paper.keywords?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(paper.keywords?.length ?? 0).toBeLessThanOrEqual(8);
      for (const keyword of paper.keywords ?? []) expect(keyword).toBe(keyword.toLowerCase());
      for (const category of paper.categories ?? []) expect(category).toMatch(/^(cs|eess|stat)\.[A-Z]{2}$/);
    }
  });

  it("does not reproduce famous titles or real method names", () => {
    for (const paper of buildDemoPapers(FIXED_TODAY)) {
      const title = paper.title.toLowerCase();
      for (const famous of FAMOUS_TITLES) expect(title).not.toContain(famous);
      expect(paper.title).not.toMatch(REAL_METHOD_NAMES);
      expect(paper.abstract).not.toMatch(REAL_METHOD_NAMES);
    }
  });

  it("stays valid for other seeds, so every template combination is exercised", () => {
    for (let seed = 1; seed <= 20; seed++) expectValidDemoSet(buildDemoPapers(FIXED_TODAY, { seed }), FIXED_TODAY);
  });
});

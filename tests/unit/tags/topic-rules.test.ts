import { describe, expect, it } from "vitest";
import { ARXIV_ARCHIVES, ARXIV_CATEGORIES, categorySlug } from "@/lib/tags/arxiv-categories";
import { TOPIC_RULES } from "@/lib/tags/topic-rules";

const URL_SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("TOPIC_RULES", () => {
  const slugs = TOPIC_RULES.map((rule) => rule.slug);

  it("has at least 30 topics, including the required ones", () => {
    expect(TOPIC_RULES.length).toBeGreaterThanOrEqual(30);
    expect(slugs).toEqual(
      expect.arrayContaining([
        "llm",
        "agents",
        "diffusion",
        "quantization",
        "efficient-inference",
        "kv-cache",
        "nas",
        "alignment",
        "robotics",
        "multimodal",
        "speech",
        "reasoning",
        "rag",
        "code-generation",
        "reinforcement-learning",
        "mixture-of-experts",
        "long-context",
        "vision-transformers",
        "video-generation",
        "image-generation",
        "3d",
        "benchmarks",
        "safety",
        "interpretability",
        "distillation",
        "fine-tuning",
        "tokenization",
        "graph-neural-networks",
        "time-series",
        "medical",
        "federated-learning",
        "world-models",
        "embeddings",
      ]),
    );
  });

  it("has the documented names for the required topics", () => {
    const name = (slug: string) => TOPIC_RULES.find((rule) => rule.slug === slug)?.name;
    expect(name("llm")).toBe("Large Language Models");
    expect(name("nas")).toBe("Neural Architecture Search");
    expect(name("rag")).toBe("Retrieval-Augmented Generation");
  });

  it("has unique, URL-safe slugs of at most 64 characters", () => {
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) {
      expect(slug).toMatch(URL_SAFE_SLUG);
      expect(slug.length).toBeLessThanOrEqual(64);
    }
  });

  it("never collides with a category slug, present or future", () => {
    const categorySlugs = new Set(Object.keys(ARXIV_CATEGORIES).map(categorySlug));
    for (const slug of slugs) {
      expect(categorySlugs.has(slug)).toBe(false);
      // Category slugs are "<archive>" or "<archive>-...": keep topics out of that space.
      expect(ARXIV_ARCHIVES.filter((archive) => slug === archive || slug.startsWith(`${archive}-`))).toEqual([]);
    }
  });

  it("gives every topic a name, a description and at least one pattern", () => {
    for (const rule of TOPIC_RULES) {
      expect(rule.name.trim()).not.toBe("");
      expect(rule.description.trim().length).toBeGreaterThan(10);
      expect(rule.rules.any.length).toBeGreaterThan(0);
    }
  });

  it("has unique topic names", () => {
    const names = TOPIC_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

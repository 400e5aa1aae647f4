import { describe, expect, it } from "vitest";
import { allCategoryTags, allTopicTags, categoryTag, tagsForPaper, TOPIC_RULES } from "@/lib/tags";

describe("tagsForPaper", () => {
  it("tags a realistic paper with its categories, then its topics", () => {
    const tags = tagsForPaper({
      title: "SnapKV: LLM Knows What You are Looking for Before Generation",
      abstract:
        "Large Language Models (LLMs) have made remarkable progress in processing extensive contexts, with the " +
        "Key-Value (KV) cache playing a vital role in enhancing their performance. However, the growth of the KV " +
        "cache in response to increasing input length poses challenges to memory and time efficiency. To address " +
        "this problem, this paper introduces SnapKV, an innovative and fine-tuning-free approach that efficiently " +
        "minimizes KV cache size while still delivering comparable performance in real-world applications. " +
        "Specifically, SnapKV achieves a consistent decoding speed with a 3.6x increase in generation speed and an " +
        "8.2x enhancement in memory efficiency compared to the baseline when processing inputs of 16K tokens. " +
        "At the same time, it maintains comparable performance to the baseline models across 16 long sequence " +
        "datasets. Moreover, SnapKV can process up to 380K context tokens on a single A100-80GB GPU using " +
        "HuggingFace implementation with minor changes, exhibiting only a negligible accuracy drop in the " +
        "Needle-in-a-Haystack test.",
      keywords: ["KV cache compression", "attention", "long-context inference"],
      categories: ["cs.CL", "cs.AI", "cs.LG"],
    });
    expect(tags).toEqual([
      { slug: "cs-cl", name: "Computation and Language", kind: "category" },
      { slug: "cs-ai", name: "Artificial Intelligence", kind: "category" },
      { slug: "cs-lg", name: "Machine Learning", kind: "category" },
      { slug: "efficient-inference", name: "Efficient Inference", kind: "topic" },
      { slug: "kv-cache", name: "KV Cache", kind: "topic" },
      { slug: "llm", name: "Large Language Models", kind: "topic" },
      { slug: "long-context", name: "Long Context", kind: "topic" },
    ]);
  });

  it("keeps every arXiv category, drops non-categories and duplicates", () => {
    const tags = tagsForPaper({
      title: "On the convergence of Adam",
      abstract: "",
      categories: ["stat.ML", "cs.LG", "math.OC", "cs.lg", "machine learning", "cs.QX", "hep-th"],
    });
    expect(tags).toEqual([
      { slug: "stat-ml", name: "Machine Learning", kind: "category" },
      { slug: "cs-lg", name: "Machine Learning", kind: "category" },
      { slug: "math-oc", name: "Optimization and Control", kind: "category" },
      { slug: "cs-qx", name: "cs.QX", kind: "category" },
      { slug: "hep-th", name: "High Energy Physics - Theory", kind: "category" },
    ]);
  });

  it("works without categories or keywords", () => {
    expect(tagsForPaper({ title: "Denoising Diffusion Probabilistic Models", abstract: "" })).toEqual([
      { slug: "diffusion", name: "Diffusion Models", kind: "topic" },
    ]);
    expect(tagsForPaper({ title: "", abstract: "", keywords: null, categories: null })).toEqual([]);
  });
});

describe("seeding lists", () => {
  it("lists every topic tag in rule order", () => {
    const topics = allTopicTags();
    expect(topics).toHaveLength(TOPIC_RULES.length);
    expect(topics[0]).toEqual({
      slug: "llm",
      name: "Large Language Models",
      kind: "topic",
      description: "Large (and small) language models: training, behaviour, capabilities and applications.",
    });
    expect(topics.every((tag) => tag.kind === "topic")).toBe(true);
  });

  it("lists every known category tag", () => {
    const categories = allCategoryTags();
    expect(categories).toContainEqual({ slug: "cs-cl", name: "Computation and Language", kind: "category", description: "arXiv cs.CL" });
    expect(categories).toContainEqual({ slug: "stat-ml", name: "Machine Learning", kind: "category", description: "arXiv stat.ML" });
    expect(categories.every((tag) => tag.kind === "category")).toBe(true);
  });

  it("never gives a topic and a category the same slug", () => {
    const slugs = [...allTopicTags(), ...allCategoryTags()].map((tag) => tag.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("builds a row for a category a paper carries, known or new", () => {
    expect(categoryTag("cs.CL")).toEqual({ slug: "cs-cl", name: "Computation and Language", kind: "category", description: "arXiv cs.CL" });
    expect(categoryTag("cs.QX")).toEqual({ slug: "cs-qx", name: "cs.QX", kind: "category", description: "arXiv cs.QX" });
    expect(categoryTag("llm")).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allTopicTags, matchTopics } from "@/lib/tags";
import { evaluateTopicRules } from "@/lib/tags/evaluate-rules";
import { loadRealPapers } from "../../support/real-payloads";

// The topic rules against hand labels of the real papers in tests/fixtures/ingest/real
// (tests/fixtures/tags/topic-labels.json). `npm run tags:precision` prints the full table;
// docs/tags.md ("Measuring the rules") has the figures before and after the last change.

const { labels } = JSON.parse(readFileSync(path.resolve(process.cwd(), "tests/fixtures/tags/topic-labels.json"), "utf8")) as { labels: Record<string, string[]> };
const papers = loadRealPapers();
const labelled = papers.map((paper) => ({ ...paper, labels: labels[paper.id] ?? [] }));

describe("topic rules on the real fixture papers", () => {
  it("has a label list for every paper, naming only real topics", () => {
    const known = new Set(allTopicTags().map((tag) => tag.slug));
    expect(papers.length).toBeGreaterThan(100);
    expect(papers.filter((paper) => !(paper.id in labels)).map((paper) => paper.id)).toEqual([]);
    expect(Object.values(labels).flat().filter((slug) => !known.has(slug))).toEqual([]);
  });

  it("does not tag HYDRA-X, a multimodal tokenizer paper, as Time Series", () => {
    const hydra = papers.find((paper) => paper.id === "2606.13289");
    expect(hydra?.title).toMatch(/^HYDRA-X/);
    expect(matchTopics(hydra!)).toEqual(["multimodal", "tokenization", "vision-transformers"]);
  });

  it("keeps overall precision at 85% or more, and no rule that tags four papers below 50%", () => {
    const { rules, overall } = evaluateTopicRules(labelled);
    expect(overall.precision).toBeGreaterThanOrEqual(0.85);
    expect(overall.recall).toBeGreaterThanOrEqual(0.75);
    const weak = rules.filter((rule) => rule.predicted >= 4 && (rule.precision ?? 1) < 0.5).map((rule) => `${rule.slug} ${rule.correct}/${rule.predicted}`);
    expect(weak).toEqual([]);
  });
});

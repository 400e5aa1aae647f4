// npm run tags:precision: how the topic rules (lib/tags/topic-rules.ts) do on the real
// papers of tests/fixtures/ingest/real against the hand labels of
// tests/fixtures/tags/topic-labels.json. Prints every rule that tagged or missed something,
// worst precision first, with the papers it got wrong, and the totals. docs/tags.md
// ("Measuring the rules") has the figures from the last change.
import { readFileSync } from "node:fs";
import path from "node:path";
import { evaluateTopicRules, type LabelledPaper } from "@/lib/tags/evaluate-rules";
import { loadRealPapers } from "../tests/support/real-payloads";

const labelsFile = path.resolve(import.meta.dirname, "../tests/fixtures/tags/topic-labels.json");
const { labels } = JSON.parse(readFileSync(labelsFile, "utf8")) as { labels: Record<string, string[]> };

const papers: LabelledPaper[] = loadRealPapers().map((paper) => {
  const wanted = labels[paper.id];
  if (!wanted) throw new Error(`${paper.id} has no labels in ${labelsFile}: label every paper of the fixtures`);
  return { ...paper, labels: wanted };
});

const { rules, overall } = evaluateTopicRules(papers);
const percent = (value: number | null) => (value === null ? "   -" : `${Math.round(value * 100)}%`.padStart(4));
const shown = rules
  .filter((rule) => rule.predicted + rule.labelled > 0)
  .sort((a, b) => (a.precision ?? 2) - (b.precision ?? 2) || b.predicted - a.predicted || a.slug.localeCompare(b.slug));

console.log(`${papers.length} papers, ${shown.length} topics tagged or labelled\n`);
console.log(`${"topic".padEnd(24)} tagged labelled correct precision recall  wrong (tagged, not labelled) / missed`);
for (const rule of shown) {
  const wrong = [rule.falsePositives.join(" "), rule.falseNegatives.length > 0 ? `missed: ${rule.falseNegatives.join(" ")}` : ""].filter(Boolean).join(" / ");
  console.log(
    `${rule.slug.padEnd(24)} ${String(rule.predicted).padStart(6)} ${String(rule.labelled).padStart(8)} ${String(rule.correct).padStart(7)} ${percent(rule.precision).padStart(9)} ${percent(rule.recall).padStart(6)}  ${wrong}`,
  );
}
console.log(`\nall topics: ${overall.predicted} tagged, ${overall.labelled} labelled, ${overall.correct} correct: precision ${percent(overall.precision).trim()}, recall ${percent(overall.recall).trim()}`);

import { scoreTopics } from "@/lib/tags";
import { TOPIC_RULES, type TopicRule } from "@/lib/tags/topic-rules";
import { loadRealPapers } from "./tests/support/real-payloads";
const papers = new Map(loadRealPapers().map((p) => [p.id, p]));
const ask: [string, string][] = JSON.parse(process.argv[2]!);
for (const [id, slug] of ask) {
  const paper = papers.get(id)!;
  const rule = TOPIC_RULES.find((r) => r.slug === slug)!;
  const hits = rule.rules.any.map((pattern) => {
    const single: TopicRule = { ...rule, rules: { any: [pattern], none: rule.rules.none } };
    return [JSON.stringify(pattern), scoreTopics(paper, [single])[slug] ?? 0] as const;
  }).filter(([, s]) => s > 0);
  console.log(id, slug, paper.title.slice(0, 60), JSON.stringify(hits));
}

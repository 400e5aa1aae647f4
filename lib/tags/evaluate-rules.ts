import { matchTopics } from "./match-topics";
import { TOPIC_RULES, type TopicRule } from "./topic-rules";

// How well the topic rules agree with hand labels: per rule, how many papers it tags, how
// many of those carry the label (precision) and how many labelled papers it finds (recall).
// scripts/topic-precision.ts prints it; tests/unit/tags/topic-precision.test.ts holds a floor.

export interface LabelledPaper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  /** The topics a person judged the paper to be about. */
  labels: readonly string[];
}

export interface RuleScore {
  slug: string;
  /** Papers the rule tags. */
  predicted: number;
  /** Papers labelled with the topic. */
  labelled: number;
  /** Tagged and labelled. */
  correct: number;
  /** correct / predicted; null when the rule tagged nothing. */
  precision: number | null;
  /** correct / labelled; null when nothing carries the label. */
  recall: number | null;
  /** Ids tagged without the label, and labelled without the tag. */
  falsePositives: string[];
  falseNegatives: string[];
}

export interface RulesEvaluation {
  rules: RuleScore[];
  /** Over every (paper, topic) pair. */
  overall: { predicted: number; labelled: number; correct: number; precision: number; recall: number };
}

export function evaluateTopicRules(papers: readonly LabelledPaper[], rules: readonly TopicRule[] = TOPIC_RULES): RulesEvaluation {
  const scores = new Map<string, RuleScore>(
    rules.map((rule) => [rule.slug, { slug: rule.slug, predicted: 0, labelled: 0, correct: 0, precision: null, recall: null, falsePositives: [], falseNegatives: [] }]),
  );
  for (const paper of papers) {
    const predicted = new Set(matchTopics(paper, rules));
    const labelled = new Set(paper.labels);
    for (const score of scores.values()) {
      const tagged = predicted.has(score.slug);
      const wanted = labelled.has(score.slug);
      if (tagged) score.predicted += 1;
      if (wanted) score.labelled += 1;
      if (tagged && wanted) score.correct += 1;
      else if (tagged) score.falsePositives.push(paper.id);
      else if (wanted) score.falseNegatives.push(paper.id);
    }
  }
  const list = [...scores.values()].map((score) => ({
    ...score,
    precision: score.predicted > 0 ? score.correct / score.predicted : null,
    recall: score.labelled > 0 ? score.correct / score.labelled : null,
  }));
  const sum = (pick: (score: RuleScore) => number) => list.reduce((total, score) => total + pick(score), 0);
  const predicted = sum((s) => s.predicted);
  const labelled = sum((s) => s.labelled);
  const correct = sum((s) => s.correct);
  return {
    rules: list,
    overall: { predicted, labelled, correct, precision: predicted > 0 ? correct / predicted : 1, recall: labelled > 0 ? correct / labelled : 1 },
  };
}

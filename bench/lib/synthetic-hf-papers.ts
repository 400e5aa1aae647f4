// Synthetic Hugging Face daily papers in the real GET /api/daily_papers shape (current:
// paper.submittedOnDailyAt, ai_keywords, githubRepo, githubStars, numComments), for the
// ingest benchmark and for tests that need a big payload. The text is invented and
// deterministic for a seed; lengths are like real papers (titles of 8–14 words, abstracts
// of ~1,000 characters in two paragraphs, 2–9 authors, 4–8 keywords).
import { createSeededRandom } from "@/lib/seeded-random";

const TOPIC_PHRASES = [
  "large language models", "diffusion models", "reinforcement learning", "retrieval-augmented generation", "vision-language models",
  "mixture of experts", "speculative decoding", "KV cache compression", "robot manipulation", "text-to-image generation",
  "code generation", "chain-of-thought reasoning", "quantization", "knowledge distillation", "graph neural networks",
  "time series forecasting", "speech recognition", "federated learning", "jailbreak attacks", "sparse autoencoders",
];
const WORDS = [
  "model", "training", "data", "method", "results", "benchmark", "performance", "approach", "tasks", "evaluation", "learning", "network",
  "efficient", "robust", "scalable", "adaptive", "sparse", "latent", "token", "context", "policy", "reward", "signal", "structure",
  "analysis", "framework", "baseline", "accuracy", "memory", "inference", "objective", "representation", "alignment", "feedback",
];
const FILLER = ["the", "of", "and", "a", "to", "in", "we", "that", "for", "on", "with", "by", "is", "our", "this", "across", "while"];
const FIRST = ["Wei", "Ana", "Luca", "Priya", "Kenji", "Sofia", "Omar", "Mei", "Jonas", "Aisha", "Diego", "Yuki", "Nina", "Arjun", "Elena"];
const LAST = ["Zhang", "Garcia", "Rossi", "Sharma", "Tanaka", "Muller", "Haddad", "Kowalski", "Silva", "Okafor", "Nguyen", "Larsen"];



export interface SyntheticHfOptions {
  count: number;
  /** The HF listing day, YYYY-MM-DD; ids are numbered in its month. */
  day: string;
  seed?: number;
  /** First paper number after the dot (ids are YYMM.NNNNN). */
  firstNumber?: number;
}

/** An array of HF daily-papers items, ready for JSON.stringify. */
export function syntheticHfDailyPapers(options: SyntheticHfOptions): unknown[] {
  const random = createSeededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const sentence = (topic: string, words: number) => {
    const parts: string[] = [];
    for (let i = 0; i < words; i += 1) parts.push(i === Math.floor(words / 2) ? topic : random() < 0.45 ? pick(FILLER) : pick(WORDS));
    const text = parts.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const prefix = `${options.day.slice(2, 4)}${options.day.slice(5, 7)}`;
  const first = options.firstNumber ?? 10_000;
  const listedAt = `${options.day}T00:00:00.000Z`;

  return Array.from({ length: options.count }, (_, index) => {
    const topic = pick(TOPIC_PHRASES);
    const second = pick(TOPIC_PHRASES);
    const id = `${prefix}.${String(first + index).padStart(5, "0")}`;
    const title = `${sentence(topic, int(8, 14)).slice(0, -1)}`;
    const paragraphs = [
      Array.from({ length: int(3, 5) }, () => sentence(topic, int(14, 24))).join(" "),
      Array.from({ length: int(2, 4) }, () => sentence(second, int(14, 24))).join(" "),
    ];
    const upvotes = Math.floor(random() ** 3 * 300);
    const hasRepo = random() < 0.4;
    return {
      paper: {
        id,
        authors: Array.from({ length: int(2, 9) }, (_, a) => ({ _id: `${id}-${a}`, name: `${pick(FIRST)} ${pick(LAST)}`, hidden: a === 5 })),
        publishedAt: `${options.day}T0${int(0, 9)}:${String(int(10, 59))}:00.000Z`,
        submittedOnDailyAt: listedAt,
        title,
        summary: paragraphs.join("\n  "),
        upvotes,
        discussionId: `d${id}`,
        ai_keywords: Array.from({ length: int(4, 8) }, (_, k) => (k === 0 ? topic : k === 1 ? second : pick(WORDS))),
        ...(hasRepo ? { githubRepo: `https://github.com/lab-${index % 97}/project-${index}`, githubStars: int(0, 5000) } : {}),
      },
      publishedAt: listedAt,
      title,
      summary: paragraphs[0],
      numComments: int(0, 12),
    };
  });
}

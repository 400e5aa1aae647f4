// A synthetic corpus for benchmarks: papers with realistic lengths (titles of 6–14 words,
// abstracts of 150–230 words, 2–9 authors) and a vocabulary shaped like real abstracts:
// a few very common words ("model" in most papers), topic words shared by thousands, and a
// long Zipf tail of rare invented terms that only a handful of papers use. Deterministic
// for a given seed, so two benchmark runs search the same data.
import { createSeededRandom } from "@/lib/seeded-random";

export interface SyntheticTopic {
  slug: string;
  name: string;
  category: string;
  words: string[];
}

/** Fixed word sequences of a field, so phrase queries match about as often as in real abstracts. */
const TOPIC_PHRASES: Record<string, string[]> = {
  llm: ["large language models", "language model", "instruction tuning"],
  quantization: ["post-training quantization", "low-bit weights"],
  diffusion: ["diffusion models", "score matching"],
  agents: ["tool use", "web agents"],
  "reinforcement-learning": ["policy gradient", "reward model"],
  "kv-cache": ["kv cache", "attention heads"],
  "efficient-inference": ["speculative decoding", "inference latency"],
  rag: ["retrieval augmented generation", "dense retrieval"],
  reasoning: ["chain of thought", "mathematical reasoning"],
  "vision-transformers": ["vision transformer", "image classification"],
  "long-context": ["long context", "context window"],
};

export const TOPICS: SyntheticTopic[] = [
  { slug: "llm", name: "Large Language Models", category: "cs.CL", words: ["language", "transformer", "pretraining", "instruction", "tokens", "decoder", "llm"] },
  { slug: "quantization", name: "Quantization", category: "cs.LG", words: ["quantization", "quantized", "low-bit", "int8", "precision", "weights", "calibration"] },
  { slug: "diffusion", name: "Diffusion Models", category: "cs.CV", words: ["diffusion", "denoising", "sampler", "score", "noise", "latent", "guidance"] },
  { slug: "agents", name: "Agents", category: "cs.AI", words: ["agent", "agents", "tool", "planning", "environment", "trajectory", "web"] },
  { slug: "reinforcement-learning", name: "Reinforcement Learning", category: "cs.LG", words: ["reinforcement", "policy", "reward", "value", "exploration", "actor", "critic"] },
  { slug: "robotics", name: "Robotics", category: "cs.RO", words: ["robot", "manipulation", "grasping", "locomotion", "controller", "sim-to-real", "embodied"] },
  { slug: "speech", name: "Speech", category: "eess.AS", words: ["speech", "audio", "speaker", "acoustic", "recognition", "synthesis", "prosody"] },
  { slug: "multimodal", name: "Multimodal", category: "cs.CV", words: ["multimodal", "vision-language", "image", "visual", "caption", "grounding", "video"] },
  { slug: "kv-cache", name: "KV Cache", category: "cs.LG", words: ["cache", "kv", "eviction", "memory", "decoding", "attention", "compression"] },
  { slug: "efficient-inference", name: "Efficient Inference", category: "cs.LG", words: ["inference", "latency", "throughput", "speculative", "serving", "batching", "kernel"] },
  { slug: "alignment", name: "Alignment", category: "cs.CL", words: ["alignment", "preference", "rlhf", "feedback", "reward", "helpfulness", "harmlessness"] },
  { slug: "rag", name: "Retrieval-Augmented Generation", category: "cs.IR", words: ["retrieval", "retriever", "documents", "augmented", "passages", "index", "grounded"] },
  { slug: "reasoning", name: "Reasoning", category: "cs.AI", words: ["reasoning", "chain-of-thought", "mathematical", "logical", "verifier", "steps", "proof"] },
  { slug: "graph-neural-networks", name: "Graph Neural Networks", category: "cs.LG", words: ["graph", "node", "edges", "message-passing", "molecular", "gnn", "relational"] },
  { slug: "time-series", name: "Time Series", category: "cs.LG", words: ["forecasting", "temporal", "series", "horizon", "seasonal", "sensor", "anomaly"] },
  { slug: "nas", name: "Neural Architecture Search", category: "cs.LG", words: ["architecture", "search", "supernet", "nas", "cells", "proxy", "evolutionary"] },
  { slug: "3d", name: "3D Vision", category: "cs.CV", words: ["3d", "gaussian", "splatting", "radiance", "nerf", "mesh", "point"] },
  { slug: "code-generation", name: "Code Generation", category: "cs.SE", words: ["code", "program", "software", "repository", "bugs", "synthesis", "compiler"] },
  { slug: "safety", name: "Safety", category: "cs.CR", words: ["jailbreak", "safety", "red-teaming", "attack", "harmful", "guardrail", "refusal"] },
  { slug: "interpretability", name: "Interpretability", category: "cs.LG", words: ["interpretability", "circuits", "features", "probing", "neurons", "mechanistic", "sparse"] },
  { slug: "mixture-of-experts", name: "Mixture of Experts", category: "cs.LG", words: ["experts", "routing", "mixture", "sparse", "gating", "load", "moe"] },
  { slug: "medical", name: "Medical", category: "eess.IV", words: ["clinical", "medical", "patients", "radiology", "diagnosis", "pathology", "ehr"] },
  { slug: "vision-transformers", name: "Vision Transformers", category: "cs.CV", words: ["vision", "transformer", "patches", "classification", "imagenet", "backbone", "segmentation"] },
  { slug: "distillation", name: "Distillation", category: "cs.LG", words: ["distillation", "teacher", "student", "compression", "logits", "smaller", "transfer"] },
  { slug: "long-context", name: "Long Context", category: "cs.CL", words: ["long-context", "context", "positional", "extrapolation", "window", "needle", "length"] },
];

const COMMON = ["model", "models", "learning", "method", "results", "performance", "data", "training", "approach", "show", "propose", "tasks", "large", "neural", "network", "framework", "evaluation", "benchmark", "accuracy", "existing"];
const FILLER = ["the", "of", "and", "a", "to", "in", "we", "that", "for", "on", "with", "by", "is", "our", "this", "which", "from", "across", "while", "than"];
const SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "vo", "zu", "qua", "pex", "dor", "lin", "sa", "tri", "ne", "os", "bel", "cor", "fi", "gra", "hul", "ix", "jen", "mor", "nu", "pra", "ru", "sel", "tor", "ul", "vex", "wen", "yo", "zed"];
const FIRST = ["Wei", "Ana", "Luca", "Priya", "Kenji", "Sofia", "Omar", "Mei", "Jonas", "Aisha", "Diego", "Yuki", "Nina", "Arjun", "Elena", "Tomas", "Lina", "Hugo", "Sara", "Ravi", "Chen", "Maya", "Ivan", "Zara", "Felix", "Noor", "Pablo", "Ines", "Kofi", "Lea"];
const LAST = ["Zhang", "Garcia", "Rossi", "Sharma", "Tanaka", "Muller", "Haddad", "Kowalski", "Silva", "Okafor", "Nguyen", "Ivanova", "Larsen", "Dubois", "Kim", "Patel", "Moreau", "Costa", "Novak", "Ahmed", "Schmidt", "Lopez", "Wang", "Ito", "Berg", "Singh", "Fischer", "Reyes", "Olsen", "Yilmaz"];



export interface SyntheticPaper {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  listedOn: string;
  categories: string[];
  keywords: string[];
  upvotes: number;
  githubRepo: string | null;
  githubStars: number | null;
  topics: string[];
}

export class SyntheticCorpus {
  private readonly random: () => number;
  /** Rare invented terms; term i is picked with probability ∝ 1/(i+1) (Zipf). */
  readonly tail: string[];
  private readonly tailCdf: Float64Array;
  /** A pool of author names; a few prolific authors, many occasional ones. */
  readonly authorPool: string[];
  private readonly monthCounters = new Map<string, number>();

  constructor(
    private readonly options: { seed?: number; tailSize?: number; authorPoolSize?: number; days: number; endDay: string } = { days: 365, endDay: "2026-11-27" },
  ) {
    this.random = createSeededRandom(options.seed ?? 42);
    const tailSize = options.tailSize ?? 200_000;
    const seen = new Set<string>();
    this.tail = [];
    while (this.tail.length < tailSize) {
      const parts = 2 + Math.floor(this.random() * 3);
      let word = "";
      for (let i = 0; i < parts; i += 1) word += SYLLABLES[Math.floor(this.random() * SYLLABLES.length)];
      if (!seen.has(word)) {
        seen.add(word);
        this.tail.push(word);
      }
    }
    this.tailCdf = new Float64Array(tailSize);
    let sum = 0;
    for (let i = 0; i < tailSize; i += 1) {
      sum += 1 / (i + 1);
      this.tailCdf[i] = sum;
    }
    for (let i = 0; i < tailSize; i += 1) this.tailCdf[i]! /= sum;
    const poolSize = options.authorPoolSize ?? 40_000;
    this.authorPool = Array.from({ length: poolSize }, (_, i) => {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
      const initial = String.fromCharCode(65 + (Math.floor(i / (FIRST.length * LAST.length)) % 26));
      return i < FIRST.length * LAST.length ? `${first} ${last}` : `${first} ${initial}. ${last}`;
    });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  private tailWord(): string {
    const r = this.random();
    let lo = 0;
    let hi = this.tailCdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tailCdf[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return this.tail[lo]!;
  }

  private sentence(topic: SyntheticTopic, words: number): string {
    const out: string[] = [];
    const phrases = TOPIC_PHRASES[topic.slug];
    while (out.length < words) {
      const r = this.random();
      if (r < 0.45) out.push(this.pick(FILLER));
      else if (r < 0.62) out.push(this.pick(COMMON));
      else if (r < 0.8) out.push(this.pick(topic.words));
      else if (r < 0.82) out.push(phrases ? this.pick(phrases) : this.pick(topic.words));
      else out.push(this.tailWord());
    }
    const text = out.join(" ");
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  }

  private nextId(day: string): string {
    const month = `${day.slice(2, 4)}${day.slice(5, 7)}`;
    const n = (this.monthCounters.get(month) ?? 0) + 1;
    this.monthCounters.set(month, n);
    if (n > 99_999) throw new Error(`More than 99,999 papers in month ${month}: spread them over more days`);
    return `${month}.${String(n).padStart(5, "0")}`;
  }

  paper(index: number): SyntheticPaper {
    const dayOffset = Math.floor((index * this.options.days) / Math.max(1, this.totalHint));
    const listedOn = new Date(Date.parse(`${this.options.endDay}T00:00:00Z`) - (this.options.days - 1 - Math.min(dayOffset, this.options.days - 1)) * 86_400_000).toISOString().slice(0, 10);
    const topic = this.pick(TOPICS);
    const second = this.random() < 0.35 ? this.pick(TOPICS) : null;
    const titleWords = 6 + Math.floor(this.random() * 9);
    const method = this.tailWord();
    const title = `${method[0]!.toUpperCase()}${method.slice(1)}: ${this.sentence(topic, titleWords - 1).slice(0, -1)}`;
    const sentences: string[] = [];
    let words = 0;
    const target = 150 + Math.floor(this.random() * 80);
    while (words < target) {
      const n = 14 + Math.floor(this.random() * 14);
      sentences.push(this.sentence(second && this.random() < 0.3 ? second : topic, n));
      words += n;
    }
    const authorCount = 2 + Math.floor(this.random() * 8);
    const authors = Array.from({ length: authorCount }, () => this.authorPool[Math.floor(Math.pow(this.random(), 2) * this.authorPool.length)]!);
    const upvotes = this.random() < 0.7 ? Math.floor(this.random() * 5) : Math.floor(Math.pow(this.random(), 3) * 300);
    const hasRepo = this.random() < 0.3;
    const topics = [...new Set([topic.slug, ...(second ? [second.slug] : [])])];
    const categories = [...new Set([topic.category, ...(second ? [second.category] : [])])];
    return {
      id: this.nextId(listedOn),
      title,
      abstract: sentences.join(" "),
      authors: [...new Set(authors)],
      publishedAt: new Date(Date.parse(`${listedOn}T00:00:00Z`) - Math.floor(1 + this.random() * 3) * 86_400_000),
      listedOn,
      categories,
      keywords: [this.pick(topic.words), this.pick(topic.words), method],
      upvotes,
      githubRepo: hasRepo ? `lab${index % 997}/${method}` : null,
      githubStars: hasRepo ? Math.floor(Math.pow(this.random(), 4) * 8000) : null,
      topics,
    };
  }

  /** Set by the caller so listed days spread evenly over the corpus. */
  totalHint = 1;
}

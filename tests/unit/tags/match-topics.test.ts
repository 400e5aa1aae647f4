import { describe, expect, it } from "vitest";
import { matchTopics, scoreTopics } from "@/lib/tags/match-topics";
import { TOPIC_RULES, type TopicRule } from "@/lib/tags/topic-rules";

interface Sample {
  title: string;
  abstract?: string;
  keywords?: string[];
}

function topicsOf(sample: Sample): string[] {
  return matchTopics({ title: sample.title, abstract: sample.abstract ?? "", keywords: sample.keywords });
}

/** [topic the sample is for, paper, every topic it must get]. Real titles where possible. */
const POSITIVES: readonly [string, Sample, string[]][] = [
  ["llm", { title: "Llama 2: Open Foundation and Fine-Tuned Chat Models", abstract: "In this work, we develop and release Llama 2, a collection of pretrained and fine-tuned large language models (LLMs) ranging in scale from 7 billion to 70 billion parameters." }, ["llm"]],
  ["agents", { title: "SWE-agent: Agent-Computer Interfaces Enable Automated Software Engineering" }, ["agents", "code-generation"]],
  ["agents", { title: "Toolformer: Language Models Can Teach Themselves to Use Tools", abstract: "We show that LMs can teach themselves to use external tools via simple APIs. Tool use and function calling are learned in a self-supervised way." }, ["agents"]],
  ["reasoning", { title: "Chain-of-Thought Prompting Elicits Reasoning in Large Language Models" }, ["llm", "reasoning"]],
  ["mathematical-reasoning", { title: "Solving Olympiad Geometry without Human Demonstrations" }, ["mathematical-reasoning"]],
  ["rag", { title: "From Local to Global: A GraphRAG Approach to Query-Focused Summarization" }, ["rag"]],
  ["prompting", { title: "Many-Shot In-Context Learning" }, ["prompting"]],
  ["long-context", { title: "LongRoPE: Extending LLM Context Window Beyond 2 Million Tokens" }, ["llm", "long-context"]],
  ["tokenization", { title: "Neural Machine Translation of Rare Words with Subword Units" }, ["multilingual", "tokenization"]],
  ["multilingual", { title: "No Language Left Behind: Scaling Human-Centered Machine Translation" }, ["multilingual"]],
  ["hallucination", { title: "Siren's Song in the AI Ocean: A Survey on Hallucination in Large Language Models" }, ["hallucination", "llm"]],
  ["alignment", { title: "Direct Preference Optimization: Your Language Model is Secretly a Reward Model" }, ["alignment"]],
  ["fine-tuning", { title: "LoRA: Low-Rank Adaptation of Large Language Models" }, ["fine-tuning", "llm"]],
  ["distillation", { title: "Distilling the Knowledge in a Neural Network" }, ["distillation"]],
  ["reinforcement-learning", { title: "Proximal Policy Optimization Algorithms", abstract: "We propose a new family of policy gradient methods for reinforcement learning." }, ["reinforcement-learning"]],
  ["synthetic-data", { title: "Self-Instruct: Aligning Language Models with Self-Generated Instructions" }, ["synthetic-data"]],
  ["scaling-laws", { title: "Scaling Laws for Neural Language Models" }, ["scaling-laws"]],
  ["continual-learning", { title: "Overcoming catastrophic forgetting in neural networks" }, ["continual-learning"]],
  ["federated-learning", { title: "Federated Learning: Strategies for Improving Communication Efficiency" }, ["federated-learning"]],
  ["mixture-of-experts", { title: "Mixtral of Experts", abstract: "We introduce Mixtral 8x7B, a Sparse Mixture of Experts (SMoE) language model." }, ["mixture-of-experts"]],
  ["state-space-models", { title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces" }, ["state-space-models"]],
  ["vision-transformers", { title: "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale", abstract: "We show that a pure transformer applied directly to sequences of image patches can perform very well on image classification tasks. Vision Transformer (ViT) attains excellent results." }, ["vision-transformers"]],
  ["nas", { title: "DARTS: Differentiable Architecture Search" }, ["nas"]],
  ["quantization", { title: "GPTQ: Accurate Post-Training Quantization for Generative Pre-trained Transformers" }, ["quantization"]],
  ["efficient-inference", { title: "Fast Inference from Transformers via Speculative Decoding" }, ["efficient-inference"]],
  ["kv-cache", { title: "H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models", abstract: "The KV cache grows linearly with sequence length. We propose a KV cache eviction policy." }, ["kv-cache", "llm"]],
  ["multimodal", { title: "Visual Instruction Tuning", abstract: "We present LLaVA, a large multimodal model that connects a vision encoder and an LLM." }, ["fine-tuning", "multimodal"]],
  ["image-generation", { title: "Hierarchical Text-Conditional Image Generation with CLIP Latents" }, ["image-generation", "multimodal"]],
  ["video-generation", { title: "Stable Video Diffusion: Scaling Latent Video Diffusion Models to Large Datasets" }, ["diffusion", "video-generation"]],
  ["diffusion", { title: "Denoising Diffusion Probabilistic Models" }, ["diffusion"]],
  ["3d", { title: "3D Gaussian Splatting for Real-Time Radiance Field Rendering" }, ["3d"]],
  ["detection-segmentation", { title: "YOLOv10: Real-Time End-to-End Object Detection" }, ["detection-segmentation"]],
  ["speech", { title: "Robust Speech Recognition via Large-Scale Weak Supervision" }, ["speech"]],
  ["robotics", { title: "RT-2: Vision-Language-Action Models Transfer Web Knowledge to Robotic Control" }, ["multimodal", "robotics"]],
  ["autonomous-driving", { title: "Planning-oriented Autonomous Driving" }, ["autonomous-driving"]],
  ["world-models", { title: "Genie: Generative Interactive Environments", keywords: ["world models", "video generation"] }, ["video-generation", "world-models"]],
  ["code-generation", { title: "Evaluating Large Language Models Trained on Code", abstract: "We introduce Codex and study its Python code-writing capabilities. On HumanEval, a new evaluation set we release to measure functional correctness for synthesizing programs from docstrings, our model solves 28.8% of the problems. Program synthesis remains hard." }, ["code-generation", "llm"]],
  ["embeddings", { title: "Text Embeddings by Weakly-Supervised Contrastive Pre-training" }, ["embeddings"]],
  ["graph-neural-networks", { title: "Semi-Supervised Classification with Graph Convolutional Networks" }, ["graph-neural-networks"]],
  ["recommender-systems", { title: "Neural Collaborative Filtering" }, ["recommender-systems"]],
  ["time-series", { title: "Chronos: Learning the Language of Time Series" }, ["time-series"]],
  ["safety", { title: "Jailbroken: How Does LLM Safety Training Fail?" }, ["llm", "safety"]],
  ["adversarial-robustness", { title: "Towards Deep Learning Models Resistant to Adversarial Attacks" }, ["adversarial-robustness"]],
  ["privacy", { title: "Deep Learning with Differential Privacy" }, ["privacy"]],
  ["interpretability", { title: "Towards Monosemanticity: Decomposing Language Models With Dictionary Learning", abstract: "We use a sparse autoencoder to extract interpretable features." }, ["interpretability"]],
  ["benchmarks", { title: "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?", abstract: "We introduce SWE-bench, an evaluation framework consisting of 2,294 software engineering problems. The benchmark is drawn from real GitHub issues." }, ["benchmarks", "code-generation"]],
  ["medical", { title: "Large Language Models Encode Clinical Knowledge" }, ["llm", "medical"]],
  ["ai-for-science", { title: "Highly accurate protein structure prediction with AlphaFold" }, ["ai-for-science"]],
];

describe("matchTopics: one positive per topic", () => {
  it("covers every topic in TOPIC_RULES", () => {
    const covered = new Set(POSITIVES.map(([slug]) => slug));
    expect(TOPIC_RULES.map((rule) => rule.slug).filter((slug) => !covered.has(slug))).toEqual([]);
  });

  it.each(POSITIVES)("%s: %j", (_slug, sample, expected) => {
    expect(topicsOf(sample)).toEqual(expected);
  });
});

describe("matchTopics: patterns", () => {
  it.each([
    "Efficient KV cache compression",
    "Efficient KV-cache compression",
    "KVCache offloading for serving",
    "Compressing the key-value cache of transformers",
    "Key value caches at scale",
    "KV caching for long prompts",
  ])("kv-cache: %s", (title) => {
    expect(topicsOf({ title })).toContain("kv-cache");
  });

  it.each([
    "Quantization of large models",
    "Quantized training of transformers",
    "Quantizing activations without loss",
    "4-bit weights are enough",
    "BitNet b1.58: every weight in 1.58 bits",
    "INT8 inference on CPUs",
    "int4 matrix multiplication kernels",
    "FP8 training recipes",
    "W4A16 kernels",
    "AWQ for edge devices",
  ])("quantization: %s", (title) => {
    expect(topicsOf({ title })).toContain("quantization");
  });

  it.each(["An LLM for chemistry", "LLMs as judges of taste", "Are LLM-based graders fair?", "VideoLLM: streaming video", "Large Language Models as optimizers", "Large-language-model agents"])(
    "llm: %s",
    (title) => {
      expect(topicsOf({ title })).toContain("llm");
    },
  );

  it.each(["RAG for legal documents", "RAGs fail on tables", "RAG-based assistants", "LightRAG: simple and fast", "Retrieval-Augmented Generation for code", "Retrieval augmented language models"])(
    "rag: %s",
    (title) => {
      expect(topicsOf({ title })).toContain("rag");
    },
  );

  it.each(["Web agents in the wild", "An agentic workflow for science", "Multi-agent debate", "Multiagent coordination", "Agent-based tool calling"])("agents: %s", (title) => {
    expect(topicsOf({ title })).toContain("agents");
  });

  it("nas: the weak acronym needs a second signal", () => {
    expect(topicsOf({ title: "Neural Architecture Search without Training" })).toEqual(["nas"]);
    expect(topicsOf({ title: "NAS-Bench-201: extending the scope", abstract: "A benchmark for NAS algorithms over a fixed search space." })).toContain("nas");
    expect(topicsOf({ title: "A NAS appliance for small offices" })).not.toContain("nas");
  });

  it("reasoning: a title or a specific phrase, not the bare word in an abstract", () => {
    expect(topicsOf({ title: "Improving the Reasoning Abilities of Small Models" })).toContain("reasoning");
    expect(topicsOf({ title: "Memory for personal assistants", abstract: "We study multi-hop reasoning over user data and multi-hop reasoning benchmarks." })).toContain("reasoning");
    expect(topicsOf({ title: "x", abstract: "Large reasoning models such as DeepSeek-R1 overthink." })).toContain("reasoning");
  });

  it("interpretability and AI for science keep their specific signals", () => {
    expect(topicsOf({ title: "Mechanistic interpretability of induction heads" })).toContain("interpretability");
    expect(topicsOf({ title: "Interpretable toxicity prediction" })).toContain("interpretability");
    expect(topicsOf({ title: "Neural PDE solvers that generalise" })).toContain("ai-for-science");
    expect(topicsOf({ title: "Physics-informed networks for PDEs" })).toContain("ai-for-science");
  });

  it("counts curated keywords like a title", () => {
    expect(topicsOf({ title: "Untitled", keywords: ["mixture of experts"] })).toEqual(["mixture-of-experts"]);
    // A phrase cannot straddle two keywords.
    expect(topicsOf({ title: "Untitled", keywords: ["mixture", "of experts"] })).toEqual([]);
  });

  it("matches across Unicode hyphens and line breaks", () => {
    expect(topicsOf({ title: "Retrieval\u2010augmented\n  generation" })).toEqual(["rag"]);
  });
});

describe("matchTopics: tricky negatives", () => {
  it.each<[string, Sample]>([
    ["reagent is not agent", { title: "Reagent selection for organic synthesis", abstract: "The reagent and the reagents were screened. Reagent choice matters." }],
    ["agenda is not agent", { title: "Setting the research agenda", abstract: "An agenda for agendas." }],
    ["fragment, rag, Rag and DRAGON are not RAG", { title: "Fragment assembly with rag-tag heuristics", abstract: "Fragments and fragment libraries; a rag doll; the DRAGON dataset; Rag and rags." }],
    ["diffusion of innovations", { title: "Diffusion of Innovations in Social Networks", abstract: "We study the diffusion of innovations and information diffusion across communities." }],
    ["hate speech", { title: "Hate Speech Detection in Low-Resource Settings", abstract: "Hate speech and offensive speech are pervasive." }],
    ["vector quantization is a tokenizer, not compression", { title: "Neural Discrete Representation Learning", abstract: "We propose the Vector Quantised-Variational AutoEncoder (VQ-VAE). Vector quantization avoids posterior collapse; the vector-quantized codes are discrete." }],
    ["multimodal distributions", { title: "Sampling from Multimodal Distributions with Annealed Langevin Dynamics", abstract: "Multimodal distributions and multi-modal posteriors are hard to sample." }],
    ["robots.txt", { title: "Who blocks AI crawlers?", abstract: "We analyse robots.txt files of 1M websites; robots.txt directives changed in 2024." }],
    ["evaluating on benchmarks is not a benchmark paper", { title: "A Simple Baseline for Image Classification", abstract: "Our method outperforms prior work on standard benchmarks. On four benchmarks, it achieves state-of-the-art results across benchmarks." }],
    ["code is available", { title: "Efficient Sorting Networks", abstract: "Code is available at https://github.com/x/y. The code and data are released." }],
    ["incidental fine-tuning", { title: "A New Contrastive Loss", abstract: "Without fine-tuning, the model transfers. We also report results after fine-tuning." }],
    ["64-bit floats and bits per pixel", { title: "Exact arithmetic on 64-bit hardware", abstract: "We use 64-bit floats and 32-bit integers. Images are coded at 2 bits per pixel." }],
    ["network-attached storage", { title: "Backup strategies for network-attached storage", abstract: "Network-attached storage (NAS) devices are common. NAS throughput is measured." }],
    ["canonical quantization in physics", { title: "Canonical quantization of the scalar field", abstract: "We perform canonical quantization and second quantization of the field." }],
    ["pathological is not pathology", { title: "Pathological examples in convex optimization", abstract: "We construct pathological cases where gradient descent fails." }],
    ["a weak pattern alone", { title: "Masked diffusion for text" }],
    ["one abstract mention", { title: "A study of transformers", abstract: "We also test on a KV cache setting." }],
  ])("%s", (_name, sample) => {
    expect(topicsOf(sample)).toEqual([]);
  });

  // From the real fixture papers the rules got wrong (npm run tags:precision).
  it.each<[string, Sample, string]>([
    ["a weak pattern in the title, the keywords and the abstract", { title: "Holistic visual tokenizers", keywords: ["spatiotemporal reconstruction"], abstract: "Spatio-temporal compression, spatio-temporal latents." }, "time-series"],
    ["interpretable predictions in an abstract", { title: "Stock movement with news", abstract: "Our model gives interpretable predictions; interpretability matters to auditors." }, "interpretability"],
    ["mechanistic models in science", { title: "Counterfactual dynamics with expert models", abstract: "Mechanistic models of epidemics guide the generative model; mechanistic priors help." }, "interpretability"],
    ["ASR as attack success rate", { title: "Compute-aware jailbreak evaluation", abstract: "We report the attack success rate (ASR). ASR grows with compute." }, "speech"],
    ["LMM as a local minimax method", { title: "A local minimax method (LMM) for elliptic equations", abstract: "The LMM finds multiple solutions; LMMs converge." }, "multimodal"],
    ["a coarse quantizer in retrieval", { title: "Fast soft clustering on GPUs", abstract: "We integrate it into the IVF coarse quantizer of a nearest-neighbour index. The coarse quantizer is faster." }, "quantization"],
    ["the numerics of PDEs", { title: "A minimax method for nonlinear elliptic PDEs", abstract: "We solve partial differential equations with finite differences." }, "ai-for-science"],
    ["reasoning only in passing", { title: "A benchmark of style shifts", abstract: "Models show strong visual reasoning. Reasoning across styles degrades." }, "reasoning"],
  ])("%s is not %s", (_name, sample, topic) => {
    expect(topicsOf(sample)).not.toContain(topic);
  });

  it("keeps the topics the excluded phrase does not cover", () => {
    expect(topicsOf({ title: "Diffusion MRI tractography with deep learning", abstract: "Diffusion MRI measures water diffusion; diffusion-weighted imaging and diffusion tensor imaging are compared." })).toEqual(["medical"]);
    expect(topicsOf({ title: "Contrast agent dose reduction in MRI", abstract: "Gadolinium-based contrast agents are used in MRI." })).toEqual(["medical"]);
    // The exclusion masks its own span only.
    expect(topicsOf({ title: "Diffusion models for diffusion MRI denoising" })).toEqual(["diffusion", "medical"]);
  });

  it("does not read RLHF as RL or MLLM as LLM", () => {
    expect(topicsOf({ title: "RLHF at scale" })).toEqual(["alignment"]);
    expect(topicsOf({ title: "MLLMs see better with visual tokens" })).toEqual(["multimodal"]);
  });
});

describe("scoring", () => {
  it("applies a topic on a title hit, a keyword hit, or two abstract hits", () => {
    expect(scoreTopics({ title: "Speculative decoding", abstract: "" })).toEqual({ "efficient-inference": 2 });
    expect(scoreTopics({ title: "x", abstract: "", keywords: ["speculative decoding"] })).toEqual({ "efficient-inference": 2 });
    expect(scoreTopics({ title: "x", abstract: "We use speculative decoding." })).toEqual({ "efficient-inference": 1 });
    expect(matchTopics({ title: "x", abstract: "We use speculative decoding." })).toEqual([]);
    expect(matchTopics({ title: "x", abstract: "We use speculative decoding. Speculative decoding is fast." })).toEqual(["efficient-inference"]);
  });

  it("caps a weak pattern below the threshold over all fields, so it never applies a topic alone", () => {
    // Title 1 + keywords 1 + abstract 1 would be 3; a weak pattern adds at most 1.5.
    const paper = { title: "Spatio-temporal tokens", keywords: ["spatio-temporal"], abstract: "Spatio-temporal, spatio-temporal." };
    expect(scoreTopics(paper)["time-series"]).toBe(1.5);
    expect(matchTopics(paper)).not.toContain("time-series");
    // Two different weak patterns corroborate each other.
    expect(matchTopics({ title: "Spatio-temporal anomaly detection", abstract: "" })).toContain("time-series");
  });

  it("counts at most two abstract hits per pattern, so weak patterns cannot apply a topic alone", () => {
    const abstract = "The agent latency. Latency, latency and more latency. Latency!";
    expect(scoreTopics({ title: "x", abstract })["efficient-inference"]).toBe(1);
    expect(scoreTopics({ title: "x", abstract }).agents).toBe(1);
    expect(matchTopics({ title: "x", abstract })).toEqual([]);
  });

  it("is sorted and deterministic", () => {
    const paper = { title: "Quantized LoRA fine-tuning of LLM agents with RAG", abstract: "" };
    const first = matchTopics(paper);
    expect(first).toEqual(["agents", "fine-tuning", "llm", "quantization", "rag"]);
    expect(matchTopics(paper)).toEqual(first);
    expect([...first].sort()).toEqual(first);
  });
});

describe("custom rule sets", () => {
  const rules: TopicRule[] = [
    { slug: "zeta", name: "Zeta", description: "z", rules: { any: ["zeta function"] } },
    { slug: "alpha", name: "Alpha", description: "a", rules: { any: [{ acronym: "ALPHA" }], none: ["alpha particle"] } },
  ];

  it("uses the rules given", () => {
    expect(matchTopics({ title: "The ALPHA and the zeta function", abstract: "" }, rules)).toEqual(["alpha", "zeta"]);
    expect(matchTopics({ title: "Large language models", abstract: "" }, rules)).toEqual([]);
  });

  it.each<[string, TopicRule["rules"]]>([
    ["a * inside a phrase", { any: ["foo* bar"] }],
    ["an empty phrase", { any: [" "] }],
    ["an acronym with a hyphen", { any: [{ acronym: "GPT-4" }] }],
    ["a needle with a space", { any: [{ regex: /foo bar/i, needle: "foo bar" }] }],
  ])("rejects %s", (_name, broken) => {
    expect(() => matchTopics({ title: "x", abstract: "" }, [{ slug: "broken", name: "Broken", description: "b", rules: broken }])).toThrow(/broken/);
  });
});

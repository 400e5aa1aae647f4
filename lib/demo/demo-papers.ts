import type { PaperInput } from "@/lib/ingest/paper-input";
import { createSeededRandom } from "@/lib/seeded-random";

// The demo feed shown when the database is empty and Hugging Face cannot be reached. Every
// title, abstract, author, benchmark and method name here is invented: the papers are composed
// from the hand-written templates below, never copied from real papers, so the demo cannot be
// mistaken for (or misattribute) real research.
//
// Generation is seeded and independent of `today` except for dates and the year-month part of
// the ids, so paper N always has the same title, authors and abstract; only its place in the
// calendar slides with the date.

const DEMO_SEED = 0x5eed_2026;
const DAY_COUNT = 14;
const PAPER_COUNT = 84;
const MIN_PER_DAY = 4;
const MAX_PER_DAY = 9;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Every 19th paper gets a big author list so the "et al." rendering is exercised. */
const LARGE_TEAM_EVERY = 19;
/**
 * Ids use the number range 9xxxx after the dot. arXiv numbers papers sequentially within a
 * month and has never come close to 90,000 submissions in one month, so these ids look real
 * but do not collide with real papers (as of this writing).
 */
const ID_BASE = 90_000;
const ID_STRIDE = Math.floor(10_000 / PAPER_COUNT);

export interface DemoPaperOptions {
  /** Only for tests that exercise many template combinations; the app uses the default. */
  seed?: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------------------------

type Rng = () => number;

function createRng(seed: number): Rng {
  return createSeededRandom(seed);
}

function randomInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function randomFixed(rng: Rng, min: number, max: number, digits: number): string {
  return (min + rng() * (max - min)).toFixed(digits);
}

function pickOne<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error("pickOne: empty list");
  return item;
}

function shuffleCopy<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

function pickSome<T>(rng: Rng, items: readonly T[], count: number): T[] {
  return shuffleCopy(rng, items).slice(0, count);
}

// ---------------------------------------------------------------------------------------------
// Topics. Each topic holds a few "angles": a title with the gap, method, detail and result
// sentences that belong to it, so an abstract always tells one consistent story. Each angle is
// used at most once, which keeps abstracts distinct. Sentences use {{placeholders}} (see
// FILLERS); the LaTeX here never contains "{{", so the two syntaxes cannot clash.
// ---------------------------------------------------------------------------------------------

interface Angle {
  title: string;
  gap: string;
  /** Starts with "{{intro}} {{M}}," so the method name appears in every abstract. */
  method: string;
  detail: string;
  /** Replaces the detail sentence in about half of the abstracts that have one. */
  math?: string;
  result: string;
  /** A noun phrase that the generic analysis sentences can refer to. */
  component: string;
}

interface Topic {
  /** Candidates for primaryCategory. */
  primary: readonly string[];
  /** Cross-list candidates; a few are added after the primary category. */
  secondary: readonly string[];
  keywords: readonly string[];
  /** Second half of compound method names ("Ember" + "KV"). */
  nameSuffixes: readonly string[];
  /** Invented benchmark names. */
  benchmarks: readonly string[];
  /** Opening sentences that fit every angle of the topic. */
  contexts: readonly string[];
  /** Optional sentences about the experimental setup that fit every angle of the topic. */
  notes: readonly string[];
  angles: readonly Angle[];
}

const TOPICS: readonly Topic[] = [
  {
    // KV cache
    primary: ["cs.CL", "cs.LG"],
    secondary: ["cs.LG", "cs.AI", "cs.DC", "cs.PF"],
    keywords: ["kv cache", "cache eviction", "long-context inference", "attention heads", "memory footprint", "decoding throughput", "token pruning", "llm serving"],
    nameSuffixes: ["KV", "Cache", "Evict"],
    benchmarks: ["LongShelf", "RecallMaze-128k", "ThreadQA", "ScrollSum"],
    contexts: [
      "The key-value cache dominates memory use when large language models decode long sequences, often exceeding the size of the model weights themselves.",
      "Serving systems for large language models are increasingly limited by the memory bandwidth consumed by reading the key-value cache at every decoding step.",
      "As context windows grow to hundreds of thousands of tokens, storing keys and values for every layer and head has become the main obstacle to cheap inference.",
    ],
    notes: [
      "Experiments cover {{k}} open models from {{smallsize}} to {{size}} parameters and inputs of up to {{ctx}} tokens.",
      "We also report results on {{B2}}, where exact recall of distant tokens is required.",
    ],
    angles: [
      {
        title: "Not All Heads Need the Whole Past: Head-Adaptive KV Cache Budgets",
        gap: "Most compression schemes apply a uniform budget to every layer and head, ignoring that retrieval-style heads and local heads have very different needs.",
        method: "{{intro}} {{M}}, a training-free method that assigns each attention head its own cache budget from a short calibration pass and re-balances budgets online as the sequence grows.",
        detail: "Because budget decisions are made per block rather than per token, the bookkeeping overhead stays below one percent of decoding time.",
        math: String.raw`Allocating budgets is cast as maximizing $\sum_{h} \sum_{i \in S_h} s_{h,i}$ subject to $\sum_h |S_h| \le B$, which we solve greedily in $O(n \log n)$ time.`,
        result: "On {{B}}, {{M}} keeps only {{p}} of the cache while staying within {{dsmall}} points of full-cache accuracy, and it outperforms uniform budgets by {{d}} points.",
        component: "online budget re-balancing",
      },
      {
        title: "Learning Which Tokens to Forget During Long-Context Decoding",
        gap: "Existing eviction policies score tokens by accumulated attention, which is biased toward early positions and discards information that becomes relevant only later in generation.",
        method: "{{intro}} {{M}}, which trains a lightweight scorer of fewer than {{k}}M parameters to predict the future usefulness of each cached token from its key and recent query statistics.",
        detail: "Evicted entries are summarized into a small set of merged slots instead of being dropped, so attention can still recover coarse information about the discarded span.",
        math: String.raw`We bound the change in attention output by $\|\Delta o\|_2 \le \epsilon \, \|V\|_2$, where $\epsilon$ is the attention mass assigned to evicted tokens, and train the scorer to keep $\epsilon$ small.`,
        result: "With a fixed budget of {{budget}} tokens, {{M}} improves accuracy on {{B}} by {{d}} points over attention-based eviction and matches the full cache on most tasks.",
        component: "the merged summary slots",
      },
      {
        title: "Cross-Layer KV Sharing Without Retraining",
        gap: "Keys and values of adjacent layers are highly redundant, yet every layer stores its own full copy.",
        method: "{{intro}} {{M}}, a cache layout that stores keys in a shared low-rank basis across adjacent layers and keeps full-precision residuals only for outlier channels.",
        detail: "The shared basis is computed once from a few hundred calibration sequences and requires no change to model weights.",
        math: String.raw`Keys of two adjacent layers are approximated as $K_\ell \approx C U_\ell$ with a shared code matrix $C$ of rank $r \ll d$, which reduces storage from $2nd$ to $nr + 2dr$ per layer pair.`,
        result: "{{M}} reduces KV cache memory by {{x}} on {{B}} with less than {{dsmall}} points of accuracy loss and composes with cache quantization for a further {{x}} saving.",
        component: "the shared low-rank basis",
      },
      {
        title: "Predictive Prefetching of Offloaded KV Blocks for Memory-Bound Serving",
        gap: "Offloading the cache to host memory frees accelerator memory, but naive transfers stall decoding at every step.",
        method: "{{intro}} {{M}}, a serving technique that predicts which offloaded cache blocks the next layers will attend to and prefetches them while the current layer computes.",
        detail: "Prediction reuses the query of the previous layer, so it adds no extra forward computation and fits into existing paged cache kernels.",
        result: "In serving experiments on {{B}}, {{M}} supports {{x}} larger batches than a GPU-only cache and improves decoding throughput by {{p}} over reactive offloading.",
        component: "cross-layer query reuse",
      },
    ],
  },
  {
    // Quantization
    primary: ["cs.LG", "cs.CL"],
    secondary: ["cs.AR", "cs.AI", "cs.CL", "cs.PF"],
    keywords: ["post-training quantization", "weight quantization", "activation outliers", "low-bit inference", "mixed precision", "rotation matrices", "calibration data", "model compression"],
    nameSuffixes: ["Quant", "Q", "Bit"],
    benchmarks: ["TinyShelf-Eval", "ArithDrift", "WikiLoom", "EdgeBench-LM"],
    contexts: [
      "Post-training quantization makes it possible to serve large language models on commodity accelerators, but accuracy degrades sharply below four bits per weight.",
      "Low-bit inference is attractive for on-device deployment, where memory capacity and energy, rather than raw compute, set the limits on model size.",
      "Quantization is the most widely used way to shrink language models after training, and it is applied to almost every openly released model.",
    ],
    notes: [
      "We provide fused kernels that dequantize on the fly, so the method benefits from reduced memory traffic without custom hardware.",
      "Results are reported on {{B2}} in addition to perplexity, since perplexity alone hides regressions on generation tasks.",
    ],
    angles: [
      {
        title: "Outlier-Aware Rotations for 3-Bit Weight and Activation Quantization",
        gap: "A few activation channels with extreme magnitudes dominate the quantization error, and current methods either keep them in high precision, which complicates kernels, or smooth them into the weights, which only shifts the difficulty.",
        method: "{{intro}} {{M}}, which learns block-diagonal rotations that spread outlier energy across channels before rounding and folds them into adjacent linear layers at no inference cost.",
        detail: "The rotations are learned from a few hundred unlabeled sequences in under an hour on a single accelerator for a {{size}} model.",
        math: String.raw`Rotations are parameterized as $R = \exp(A - A^\top)$ so that they stay orthogonal, and they are trained to minimize the kurtosis $\mathbb{E}[x^4] / \mathbb{E}[x^2]^2$ of rotated activations.`,
        result: "With 3-bit weights and 4-bit activations, {{M}} closes {{p}} of the perplexity gap to the full-precision {{size}} model and improves accuracy on {{B}} by {{d}} points over the best prior method.",
        component: "the learned rotations",
      },
      {
        title: "Mixed-Precision Assignment as a Knapsack Problem over Layer Sensitivities",
        gap: "Uniform bit-widths waste precision on robust layers while starving the few layers whose errors propagate furthest through the residual stream.",
        method: "{{intro}} {{M}}, a mixed-precision scheme that estimates the sensitivity of each layer from second-order statistics and allocates bit-widths under a global memory budget.",
        detail: "Sensitivities are estimated once per model and reused for any target budget, so a family of quantized variants can be produced in minutes.",
        math: String.raw`Bit allocation solves $\min_{b} \sum_\ell \lambda_\ell 2^{-2 b_\ell}$ subject to $\sum_\ell n_\ell b_\ell \le M$, which admits a closed-form water-filling solution.`,
        result: "At an average of {{wbits}} bits per weight, {{M}} improves accuracy on {{B}} by {{d}} points over uniform quantization with the same memory footprint.",
        component: "second-order sensitivity estimates",
      },
      {
        title: "Quantization Error Compounds Differently in Reasoning and Recall Tasks",
        gap: "Reported gains are usually measured on perplexity alone, which hides large regressions on multi-step reasoning and long-form generation.",
        method: "{{intro}} {{M}}, an evaluation suite and calibration procedure that fits quantization scales end to end against the output distribution of the full-precision model rather than layer by layer.",
        detail: "The suite covers {{count}} tasks grouped into recall, reasoning and long-form generation, with confidence intervals from repeated sampling.",
        math: String.raw`Scales are fitted by minimizing $\mathcal{L}_{\text{KL}} = D_{\mathrm{KL}}(p_{\text{fp16}} \,\|\, p_{\text{quant}})$ on calibration data, with a straight-through estimator for the rounding step.`,
        result: "We find that 4-bit models lose up to {{d}} points on multi-step reasoning in {{B}} while perplexity changes by less than one percent, and {{M}} recovers {{p}} of that loss.",
        component: "end-to-end scale calibration",
      },
      {
        title: "Integer-Only Attention for Edge Deployment of Small Language Models",
        gap: "Microcontrollers and mobile neural processors often lack fast floating-point units, yet softmax and normalization layers are still computed in floating point.",
        method: "{{intro}} {{M}}, an integer-only formulation of attention and normalization that uses lookup tables for the exponential and a fixed-point running maximum.",
        detail: "We deploy the resulting {{smallsize}} model on a phone neural processor and on a low-power microcontroller board without floating-point support.",
        result: "{{M}} reduces on-device latency by {{x}} and energy per token by {{p}}, while staying within {{dsmall}} points of the floating-point model on {{B}}.",
        component: "the lookup-table exponential",
      },
    ],
  },
  {
    // Agents
    primary: ["cs.AI", "cs.CL"],
    secondary: ["cs.CL", "cs.LG", "cs.MA", "cs.SE"],
    keywords: ["llm agents", "tool use", "web navigation", "planning", "multi-agent systems", "long-horizon tasks", "self-reflection", "environment feedback"],
    nameSuffixes: ["Agent", "Act", "Pilot"],
    benchmarks: ["OfficeSim-40", "WebTrek", "ShopQuest", "DeskFlow"],
    contexts: [
      "Language model agents can now browse websites, call APIs and edit files, but their success rates drop quickly as tasks require more than a dozen steps.",
      "Deployed assistants increasingly act on behalf of users, which makes reliability and the cost of each action as important as raw task success.",
      "Agents built on language models are moving from demonstrations to everyday use in office software, online shopping and customer support.",
    ],
    notes: [
      "Experiments use {{k}} backbone models of different sizes, and all results are averaged over three runs.",
      "The evaluation covers {{count}} tasks in {{B2}}, with success judged by programmatic checks rather than model graders.",
    ],
    angles: [
      {
        title: "Learning Reusable Skills from Failed Agent Trajectories",
        gap: "Agents typically discard the trajectories of failed attempts, even though these contain useful information about the environment and about their own mistakes.",
        method: "{{intro}} {{M}}, an agent framework that distills successful and failed trajectories into a library of parameterized skills that are retrieved and composed at test time.",
        detail: "Skills are stored as short programs with natural-language preconditions, which makes them easy to inspect and to transfer between environments.",
        result: "On {{B}}, {{M}} raises the task success rate {{fromto}} while using {{p}} fewer tool calls than a standard reason-then-act baseline.",
        component: "the skill library",
      },
      {
        title: "Cheap Planners, Expensive Executors: Budget-Aware Delegation in Multi-Agent Systems",
        gap: "Multi-agent systems promise to split complex work among specialists, yet coordination overhead and the cost of large models often cancel the benefit.",
        method: "{{intro}} {{M}}, in which a small planner model decomposes the task and routes each sub-goal to the cheapest executor expected to solve it, escalating only on failure.",
        detail: "The router is trained from logged outcomes of previous episodes and needs no human labels.",
        math: String.raw`We model delegation as a contextual bandit with expected utility $U(a) = p_a \cdot r - c_a$ and show that the routing policy is within $O(\sqrt{T})$ regret of the best fixed assignment.`,
        result: "On {{B}}, {{M}} matches the success rate of always using the largest model while cutting inference cost by {{x}}.",
        component: "cost-aware routing",
      },
      {
        title: "Agents That Know When to Ask: Calibrated Clarification in Tool-Using Assistants",
        gap: "Instructions given to assistants are often underspecified, and agents tend to guess rather than ask, producing confident but wrong actions.",
        method: "{{intro}} {{M}}, a training recipe that rewards agents for asking targeted clarification questions when their belief about the intent of the user is uncertain.",
        detail: "A simulated user with hidden preferences answers questions during training, and real users evaluate the final agent.",
        math: String.raw`The clarification reward is $r_t = \mathbb{1}[\text{success}] - \beta \, n_{\text{questions}}$ with $\beta = 0.05$, which discourages both guessing and over-asking.`,
        result: "On {{B}}, {{M}} improves task success on ambiguous requests by {{d}} points while asking a question in only {{lowpct}} of unambiguous ones.",
        component: "the clarification reward",
      },
      {
        title: "A Sandbox for Measuring Side Effects of Autonomous Software Agents",
        gap: "Existing benchmarks reward task completion and ignore irreversible side effects, such as deleted files, sent messages or unintended purchases.",
        method: "{{intro}} {{M}}, a sandboxed environment suite that records every state change made by an agent and scores side effects against a specification of allowed changes.",
        detail: "The suite contains {{count}} simulated applications with deterministic resets, so every episode can be replayed exactly.",
        result: "Evaluating {{k}} agents on {{M}}, we find that even the best one causes an unintended side effect in {{p}} of successful episodes, and a simple confirmation step removes most of them.",
        component: "state-change recording",
      },
    ],
  },
  {
    // Diffusion models for images
    primary: ["cs.CV"],
    secondary: ["cs.LG", "cs.AI", "cs.GR"],
    keywords: ["diffusion models", "text-to-image generation", "sampling steps", "distillation", "classifier-free guidance", "latent diffusion", "image editing", "flow matching"],
    nameSuffixes: ["Diff", "Flow", "Paint"],
    benchmarks: ["PromptGarden", "CountScene-2k", "CaptionCrate", "ArtShelf-30k"],
    contexts: [
      "Diffusion models are the dominant approach to text-to-image generation and underlie most current image editing tools.",
      "Text-to-image diffusion models produce striking images, but their cost, controllability and failure modes remain active concerns.",
      "Diffusion and flow-based generative models now reach photographic quality, which shifts attention to sampling cost and fine-grained control.",
    ],
    notes: [
      "We report FID, prompt alignment and a human preference study with {{count}} raters.",
      "All comparisons use the same backbone and text encoder, so differences reflect the proposed change alone.",
    ],
    angles: [
      {
        title: "Few-Step Text-to-Image Generation via Trajectory-Consistent Distillation",
        gap: "Diffusion models usually require dozens of network evaluations per sample, and distillation methods that reduce the step count tend to lose fine detail and diversity.",
        method: "{{intro}} {{M}}, a distillation objective that matches the teacher along entire sampling trajectories rather than at isolated timesteps.",
        detail: "The student is initialized from the teacher and trained for less than one percent of the original pretraining compute.",
        math: String.raw`The student minimizes $\mathbb{E}_{t, x_t}\big[\| f_\theta(x_t, t) - \Phi_{t \to 0}(x_t) \|_2^2\big]$, where $\Phi_{t \to 0}$ denotes the multi-step ODE solution of the teacher.`,
        result: "On {{B}}, {{M}} reaches an FID of {{fid}} with {{steps}} sampling steps, a {{x2}} speed-up over the teacher at comparable human preference scores.",
        component: "trajectory-level matching",
      },
      {
        title: "Guidance Without the Oversaturation: Adaptive Scales for Diffusion Sampling",
        gap: "Classifier-free guidance trades diversity for prompt fidelity with a single global scale, and large scales oversaturate colors and flatten textures.",
        method: "{{intro}} {{M}}, which predicts a per-pixel guidance scale from the disagreement between conditional and unconditional predictions at each step.",
        detail: "The method is training-free and applies to both pixel-space and latent-space models without modifying the sampler.",
        math: String.raw`The guided prediction is $\hat\epsilon = \epsilon_\varnothing + w(x_t, t)\,(\epsilon_c - \epsilon_\varnothing)$, where the map $w$ is bounded in $[1, w_{\max}]$ to avoid saturation.`,
        result: "On {{B}}, {{M}} improves prompt alignment by {{d}} points at the same FID and is preferred by raters in {{winrate}} of side-by-side comparisons.",
        component: "the per-pixel guidance map",
      },
      {
        title: "Why Do Diffusion Models Miscount Objects? A Study of Cross-Attention Collapse",
        gap: "Text-to-image models still struggle with prompts that specify several objects and their counts, and the cause of these failures is poorly understood.",
        method: "{{intro}} {{M}}, a counting-aware benchmark together with an attention intervention that keeps the cross-attention maps of repeated object tokens from collapsing onto a single region.",
        detail: "The benchmark contains {{count}} prompt templates with automatic verification by an open-vocabulary detector.",
        result: "Our analysis on {{B}} shows that miscounts coincide with attention collapse in {{highpct}} of cases, and the intervention improves counting accuracy by {{d}} points.",
        component: "the attention intervention",
      },
      {
        title: "Training Latent Diffusion Models on an Academic Compute Budget",
        gap: "Training text-to-image models from scratch remains out of reach for most academic labs, and the effect of individual design choices at small budgets is poorly understood.",
        method: "{{intro}} {{M}}, a training recipe combining a resolution curriculum, deduplicated synthetic captions and a compact backbone of {{smallsize}} parameters.",
        detail: "All ablations are run with fixed seeds and identical compute, so differences can be attributed to the design choice under study.",
        result: "Trained with {{gpuh}}0 GPU-hours, {{M}} reaches an FID of {{fid}} on {{B}}, competitive with models trained on {{x2}} more compute.",
        component: "the resolution curriculum",
      },
    ],
  },
  {
    // Neural architecture search
    primary: ["cs.LG"],
    secondary: ["cs.NE", "cs.CV", "cs.AI"],
    keywords: ["neural architecture search", "supernet", "weight sharing", "hardware-aware search", "zero-cost proxies", "search space design", "latency prediction", "evolutionary search"],
    nameSuffixes: ["NAS", "Arch", "Search"],
    benchmarks: ["EdgeZoo", "ArchGarden", "MicroNet-Arena", "TinyDeploy"],
    contexts: [
      "Neural architecture search automates the design of network topologies, but its cost and its sensitivity to the training recipe limit adoption in practice.",
      "Deploying models on phones, microcontrollers and accelerators with very different characteristics calls for architectures tailored to each target.",
      "Architecture search has shifted from discovering new cell types to tailoring proven architectures to hardware and data constraints.",
    ],
    notes: [
      "Experiments span image classification, object detection and language modeling search spaces.",
      "We release all evaluated architectures and their training curves to support future benchmarking.",
    ],
    angles: [
      {
        title: "Zero-Cost Proxies Revisited: Rank Correlation Under Distribution Shift",
        gap: "Training-free proxies promise to rank architectures in seconds, yet their correlation with final accuracy varies widely across search spaces and datasets.",
        method: "{{intro}} {{M}}, a protocol that evaluates proxies under controlled shifts in data, resolution and training recipe, together with an ensemble proxy calibrated on a handful of trained networks.",
        detail: "We train {{count}}0 architectures to completion to obtain reference rankings.",
        result: "Individual proxies lose up to half of their rank correlation under shift on {{B}}, while the calibrated ensemble raises Kendall rank correlation {{taupair}} with only {{k}} trained networks.",
        component: "the calibrated ensemble",
      },
      {
        title: "Hardware-Aware Architecture Search for Heterogeneous Edge Accelerators",
        gap: "Latency predictors are usually fitted per device and must be re-collected whenever the hardware or compiler changes.",
        method: "{{intro}} {{M}}, a device-conditioned latency predictor that embeds hardware from a handful of micro-benchmarks and transfers to unseen accelerators.",
        detail: "The predictor needs only {{count}} measured architectures on a new device to reach a rank correlation above 0.9.",
        math: String.raw`The search objective is $\max_{a \in \mathcal{A}} \mathrm{Acc}(a) \cdot \left(\mathrm{Lat}(a)/T\right)^{\gamma}$ with $\gamma = -0.07$, which acts as a soft latency constraint.`,
        result: "Across {{k}} devices in {{B}}, {{M}} finds architectures that are {{x}} faster at equal accuracy and reduces search cost to {{gpuh}} GPU-hours.",
        component: "hardware embeddings",
      },
      {
        title: "Searching Transformer Block Shapes with a Single Supernet",
        gap: "Search spaces for transformers are often copied from convolutional networks and miss dimensions such as head count and expansion ratio per layer.",
        method: "{{intro}} {{M}}, a search space and weight-sharing supernet for transformer blocks in which depth, width, head count and expansion ratio are searched jointly.",
        detail: "The supernet is trained once and reused for every deployment target, amortizing its cost across searches.",
        math: String.raw`We prove that, under a Lipschitz assumption on the supernet, the ranking error of shared weights is bounded by $O(1/\sqrt{K})$ in the number $K$ of sampled paths.`,
        result: "On {{B}}, architectures found by {{M}} improve accuracy by {{d}} points over hand-designed models of equal size and cut inference latency by {{p}}.",
        component: "joint search over head count",
      },
      {
        title: "Evolutionary Search with Learned Mutation Operators",
        gap: "Evolutionary search mutates architectures uniformly at random, wasting most evaluations on changes that are predictably harmful.",
        method: "{{intro}} {{M}}, an evolutionary search whose mutation operator is a small model trained on the history of previously evaluated architectures.",
        detail: "The mutation model is updated after every generation and transfers between related search spaces.",
        result: "On {{B}}, {{M}} reaches the accuracy of the best random-mutation run with {{x}} fewer evaluations and finds architectures that are less sensitive to the training recipe.",
        component: "the learned mutation operator",
      },
    ],
  },
  {
    // Alignment and RLHF
    primary: ["cs.CL", "cs.LG"],
    secondary: ["cs.AI", "cs.LG", "cs.CL"],
    keywords: ["reinforcement learning from human feedback", "reward modeling", "preference optimization", "reward hacking", "kl regularization", "policy optimization", "human preferences", "instruction following"],
    nameSuffixes: ["Align", "Pref", "RL"],
    benchmarks: ["HelpfulHarbor", "PrefCourt", "DialogScale-5k", "RaterRoom"],
    contexts: [
      "Reinforcement learning from human feedback remains the dominant way to turn pretrained language models into helpful assistants.",
      "Aligning language models with human preferences relies on reward models or pairwise comparisons that are noisy, biased and expensive to collect.",
      "Preference-based fine-tuning has become a standard stage in the training of open language models.",
    ],
    notes: [
      "Experiments use models from {{smallsize}} to {{size}} parameters and prompts drawn from {{B2}}.",
      "We report both automatic judge scores and a human evaluation by {{count}} trained raters.",
    ],
    angles: [
      {
        title: "Preference Optimization with Uncertain Labels",
        gap: "Annotator disagreement is typically treated as noise and averaged away, although it often reflects legitimate differences in preference.",
        method: "{{intro}} {{M}}, a preference objective that models each label with an annotator-specific confidence and down-weights comparisons on which annotators disagree systematically.",
        detail: "We release {{count}}k new preference pairs annotated by at least three raters each, together with the free-text rationales of the raters.",
        math: String.raw`The policy maximizes $\mathbb{E}_{y \sim \pi_\theta}[r(x, y)] - \beta \, D_{\mathrm{KL}}(\pi_\theta \,\|\, \pi_{\text{ref}})$ with $\beta = 0.1$, and we derive the corresponding pairwise loss with a confidence weight per label.`,
        result: "On {{B}}, {{M}} improves the win rate against the reference model by {{d}} points and stays robust when {{p}} of labels are flipped.",
        component: "annotator-specific confidences",
      },
      {
        title: "Reward Models Overfit to Length: Diagnosis and a Simple Fix",
        gap: "Length and formatting biases in reward models inflate benchmark scores without corresponding gains in helpfulness.",
        method: "{{intro}} {{M}}, a reward-model regularizer that decorrelates predicted reward from response length and formatting features during training.",
        detail: "The regularizer adds a single hyperparameter and can be combined with any pairwise reward-model loss.",
        result: "Policies trained against {{M}} rewards produce responses {{p}} shorter on {{B}} while being preferred by human raters in {{winrate}} of comparisons.",
        component: "the length decorrelation penalty",
      },
      {
        title: "On-Policy Data Matters More Than the Loss in Offline Alignment",
        gap: "It remains unclear whether the gap between online and offline alignment methods stems from the objective or from the distribution of the training data.",
        method: "{{intro}} {{M}}, an iterative procedure that periodically refreshes the preference dataset with samples from the current policy and re-labels them with a frozen judge.",
        detail: "To separate the effect of data from the effect of the loss, we hold the prompt set fixed and vary only the source of the responses.",
        result: "On {{B}}, refreshing data with {{M}} closes {{highpct}} of the gap between offline and online training, whereas changing the loss alone closes less than a fifth.",
        component: "the on-policy data refresh",
      },
      {
        title: "Variance-Reduced Advantages for Stable Policy Optimization of Language Models",
        gap: "Policy-gradient fine-tuning of language models is notoriously unstable, and learned critics double the memory cost of training.",
        method: "{{intro}} {{M}}, a critic-free policy optimization method that estimates baselines from groups of samples per prompt and clips advantages adaptively.",
        detail: "The method runs with the same memory footprint as supervised fine-tuning.",
        math: String.raw`Updates follow $$\nabla_\theta J(\theta) = \mathbb{E}_{y \sim \pi_\theta}\big[(r(x,y) - b(x))\,\nabla_\theta \log \pi_\theta(y \mid x)\big],$$ where the baseline $b(x)$ is the mean reward of a group of samples for the same prompt.`,
        result: "Compared with a critic-based baseline, {{M}} reaches the same reward on {{B}} in {{p}} fewer steps and diverges in none of {{k}} seeds.",
        component: "adaptive advantage clipping",
      },
    ],
  },
  {
    // Robotics
    primary: ["cs.RO"],
    secondary: ["cs.LG", "cs.CV", "cs.AI"],
    keywords: ["robot manipulation", "imitation learning", "vision-language-action models", "sim-to-real transfer", "policy learning", "dexterous manipulation", "world models", "teleoperation data"],
    nameSuffixes: ["Bot", "Grasp", "Reach"],
    benchmarks: ["KitchenShelf-12", "TableTidy", "FoldLab", "PegBoard-Real"],
    contexts: [
      "Generalist robot policies trained on large demonstration datasets can follow language instructions, but their reliability in unstructured homes remains limited.",
      "Learning manipulation skills from data has progressed rapidly, yet robots still fail on contact-rich and long-horizon tasks.",
      "Robot learning is bottlenecked by data, since every demonstration requires a human operator and physical hardware.",
    ],
    notes: [
      "We evaluate on physical hardware with randomized object poses and distractors, reporting results over {{count}} trials per task.",
      "The policy runs at {{hz}} Hz on a single onboard GPU.",
    ],
    angles: [
      {
        title: "Vision-Language-Action Policies That Recover from Their Own Mistakes",
        gap: "Demonstration data contains almost no examples of failure and correction, so imitation-trained policies have never seen the states they drift into.",
        method: "{{intro}} {{M}}, which automatically perturbs demonstrations in simulation to generate recovery trajectories and trains the policy on both nominal and corrective data.",
        detail: "Recovery data is generated without additional human effort and amounts to {{k}} times the original demonstrations.",
        math: String.raw`Recovery states are sampled by perturbing the end effector within a ball of radius $\delta = 2\,\text{cm}$ and replanning with a scripted expert, which yields a $k$-fold augmentation of each demonstration.`,
        result: "Across {{k}} real-world tasks, {{M}} raises the average success rate {{fromto}} and recovers from {{highpct}} of injected perturbations.",
        component: "the recovery trajectories",
      },
      {
        title: "Action Chunking Meets Denoising: Smooth Policies for Contact-Rich Tasks",
        gap: "Contact-rich manipulation, such as inserting, wiping or folding, is difficult for learned policies because small errors in force quickly compound.",
        method: "{{intro}} {{M}}, a policy that predicts chunks of future actions with a denoising head conditioned on tactile and visual history.",
        detail: "Tactile signals come from low-cost fingertip sensors and are encoded by a small convolutional network.",
        math: String.raw`Actions are generated by a conditional denoiser trained with $\mathcal{L} = \mathbb{E}\,\| \epsilon - \epsilon_\theta(a_t, t, o) \|^2$, where $o$ concatenates visual and tactile observations.`,
        result: "On {{B}}, {{M}} outperforms the strongest imitation baseline by {{d}} points of success rate and reduces peak contact force by {{p}}.",
        component: "tactile conditioning",
      },
      {
        title: "Learning Household Skills from Egocentric Human Video",
        gap: "Human videos are abundant but lack action labels and show a body with different kinematics, which makes direct transfer to a robot arm non-trivial.",
        method: "{{intro}} {{M}}, a pipeline that retargets hand motion from egocentric video to a robot gripper and filters retargeted clips by physical feasibility.",
        detail: "We process {{count}}00 hours of public egocentric video and keep roughly a tenth of the clips after filtering.",
        result: "Pretraining on {{M}} data improves success on {{B}} by {{d}} points and halves the number of robot demonstrations needed to reach a given success rate.",
        component: "feasibility filtering",
      },
      {
        title: "Scaling Teleoperation Data with Low-Cost Bimanual Rigs",
        gap: "High-quality teleoperation hardware is expensive, which keeps large demonstration datasets in the hands of a few well-funded labs.",
        method: "{{intro}} {{M}}, an open-source bimanual teleoperation rig that costs under five thousand dollars, together with a dataset collected by {{count}} operators.",
        detail: "The dataset contains {{count}}k episodes across kitchens, offices and workshops, each annotated with a language instruction.",
        result: "Policies trained on {{M}} data transfer to {{B}} with a {{d}}-point gain in success rate over policies trained on existing datasets of similar size.",
        component: "multi-site data collection",
      },
    ],
  },
  {
    // Multimodal / vision-language models
    primary: ["cs.CV", "cs.CL"],
    secondary: ["cs.CL", "cs.CV", "cs.AI", "cs.LG"],
    keywords: ["vision-language models", "visual instruction tuning", "visual tokens", "hallucination", "document understanding", "visual grounding", "multimodal reasoning", "token compression"],
    nameSuffixes: ["VL", "Vision", "Lens"],
    benchmarks: ["ChartAtlas", "DocLoom-VQA", "ScreenQuiz", "CounterSight"],
    contexts: [
      "Vision-language models answer questions about images by feeding visual tokens into a language model and are now used for documents, charts and screenshots.",
      "Multimodal assistants that combine a vision encoder with a language model have become a standard interface for visual question answering.",
      "Vision-language models are increasingly deployed in settings where small text, precise layout and faithful descriptions matter.",
    ],
    notes: [
      "Experiments use open vision-language models from {{smallsize}} to {{size}} parameters.",
      "We report results on {{count}} benchmarks, including {{B2}}.",
    ],
    angles: [
      {
        title: "Fewer Visual Tokens, Same Answers: Query-Aware Token Merging for Vision-Language Models",
        gap: "Hundreds or thousands of visual tokens make inference expensive, and existing reduction methods prune them independently of the question, discarding regions that turn out to be relevant.",
        method: "{{intro}} {{M}}, a query-aware module that merges visual tokens according to their relevance to the instruction before they enter the language model.",
        detail: "The module is trained for a single epoch on instruction data and leaves both the vision encoder and the language model frozen.",
        math: String.raw`Token relevance is computed as $s_i = \mathrm{softmax}(q^\top k_i / \sqrt{d})$, and tokens are merged until the retained mass exceeds $\tau = 0.95$, reducing attention cost from $O((n_v + n_t)^2)$ to $O((m + n_t)^2)$.`,
        result: "{{M}} keeps only {{p}} of the visual tokens yet retains over 98% of the original accuracy on {{B}}, reducing prefill latency by {{x}}.",
        component: "query-aware merging",
      },
      {
        title: "Do Vision-Language Models Actually Look at the Image?",
        gap: "Standard benchmarks can often be solved from the text alone, so they overestimate how much models rely on visual evidence.",
        method: "{{intro}} {{M}}, a diagnostic benchmark in which each question is paired with a counterfactual image that changes the correct answer.",
        detail: "Counterfactual images are produced by targeted editing and verified by three annotators each.",
        result: "On {{M}}, the accuracy of {{k}} popular models drops by up to {{dbig}} points relative to {{B}}, and fine-tuning on counterfactual pairs recovers {{p}} of the gap.",
        component: "counterfactual image pairs",
      },
      {
        title: "High-Resolution Document Understanding with Adaptive Crops",
        gap: "Fixed-resolution encoders either downsample fine text into illegibility or waste computation on empty regions.",
        method: "{{intro}} {{M}}, an encoder that selects crops adaptively based on a low-resolution saliency pass and processes only informative regions at full resolution.",
        detail: "Crop selection is learned from answer supervision alone, without any box annotations, and adds only a lightweight scoring network.",
        result: "On {{B}}, {{M}} improves accuracy by {{d}} points over a fixed-resolution baseline while using {{p}} fewer visual tokens.",
        component: "saliency-based crop selection",
      },
      {
        title: "Grounded Chart Reasoning with Pixel-Level Citations",
        gap: "Vision-language models frequently state values and objects that are not present in the image, undermining trust in their outputs.",
        method: "{{intro}} {{M}}, a training objective that requires the model to cite image regions supporting each generated claim and penalizes unsupported statements.",
        detail: "Region citations are represented as bounding boxes in text form, so no architectural changes are needed.",
        result: "On {{B}}, {{M}} reduces unsupported claims by {{p}} and improves answer accuracy by {{d}} points over a same-size baseline.",
        component: "region citations",
      },
    ],
  },
  {
    // Speech
    primary: ["cs.SD", "eess.AS", "cs.CL"],
    secondary: ["eess.AS", "cs.CL", "cs.LG", "cs.SD"],
    keywords: ["speech recognition", "text-to-speech", "speech tokenizers", "spoken language models", "low-resource languages", "streaming asr", "turn-taking", "neural audio codecs"],
    nameSuffixes: ["Voice", "Speech", "Wave"],
    benchmarks: ["ChatterBox-ASR", "TonalVoices-9", "InterruptSet", "MeetingMix"],
    contexts: [
      "Speech is the most natural interface to language technology, and spoken assistants increasingly rely on large neural models end to end.",
      "Speech recognition and synthesis have improved dramatically, but latency, low-resource languages and natural conversation remain open problems.",
      "Spoken language models that read and produce audio directly are emerging as an alternative to cascaded recognition and synthesis pipelines.",
    ],
    notes: [
      "Training uses {{count}}k hours of public-domain and permissively licensed recordings.",
      "We complement automatic metrics with listening tests from native speakers of {{k}} languages.",
    ],
    angles: [
      {
        title: "Streaming Speech Recognition with Look-Ahead Distillation",
        gap: "Streaming recognizers trained from scratch lag far behind offline models, which see the whole utterance, on conversational and accented speech.",
        method: "{{intro}} {{M}}, a streaming recognizer distilled from an offline teacher through a look-ahead objective that aligns partial hypotheses with the final transcript of the teacher.",
        detail: "The model operates with a chunk size of {{ms}} ms and an algorithmic latency under {{ms2}} ms on a laptop CPU.",
        math: String.raw`The training loss is $\mathcal{L} = \mathcal{L}_{\text{CTC}} + \lambda \, D_{\mathrm{KL}}(p_{\text{teacher}} \,\|\, p_{\text{student}})$ with $\lambda = 0.5$, applied to look-ahead frames only.`,
        result: "On {{B}}, {{M}} lowers word error rate by {{p}} relative to a streaming baseline and closes most of the gap to the offline teacher.",
        component: "look-ahead distillation",
      },
      {
        title: "Disentangling Speaker and Content in Discrete Speech Tokens",
        gap: "Discrete speech tokens allow language models to generate audio directly, but current tokenizers entangle speaker identity with linguistic content.",
        method: "{{intro}} {{M}}, a neural codec that separates content, speaker and prosody into three token streams with different frame rates.",
        detail: "Only the content stream is modeled by the language model, which shortens sequences and simplifies voice conversion.",
        math: String.raw`Content tokens come from residual vector quantization with $K = 8$ codebooks of size $1024$, giving a bitrate of $\frac{K \cdot \log_2 1024 \cdot f}{1000}$ kbps at frame rate $f$.`,
        result: "At {{kbps}} kbps, {{M}} matches the reconstruction quality of codecs at twice the bitrate on {{B}} and improves speaker similarity in voice conversion by {{d}} points.",
        component: "the separate prosody stream",
      },
      {
        title: "Spoken Dialogue Models That Handle Interruptions",
        gap: "Full-duplex spoken dialogue remains brittle: systems either ignore user interruptions or stop speaking at every backchannel.",
        method: "{{intro}} {{M}}, a spoken dialogue model that predicts turn-taking events jointly with speech tokens and decides when to yield or continue.",
        detail: "We record {{count}}0 hours of two-party conversations with annotated interruptions, backchannels and overlaps.",
        result: "On {{B}}, {{M}} correctly yields after {{highpct}} of genuine interruptions while ignoring most backchannels, and listeners rate its conversations as more natural in {{winrate}} of comparisons.",
        component: "turn-taking prediction",
      },
      {
        title: "Zero-Shot Text-to-Speech for Tonal Low-Resource Languages",
        gap: "Most languages of the world have little transcribed speech, and existing synthesis systems for tonal languages often produce incorrect tones.",
        method: "{{intro}} {{M}}, a multilingual synthesizer that conditions on explicit tone embeddings and transfers from high-resource to low-resource languages with minutes of target data.",
        detail: "Tone labels are inferred automatically from text with a small rule-based front end for each language.",
        result: "Across {{k}} tonal languages in {{B}}, {{M}} reduces tone errors by {{p}} and is preferred by native listeners in {{winrate}} of comparisons.",
        component: "explicit tone embeddings",
      },
    ],
  },
  {
    // Retrieval-augmented generation
    primary: ["cs.CL", "cs.IR"],
    secondary: ["cs.IR", "cs.CL", "cs.AI"],
    keywords: ["retrieval-augmented generation", "dense retrieval", "reranking", "question answering", "knowledge conflicts", "citation accuracy", "chunking", "query rewriting"],
    nameSuffixes: ["RAG", "Retr", "Fetch"],
    benchmarks: ["FactHarbor", "PolicyDocs-QA", "HopTrail", "CiteCheck-3k"],
    contexts: [
      "Retrieval-augmented generation grounds language model answers in external documents and is widely used for enterprise search and question answering.",
      "The quality of a retrieval-augmented system depends as much on how documents are split, retrieved and ordered as on the generator itself.",
      "Retrieval helps language models answer questions about rare or recent facts, but it also brings irrelevant and contradictory passages into the context.",
    ],
    notes: [
      "All experiments share the same retrieval index and generator, so only the proposed component changes.",
      "Evaluation combines exact match with human judgments of answer faithfulness on {{B2}}.",
    ],
    angles: [
      {
        title: "When Should a Language Model Retrieve? Learning Retrieval Triggers from Uncertainty",
        gap: "Most systems retrieve for every query, which adds latency and can distract the model on questions it already answers correctly.",
        method: "{{intro}} {{M}}, which decides whether to retrieve from the token-level uncertainty of the model and issues targeted sub-queries only for the uncertain spans.",
        detail: "The trigger requires no training and is calibrated with a few hundred held-out questions.",
        math: String.raw`We retrieve when the predictive entropy $H(p_t) = -\sum_v p_t(v) \log p_t(v)$ exceeds a threshold calibrated to a target retrieval rate.`,
        result: "On {{B}}, {{M}} improves exact match by {{d}} points over always retrieving while retrieving for only {{p}} of queries.",
        component: "uncertainty-triggered retrieval",
      },
      {
        title: "Citation-Faithful Answers via Evidence-Constrained Decoding",
        gap: "Generated citations often point to passages that do not actually support the claim they are attached to.",
        method: "{{intro}} {{M}}, a decoding procedure that constrains each generated sentence to be entailed by at least one cited passage, backtracking when verification fails.",
        detail: "A small entailment model scores evidence-claim pairs and runs in parallel with generation, so the overhead stays modest.",
        result: "{{M}} raises citation precision on {{B}} {{fromto}} and reduces unsupported claims by {{p}} compared with standard retrieval-augmented generation.",
        component: "evidence-constrained decoding",
      },
      {
        title: "Resolving Conflicts Between Retrieved Evidence and Parametric Knowledge",
        gap: "When retrieved evidence contradicts what the model memorized during pretraining, generators resolve the conflict inconsistently and rarely signal it.",
        method: "{{intro}} {{M}}, a fine-tuning recipe that teaches the model to detect conflicts, prefer dated and sourced evidence, and state the disagreement explicitly.",
        detail: "We build a controlled corpus of {{count}}k documents in which conflicting facts are inserted at known positions.",
        result: "On {{B}}, {{M}} flags {{highpct}} of inserted conflicts and improves accuracy on questions with outdated parametric answers by {{d}} points.",
        component: "explicit conflict statements",
      },
      {
        title: "Multi-Hop Retrieval with Iterative Query Rewriting",
        gap: "Questions that require combining several documents defeat single-shot retrieval, because the second hop depends on what the first one found.",
        method: "{{intro}} {{M}}, a retriever-generator loop that rewrites the query after each hop using the evidence gathered so far.",
        detail: "The approach needs no retriever fine-tuning and works with both sparse and dense indexes.",
        math: String.raw`Passages are scored by $\mathrm{score}(q, d) = \alpha \, s_{\text{dense}}(q, d) + (1 - \alpha) \, s_{\text{sparse}}(q, d)$, with $\alpha$ tuned per domain on a small development set.`,
        result: "On {{B}}, {{M}} improves multi-hop exact match by {{d}} points with an average of {{hops}} retrieval rounds per question.",
        component: "iterative query rewriting",
      },
    ],
  },
  {
    // Reasoning
    primary: ["cs.CL", "cs.AI"],
    secondary: ["cs.AI", "cs.LG", "cs.CL"],
    keywords: ["mathematical reasoning", "chain-of-thought", "test-time compute", "process reward models", "self-consistency", "verification", "reasoning traces", "reinforcement learning"],
    nameSuffixes: ["Reason", "Think", "Proof"],
    benchmarks: ["ProofLadder", "OlympiadMix-500", "ArithMaze", "LogicCrate"],
    contexts: [
      "Language models that generate long chains of intermediate reasoning achieve strong results on mathematics and programming, at the cost of thousands of tokens per answer.",
      "Spending more computation at test time, through sampling, search or longer reasoning, is an effective way to improve accuracy on hard problems.",
      "Reinforcement learning with verifiable rewards has become a standard ingredient for training models that reason step by step.",
    ],
    notes: [
      "We train on {{count}}k problems with automatically checkable answers and evaluate on competitions released after the training cutoff.",
      "Experiments cover models from {{smallsize}} to {{size}} parameters.",
    ],
    angles: [
      {
        title: "Shorter Chains, Same Answers: Pruning Redundant Steps in Reasoning Traces",
        gap: "Reasoning traces contain many redundant verification steps, and models spend as much effort on easy problems as on hard ones.",
        method: "{{intro}} {{M}}, a fine-tuning procedure that rewards correct answers reached with fewer reasoning tokens and penalizes redundant re-verification.",
        detail: "The length penalty is applied only to correct traces, so the model is never pushed to shorten a failing attempt.",
        math: String.raw`The training reward is $r = \mathbb{1}[\hat y = y] - \lambda \max(0, L - L_{\text{ref}})$, where $L$ is the trace length and $\lambda = 10^{-4}$.`,
        result: "On {{B}}, {{M}} shortens reasoning traces by {{p}} with no loss in accuracy and improves accuracy by {{d}} points at a fixed token budget.",
        component: "the length penalty",
      },
      {
        title: "Process Rewards from Outcome Labels Alone",
        gap: "Process reward models need step-level annotations, which are expensive to collect and noisy when produced by other models.",
        method: "{{intro}} {{M}}, which derives step-level rewards from outcome labels by estimating, for each prefix, the probability that rollouts from it reach a correct answer.",
        detail: "Rollouts are shared across prefixes of the same trace, which keeps labeling cost linear in trace length.",
        math: String.raw`The value of a prefix is estimated as $\hat V(s_{1:k}) = \frac{1}{N} \sum_{j=1}^{N} \mathbb{1}[\text{rollout } j \text{ is correct}]$ with $N = 8$ rollouts.`,
        result: "Used for reranking on {{B}}, {{M}} outperforms a process reward model trained on human step labels by {{d}} points.",
        component: "rollout-based value estimates",
      },
      {
        title: "Allocating Test-Time Compute by Problem Difficulty",
        gap: "Sampling many solutions and voting improves accuracy, but spending the same budget on every problem wastes most of it on easy ones.",
        method: "{{intro}} {{M}}, a difficulty predictor that allocates a sampling budget to each problem before generation starts.",
        detail: "The predictor is a linear probe on the hidden state of the model after reading the problem, adding negligible cost.",
        result: "{{M}} matches the accuracy of uniform best-of-{{bestof}} sampling on {{B}} while drawing {{x}} fewer samples on average.",
        component: "difficulty-aware budgets",
      },
      {
        title: "Do Reasoning Models Verify or Merely Restate?",
        gap: "Reasoning traces are full of apparent self-checks, but it is unclear whether these steps actually catch errors or merely restate earlier work.",
        method: "{{intro}} {{M}}, an annotated corpus of reasoning traces in which every verification step is labeled by whether it detects, misses or introduces an error.",
        detail: "We annotate {{count}}0 traces by hand and train a classifier to extend the labels to a larger set.",
        result: "Only {{p}} of verification steps in traces on {{B}} detect a real error, and training on traces filtered with {{M}} labels improves accuracy by {{d}} points.",
        component: "step-level verification labels",
      },
    ],
  },
  {
    // Mixture of experts
    primary: ["cs.LG", "cs.CL"],
    secondary: ["cs.CL", "cs.DC", "cs.LG"],
    keywords: ["mixture of experts", "expert routing", "load balancing", "sparse models", "expert parallelism", "upcycling", "token routing", "inference efficiency"],
    nameSuffixes: ["MoE", "Route", "Expert"],
    benchmarks: ["PileLite-Eval", "SparseSuite", "ShardQA", "MixMark"],
    contexts: [
      "Mixture-of-experts layers let language models grow their parameter count while keeping the computation per token nearly constant.",
      "Sparse expert models are now common among the largest language models, but training and serving them remains more art than science.",
      "Mixture-of-experts architectures route each token to a few of many feed-forward experts, decoupling capacity from compute.",
    ],
    notes: [
      "We train models from {{smallsize}} to {{size}} total parameters on {{tokens}} tokens to study how the effects change with scale.",
      "Routing statistics are logged for every layer, allowing us to trace when and where experts specialize.",
    ],
    angles: [
      {
        title: "Load Balancing Without Auxiliary Losses in Mixture-of-Experts Models",
        gap: "Auxiliary load-balancing losses prevent expert collapse but interfere with the language modeling objective and hurt quality.",
        method: "{{intro}} {{M}}, a router that balances load by adjusting per-expert biases from running utilization statistics instead of adding a loss term.",
        detail: "The method introduces no extra parameters and is implemented as a few lines in the routing function.",
        math: String.raw`Token $x$ is routed to the top-$k$ experts of $g(x) = \mathrm{softmax}(W_r x + b)$, where the bias is updated as $b_e \leftarrow b_e - \eta\,(u_e - 1/E)$ from the utilization $u_e$.`,
        result: "At equal training compute, {{M}} lowers validation perplexity by {{p}} relative to auxiliary-loss balancing and improves downstream accuracy on {{B}} by {{d}} points.",
        component: "bias-based balancing",
      },
      {
        title: "Token-Adaptive Expert Counts for Sparse Language Models",
        gap: "Every token activates the same number of experts, although some tokens are clearly easier to process than others.",
        method: "{{intro}} {{M}}, which lets each token choose between zero and four experts with a learned threshold, trained with a compute penalty.",
        detail: "Tokens that skip all experts pass through the residual stream unchanged, which the model learns to use for punctuation and function words.",
        result: "{{M}} reduces the average number of activated parameters by {{p}} with under {{dsmall}} points of degradation on {{B}}, and it increases serving throughput by {{x}}.",
        component: "adaptive expert counts",
      },
      {
        title: "Upcycling Dense Checkpoints into Fine-Grained Experts",
        gap: "Training sparse models from scratch is expensive, and existing upcycling methods copy whole feed-forward blocks, producing redundant experts.",
        method: "{{intro}} {{M}}, a method that splits the feed-forward blocks of a dense checkpoint into fine-grained experts and continues pretraining after a short routing warm-up.",
        detail: "Neurons are assigned to experts by clustering their activation patterns on a calibration set.",
        math: String.raw`With $E$ experts and capacity factor $c$, expert-parallel communication scales as $O(c \, k \, T / E)$ per device for $T$ tokens, so finer experts do not increase traffic.`,
        result: "Starting from a {{size}} dense model, {{M}} matches its accuracy on {{B}} after {{p}} of the original training tokens and then surpasses it by {{d}} points.",
        component: "activation-based neuron clustering",
      },
      {
        title: "Offloading Experts to CPU Memory with Predictive Prefetch",
        gap: "Serving mixture-of-experts models is memory-bound because all experts must stay resident even though each token uses only a few.",
        method: "{{intro}} {{M}}, a serving system that keeps experts in host memory and prefetches those selected by a lightweight router lookahead one layer in advance.",
        detail: "Mispredicted experts are fetched on demand, so outputs are identical to those of the original model.",
        result: "On {{B}} request traces, {{M}} serves a {{size}} model on a single consumer GPU with {{x}} higher throughput than on-demand offloading.",
        component: "router lookahead",
      },
    ],
  },
  {
    // Long context
    primary: ["cs.CL"],
    secondary: ["cs.LG", "cs.AI"],
    keywords: ["long context", "context extension", "position embeddings", "sparse attention", "state space models", "length generalization", "needle in a haystack", "memory tokens"],
    nameSuffixes: ["Long", "Span", "Ctx"],
    benchmarks: ["LongShelf", "TomeQA", "ScrollSum", "NeedleFarm"],
    contexts: [
      "Applications such as repository-level coding and book summarization need language models that read hundreds of thousands of tokens.",
      "Many models advertise context windows of a million tokens, but their accuracy degrades long before that limit.",
      "Quadratic attention cost makes long-context pretraining expensive, so most models are extended to longer inputs only at the end of training.",
    ],
    notes: [
      "We measure effective context length as the longest input at which accuracy stays within five points of its short-context value.",
      "All models are also evaluated on {{B2}} with inputs of up to {{ctx}} tokens.",
    ],
    angles: [
      {
        title: "Extending Context Windows with Per-Dimension Interpolation Schedules",
        gap: "Naive extension of rotary position embeddings causes attention to become diffuse at distances never seen during training.",
        method: "{{intro}} {{M}}, a context extension recipe that interpolates rotary frequencies on a per-dimension schedule and fine-tunes on a mixture of short and long sequences.",
        detail: "Extension requires fewer than {{count}}0 training steps and leaves short-context performance unchanged within noise.",
        math: String.raw`Rotary frequencies are rescaled as $\theta_i' = \theta_i \cdot s^{-2i/d}$ for a scale factor $s$, which preserves the high-frequency components that encode local order.`,
        result: "{{M}} extends a {{size}} model to {{ctx}} tokens and improves accuracy on {{B}} by {{d}} points over prior extension methods.",
        component: "per-dimension interpolation",
      },
      {
        title: "Effective Context Length Is Much Shorter Than Claimed",
        gap: "Needle-in-a-haystack tests are nearly saturated and say little about whether models can aggregate information spread across a document.",
        method: "{{intro}} {{M}}, a benchmark of aggregation, counting and multi-hop tasks whose answers depend on evidence scattered across the whole input.",
        detail: "The tasks are constructed so that every answer depends on at least {{k}} separate passages, preventing shortcut retrieval.",
        result: "Across {{count}} models, effective context length on {{M}} is on average only {{p}} of the advertised window, and no model stays reliable beyond {{ctx}} tokens.",
        component: "multi-passage aggregation tasks",
      },
      {
        title: "Hybrid Attention and State-Space Layers for Million-Token Inputs",
        gap: "Full attention is too expensive at million-token lengths, while purely recurrent models struggle with precise recall.",
        method: "{{intro}} {{M}}, a hybrid architecture that interleaves sliding-window attention with state-space layers and a small number of global attention layers.",
        detail: "Global layers are placed by a simple search on a proxy model, and the placement transfers to larger scales.",
        math: String.raw`The hybrid layer costs $O(n w)$ for window size $w$ instead of $O(n^2)$, and the state-space path adds $O(n d)$ for state dimension $d$.`,
        result: "At one million tokens, {{M}} decodes {{x2}} faster than a full-attention model of equal size and scores within {{dsmall}} points on {{B}}.",
        component: "the state-space layers",
      },
      {
        title: "Synthetic Long-Context Data That Transfers to Real Tasks",
        gap: "Naturally long documents are scarce and skewed toward a few domains such as books and code.",
        method: "{{intro}} {{M}}, a generator of synthetic long documents whose questions require combining facts from many distant positions.",
        detail: "Documents are assembled from short, license-clean passages and linked by generated cross-references.",
        result: "On {{B}}, models fine-tuned with {{M}} raise effective context length {{ctxfromto}} and improve accuracy by {{p}} over training on naturally long documents.",
        component: "generated cross-references",
      },
    ],
  },
  {
    // 3D reconstruction and Gaussian splatting
    primary: ["cs.CV"],
    secondary: ["cs.GR", "cs.LG"],
    keywords: ["3d gaussian splatting", "novel view synthesis", "neural radiance fields", "3d reconstruction", "dynamic scenes", "mesh extraction", "sparse views", "real-time rendering"],
    nameSuffixes: ["Splat", "GS", "Scene"],
    benchmarks: ["CourtyardScenes", "PhoneCap-60", "RoomSweep", "GardenLoop"],
    contexts: [
      "3D Gaussian splatting represents scenes as collections of anisotropic Gaussians and renders novel views in real time.",
      "Reconstructing 3D scenes from casually captured photos or videos is a key step toward content creation for games and mixed reality.",
      "Radiance-field methods have made photorealistic novel view synthesis routine, shifting attention to capture conditions, storage and editability.",
    ],
    notes: [
      "Training takes under {{minutes}} minutes per scene on a single GPU, and rendering runs above {{fps}} frames per second at full HD.",
      "We evaluate on {{B2}} and on {{count}} newly captured scenes with held-out test views.",
    ],
    angles: [
      {
        title: "Sparse-View Gaussian Splatting with Monocular Depth Priors",
        gap: "With only a few input views, splatting overfits to the training cameras and produces floaters and holes elsewhere.",
        method: "{{intro}} {{M}}, which regularizes Gaussian positions with depth from a monocular estimator and densifies only where photometric and geometric cues agree.",
        detail: "The depth prior is aligned to the scene with a per-image scale and shift, so no metric depth is required.",
        math: String.raw`We penalize the depth residual $\| D_{\text{render}} - (a D_{\text{mono}} + b) \|_1$ with a per-image scale $a$ and shift $b$, while each Gaussian keeps the covariance $\Sigma = R S S^\top R^\top$.`,
        result: "On {{B}} with {{views}} input views, {{M}} improves PSNR by {{db}} dB over the strongest splatting baseline and removes most visible floaters.",
        component: "the depth regularizer",
      },
      {
        title: "Compact Gaussian Scenes via Learned Attribute Codebooks",
        gap: "Scenes typically contain millions of Gaussians, leading to storage requirements of hundreds of megabytes per scene.",
        method: "{{intro}} {{M}}, a compression scheme that quantizes Gaussian attributes with learned codebooks and prunes primitives with low rendering contribution.",
        detail: "Codebooks are shared across attributes of similar scale and entropy coded for storage, and decoding them at load time takes only milliseconds.",
        math: String.raw`Pixel colors are composited as $C = \sum_i c_i \alpha_i \prod_{j<i} (1 - \alpha_j)$, and Gaussians whose accumulated weight falls below $10^{-3}$ are pruned.`,
        result: "{{M}} reduces storage by {{x2}} on {{B}} with a drop of less than {{dbsmall}} dB in PSNR.",
        component: "the learned codebooks",
      },
      {
        title: "Dynamic Gaussian Splatting for Long Handheld Videos",
        gap: "Moving people, pets and foliage break the static-scene assumption on which most reconstruction methods rely.",
        method: "{{intro}} {{M}}, which models motion with a deformation field whose capacity grows only in regions where movement is detected.",
        detail: "We introduce a dataset of {{count}} handheld phone videos, each longer than one minute, with held-out viewpoints for evaluation.",
        result: "On {{B}}, {{M}} improves PSNR on dynamic regions by {{db}} dB while using {{p}} less memory than per-frame deformation.",
        component: "the adaptive deformation field",
      },
      {
        title: "Feed-Forward 3D Reconstruction from Unposed Image Pairs",
        gap: "Per-scene optimization takes minutes and requires calibrated cameras, which rules out instant reconstruction from a pair of casual photos.",
        method: "{{intro}} {{M}}, a feed-forward network that predicts Gaussians and relative camera poses directly from two unposed images.",
        detail: "The network is trained on {{count}}k synthetic and real scenes and generalizes to unseen scene types.",
        result: "{{M}} reconstructs a scene in under a second and outperforms optimization-based methods on {{B}} by {{db}} dB when only two views are available.",
        component: "joint pose prediction",
      },
    ],
  },
  {
    // Video generation
    primary: ["cs.CV"],
    secondary: ["cs.LG", "cs.MM", "cs.AI"],
    keywords: ["video generation", "video diffusion", "temporal consistency", "text-to-video", "camera control", "long video", "autoregressive generation", "motion priors"],
    nameSuffixes: ["Vid", "Motion", "Frame"],
    benchmarks: ["ClipCanvas", "MotionRealm", "StoryReel-300", "PhysiCheck"],
    contexts: [
      "Video diffusion models can now synthesize short, photorealistic clips from text, but longer and more controllable videos remain difficult.",
      "Video generation is moving from research demos toward creative tools, where users need control, speed and temporal coherence.",
      "Generative video models learn rich priors about appearance and motion from large collections of unlabeled clips.",
    ],
    notes: [
      "We evaluate with automatic quality metrics and a user study with {{count}} participants.",
      "All models are compared at the same resolution and frame rate.",
    ],
    angles: [
      {
        title: "Minute-Long Video Generation with Chunked Autoregressive Diffusion",
        gap: "Generating all frames jointly scales poorly with duration, while autoregressive extension accumulates drift and loses subject identity.",
        method: "{{intro}} {{M}}, which generates video in overlapping chunks and conditions each chunk on a compressed memory of earlier frames.",
        detail: "The memory is a fixed set of tokens updated after each chunk, so cost grows linearly with video length.",
        math: String.raw`Chunk $k$ is sampled from $p_\theta(x^{(k)} \mid m^{(k-1)}, c)$, where the memory $m^{(k-1)}$ compresses earlier frames into a fixed number of tokens, keeping the cost $O(T)$ in video length $T$.`,
        result: "{{M}} generates videos of over a minute with consistent identity, improving a temporal consistency score on {{B}} by {{p}}.",
        component: "the compressed frame memory",
      },
      {
        title: "Camera-Controllable Text-to-Video Generation from Sparse Trajectories",
        gap: "Camera conditioning methods require dense per-frame poses, which are tedious for users to specify.",
        method: "{{intro}} {{M}}, a camera-control adapter that accepts a few keyframe poses and interpolates a smooth trajectory inside the diffusion model.",
        detail: "The adapter has {{adapter}}M parameters and is trained on {{count}}k clips with poses estimated by structure-from-motion.",
        result: "On {{B}}, {{M}} reduces camera pose error by {{p}} compared with dense-pose conditioning while requiring only {{k}} keyframes.",
        component: "keyframe interpolation",
      },
      {
        title: "Temporal Attention Caching for Faster Video Diffusion",
        gap: "Video diffusion recomputes temporal attention at every denoising step, even though its outputs change little between adjacent steps.",
        method: "{{intro}} {{M}}, a training-free accelerator that caches temporal attention outputs across denoising steps and recomputes them only when they drift.",
        detail: "Cache reuse is decided per layer from a cheap similarity test, so quality-sensitive layers are always recomputed.",
        math: String.raw`An attention output is reused when $\| A_t - A_{t+1} \|_F / \| A_t \|_F < \delta$ with $\delta = 0.05$, checked on a strided subset of tokens.`,
        result: "On {{B}}, {{M}} accelerates sampling by {{x}} with no measurable drop in visual quality according to both automatic metrics and a user study.",
        component: "per-layer cache decisions",
      },
      {
        title: "Physics Violations in Generated Videos: A Taxonomy and Benchmark",
        gap: "Generated videos often look plausible frame by frame yet violate basic physics, and existing metrics do not detect such events.",
        method: "{{intro}} {{M}}, a taxonomy of physical violations and a benchmark that pairs automatic detectors with human annotations.",
        detail: "We annotate {{count}}0 generated clips from {{k}} models and release the labels.",
        result: "Even the strongest model violates physics in {{p}} of clips on {{M}}, and our detectors agree with human annotators with an F1 of {{f1}}.",
        component: "the violation taxonomy",
      },
    ],
  },
  {
    // Code generation
    primary: ["cs.SE", "cs.CL"],
    secondary: ["cs.CL", "cs.LG", "cs.SE", "cs.AI"],
    keywords: ["code generation", "program repair", "unit tests", "software engineering agents", "code llms", "repository-level context", "execution feedback", "static analysis"],
    nameSuffixes: ["Code", "Patch", "Fix"],
    benchmarks: ["RepoTrail", "IssueHarbor", "NotebookEval-1k", "LegacyPort"],
    contexts: [
      "Code language models are widely used for completion and repair, but most real tasks require understanding code spread across an entire repository.",
      "Software engineering agents that read issues, edit files and run tests are beginning to resolve real bug reports automatically.",
      "Language models are now part of everyday programming, from autocompletion to automated code review.",
    ],
    notes: [
      "All evaluations run in containerized environments with pinned dependencies to ensure reproducibility.",
      "Experiments cover Python, Java and TypeScript projects with permissive licenses that were created after the training cutoff of the models.",
    ],
    angles: [
      {
        title: "Repository-Level Code Completion with Dependency-Aware Retrieval",
        gap: "Retrieval for code typically relies on textual similarity and misses definitions that are related only through imports and call graphs.",
        method: "{{intro}} {{M}}, which builds a lightweight dependency graph of the repository and retrieves context along import and call edges.",
        detail: "The graph is built incrementally with static analysis and updates within milliseconds after each edit.",
        math: String.raw`Retrieval scores a file $f$ by $\sum_{g \in N(f)} w_{fg} \, \mathrm{sim}(q, g)$ over its graph neighborhood $N(f)$, which takes $O(|E|)$ time per query.`,
        result: "{{M}} improves exact-match completion on {{B}} by {{d}} points relative to similarity-based retrieval, with the largest gains for functions defined in other files.",
        component: "call-graph retrieval",
      },
      {
        title: "Learning to Repair Programs from Compiler Feedback",
        gap: "Compiler and test feedback is rich but usually consumed as raw text, which models use inefficiently.",
        method: "{{intro}} {{M}}, a repair model trained on pairs of failing programs and compiler diagnostics, with diagnostics parsed into structured hints.",
        detail: "We collect {{count}}k real repair episodes from public continuous-integration logs and pair each failure with the change that eventually made the build pass.",
        result: "On {{B}}, {{M}} fixes {{p}} more build failures than a same-size model prompted with raw diagnostics, and its patches are shorter on average.",
        component: "structured diagnostics",
      },
      {
        title: "Execution-Guided Decoding for Data-Science Notebooks",
        gap: "Notebook code is written incrementally against live data, so a plausible-looking cell can fail or silently produce wrong results.",
        method: "{{intro}} {{M}}, a decoding strategy that executes partial programs in a sandbox and prunes candidates whose intermediate state contradicts the specification.",
        detail: "Execution runs on a sample of the data, keeping the overhead below a second per cell.",
        math: String.raw`Candidates are ranked by $\log p_\theta(y \mid x) + \gamma \sum_{t} \mathbb{1}[\text{check } t \text{ passes}]$ with $\gamma = 2$, combining likelihood and execution evidence.`,
        result: "{{M}} improves pass@1 on {{B}} by {{p}} relative to sampling without execution, with the largest gains on cells that transform or aggregate data.",
        component: "execution-based pruning",
      },
      {
        title: "How Software Engineering Agents Fail on Real Issue Trackers",
        gap: "Agents often pass the provided tests with patches that are incorrect, overly broad or that break unrelated functionality.",
        method: "{{intro}} {{M}}, a study and benchmark of {{count}}0 issues with hidden regression tests written independently of the original fix.",
        detail: "Each issue is checked by two engineers, who also label the root cause of every agent failure.",
        result: "Resolution rates of {{k}} agents drop by {{p}} once hidden tests are included, and most failures stem from misread issue descriptions rather than coding errors.",
        component: "hidden regression tests",
      },
    ],
  },
  {
    // Safety
    primary: ["cs.CR", "cs.CL"],
    secondary: ["cs.CL", "cs.AI", "cs.LG", "cs.CR"],
    keywords: ["jailbreak attacks", "red teaming", "prompt injection", "llm safety", "guardrails", "adversarial prompts", "refusal behavior", "safety evaluation"],
    nameSuffixes: ["Guard", "Shield", "Safe"],
    benchmarks: ["HarborRedTeam", "BorderlinePrompts", "InjectLab", "PolyglotProbe"],
    contexts: [
      "Language models deployed as assistants and agents must refuse harmful requests while remaining helpful on the vast majority of benign ones.",
      "As language models gain tools and autonomy, their attack surface grows beyond the user prompt.",
      "Safety evaluation of language models relies on red teaming, benchmarks and classifiers, each of which has blind spots.",
    ],
    notes: [
      "Harmful content used for training and evaluation is released only in redacted form, with full prompts available to vetted researchers on request.",
      "We evaluate {{k}} open and commercial models under identical settings.",
    ],
    angles: [
      {
        title: "Prompt Injection Through Tool Outputs: Attacks and Defenses for Browsing Agents",
        gap: "Agents that read web pages and tool outputs are exposed to instructions injected by third parties, and defenses are rarely tested against adaptive attackers.",
        method: "{{intro}} {{M}}, a defense that separates instructions from data by tagging tool outputs and training the model to ignore instructions that appear in tagged spans.",
        detail: "We evaluate against {{count}} adaptive attacks that are given full knowledge of the defense.",
        result: "{{M}} reduces the attack success rate on {{B}} {{fromtodown}} while lowering task success on benign pages by less than {{dsmall}} points.",
        component: "instruction tagging",
      },
      {
        title: "Automated Red Teaming with Diversity-Seeking Attackers",
        gap: "Automated attackers tend to converge on a handful of similar prompts, leaving large parts of the vulnerability space unexplored.",
        method: "{{intro}} {{M}}, an automated red-teaming method that trains an attacker with a novelty bonus computed from embeddings of previously successful attacks.",
        detail: "Successful attacks are clustered and summarized so that developers can patch whole families rather than single prompts.",
        math: String.raw`The attacker maximizes $r_{\text{unsafe}}(x) + \lambda \min_{x' \in \mathcal{M}} \| e(x) - e(x') \|_2$, where $\mathcal{M}$ is a memory of past successful attacks and $\lambda = 0.3$.`,
        result: "Compared with prior automated red teaming, {{M}} discovers {{x}} more distinct successful attacks on {{B}} and finds failures in every harm category we define.",
        component: "the novelty bonus",
      },
      {
        title: "Over-Refusal Is Measurable: A Benchmark of Benign Prompts That Look Harmful",
        gap: "Models trained to refuse harmful requests also refuse many benign ones that merely mention sensitive topics, and this cost is rarely measured.",
        method: "{{intro}} {{M}}, a benchmark of {{count}}00 benign prompts that superficially resemble harmful ones, each verified by three annotators.",
        detail: "The benchmark includes prompts in {{k}} languages, translated and checked by native speakers.",
        result: "Refusal rates on {{M}} range {{fromto}} across models and correlate only weakly with safety on {{B}}, suggesting that both can be improved together.",
        component: "adversarially similar benign prompts",
      },
      {
        title: "Safety Fine-Tuning Is Shallow: Evidence from Token-Level Probing",
        gap: "Safety training appears to change only the first few tokens of a response, so behavior can revert once generation gets past them.",
        method: "{{intro}} {{M}}, a safety fine-tuning recipe that augments refusal data with responses that begin compliantly and then recover into a refusal.",
        detail: "Token-level probes trained on hidden states track how the refusal decision evolves during generation.",
        math: String.raw`The recovery loss is $\mathcal{L} = -\sum_{t > t_0} \log \pi_\theta(y_t \mid x, y_{<t})$, applied after a compliant prefix whose length $t_0$ is drawn uniformly from $[1, 64]$.`,
        result: "{{M}} reduces the success of prefilling attacks on {{B}} {{fromtodown}} with no measurable change in helpfulness.",
        component: "recovery-style refusal data",
      },
    ],
  },
  {
    // Interpretability
    primary: ["cs.LG", "cs.AI"],
    secondary: ["cs.CL", "cs.AI", "cs.LG"],
    keywords: ["mechanistic interpretability", "sparse autoencoders", "circuits", "feature attribution", "activation patching", "probing", "superposition", "steering vectors"],
    nameSuffixes: ["Probe", "Lens", "Circuit"],
    benchmarks: ["FactRecall-Mini", "CircuitZoo", "FeatureAtlas", "SteerSet"],
    contexts: [
      "Mechanistic interpretability aims to explain the computations of neural networks in terms of human-understandable features and circuits.",
      "Understanding which internal components implement a behavior is a prerequisite for auditing and editing language models.",
      "Interpretability tools are increasingly used to debug and steer language models, which raises the bar for their reliability.",
    ],
    notes: [
      "We study models with up to {{size}} parameters and release all code and trained artifacts.",
      "To test causal relevance, we ablate the identified components and measure the change in task accuracy.",
    ],
    angles: [
      {
        title: "Sparse Autoencoder Features Are Not Stable Across Random Seeds",
        gap: "Sparse autoencoders are a central tool for finding features, but it is unknown how much of a learned dictionary reflects the model rather than the training randomness of the autoencoder.",
        method: "{{intro}} {{M}}, a protocol that trains sparse autoencoders with several seeds and matches features across runs to measure which ones are reproducible.",
        detail: "We train {{k}} dictionaries per layer with sizes ranging over two orders of magnitude.",
        math: String.raw`The autoencoder minimizes $\| x - W_d f(x) \|_2^2 + \lambda \| f(x) \|_1$ with $f(x) = \mathrm{ReLU}(W_e x + b_e)$, and features are matched across seeds by maximum cosine similarity.`,
        result: "Only {{p}} of features reappear across seeds with cosine similarity above 0.9 on {{B}}, yet these stable features account for most of the reconstruction quality.",
        component: "cross-seed feature matching",
      },
      {
        title: "Locating Factual Recall Circuits with Gradient-Based Patching Estimates",
        gap: "Activation patching requires many forward passes per component, which limits circuit analysis to small models and narrow tasks.",
        method: "{{intro}} {{M}}, an attribution method that approximates activation patching with a single backward pass and corrects the approximation where it is known to fail.",
        detail: "Corrections are applied to attention softmax and layer normalization, where first-order estimates are least accurate.",
        math: String.raw`The attribution of component $c$ is $\hat a_c = (\tilde h_c - h_c)^\top \nabla_{h_c} \mathcal{L}$, a first-order estimate of the patching effect.`,
        result: "{{M}} recovers circuits that agree with exhaustive patching on {{B}} with a Jaccard overlap of {{jac}}, at {{x2}} lower cost.",
        component: "the first-order correction",
      },
      {
        title: "Steering Vectors Fail Silently Out of Distribution",
        gap: "Steering by adding vectors to activations is usually evaluated on prompts similar to those used to derive the vector, overstating its reliability.",
        method: "{{intro}} {{M}}, an evaluation suite that measures steering effects across paraphrases, languages and task formats, together with a test that predicts when a vector will fail.",
        detail: "The test compares the projection of new activations onto the steering direction with its distribution on the derivation prompts.",
        result: "Steering success on {{B}} drops by {{d}} points on average out of distribution, and the test in {{M}} flags {{highpct}} of failures in advance.",
        component: "the distribution-shift test",
      },
      {
        title: "Automatically Labeling Neurons with Counterfactual Explanations",
        gap: "Natural-language descriptions of neurons and features are often too broad, because they are judged on examples that already activate the feature.",
        method: "{{intro}} {{M}}, an automated pipeline that proposes descriptions of features and scores them on counterfactual inputs that should and should not activate them.",
        detail: "Descriptions are accepted only when they predict activations on held-out counterfactuals better than a shuffled baseline.",
        result: "Descriptions from {{M}} predict feature activations on {{B}} with an F1 of {{f1}}, compared with {{f1low}} for descriptions judged on top-activating examples.",
        component: "counterfactual scoring",
      },
    ],
  },
  {
    // Time series
    primary: ["cs.LG", "stat.ML"],
    secondary: ["stat.ML", "cs.AI", "cs.LG"],
    keywords: ["time series forecasting", "foundation models", "anomaly detection", "probabilistic forecasting", "zero-shot forecasting", "multivariate time series", "irregular sampling", "conformal prediction"],
    nameSuffixes: ["TS", "Cast", "Tempo"],
    benchmarks: ["GridLoad-27", "CityFlow-TS", "WardVitals", "FactoryPulse"],
    contexts: [
      "Time series forecasting underpins operational decisions in energy, logistics, retail and healthcare, where errors translate directly into cost.",
      "Pretrained foundation models for time series promise forecasting without per-dataset training, similar to zero-shot transfer in language.",
      "Real-world time series are noisy, non-stationary and often sampled irregularly, which challenges models designed for clean benchmarks.",
    ],
    notes: [
      "We re-run all baselines with the same hyperparameter search budget and report results averaged over {{k}} seeds.",
      "Evaluation series are deduplicated against all pretraining and training data to rule out leakage.",
    ],
    angles: [
      {
        title: "Zero-Shot Forecasting with a Small Pretrained Time Series Model",
        gap: "Existing time series foundation models have hundreds of millions of parameters, which makes them expensive for the many small forecasting problems found in practice.",
        method: "{{intro}} {{M}}, a compact decoder-only forecaster pretrained on {{points}} billion time points from public sources.",
        detail: "The model has fewer than {{adapter}}M parameters and runs on a laptop CPU.",
        math: String.raw`Training minimizes the pinball loss $\rho_\tau(u) = \max(\tau u, (\tau - 1) u)$ on residuals $u = y - \hat y_\tau$, averaged over quantiles $\tau \in \{0.1, \dots, 0.9\}$.`,
        result: "Across {{count}} datasets in {{B}}, {{M}} reduces the mean absolute scaled error by {{p}} relative to the best per-dataset model without any fine-tuning.",
        component: "quantile pretraining",
      },
      {
        title: "Are Transformers Needed for Long-Horizon Forecasting? A Careful Re-Evaluation",
        gap: "Reported gains of complex architectures on standard forecasting datasets often vanish when baselines are tuned properly.",
        method: "{{intro}} {{M}}, a re-evaluation protocol with equal tuning budgets, multiple seeds and a leakage-free split of each dataset.",
        detail: "We re-implement {{k}} published architectures and three linear baselines under this protocol.",
        result: "Under {{M}}, a tuned linear model is within {{lowpct}} of the best transformer on most datasets of {{B}}, and the ranking of architectures changes on half of them.",
        component: "equal tuning budgets",
      },
      {
        title: "Probabilistic Forecasts for Irregularly Sampled Clinical Signals",
        gap: "Most forecasting models assume regular sampling and impute missing values, which distorts the uncertainty they report.",
        method: "{{intro}} {{M}}, a continuous-time model that encodes observations with learned time embeddings and outputs a full predictive distribution at arbitrary query times.",
        detail: "We evaluate on vital signs and laboratory values with gaps ranging from minutes to days.",
        result: "{{M}} improves the continuous ranked probability score on {{B}} by {{p}} and produces intervals whose coverage stays within two points of nominal.",
        component: "learned time embeddings",
      },
      {
        title: "Anomaly Detection in Sensor Streams with Calibrated Forecast Residuals",
        gap: "Forecast-based anomaly detectors rely on hand-tuned thresholds that produce floods of false alarms when the data drifts.",
        method: "{{intro}} {{M}}, which flags anomalies when forecast residuals exceed conformal thresholds recalibrated on a sliding window.",
        detail: "Thresholds update online in constant time per observation, so the detector can run on embedded gateways next to the sensors.",
        math: String.raw`Conformal thresholds guarantee a false alarm rate of at most $\alpha$, since $\Pr[s_{n+1} > \hat q_{1-\alpha}] \le \alpha$ under exchangeability.`,
        result: "On {{B}}, {{M}} detects anomalies with an F1 of {{f1}} while reducing false alarms by {{p}} compared with fixed thresholds.",
        component: "conformal calibration",
      },
    ],
  },
  {
    // Graph neural networks
    primary: ["cs.LG"],
    secondary: ["cs.SI", "stat.ML", "cs.AI"],
    keywords: ["graph neural networks", "message passing", "oversmoothing", "graph transformers", "link prediction", "expressivity", "heterophily", "molecular property prediction"],
    nameSuffixes: ["Graph", "GNN", "Mesh"],
    benchmarks: ["HeteroHub", "CrystalShelf", "LinkLedger", "CiteWeb-XL"],
    contexts: [
      "Graph neural networks learn from relational data such as molecules, citation networks and transaction graphs by passing messages along edges.",
      "Graph learning is used in drug discovery, recommendation and fraud detection, where data comes with rich relational structure.",
      "Message-passing neural networks remain the default architecture for learning on graphs despite well-known limitations.",
    ],
    notes: [
      "We evaluate on {{count}} datasets spanning citation, social, molecular and transaction graphs, using the same tuning budget for every method.",
      "The approach scales to graphs with {{nodes}} million nodes on a single GPU through neighbor sampling.",
    ],
    angles: [
      {
        title: "Message Passing on Heterophilous Graphs with Learned Edge Signs",
        gap: "Standard aggregation assumes that neighbors are similar, an assumption that fails on heterophilous graphs such as fraud networks.",
        method: "{{intro}} {{M}}, a message-passing layer that learns a signed weight for every edge, allowing neighbors to push representations apart as well as together.",
        detail: "Edge signs are predicted from node features, so the layer also applies to unseen nodes.",
        math: String.raw`The layer updates $h_v^{(\ell+1)} = \sigma\big(\sum_{u \in N(v)} s_{uv} W h_u^{(\ell)}\big)$ with learned signs $s_{uv} \in [-1, 1]$.`,
        result: "{{M}} improves node classification accuracy on the heterophilous graphs of {{B}} by {{d}} points on average.",
        component: "the learned edge signs",
      },
      {
        title: "Graph Transformers with Linear-Time Structural Encodings",
        gap: "Positional encodings that make graph transformers expressive typically require eigendecompositions that do not scale.",
        method: "{{intro}} {{M}}, a graph transformer whose structural encodings are computed from random-walk statistics in linear time.",
        detail: "We show that the encodings distinguish graphs that the one-dimensional Weisfeiler-Leman test cannot.",
        math: String.raw`Structural encodings cost $O(|E| \cdot k)$ for $k$ random-walk steps, compared with $O(|V|^3)$ for a full eigendecomposition.`,
        result: "On {{B}}, {{M}} matches eigenvector-based encodings in accuracy while preprocessing graphs {{x2}} faster, which makes graphs with millions of nodes practical.",
        component: "random-walk encodings",
      },
      {
        title: "Scalable Link Prediction with Subgraph Sketches",
        gap: "Subgraph-based link predictors are accurate but must extract a subgraph for every candidate pair, which is prohibitively slow on large graphs.",
        method: "{{intro}} {{M}}, a link predictor that summarizes the neighborhood of each candidate pair with mergeable sketches instead of explicit extraction.",
        detail: "Sketches are computed once per node and combined for any pair in constant time.",
        result: "On {{B}}, {{M}} matches the accuracy of subgraph-based link predictors while training {{x2}} faster and using {{p}} less memory.",
        component: "subgraph sketches",
      },
      {
        title: "Oversmoothing Is an Optimization Problem, Not an Architectural One",
        gap: "Deep message-passing networks are known to oversmooth, and many architectural fixes have been proposed without a clear account of the cause.",
        method: "{{intro}} {{M}}, an analysis showing that oversmoothing arises from poorly conditioned gradients at initialization, together with a simple initialization scheme that avoids it.",
        detail: "The analysis holds for common aggregation functions and is confirmed empirically on networks of up to {{layers}} layers.",
        result: "With {{M}} initialization, plain message-passing networks of {{layers}} layers train stably and outperform shallow ones on {{B}} by {{d}} points.",
        component: "the initialization scheme",
      },
    ],
  },
  {
    // Pretraining data and scaling
    primary: ["cs.CL", "cs.LG"],
    secondary: ["cs.LG", "cs.AI", "cs.CL"],
    keywords: ["language model pretraining", "data curation", "scaling laws", "data mixtures", "deduplication", "synthetic data", "training efficiency", "learning rate schedules"],
    nameSuffixes: ["LM", "Mix", "Data"],
    benchmarks: ["WebCrate-Eval", "DialectMix", "ReadingRoom-10", "ClozeCourt"],
    contexts: [
      "The composition of pretraining data is one of the strongest levers on language model quality, yet mixtures are usually chosen by intuition.",
      "Training large language models costs so much that decisions must be made from small proxy runs whose predictive value is uncertain.",
      "Web-scale corpora are filtered, deduplicated and mixed through many heuristic steps before a language model ever sees them.",
    ],
    notes: [
      "We train more than {{runs}} models between {{smallsize}} and {{size}} parameters on up to {{tokens}} tokens.",
      "All runs use the same architecture family and hyperparameters, isolating the effect of the variable under study.",
    ],
    angles: [
      {
        title: "Data Mixture Laws from Small-Scale Proxy Experiments",
        gap: "Proxy experiments at small scale can rank data mixtures differently than the full-scale run they are meant to inform.",
        method: "{{intro}} {{M}}, a framework that fits a parametric law relating mixture weights to validation loss from a small number of proxy runs and extrapolates it to larger scales.",
        detail: "The law is fitted from fewer than {{count}} proxy runs per set of domains.",
        math: String.raw`The predicted loss of a mixture $w$ is $\hat L(w) = c + k \exp\big(\sum_i t_i w_i\big)$, fitted by least squares under the constraint $\sum_i w_i = 1$.`,
        result: "Mixtures selected by {{M}} reach the validation loss of the default mixture with {{p}} fewer tokens and improve average accuracy on {{B}} by {{d}} points.",
        component: "mixture extrapolation",
      },
      {
        title: "Quality Filters Remove More Than Low-Quality Text",
        gap: "Model-based quality filters improve benchmark scores but may silently remove dialects, domains and languages.",
        method: "{{intro}} {{M}}, an audit that traces what quality filters discard by dialect, topic and source, followed by a reweighting step that restores underrepresented slices.",
        detail: "We release the filtered corpora, the discarded portions and the classifier scores for every document.",
        result: "Standard filters remove up to {{highpct}} of text in some dialects, and reweighting with {{M}} improves performance on {{B}} by {{d}} points without hurting average accuracy.",
        component: "slice reweighting",
      },
      {
        title: "Predicting Downstream Accuracy from Early Training Curves",
        gap: "Downstream benchmark accuracy is noisy and often flat early in training, so small runs seem uninformative.",
        method: "{{intro}} {{M}}, a method that predicts final downstream accuracy from the loss on a curated set of task-relevant tokens measured early in training.",
        detail: "The predictor uses only the first tenth of each training run.",
        math: String.raw`We model validation loss as $L(N, D) = E + A N^{-\alpha} + B D^{-\beta}$ and map it to accuracy through a sigmoid fitted per task.`,
        result: "{{M}} predicts the accuracy of a {{size}} run on {{B}} from proxies {{x2}} smaller with a mean absolute error of {{dsmall}} points.",
        component: "task-relevant token losses",
      },
      {
        title: "Learning Rate Schedules That Make Checkpoints Reusable",
        gap: "Cosine learning rate schedules fix the training length in advance, so intermediate checkpoints are not directly comparable and runs cannot be extended cheaply.",
        method: "{{intro}} {{M}}, a schedule with a constant phase and short cool-downs that produces usable checkpoints at any point of training.",
        detail: "A cool-down of about a tenth of the preceding steps suffices to match a cosine schedule of the same length.",
        result: "With {{M}}, a single run yields checkpoints for {{k}} compute budgets, reducing the cost of a scaling study by {{x}} with loss within {{relerr}} of dedicated runs.",
        component: "cool-down scheduling",
      },
    ],
  },
  {
    // Speculative decoding and fast inference
    primary: ["cs.CL", "cs.LG"],
    secondary: ["cs.LG", "cs.DC", "cs.PF"],
    keywords: ["speculative decoding", "draft models", "inference acceleration", "parallel decoding", "continuous batching", "latency", "token verification", "early exit"],
    nameSuffixes: ["Draft", "Spec", "Fast"],
    benchmarks: ["ChatTrace-7d", "DraftRace", "CodeStream", "SummaryRush"],
    contexts: [
      "Autoregressive decoding generates one token per forward pass, leaving accelerators underutilized when batch sizes are small.",
      "Speculative decoding speeds up generation by letting a cheap draft propose tokens that the large model verifies in parallel.",
      "Interactive applications of language models are sensitive to per-token latency, which is dominated by memory bandwidth rather than compute.",
    ],
    notes: [
      "The method preserves the output distribution of the target model exactly, so generation quality is unchanged by construction.",
      "We evaluate inside a production-style serving stack with continuous batching and realistic request traces.",
    ],
    angles: [
      {
        title: "Self-Speculative Decoding with Early-Exit Drafts",
        gap: "Separate draft models must be trained and served alongside the target, adding memory and engineering cost.",
        method: "{{intro}} {{M}}, which drafts tokens with the early layers of the target model itself and verifies them with the full model in a single pass.",
        detail: "A small exit head is trained for {{hours}} GPU-hours while the target weights stay frozen.",
        math: String.raw`A draft token $x$ is accepted with probability $\min\big(1, p(x) / q(x)\big)$ and otherwise resampled from the normalized residual $\max(0, p - q)$, so outputs follow $p$ exactly.`,
        result: "{{M}} accelerates decoding by {{x}} on {{B}} without any additional model weights in memory.",
        component: "early-exit drafting",
      },
      {
        title: "Adaptive Draft Lengths from Acceptance Feedback",
        gap: "Speedups depend strongly on the acceptance rate, which varies across prompts, yet draft lengths are usually fixed.",
        method: "{{intro}} {{M}}, a controller that adapts the draft length of each request from recent acceptance statistics and the current batch size.",
        detail: "The controller adds a few microseconds per step, requires no training and works with any draft model.",
        math: String.raw`With acceptance rate $\alpha$ and draft length $\gamma$, the expected number of tokens per verification step is $\frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}$, which the controller maximizes per request.`,
        result: "On {{B}}, {{M}} improves throughput by {{p}} over the best fixed draft length and never falls below plain decoding.",
        component: "adaptive draft lengths",
      },
      {
        title: "Tree-Structured Verification for Higher Acceptance Rates",
        gap: "A single draft sequence is rejected at the first wrong token, so every token drafted after an early mistake is wasted work.",
        method: "{{intro}} {{M}}, a tree-structured verification scheme that expands the most probable draft branches under a fixed token budget.",
        detail: "Tree attention masks let all branches be verified in a single forward pass, so the extra cost is limited to a few hundred additional tokens per step.",
        result: "On {{B}}, {{M}} raises the mean accepted length {{acclen}} tokens, reducing end-to-end latency by {{p}}.",
        component: "tree verification",
      },
      {
        title: "Speculative Decoding Under Heavy Batching Is Not Free",
        gap: "Under large batches the verification step becomes compute-bound, and reported speedups often disappear in production settings.",
        method: "{{intro}} {{M}}, a cost model and scheduler that enable speculation only for the requests and batch sizes where it is predicted to pay off.",
        detail: "The cost model is fitted from a short profiling run on each accelerator.",
        result: "{{M}} retains a {{p}} throughput gain at batch size {{batch}} on {{B}}, where always-on speculation is slower than plain decoding.",
        component: "the speculation cost model",
      },
    ],
  },
];

const INTRO_PHRASES = ["We introduce", "We propose", "We present", "This paper presents", "We develop"];

/**
 * Sentences that fit any angle, whether it proposes a method or reports a study. Each names the
 * angle's component, so the same sentence never appears verbatim in two abstracts.
 */
const ANALYSIS_SENTENCES = [
  "We analyze the contribution of {{component}} across tasks and model sizes.",
  "A qualitative analysis illustrates the role of {{component}} with worked examples.",
  "We also discuss limitations, including the cost of {{component}} at larger scale.",
  "Further analysis shows where {{component}} helps most and where it falls short.",
  "We examine the remaining failure cases and how {{component}} could be extended to address them.",
];

const RELEASE_SENTENCES = [
  "Code, data and trained models are publicly available.",
  "We release our implementation and evaluation scripts.",
  "Our code is open source.",
];

const NO_CODE_SENTENCES = ["Code will be released upon publication."];

// ---------------------------------------------------------------------------------------------
// Placeholders. Each filler draws fresh numbers, so "{{x}}" twice gives two different factors.
// ---------------------------------------------------------------------------------------------

interface FillContext {
  rng: Rng;
  method: string;
  component: string;
  benchmarks: readonly [string, string];
}

function percent(rng: Rng, min: number, max: number): string {
  return `${randomFixed(rng, min, max, 1)}%`;
}

function fromTo(rng: Rng, min: number, max: number, minGain: number, maxGain: number): string {
  const from = min + rng() * (max - min);
  const to = Math.min(97, from + minGain + rng() * (maxGain - minGain));
  return `from ${from.toFixed(1)}% to ${to.toFixed(1)}%`;
}

const FILLERS: Readonly<Record<string, (c: FillContext) => string>> = {
  M: (c) => c.method,
  B: (c) => c.benchmarks[0],
  B2: (c) => c.benchmarks[1],
  intro: (c) => pickOne(c.rng, INTRO_PHRASES),
  component: (c) => c.component,
  x: (c) => `${randomFixed(c.rng, 1.3, 4.8, 1)}×`,
  x2: (c) => `${randomInt(c.rng, 6, 40)}×`,
  p: (c) => percent(c.rng, 6, 48),
  lowpct: (c) => percent(c.rng, 1.5, 8),
  highpct: (c) => percent(c.rng, 62, 94),
  relerr: (c) => percent(c.rng, 0.4, 3),
  winrate: (c) => percent(c.rng, 55, 78),
  fromto: (c) => fromTo(c.rng, 18, 55, 6, 24),
  fromtodown: (c) => {
    const from = 40 + c.rng() * 45;
    const to = from * (0.05 + c.rng() * 0.3);
    return `from ${from.toFixed(1)}% to ${to.toFixed(1)}%`;
  },
  d: (c) => randomFixed(c.rng, 1.2, 9.5, 1),
  dsmall: (c) => randomFixed(c.rng, 0.2, 0.9, 1),
  dbig: (c) => randomFixed(c.rng, 12, 35, 1),
  k: (c) => String(randomInt(c.rng, 3, 12)),
  count: (c) => String(randomInt(c.rng, 6, 48)),
  size: (c) => pickOne(c.rng, ["3B", "7B", "8B", "13B", "14B", "32B", "70B"]),
  smallsize: (c) => pickOne(c.rng, ["125M", "350M", "600M", "900M", "1.3B"]),
  tokens: (c) => pickOne(c.rng, ["50B", "200B", "1T", "2T"]),
  points: (c) => pickOne(c.rng, ["27", "80", "120"]),
  steps: (c) => pickOne(c.rng, ["2", "4", "8"]),
  fid: (c) => randomFixed(c.rng, 5.8, 14.9, 1),
  gpuh: (c) => String(randomInt(c.rng, 4, 60)),
  taupair: (c) => {
    const from = 0.45 + c.rng() * 0.25;
    return `from ${from.toFixed(2)} to ${(from + 0.1 + c.rng() * 0.15).toFixed(2)}`;
  },
  wbits: (c) => pickOne(c.rng, ["2", "3", "4"]),
  hz: (c) => pickOne(c.rng, ["10", "15", "30", "50"]),
  ms: (c) => pickOne(c.rng, ["80", "160", "240", "320"]),
  ms2: (c) => pickOne(c.rng, ["350", "450", "600"]),
  ctx: (c) => pickOne(c.rng, ["128k", "256k", "512k", "1M"]),
  ctxfromto: (c) => pickOne(c.rng, ["from 16k to 64k", "from 32k to 128k", "from 48k to 200k"]),
  db: (c) => randomFixed(c.rng, 0.4, 2.9, 1),
  dbsmall: (c) => randomFixed(c.rng, 0.05, 0.3, 2),
  minutes: (c) => pickOne(c.rng, ["5", "8", "12", "20"]),
  fps: (c) => pickOne(c.rng, ["90", "120", "200"]),
  adapter: (c) => String(randomInt(c.rng, 24, 180)),
  jac: (c) => randomFixed(c.rng, 0.71, 0.93, 2),
  f1: (c) => randomFixed(c.rng, 0.71, 0.94, 2),
  f1low: (c) => randomFixed(c.rng, 0.45, 0.65, 2),
  nodes: (c) => pickOne(c.rng, ["1.5", "12", "110"]),
  bestof: (c) => pickOne(c.rng, ["16", "32", "64"]),
  runs: (c) => pickOne(c.rng, ["120", "300", "600"]),
  hours: (c) => pickOne(c.rng, ["6", "12", "40"]),
  batch: (c) => pickOne(c.rng, ["16", "32", "64"]),
  budget: (c) => pickOne(c.rng, ["1,024", "2,048", "4,096"]),
  kbps: (c) => pickOne(c.rng, ["0.6", "1.2", "1.5"]),
  hops: (c) => randomFixed(c.rng, 2.1, 3.4, 1),
  views: (c) => pickOne(c.rng, ["3", "4", "6"]),
  layers: (c) => pickOne(c.rng, ["64", "128", "256"]),
  acclen: (c) => {
    const from = 1.6 + c.rng() * 0.8;
    return `from ${from.toFixed(1)} to ${(from + 0.7 + c.rng() * 1.2).toFixed(1)}`;
  },
};

function fillTemplate(template: string, context: FillContext): string {
  const filled = template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const filler = FILLERS[name];
    if (!filler) throw new Error(`demo-papers: unknown placeholder {{${name}}}`);
    return filler(context);
  });
  // Numbers are read aloud: "an 8B model", "an 11× speed-up".
  return filled.replace(/\b([Aa]) (?=8|1[18](?![\d,]))/g, "$1n ");
}

// ---------------------------------------------------------------------------------------------
// People, organisations and method names (all invented combinations)
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  "Amara", "Tomás", "Mei", "Ravi", "Ingrid", "Kwame", "Yuki", "Leila", "Mateo", "Siobhan", "Arjun", "Chiara",
  "Olusegun", "Hana", "Dmitri", "Zeynep", "Luca", "Nia", "Hiroshi", "Fatima", "Santiago", "Anika", "Joon-ho",
  "Elif", "Kofi", "Maja", "Rahul", "Camille", "Thabo", "Xinyi", "Bogdan", "Ayesha", "Emeka", "Sofía", "Wen",
  "Laila", "Pedro", "Keiko", "Anders", "Nadia", "Tariq", "Yerlan", "Inês", "Minh", "Aroha", "Farid", "Greta",
  "Sipho", "Lucía", "Haruto", "Priya", "Jonas", "Zanele", "Omar", "Yara", "Viktor", "Ngozi", "Kai", "Mariam",
  "Eitan", "Ayaan", "Paloma", "Sven", "Adaeze", "Jiho", "Noor", "Rosa", "Tenzin", "Aleksandra", "Mateus",
];

const LAST_NAMES = [
  "Okafor", "Lindqvist", "Tanaka", "Ramírez", "Chen", "Haddad", "Kowalski", "Mensah", "Iyer", "Moreau",
  "Nakamura", "Petrov", "Abebe", "Silva", "Zhou", "Demir", "Oyelaran", "Fischer", "Park", "Gupta", "Nguyen",
  "Rossi", "Achterberg", "Kaur", "Al-Sayed", "Novak", "Osei", "Bergström", "Castillo", "Hashemi", "Yamamoto",
  "Dlamini", "Ferreira", "Wang", "Müller", "O'Connell", "Takahashi", "Banerjee", "Adeyemi", "Kim", "Liu",
  "Varga", "Halvorsen", "Rahimi", "Søndergaard", "Costa", "Mwangi", "Ivanova", "Ortega", "Sato", "Qureshi",
  "Zhang", "Kovačević", "Rahman", "Bianchi", "Lefebvre", "Tran", "Eze", "Horvath", "Jensen", "Morales",
];

const MIDDLE_INITIALS = ["A.", "J.", "K.", "M.", "R.", "S.", "T.", "L."];

const GITHUB_ORGS = [
  "saltmarsh-ai", "kelpforest-lab", "driftwood-nlp", "ironbark-research", "mosslight-ai", "cobalt-owl-lab",
  "paperkite-ml", "glacier-ml", "tidepool-ai", "birchgrove-research", "lanternfish-lab", "quarry-ml",
];

const NAME_PREFIXES = [
  "Ember", "Tide", "Quill", "Loom", "Prism", "Kite", "Fathom", "Glint", "Harbor", "Lattice", "Mosaic", "Ripple",
  "Sable", "Tandem", "Vesper", "Weave", "Zephyr", "Cobalt", "Drift", "Echo", "Fern", "Gyre", "Halo", "Juniper",
  "Lumen", "Nimbus", "Orbit", "Pivot", "Quartz", "Rook", "Sprout", "Thistle", "Umber", "Wren", "Yarrow", "Basalt",
  "Cairn", "Dune", "Eddy", "Flint", "Grove", "Heron", "Inlet", "Marrow", "Osprey", "Pebble", "Sorrel", "Vale",
];

const ACRONYM_CONSONANTS = "BDFGKLMNPRSTVZ";
const ACRONYM_VOWELS = "AEIOU";

function composeAcronym(rng: Rng): string {
  let name = "";
  for (let i = 0; i < 5; i++) {
    name += pickOne(rng, [...(i % 2 === 0 ? ACRONYM_CONSONANTS : ACRONYM_VOWELS)]);
  }
  return name;
}

function composeMethodName(rng: Rng, topic: Topic, taken: Set<string>): string {
  for (;;) {
    const name = rng() < 0.6 ? pickOne(rng, NAME_PREFIXES) + pickOne(rng, topic.nameSuffixes) : composeAcronym(rng);
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function composeAuthor(rng: Rng): string {
  const first = pickOne(rng, FIRST_NAMES);
  const last = pickOne(rng, LAST_NAMES);
  return rng() < 0.1 ? `${first} ${pickOne(rng, MIDDLE_INITIALS)} ${last}` : `${first} ${last}`;
}

function countAuthors(rng: Rng, index: number): number {
  if (index % LARGE_TEAM_EVERY === 7) return randomInt(rng, 15, 28);
  const r = rng();
  if (r < 0.05) return 1;
  if (r < 0.25) return randomInt(rng, 2, 3);
  if (r < 0.75) return randomInt(rng, 4, 7);
  return randomInt(rng, 8, 12);
}

function composeAuthors(rng: Rng, index: number): string[] {
  const wanted = countAuthors(rng, index);
  const authors = new Set<string>();
  while (authors.size < wanted) authors.add(composeAuthor(rng));
  return [...authors];
}

/** GitHub names must match [\w.-]: drop accents and anything else. */
function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "");
}

// ---------------------------------------------------------------------------------------------
// Composing one paper
// ---------------------------------------------------------------------------------------------

function composeTitle(rng: Rng, method: string, angle: Angle): string {
  // Titles that already have a colon stay as written; "Method: Title" on them would read badly.
  return !angle.title.includes(":") && rng() < 0.3 ? `${method}: ${angle.title}` : angle.title;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const MIN_WORDS = 100;
const MAX_WORDS = 220;
const OPTIONAL_ORDER = ["note", "analysis", "release"] as const;

interface AbstractParts {
  angle: Angle;
  opening: string;
  note: string;
}

function composeAbstract(rng: Rng, context: FillContext, { angle, opening, note }: AbstractParts, hasCode: boolean): string {
  const fill = (template: string) => fillTemplate(template, context);
  const useMath = angle.math !== undefined && rng() < 0.5;
  const core = [
    fill(opening),
    fill(angle.gap),
    fill(angle.method),
    fill(useMath && angle.math !== undefined ? angle.math : angle.detail),
    fill(angle.result),
  ];
  const optional = {
    note: fill(note),
    analysis: fill(pickOne(rng, ANALYSIS_SENTENCES)),
    release: hasCode ? pickOne(rng, RELEASE_SENTENCES) : rng() < 0.3 ? pickOne(rng, NO_CODE_SENTENCES) : null,
  };

  // Up to two extra sentences (so at most 7), added in random order until a random target length.
  const target = randomInt(rng, 125, 190);
  const chosen = new Set<(typeof OPTIONAL_ORDER)[number]>();
  let words = countWords(core.join(" "));
  for (const key of shuffleCopy(rng, OPTIONAL_ORDER)) {
    const sentence = optional[key];
    if (sentence === null || chosen.size >= 2) continue;
    if (words >= target && words >= MIN_WORDS) break;
    const extra = countWords(sentence);
    if (words + extra > MAX_WORDS) continue;
    chosen.add(key);
    words += extra;
  }
  if (words < MIN_WORDS) {
    // A short core plus short extras: take the two longest extras instead.
    chosen.clear();
    const byLength = OPTIONAL_ORDER.filter((key) => optional[key] !== null).sort(
      (a, b) => countWords(optional[b] ?? "") - countWords(optional[a] ?? ""),
    );
    for (const key of byLength.slice(0, 2)) chosen.add(key);
  }
  const extras = OPTIONAL_ORDER.filter((key) => chosen.has(key))
    .map((key) => optional[key])
    .filter((sentence): sentence is string => sentence !== null);
  return [...core, ...extras].join(" ");
}

function composeCategories(rng: Rng, topic: Topic): { primaryCategory: string; categories: string[] } {
  const primaryCategory = pickOne(rng, topic.primary);
  const others = topic.secondary.filter((code) => code !== primaryCategory);
  return { primaryCategory, categories: [primaryCategory, ...pickSome(rng, others, randomInt(rng, 0, 3))] };
}

function composeKeywords(rng: Rng, topic: Topic): string[] {
  return pickSome(rng, topic.keywords, randomInt(rng, 3, Math.min(8, topic.keywords.length)));
}

function composeComment(rng: Rng, version: number): string | null {
  const pages = randomInt(rng, 8, 34);
  const figures = randomInt(rng, 2, 14);
  const options = [
    `${pages} pages, ${figures} figures`,
    `${pages} pages, ${figures} figures, ${randomInt(rng, 2, 9)} tables`,
    `Accepted at a workshop. ${pages} pages, ${figures} figures`,
    "Preprint, under review",
    `Technical report, ${pages} pages`,
    `Camera-ready version; ${pages} pages plus appendix`,
  ];
  if (version > 1) options.push(`v${version}: fixed typos, added ablations and an extra baseline`);
  return rng() < 0.45 ? pickOne(rng, options) : null;
}

function composeUpvotes(rng: Rng): number {
  // Most papers get a handful of votes; a few become the day's highlights.
  if (rng() < 0.08) return randomInt(rng, 50, 250);
  return Math.floor(31 * rng() ** 1.8);
}

interface Links {
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
}

function composeLinks(rng: Rng, method: string, firstAuthor: string): Links {
  const repoName = slugify(method);
  const hasRepo = rng() < 0.4;
  const owner = rng() < 0.7 ? pickOne(rng, GITHUB_ORGS) : slugify(firstAuthor.replace(/^(\S)\S*\s+(?:\S+\s+)?/, "$1"));
  const hasPage = rng() < 0.15;
  return {
    githubRepo: hasRepo ? `${owner}/${repoName}` : null,
    githubStars: hasRepo ? Math.floor(5000 * rng() ** 4) : null,
    projectPage: hasPage ? (hasRepo ? `https://${owner}.github.io/${repoName}/` : `https://${repoName}-project.github.io/`) : null,
  };
}

function composeVersion(rng: Rng): number {
  const r = rng();
  return r < 0.7 ? 1 : r < 0.92 ? 2 : 3;
}

/** Per-day counts between MIN_PER_DAY and MAX_PER_DAY that add up to PAPER_COUNT. */
function composeDayCounts(rng: Rng): number[] {
  const counts = Array.from({ length: DAY_COUNT }, () => randomInt(rng, MIN_PER_DAY, MAX_PER_DAY));
  let total = counts.reduce((sum, n) => sum + n, 0);
  while (total !== PAPER_COUNT) {
    const day = randomInt(rng, 0, DAY_COUNT - 1);
    const n = counts[day] ?? 0;
    if (total > PAPER_COUNT && n > MIN_PER_DAY) {
      counts[day] = n - 1;
      total--;
    } else if (total < PAPER_COUNT && n < MAX_PER_DAY) {
      counts[day] = n + 1;
      total++;
    }
  }
  return counts;
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "YYMM.9xxxx": the month of the listed day, then a number that grows with the index. */
function composeId(index: number, listedMs: number): string {
  const listed = new Date(listedMs);
  const yymm = `${String(listed.getUTCFullYear() % 100).padStart(2, "0")}${String(listed.getUTCMonth() + 1).padStart(2, "0")}`;
  // The jitter stays below the stride, so numbers are unique and increase with the index.
  const number = ID_BASE + index * ID_STRIDE + ((index * 7919) % ID_STRIDE);
  return `${yymm}.${number}`;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * The bundled demo feed: 84 invented papers listed over the 14 UTC days ending at `today`'s
 * date (4 to 9 per day). The same `today` (and seed) always gives the same papers.
 */
export function buildDemoPapers(today: Date, options: DemoPaperOptions = {}): PaperInput[] {
  if (Number.isNaN(today.getTime())) throw new Error("buildDemoPapers: invalid date");
  const rng = createRng(options.seed ?? DEMO_SEED);
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  // No timestamp may lie after `today` itself (the schema rejects future dates), nor after noon.
  const latestMs = Math.min(today.getTime(), todayMs + 12 * HOUR_MS);

  // Cycling through a shuffled topic order spreads topics evenly over the feed, and drawing
  // angles without replacement means no two papers share a title or an abstract.
  const topicOrder = shuffleCopy(rng, TOPICS.map((_, i) => i));
  const angleDecks = TOPICS.map((topic) => shuffleCopy(rng, topic.angles));
  // Openings and notes rotate through shuffled decks so papers on one topic rarely share them.
  const openingDecks = TOPICS.map((topic) => shuffleCopy(rng, topic.contexts));
  const noteDecks = TOPICS.map((topic) => shuffleCopy(rng, topic.notes));
  const topicUses = TOPICS.map(() => 0);
  const takenNames = new Set<string>();
  const dayCounts = composeDayCounts(rng);

  const papers: PaperInput[] = [];
  dayCounts.forEach((count, dayIndex) => {
    const listedMs = todayMs - (DAY_COUNT - 1 - dayIndex) * DAY_MS;
    for (let n = 0; n < count; n++) {
      const index = papers.length;
      const topicIndex = topicOrder[index % topicOrder.length] ?? 0;
      const topic = TOPICS[topicIndex];
      const angle = angleDecks[topicIndex]?.pop();
      const use = topicUses[topicIndex] ?? 0;
      topicUses[topicIndex] = use + 1;
      const opening = openingDecks[topicIndex]?.[use % (topic?.contexts.length ?? 1)];
      const note = noteDecks[topicIndex]?.[use % (topic?.notes.length ?? 1)];
      if (!topic || !angle || opening === undefined || note === undefined) throw new Error("demo-papers: more papers than topic angles");

      const method = composeMethodName(rng, topic, takenNames);
      const [benchmark, otherBenchmark] = pickSome(rng, topic.benchmarks, 2);
      const context: FillContext = {
        rng,
        method,
        component: angle.component,
        benchmarks: [benchmark ?? "DemoBench", otherBenchmark ?? "DemoBench-2"],
      };

      const authors = composeAuthors(rng, index);
      const links = composeLinks(rng, method, authors[0] ?? "anon");
      const version = composeVersion(rng);
      const publishedMs = listedMs - randomInt(rng, 1, 5) * DAY_MS + randomInt(rng, 0, 24 * 60 - 1) * 60_000;
      let updatedMs = publishedMs;
      for (let v = 1; v < version; v++) updatedMs += randomInt(rng, 6, 6 * 24) * HOUR_MS;
      const hasJournal = rng() < 0.06;

      papers.push({
        id: composeId(index, listedMs),
        version,
        title: composeTitle(rng, method, angle),
        abstract: composeAbstract(rng, context, { angle, opening, note }, links.githubRepo !== null),
        authors,
        publishedAt: new Date(publishedMs),
        updatedAt: new Date(Math.min(updatedMs, latestMs)),
        listedOn: formatDay(listedMs),
        ...composeCategories(rng, topic),
        comment: composeComment(rng, version),
        doi: hasJournal ? `10.5555/demo.${index + 1}` : null,
        journalRef: hasJournal
          ? `Journal of Illustrative Machine Learning ${randomInt(rng, 2, 9)}(${randomInt(rng, 1, 4)}):${randomInt(rng, 10, 400)}-${randomInt(rng, 401, 520)}, ${new Date(listedMs).getUTCFullYear()}`
          : null,
        ...links,
        upvotes: composeUpvotes(rng),
        commentCount: Math.min(20, Math.floor(21 * rng() ** 2.2)),
        keywords: composeKeywords(rng, topic),
        source: "demo",
      });
    }
  });
  return papers;
}

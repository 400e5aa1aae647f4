import type { ConfirmationEmailProps } from "./confirmation-email";
import type { DigestEmailPaper, DigestEmailProps } from "./digest-email";

// Sample props for each template, for the development preview at /dev/emails and for tests.

const appUrl = "http://localhost:3000";

const samplePapers: DigestEmailPaper[] = [
  {
    id: "2611.04211",
    title: "Sparse Mixture-of-Experts Are Domain Generalizable Learners",
    url: `${appUrl}/papers/2611.04211`,
    authors: "Bo Li, Yifei Shen, Jingkang Yang et al.",
    summary: "We show that sparse mixture-of-experts architectures generalize across domains better than dense models of the same compute, and explain why with a simple routing argument.",
    upvotes: 128,
    githubStars: 2340,
    topics: ["Efficient inference", "Mixture of experts"],
  },
  {
    id: "2611.03990",
    title: "Agents That Plan With World Models: A Benchmark for Long-Horizon Tasks",
    url: `${appUrl}/papers/2611.03990`,
    authors: "Ada Lovelace, Grace Hopper",
    summary: "A benchmark of 1,200 long-horizon tasks in simulated homes, with a baseline agent that plans in a learned world model and halves the failure rate of reactive agents.",
    upvotes: 64,
    githubStars: null,
    topics: ["Agents", "World models"],
  },
  {
    id: "2611.03501",
    title: "Schrödinger's Tokenizer: Byte-Level Models Without Vocabulary Bias",
    url: `${appUrl}/papers/2611.03501`,
    authors: "Émile Durand",
    summary: "Byte-level language models that match subword models on English and beat them on 40 other languages.",
    upvotes: 1,
    githubStars: 12,
    topics: ["Tokenization"],
  },
];

export const DIGEST_PREVIEWS: Record<string, DigestEmailProps> = {
  "digest-daily": {
    frequency: "daily",
    periodLabel: "Saturday 28 November 2026",
    topicsLabel: "All topics",
    papers: samplePapers,
    appUrl,
    manageUrl: `${appUrl}/manage?token=preview`,
    unsubscribeUrl: `${appUrl}/unsubscribe?token=preview`,
  },
  "digest-weekly": {
    frequency: "weekly",
    periodLabel: "Week 48, 23 Nov 2026 – 29 Nov 2026",
    topicsLabel: "Agents, World models",
    papers: samplePapers.slice(1, 2),
    appUrl,
    manageUrl: `${appUrl}/manage?token=preview`,
    unsubscribeUrl: `${appUrl}/unsubscribe?token=preview`,
  },
};

export const CONFIRMATION_PREVIEWS: Record<string, ConfirmationEmailProps> = {
  confirmation: { kind: "confirm", actionUrl: `${appUrl}/subscribe/confirm?token=preview`, manageUrl: `${appUrl}/manage?token=preview`, appUrl },
  "already-subscribed": { kind: "already-subscribed", actionUrl: `${appUrl}/manage?token=preview`, manageUrl: `${appUrl}/manage?token=preview`, appUrl },
};

import type { Day } from "./dates";
import type { TrendingParts } from "./trending";

export const FEED_SORTS = ["trending", "top", "new"] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

export interface TagRef {
  slug: string;
  name: string;
  kind: "category" | "topic";
}

/** A Hugging Face organization a paper is published under. */
export interface OrganizationRef {
  /** Handle: huggingface.co/<name>, and /orgs/<name> here. */
  name: string;
  fullName: string;
  avatarUrl: string | null;
}

/** What a feed card and the list API need. */
export interface PaperSummary {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /**
   * ISO 8601 timestamps: these objects cross JSON boundaries (cache, API, client).
   * publishedAt is null when no source said when version 1 was submitted (arXiv RSS only:
   * the id still gives the month, see submissionMonth).
   */
  publishedAt: string | null;
  updatedAt: string;
  listedOn: Day;
  primaryCategory: string | null;
  categories: string[];
  upvotes: number;
  commentCount: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  doi: string | null;
  tags: TagRef[];
  organization: OrganizationRef | null;
  /** The first figure from the paper's Hugging Face page. */
  thumbnailUrl: string | null;
  /** Hugging Face's one-line machine-written summary. */
  aiSummary: string | null;
  /** Listed on Hugging Face: huggingface.co/papers/<id> exists. */
  onHuggingFace: boolean;
}

export interface RankedPaper extends PaperSummary {
  trending: TrendingParts;
}

export interface PaperDetail extends PaperSummary {
  comment: string | null;
  journalRef: string | null;
  keywords: string[];
  /** Figures from the paper's Hugging Face page. */
  mediaUrls: string[];
  /** MSC/ACM subject classes (35J20, I.2.7), apart from the arXiv categories. */
  subjectClasses: string[];
  source: string;
  snapshots: { day: Day; upvotes: number; githubStars: number | null }[];
}

import type { Day } from "./dates";
import type { TrendingParts } from "./trending";

export const FEED_SORTS = ["trending", "top", "new"] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

export interface TagRef {
  slug: string;
  name: string;
  kind: "category" | "topic";
}

/** What a feed card and the list API need. */
export interface PaperSummary {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  /** ISO 8601 timestamps: these objects cross JSON boundaries (cache, API, client). */
  publishedAt: string;
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
}

export interface RankedPaper extends PaperSummary {
  trending: TrendingParts;
}

export interface PaperDetail extends PaperSummary {
  comment: string | null;
  journalRef: string | null;
  keywords: string[];
  source: string;
  snapshots: { day: Day; upvotes: number; githubStars: number | null }[];
}

import type { Metadata } from "next";
import { formatPeriodTitle, parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { feedOptionsQuery } from "@/lib/papers/feed-params";
import type { FeedSort } from "@/lib/papers/types";
import { searchHref, type SearchParams } from "@/lib/search/params";

// Where the RSS 2.0, Atom 1.0 and JSON Feed 1.1 versions of a view live. Pages show these
// links and announce them with <link rel="alternate"> (feedAlternates).

export const FEED_FORMATS = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};

export interface FeedLinks {
  title: string;
  rss: string;
  atom: string;
  json: string;
}

function links(title: string, path: (format: FeedFormat) => string): FeedLinks {
  return { title, rss: path("rss"), atom: path("atom"), json: path("json") };
}

export function trendingFeedLinks(): FeedLinks {
  return links("PaperPulse: trending papers of the day", (format) => `/feeds/trending.${format}`);
}

export function tagFeedLinks(slug: string, name: string): FeedLinks {
  return links(`PaperPulse: ${name}`, (format) => `/feeds/tags/${slug}.${format}`);
}

/** A search as a feed: the newest matches first, so a reader sees new papers as they come. */
export function searchFeedLinks(params: Pick<SearchParams, "q" | "tags" | "from" | "to">): FeedLinks {
  const label = [params.q && `“${params.q}”`, params.tags.length > 0 && `tags ${params.tags.join(", ")}`].filter(Boolean).join(", ");
  return links(`PaperPulse search: ${label || "all papers"}`, (format) => searchHref({ q: params.q, tags: params.tags, from: params.from, to: params.to, sort: "new" }, `/feeds/search.${format}`));
}

/** A feed view (/, /papers/date|week|month/<key or "latest">) with its options, as feed-route.ts reads it. */
export interface FeedViewRef {
  view: "latest" | PeriodKind;
  /** The period key, or "latest" (the moving period: what a feed reader wants). */
  key: string;
  sort: FeedSort;
  tags: readonly string[];
}

const SORT_NAMES: Record<FeedSort, string> = { trending: "trending", top: "most upvoted", new: "newest" };

/**
 * The feed of a feed view: the same papers, in the same order, with the same tag filter.
 * The plain home page's is the trending feed; every other view (a past day, a week, a
 * month, another sort, tags) has its own under /feeds/<date|week|month>/<key>.<format>.
 */
export function feedLinksForView(ref: FeedViewRef): FeedLinks {
  if (ref.view === "latest" && ref.sort === "trending" && ref.tags.length === 0) return trendingFeedLinks();
  const kind: PeriodKind = ref.view === "latest" ? "date" : ref.view;
  const key = ref.view === "latest" ? "latest" : ref.key;
  const period = key === "latest" ? null : parsePeriod(kind, key);
  const name = period ? formatPeriodTitle(period) : `the latest ${kind === "date" ? "day" : kind}`;
  const details = [SORT_NAMES[ref.sort], ref.tags.length > 0 && `tagged ${ref.tags.join(", ")}`].filter(Boolean).join(", ");
  const query = feedOptionsQuery({ sort: ref.sort, tags: [...ref.tags] });
  return links(`PaperPulse: ${name} (${details})`, (format) => `/feeds/${kind}/${key}.${format}${query}`);
}

/** For a page's metadata: one <link rel="alternate"> per format. */
export function feedAlternates(feed: FeedLinks): NonNullable<NonNullable<Metadata["alternates"]>["types"]> {
  return {
    [FEED_CONTENT_TYPES.rss]: [{ url: feed.rss, title: `${feed.title} (RSS)` }],
    [FEED_CONTENT_TYPES.atom]: [{ url: feed.atom, title: `${feed.title} (Atom)` }],
    [FEED_CONTENT_TYPES.json]: [{ url: feed.json, title: `${feed.title} (JSON Feed)` }],
  };
}

import type { Metadata } from "next";
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

/**
 * The feed of a feed view: the trending feed, or with tag filters the feed of that tag (one
 * tag) or of a search by those tags (several).
 */
export function feedLinksForView(tags: readonly string[], names: readonly { slug: string; name: string }[]): FeedLinks {
  if (tags.length === 0) return trendingFeedLinks();
  if (tags.length === 1) return tagFeedLinks(tags[0]!, names.find((t) => t.slug === tags[0])?.name ?? tags[0]!);
  return searchFeedLinks({ q: "", tags: [...tags], from: undefined, to: undefined });
}

/** For a page's metadata: one <link rel="alternate"> per format. */
export function feedAlternates(feed: FeedLinks): NonNullable<NonNullable<Metadata["alternates"]>["types"]> {
  return {
    [FEED_CONTENT_TYPES.rss]: [{ url: feed.rss, title: `${feed.title} (RSS)` }],
    [FEED_CONTENT_TYPES.atom]: [{ url: feed.atom, title: `${feed.title} (Atom)` }],
    [FEED_CONTENT_TYPES.json]: [{ url: feed.json, title: `${feed.title} (JSON Feed)` }],
  };
}

import type { FeedOptions } from "@/lib/papers/feed-params";
import { type SearchHit, type TagFacet, searchPapers } from "@/lib/search/engine";
import { parseSearchQuery } from "@/lib/search/query-syntax";
import { getTag, type TagSummary } from "./queries";

// Everything a tag page (/tags/<slug>) shows, in one call: the page renders it and does
// nothing else. Plain JSON, so it can be cached as is. The papers come from the search
// engine with the tag as the only filter (plus any extra ?tags=), so a tag with 50,000
// papers costs the same as one with 50.

export const TAG_PAGE_SIZE = 30;

export interface TagViewModel {
  tag: TagSummary;
  sort: FeedOptions["sort"];
  /** Extra tags a paper must also carry (?tags=), without the page's own. */
  extraTags: string[];
  papers: SearchHit[];
  total: { count: number; exact: boolean };
  facets: TagFacet[];
  cursor: string | null;
  nextCursor: string | null;
  /** Papers before this page (0 on the first); null for a cursor that does not say. */
  offset: number | null;
  /** Trending and top rank the papers listed since this day (null: all of the tag's papers). */
  since: string | null;
}

/** Null when there is no such tag. */
export async function loadTagView(slug: string, options: FeedOptions, now: Date = new Date()): Promise<TagViewModel | null> {
  const tag = await getTag(slug);
  if (!tag) return null;
  const extraTags = options.tags.filter((t) => t !== slug);
  const page = await searchPapers({ query: parseSearchQuery(""), tags: [slug, ...extraTags].sort(), sort: options.sort, limit: TAG_PAGE_SIZE, cursor: options.cursor }, {}, now);
  return {
    tag,
    sort: options.sort,
    extraTags,
    papers: page.hits,
    total: page.total,
    facets: page.facets.filter((f) => f.slug !== slug),
    cursor: options.cursor ?? null,
    nextCursor: page.nextCursor,
    offset: page.offset,
    since: page.since,
  };
}

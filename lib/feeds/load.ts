import { periodContaining, type PeriodKind, todayUtc } from "@/lib/papers/dates";
import { resolveFeedPeriod } from "@/lib/papers/feed";
import { type FeedOptions, feedHref } from "@/lib/papers/feed-params";
import { getLatestListedDay, getPaper, listFeedPapers } from "@/lib/papers/queries";
import { trendingReference } from "@/lib/papers/trending";
import { searchPapers } from "@/lib/search/engine";
import { searchHref, type SearchParams } from "@/lib/search/params";
import { parseSearchQuery } from "@/lib/search/query-syntax";
import { runSearch } from "@/lib/search/search";
import { getTag } from "@/lib/tags/queries";
import { feedLinksForView, searchFeedLinks, tagFeedLinks, trendingFeedLinks } from "./links";
import type { FeedDocument } from "./render";

// The papers of each feed. Route handlers cache these documents by cache tag, so an ingest
// refreshes them like the pages they mirror.

export const FEED_SIZE = 30;

/** The latest day's papers, in trending order (the home page). */
export async function loadTrendingFeed(now: Date = new Date()): Promise<FeedDocument> {
  const latest = await getLatestListedDay();
  const papers = latest
    ? (
        await listFeedPapers({
          ...periodContaining("date", latest),
          sort: "trending",
          limit: FEED_SIZE,
          reference: trendingReference(latest ?? todayUtc(now), now),
        })
      ).papers
    : [];
  return { links: trendingFeedLinks(), description: "The day's most talked-about AI research papers, ranked by PaperPulse's trending score.", pagePath: "/", papers };
}

/**
 * A feed view as a feed: the first page of /papers/<view>/<key>?sort&tags, in the page's
 * order. key "latest" follows the newest period. Null when the period does not exist or is
 * in the future.
 */
export async function loadViewFeed(request: { view: PeriodKind; key: string }, options: Pick<FeedOptions, "sort" | "tags">, now: Date = new Date()): Promise<FeedDocument | null> {
  const period = await resolveFeedPeriod(request, now);
  if (period === undefined) return null;
  const papers = period
    ? (await listFeedPapers({ start: period.start, end: period.end, sort: options.sort, tags: options.tags, limit: FEED_SIZE, reference: trendingReference(period.end, now) })).papers
    : [];
  const links = feedLinksForView({ view: request.view, key: request.key, sort: options.sort, tags: options.tags });
  return {
    links,
    description: `${links.title.replace(/^PaperPulse: /, "AI research papers of ")} on PaperPulse.`,
    pagePath: feedHref(request.view, request.key, { sort: options.sort, tags: options.tags }),
    papers,
  };
}

/** The newest papers with a tag; null when there is no such tag. */
export async function loadTagFeed(slug: string, now: Date = new Date()): Promise<FeedDocument | null> {
  const tag = await getTag(slug);
  if (!tag) return null;
  const page = await searchPapers({ query: parseSearchQuery(""), tags: [slug], sort: "new", limit: FEED_SIZE }, { light: true }, now);
  return {
    links: tagFeedLinks(slug, tag.name),
    description: `New papers tagged ${tag.name} on PaperPulse.${tag.description ? ` ${tag.description}` : ""}`,
    pagePath: `/tags/${slug}`,
    papers: page.hits,
  };
}

/** A search as a feed (typos corrected as on the page; an arXiv id is that one paper). */
export async function loadSearchFeed(params: SearchParams, now: Date = new Date()): Promise<FeedDocument> {
  const outcome = await runSearch({ ...params, cursor: undefined, limit: FEED_SIZE }, { light: true }, now);
  const paper = outcome.kind === "paper" && outcome.exists ? await getPaper(outcome.id) : null;
  return {
    links: searchFeedLinks(params),
    description: `Papers on PaperPulse matching ${params.q ? `“${params.q}”` : "the search"}${params.tags.length ? ` tagged ${params.tags.join(", ")}` : ""}.`,
    pagePath: searchHref({ ...params, cursor: undefined }),
    papers: outcome.kind === "results" ? outcome.page.hits : paper ? [paper] : [],
  };
}

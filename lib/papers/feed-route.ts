import { CACHE_TAGS, cacheTagsForPeriod } from "@/lib/cache/cache-tags";
import { parsePeriod, type PeriodKind } from "./dates";
import type { FeedRequest } from "./feed";
import { type FeedOptions, parseFeedOptions } from "./feed-params";

// The internal feed route /feed/<view>/<key>/<options> that proxy.ts rewrites public feed
// URLs to. <options> is the canonical query string, URI-encoded, or "default".

export const DEFAULT_OPTIONS_SEGMENT = "default";
const PERIOD_VIEWS = new Set<string>(["date", "week", "month"]);

export function optionsSegment(query: string): string {
  return query ? encodeURIComponent(query.replace(/^\?/, "")) : DEFAULT_OPTIONS_SEGMENT;
}

export interface FeedRoute {
  request: FeedRequest;
  options: FeedOptions;
  cacheKey: string;
}

export function parseFeedRoute(params: { view: string; key: string; options: string }): FeedRoute | null {
  let query: string;
  try {
    query = params.options === DEFAULT_OPTIONS_SEGMENT ? "" : decodeURIComponent(params.options);
  } catch {
    return null; // malformed %-escape: not a URL this app produces
  }
  const options = parseFeedOptions(new URLSearchParams(query));
  if (!options.success) return null;

  let request: FeedRequest;
  if (params.view === "latest" && params.key === "today") request = { view: "latest" };
  else if (PERIOD_VIEWS.has(params.view) && (params.key === "latest" || parsePeriod(params.view as PeriodKind, params.key))) {
    request = { view: params.view as PeriodKind, key: params.key };
  } else return null;

  return { request, options: options.data, cacheKey: `${params.view}/${params.key}/${query}` };
}

export function feedCacheTags(request: FeedRequest): string[] {
  if (request.view === "latest" || request.key === "latest") return [CACHE_TAGS.allFeeds, CACHE_TAGS.latest];
  const period = parsePeriod(request.view, request.key);
  return [CACHE_TAGS.allFeeds, ...(period ? cacheTagsForPeriod(period) : [])];
}

import { CACHE_TAGS, cacheTagsForPeriod } from "@/lib/cache/cache-tags";
import { parsePeriod, type PeriodKind } from "./dates";
import type { FeedRequest } from "./feed";
import { type FeedOptions, parseFeedOptions } from "./feed-params";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";

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

/** The <options> segment back to its canonical query and options; null when it is not one this app produces. */
export function parseOptionsSegment(segment: string): { query: string; options: FeedOptions } | null {
  const query = segment === DEFAULT_OPTIONS_SEGMENT ? "" : decodeUriComponentOrNull(segment);
  if (query === null) return null;
  const options = parseFeedOptions(new URLSearchParams(query));
  return options.success ? { query, options: options.data } : null;
}

export function parseFeedRoute(params: { view: string; key: string; options: string }): FeedRoute | null {
  const parsed = parseOptionsSegment(params.options);
  if (!parsed) return null;
  const { query } = parsed;

  let request: FeedRequest;
  if (params.view === "latest" && params.key === "today") request = { view: "latest" };
  else if (PERIOD_VIEWS.has(params.view) && (params.key === "latest" || parsePeriod(params.view as PeriodKind, params.key))) {
    request = { view: params.view as PeriodKind, key: params.key };
  } else return null;

  return { request, options: parsed.options, cacheKey: `${params.view}/${params.key}/${query}` };
}

export function feedCacheTags(request: FeedRequest): string[] {
  if (request.view === "latest" || request.key === "latest") return [CACHE_TAGS.allFeeds, CACHE_TAGS.latest];
  const period = parsePeriod(request.view, request.key);
  return [CACHE_TAGS.allFeeds, ...(period ? cacheTagsForPeriod(period) : [])];
}

import { parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";
import { FEED_FORMATS, type FeedFormat } from "./links";
import { type FeedDocument, renderFeed } from "./render";

// The HTTP side of the feed routes: file names, headers, errors.

/** "llm.rss" → { name: "llm", format: "rss" }; null for anything else. */
export function parseFeedFileName(file: string): { name: string; format: FeedFormat } | null {
  const decoded = decodeUriComponentOrNull(file);
  if (decoded === null) return null;
  const match = /^([a-z0-9][a-z0-9-]{0,63})\.(rss|atom|json)$/.exec(decoded);
  if (!match) return null;
  const format = match[2] as FeedFormat;
  return FEED_FORMATS.includes(format) ? { name: match[1]!, format } : null;
}

/**
 * "2026-W48.rss" under /feeds/week/ → { key: "2026-W48", format: "rss" }; key may be
 * "latest". Null for a key that is not a period of that kind, or another extension.
 */
export function parsePeriodFeedFileName(kind: PeriodKind, file: string): { key: string; format: FeedFormat } | null {
  const decoded = decodeUriComponentOrNull(file);
  const match = decoded === null ? null : /^([0-9A-Za-z-]{1,16})\.(rss|atom|json)$/.exec(decoded);
  if (!match) return null;
  const key = match[1]!;
  if (key !== "latest" && !parsePeriod(kind, key)) return null;
  return { key, format: match[2] as FeedFormat };
}

/** Feed readers poll; shared caches may keep a feed for five minutes. */
export const FEED_HEADERS = {
  "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=600",
  "Access-Control-Allow-Origin": "*",
} as const;

export function feedResponse(format: FeedFormat, doc: FeedDocument, appUrl: string): Response {
  const { body, contentType } = renderFeed(format, doc, appUrl);
  return new Response(body, { headers: { ...FEED_HEADERS, "Content-Type": contentType } });
}

export function feedErrorResponse(status: 400 | 404, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

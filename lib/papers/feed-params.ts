import { z } from "zod";
import { FEED_SORTS, type FeedSort } from "./types";

// Query options shared by the feed pages, the proxy that routes them and the JSON API:
// one schema, so the same URL means the same thing everywhere.

export const MAX_FILTER_TAGS = 8;
export const TAG_SLUG_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const sortSchema = z.enum(FEED_SORTS, { error: `sort must be one of: ${FEED_SORTS.join(", ")}` });

/** "llm,quantization" → ["llm", "quantization"], sorted and deduplicated so equal filters share a cache entry. */
export const tagListSchema = z
  .string()
  .max(600, "tags is too long")
  .transform((value) => [...new Set(value.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean))].sort())
  .pipe(
    z
      .array(z.string().regex(TAG_SLUG_RE, "tags must be tag slugs such as llm or cs-cl, separated by commas"))
      .max(MAX_FILTER_TAGS, `at most ${MAX_FILTER_TAGS} tags at once`),
  );

export const cursorSchema = z.string().max(500, "cursor is too long").regex(/^[A-Za-z0-9_-]+$/, "cursor is not valid");

export const feedOptionsSchema = z.object({
  sort: sortSchema.default("trending"),
  tags: tagListSchema.default([]),
  cursor: cursorSchema.optional(),
});

export type FeedOptions = { sort: FeedSort; tags: string[]; cursor?: string };

/** Reads the known options from a query string; unknown parameters are ignored. */
export function parseFeedOptions(params: URLSearchParams): z.ZodSafeParseResult<FeedOptions> {
  return feedOptionsSchema.safeParse({
    sort: params.get("sort") ?? undefined,
    tags: params.get("tags") ?? undefined,
    cursor: params.get("cursor") ?? undefined,
  });
}

/** The canonical query string of a set of options ("" for the defaults). */
export function feedOptionsQuery(options: Partial<FeedOptions>): string {
  const params = new URLSearchParams();
  if (options.sort && options.sort !== "trending") params.set("sort", options.sort);
  if (options.tags && options.tags.length > 0) params.set("tags", [...options.tags].sort().join(","));
  if (options.cursor) params.set("cursor", options.cursor);
  const query = params.toString().replaceAll("%2C", ",");
  return query ? `?${query}` : "";
}

export type FeedView = "latest" | "date" | "week" | "month" | "tag";

export function feedPath(view: FeedView, key: string | null): string {
  if (view === "latest") return "/";
  if (view === "tag") return `/tags/${key}`;
  return `/papers/${view}/${key}`;
}

export function feedHref(view: FeedView, key: string | null, options: Partial<FeedOptions> = {}): string {
  return `${feedPath(view, key)}${feedOptionsQuery(options)}`;
}

import { z } from "zod";
import { daySchema } from "@/lib/papers/dates";
import { cursorSchema, tagListSchema } from "@/lib/papers/feed-params";
import { MAX_QUERY_LENGTH } from "./query-syntax";
import { INVALID_SEARCH_CURSOR_MESSAGE, isSearchCursor } from "./search-cursor";

// Parameters of /search, /feeds/search.* and the search side of GET /api/papers: one
// schema, so a search URL means the same thing on the page, in a feed and in the API.

export const SEARCH_PAGE_SIZE = 20;

export const SEARCH_SORTS = ["relevance", "trending", "top", "new"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const queryTextSchema = z.string().max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`);
export const searchSortSchema = z.enum(SEARCH_SORTS, { error: `sort must be one of: ${SEARCH_SORTS.join(", ")}` });

export const searchParamsSchema = z
  .object({
    q: queryTextSchema.default(""),
    tags: tagListSchema.default([]),
    from: daySchema.optional(),
    to: daySchema.optional(),
    sort: searchSortSchema.default("relevance"),
    cursor: cursorSchema.optional(),
    /** "1": search the words as typed, without typo correction. */
    exact: z
      .enum(["1", "0", "true", "false"], { error: "exact must be 1 or 0" })
      .optional()
      .transform((v) => v === "1" || v === "true"),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must be on or before to", path: ["from"] })
  .refine((p) => !p.cursor || isSearchCursor(p.cursor, p.sort), { message: INVALID_SEARCH_CURSOR_MESSAGE, path: ["cursor"] });

export type SearchParams = z.infer<typeof searchParamsSchema>;

/** First value of each known parameter of a URL query (repeated parameters are not a feature). */
export function searchParamsInput(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const get = (name: string) => {
    const value = params instanceof URLSearchParams ? (params.get(name) ?? undefined) : params[name];
    const first = Array.isArray(value) ? value[0] : value;
    // An empty form field (a date left blank) means "not given".
    return first === "" && name !== "q" ? undefined : first;
  };
  return { q: get("q"), tags: get("tags"), from: get("from"), to: get("to"), sort: get("sort"), cursor: get("cursor"), exact: get("exact") };
}

/** The canonical URL of a search (defaults left out), for links, feeds and the back button. */
export function searchHref(params: Partial<SearchParams>, path = "/search"): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.tags && params.tags.length > 0) query.set("tags", [...params.tags].sort().join(","));
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (params.sort && params.sort !== "relevance") query.set("sort", params.sort);
  if (params.exact) query.set("exact", "1");
  if (params.cursor) query.set("cursor", params.cursor);
  const text = query.toString().replaceAll("%2C", ",");
  return text ? `${path}?${text}` : path;
}

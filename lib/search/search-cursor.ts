import { z } from "zod";
import { decodeCursor, InvalidCursorError } from "@/lib/papers/cursor";
import { daySchema } from "@/lib/papers/dates";
import type { SearchSort } from "./params";

// The keyset cursors of search results (the search page, search feeds, tag pages, the API).
// Decoded here, before a query runs, so that a cursor that is not one the engine wrote is bad
// input wherever it arrives: proxy.ts refuses it on tag pages (no cache entry, no render) and
// the search page's parameters refuse it with a message.

/** The trending reference time of the first page, in ms (the cursor keeps it so scores do not move). */
const REFERENCE_TIME = z.number().int().min(0).max(4_102_444_800_000);
/** Matches before the next page, so tag pages number page 2 from 31; absent in older cursors. */
const OFFSET = z.number().int().min(0).max(10_000_000).optional();

export const rankedCursor = z.object({
  s: z.enum(["relevance", "trending", "top"]),
  // The candidate window of the first page: end, body window start (null: the whole range),
  // head window start (null: no head branch; the range start: all of it).
  e: daySchema,
  b: daySchema.nullable(),
  h: daySchema.nullable(),
  k: z.number(),
  d: daySchema,
  id: z.string().max(64),
  r: REFERENCE_TIME,
  o: OFFSET,
});
export const newCursor = z.object({ s: z.literal("new"), d: daySchema, p: z.number(), id: z.string().max(64), r: REFERENCE_TIME, o: OFFSET });
const searchCursor = z.union([rankedCursor, newCursor]);
export type SearchCursor = z.infer<typeof searchCursor>;

/** What a page says about a cursor it cannot use. */
export const INVALID_SEARCH_CURSOR_MESSAGE = "cursor is not valid; use the link to the next page of a previous search";

/** The cursor of a page of results in this sort order; InvalidCursorError for anything else. */
export function decodeSearchCursor(cursor: string, sort: SearchSort): SearchCursor {
  const decoded = decodeCursor<SearchCursor>(cursor, searchCursor);
  // A cursor keeps its sort's key: another order's cursor would page through the wrong rows.
  if (decoded.s !== sort) throw new InvalidCursorError();
  return decoded;
}

export function isSearchCursor(cursor: string, sort: SearchSort): boolean {
  try {
    decodeSearchCursor(cursor, sort);
    return true;
  } catch (error) {
    if (error instanceof InvalidCursorError) return false;
    throw error;
  }
}

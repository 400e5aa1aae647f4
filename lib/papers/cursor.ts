import { z } from "zod";
import type { FeedSort } from "./types";

// Keyset cursors: opaque base64url JSON of the last row's sort key. A cursor that does not
// decode to the expected shape is bad input (400), never a server error.

export class InvalidCursorError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("cursor is not valid; use the nextCursor value from a previous response", options);
    this.name = "InvalidCursorError";
  }
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  if (cursor.length > 500 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch (error) {
    throw new InvalidCursorError({ cause: error });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidCursorError();
  return parsed.data;
}

// The feed's cursors (/, /papers/date|week|month/…, GET /api/papers without q), one shape per
// sort order. proxy.ts checks a page's cursor with isFeedCursor before the feed is rendered or
// cached; lib/papers/queries.ts decodes it for the query.
// `o` is how many papers came before the next page, so page 2 numbers its cards from 31.
// Optional: a cursor handed out before it existed still pages, only without numbers.
const offset = z.number().int().min(0).max(10_000_000).optional();
export const FEED_CURSORS = {
  trending: z.object({ s: z.number(), id: z.string().max(64), r: z.number().int(), o: offset }),
  top: z.object({ u: z.number().int(), id: z.string().max(64), o: offset }),
  new: z.object({ p: z.number().int(), id: z.string().max(64), o: offset }),
} as const satisfies Record<FeedSort, z.ZodType>;

export function isFeedCursor(cursor: string, sort: FeedSort): boolean {
  try {
    decodeCursor<unknown>(cursor, FEED_CURSORS[sort]);
    return true;
  } catch (error) {
    if (error instanceof InvalidCursorError) return false;
    throw error;
  }
}

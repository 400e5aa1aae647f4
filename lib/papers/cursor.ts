import { z } from "zod";

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

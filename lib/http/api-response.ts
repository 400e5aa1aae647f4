import { NextResponse } from "next/server";
import type { z } from "zod";
import { log, describeError } from "@/lib/log";
import { InvalidCursorError } from "@/lib/papers/cursor";

// The one error shape of the JSON API: { error: { code, message } }. Handlers throw
// ApiError (or let zod and cursor errors through); withApiErrors turns them into 4xx
// responses and anything unexpected into a generic 500 whose details stay in the log.

export type ApiErrorCode = "bad_request" | "not_found" | "unauthorized" | "forbidden" | "method_not_allowed" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "conflict" | "internal";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorResponse(status: number, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
  return NextResponse.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** "limit: must be at most 100; sort: must be one of …" */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.join(".");
      // Messages that already name their field ("limit must be …") need no prefix.
      return field && !issue.message.startsWith(String(issue.path.at(-1))) ? `${field}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(400, "bad_request", describeZodError(result.error));
  return result.data;
}

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

export function withApiErrors<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.code, error.message, error.headers);
      if (error instanceof InvalidCursorError) return errorResponse(400, "bad_request", error.message);
      log.error({ err: describeError(error), method: request.method, path: new URL(request.url).pathname }, "api request failed");
      return errorResponse(500, "internal", "Something went wrong on our side. Please try again.");
    }
  };
}

/** Public, cacheable GET responses: shared caches may keep them briefly; anyone may read them. */
export const PUBLIC_GET_HEADERS = {
  "Cache-Control": "public, max-age=60, s-maxage=300, stale-while-revalidate=600",
  "Access-Control-Allow-Origin": "*",
} as const;

/**
 * The answer to a method a route does not have, with `Allow`. Next's own 405 for a method a
 * route file does not export has an empty body; routes export this for the others instead.
 */
export function methodNotAllowed(allowed: readonly string[]) {
  return (request: Request): Response =>
    errorResponse(405, "method_not_allowed", `${request.method} is not supported here; use ${allowed.join(" or ")}.`, { Allow: allowed.join(", ") });
}

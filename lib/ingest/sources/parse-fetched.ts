import { type PayloadFormat, parsePayload } from "../parsers/detect";
import type { ParseResult } from "../parsers/types";
import type { FetchedText } from "./polite-fetch";

/**
 * Parses a fetched body with the same detection as saved files (content type, size cap,
 * malformed JSON/XML), and insists on the format the source promises: an HTML error page
 * or a captcha answered with 200 is an error, not "zero papers".
 */
export function parseFetched(response: FetchedText, expected: PayloadFormat | readonly PayloadFormat[], service: string): ParseResult {
  const parsed = parsePayload(response.body, response.contentType);
  if (parsed.payloadError) return { items: [], errors: [], payloadError: `${service} answered with an unusable payload: ${parsed.payloadError}` };
  const accepted: readonly PayloadFormat[] = typeof expected === "string" ? [expected] : expected;
  if (parsed.format === null || !accepted.includes(parsed.format)) {
    return { items: [], errors: [], payloadError: `${service} answered with ${parsed.format ?? "an unknown format"}, expected ${accepted.join(" or ")}` };
  }
  return { items: parsed.items, errors: parsed.errors };
}

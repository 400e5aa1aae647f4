import type { z } from "zod";
import { paperInputSchema, type PaperInput } from "@/lib/ingest/paper-input";

export type AnnounceType = "new" | "cross" | "replace" | "replace-cross" | "absonly";
export const ANNOUNCE_TYPES: readonly AnnounceType[] = ["new", "cross", "replace", "replace-cross", "absonly"];

export interface ParsedItem {
  input: PaperInput;
  /**
   * Author name -> affiliations, only for authors the source gives affiliations for. A side
   * field because PaperInput (and the Paper table) has nowhere to keep them yet.
   */
  affiliations?: Record<string, string[]>;
  /** arXiv RSS only: why the paper is in today's listing. */
  announceType?: AnnounceType;
}

/** One item of a payload that could not become a PaperInput; the other items still go through. */
export interface ItemError {
  /** Position of the item in the payload (0-based), so a bad item can be found in a saved file. */
  index: number;
  id?: string;
  /** Names the field, e.g. "upvotes: must be >= 0". */
  message: string;
}

export interface ParseResult {
  items: ParsedItem[];
  errors: ItemError[];
  /** Set when the payload as a whole is unusable (malformed, wrong format, an API error). */
  payloadError?: string;
}

/** "paper.upvotes: must be >= 0; title: required" — field paths first so logs are greppable. */
export function formatZodIssues(error: z.ZodError, pathPrefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = [pathPrefix, ...issue.path.map(String)].filter((part) => part !== "").join(".");
      return `${path || "item"}: ${issue.message}`;
    })
    .join("; ");
}

/**
 * Every parser ends here, so nothing reaches the upsert that paperInputSchema would refuse.
 * listedOn is only checked for shape by the schema; a listing day in 1800 is as wrong as a
 * publish date in 1800, so it goes through the same plausibility rule as publishedAt.
 */
export function checkPaperInput(
  candidate: PaperInput,
  index: number,
  extras: Omit<ParsedItem, "input"> = {},
): { item: ParsedItem } | { error: ItemError } {
  const parsed = paperInputSchema.safeParse(candidate);
  if (!parsed.success) {
    return { error: { index, id: candidate.id || undefined, message: formatZodIssues(parsed.error) } };
  }
  if (parsed.data.listedOn !== undefined) {
    const listedDay = paperInputSchema.shape.publishedAt.safeParse(new Date(`${parsed.data.listedOn}T00:00:00Z`));
    if (!listedDay.success) {
      return { error: { index, id: parsed.data.id, message: formatZodIssues(listedDay.error, "listedOn") } };
    }
  }
  return { item: { input: parsed.data, ...extras } };
}

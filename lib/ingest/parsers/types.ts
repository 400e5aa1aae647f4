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
  /**
   * The record re-announces an older paper (an arXiv RSS replacement, or a cross-listing of
   * a paper from an earlier month): it may update a stored paper but never creates one, so
   * old papers do not land on today's feed.
   */
  updateOnly?: boolean;
}

/** One item of a payload that could not become a PaperInput; the other items still go through. */
export interface ItemError {
  /** Position of the item in the payload (0-based), so a bad item can be found in a saved file. */
  index: number;
  /** The item's arXiv id as written (even when it is not a valid one), when it has one. */
  id?: string;
  /** The item's title, when it has one: with the id, says which paper was refused. */
  title?: string;
  /** Names the field, e.g. "upvotes: must be >= 0". */
  message: string;
}

const MAX_TITLE_IN_ERROR = 120;

/** A title for an error report: one line, cut to a readable length; undefined when there is none. */
export function titleForError(raw: unknown): string | undefined {
  if (typeof raw !== "string") return undefined;
  const text = raw.replace(/\s+/g, " ").trim();
  if (text === "") return undefined;
  return text.length > MAX_TITLE_IN_ERROR ? `${text.slice(0, MAX_TITLE_IN_ERROR - 1)}…` : text;
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
  const title = titleForError(candidate.title);
  if (!parsed.success) {
    return { error: { index, id: candidate.id || undefined, ...(title ? { title } : {}), message: formatZodIssues(parsed.error) } };
  }
  if (parsed.data.listedOn !== undefined) {
    const listedDay = paperInputSchema.shape.publishedAt.unwrap().safeParse(new Date(`${parsed.data.listedOn}T00:00:00Z`));
    if (!listedDay.success) {
      return { error: { index, id: parsed.data.id, ...(title ? { title } : {}), message: formatZodIssues(listedDay.error, "listedOn") } };
    }
  }
  return { item: { input: parsed.data, ...extras } };
}

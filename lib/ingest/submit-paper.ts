import { z } from "zod";
import { consumeRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { describeError, log } from "@/lib/log";
import { parseArxivId, paperPath } from "@/lib/papers/arxiv-id";
import { type Day, todayUtc } from "@/lib/papers/dates";
import { getPaper } from "@/lib/papers/queries";
import { plainTextLine } from "@/lib/text/tex-text";
import type { ParseResult } from "./parsers/types";
import { type ChangedPages, runIngest } from "./run-ingest";
import { fetchArxivPapersById } from "./sources/arxiv-api";
import { FetchError, type PoliteFetchOptions } from "./sources/polite-fetch";

// /submit: anyone can add an arXiv paper by id. It is fetched from the arXiv API, stored
// like any import (an IngestRun with trigger "submit") and listed on today's feed. A paper
// already here keeps its listed day: a repeat submission cannot move a paper up the feed.

/** Per client address (from the socket: lib/http/client-ip.ts). Each accepted id may cost an arXiv request, and arXiv allows one per 3 s. */
export const SUBMIT_RATE_LIMIT: RateLimitRule = { name: "submit:ip", limit: 20, windowSeconds: 3600 };
/**
 * Submissions that need arXiv, from all clients together. Each takes up to two 3 s slots of
 * the one arXiv queue the scheduled import shares (one try and one retry): 100 an hour use
 * at most 10 minutes of it, however many addresses submit.
 */
export const SUBMIT_ARXIV_RATE_LIMIT: RateLimitRule = { name: "submit:arxiv-fetches", limit: 100, windowSeconds: 3600 };

export const submitFormSchema = z.object({
  arxivId: z
    .string({ error: "Enter an arXiv id or link." })
    .trim()
    .min(1, "Enter an arXiv id or link.")
    .max(300, "That is too long for an arXiv id or link."),
});

export interface SubmittedPaper {
  id: string;
  /** As the form shows it: plain text (TeX as Unicode, math linearised). */
  title: string;
  path: string;
  listedOn: Day;
}

export type SubmitErrorCode = "invalid" | "malformed" | "not_found" | "unreachable" | "rate_limited" | "internal";

export type SubmitOutcome =
  | ({ status: "added" } & SubmittedPaper)
  | ({ status: "exists" } & SubmittedPaper)
  | { status: "error"; code: SubmitErrorCode; message: string };

export interface SubmitResult {
  outcome: SubmitOutcome;
  /** Set when papers were written: the caller refreshes these cached pages. */
  changes?: ChangedPages;
}

const error = (code: SubmitErrorCode, message: string): SubmitResult => ({ outcome: { status: "error", code, message } });

export async function submitPaper(
  input: unknown,
  client: string,
  options: { now?: Date; rateLimit?: RateLimitRule; arxivRateLimit?: RateLimitRule; fetch?: PoliteFetchOptions } = {},
): Promise<SubmitResult> {
  const form = submitFormSchema.safeParse(input);
  if (!form.success) return error("invalid", form.error.issues[0]?.message ?? "Enter an arXiv id or link.");
  const text = form.data.arxivId;
  const parsed = parseArxivId(text);
  if (!parsed) {
    return error(
      "malformed",
      `“${text.slice(0, 80)}” is not an arXiv id. Use an id such as 2606.00467 or hep-th/9901001, optionally with a version (2606.00467v2), or an arxiv.org/abs or /pdf link.`,
    );
  }

  const limit = await consumeRateLimit(options.rateLimit ?? SUBMIT_RATE_LIMIT, client);
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return error("rate_limited", `Too many submissions from your address. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
  }

  const existing = await getPaper(parsed.id);
  if (existing) {
    return { outcome: { status: "exists", id: existing.id, title: plainTextLine(existing.title), path: paperPath(existing.id), listedOn: existing.listedOn } };
  }
  const shared = await consumeRateLimit(options.arxivRateLimit ?? SUBMIT_ARXIV_RATE_LIMIT, "all");
  if (!shared.allowed) {
    const minutes = Math.ceil(shared.retryAfterSeconds / 60);
    return error("rate_limited", `Many papers have been submitted in the last hour, and arXiv asks us to go slowly. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`);
  }

  let unreachable: string | null = null;
  let notFound: string | null = null;
  const summary = await runIngest({
    source: `submission:${parsed.id}`,
    trigger: "submit",
    today: todayUtc(options.now),
    replacesDemo: false,
    load: async (): Promise<ParseResult> => {
      let result: ParseResult;
      try {
        // One retry: a person is waiting for the answer.
        result = await fetchArxivPapersById([parsed.id], { retries: 1, timeoutMs: 15_000, backoffMs: 1_000, ...options.fetch });
      } catch (failure) {
        if (failure instanceof FetchError) unreachable = describeError(failure);
        throw failure;
      }
      if (result.payloadError) return result;
      const item = result.items.find((candidate) => candidate.input.id === parsed.id);
      if (!item) notFound = `arXiv has no paper ${parsed.id}. Check the id and try again.`;
      else if (parsed.version !== null && parsed.version > item.input.version) {
        notFound = `arXiv has no version ${parsed.version} of ${parsed.id}; the latest is v${item.input.version}.`;
      }
      if (notFound || !item) return { items: [], errors: [{ index: 0, id: parsed.id, message: notFound ?? "not found" }] };
      return { items: [{ ...item, input: { ...item.input, source: "submission" } }], errors: [] };
    },
  });

  if (unreachable) {
    log.warn({ id: parsed.id, err: unreachable }, "arXiv unreachable for a submission");
    return error("unreachable", "arXiv could not be reached just now, so the paper was not added. Please try again in a few minutes.");
  }
  if (notFound) return error("not_found", notFound);
  if (summary.status === "failed") {
    const detail = summary.errors[0]?.message ?? "unknown error";
    return error("unreachable", `arXiv did not return this paper (${detail.slice(0, 200)}). Please try again later.`);
  }

  const stored = await getPaper(parsed.id);
  if (!stored) return error("internal", "The paper was fetched but could not be stored. Please try again.");
  const paper: SubmittedPaper = { id: stored.id, title: plainTextLine(stored.title), path: paperPath(stored.id), listedOn: stored.listedOn };
  // Someone else added it between our check and the fetch: it keeps the day it got.
  return { outcome: { status: summary.new > 0 ? "added" : "exists", ...paper }, changes: summary.changes };
}

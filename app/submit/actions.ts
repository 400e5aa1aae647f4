"use server";
// Server action behind the /submit form: validates, rate-limits per client address, adds
// the paper through lib/ingest/submit-paper.ts and refreshes the pages that now show it.
import { headers } from "next/headers";
import { catchUpWithContentChanges } from "@/lib/cache/page-cache-sync";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { submitPaper, type SubmitOutcome } from "@/lib/ingest/submit-paper";
import { describeError, log } from "@/lib/log";

/** `submitted` is what was typed, so the form can show it again next to an error. */
export type SubmitState = (SubmitOutcome & { submitted?: string }) | { status: "idle" };

export async function submitPaperAction(_previous: SubmitState, formData: FormData): Promise<SubmitState> {
  // A hand-made call can pass anything; a form always passes FormData.
  const value = formData instanceof FormData ? formData.get("arxivId") : null;
  const submitted = typeof value === "string" ? value.slice(0, 300) : "";
  try {
    const client = clientIpFromHeaders(await headers());
    const { outcome, changes } = await submitPaper({ arxivId: value ?? undefined }, client);
    if (changes) await catchUpWithContentChanges();
    return { ...outcome, submitted };
  } catch (error) {
    // The visitor gets a plain message; the details stay in the log.
    log.error({ err: describeError(error) }, "paper submission failed");
    return { status: "error", code: "internal", message: "Something went wrong on our side, and the paper was not added. Please try again.", submitted };
  }
}

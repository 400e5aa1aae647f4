import { z } from "zod";
import { getEnv } from "@/lib/env";
import { describeError } from "@/lib/log";
import { parseDay } from "@/lib/papers/dates";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
import type { ChangedPages } from "./run-ingest";

// A CLI import or tag rebuild logs what it changed in the database's content change log
// (lib/cache/content-changes.ts), which every running server follows within a second or two.
// With PostgreSQL and CRON_SECRET set, the CLI also asks the server at APP_URL to catch up
// through POST /api/cron/revalidate, so the pages are current when the command returns. On the
// embedded database no server can be running (it owns the data folder); the next one starts
// with an empty page cache.

/** Per request, for callers that name pages in the body. */
export const MAX_REVALIDATE_ITEMS = 5_000;

export const changedPagesSchema = z.strictObject({
  touchedDays: z.array(z.string().refine((day) => parseDay(day) === day, "must be a day YYYY-MM-DD")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedPaperIds: z.array(z.string().refine((id) => parseArxivId(id)?.id === id, "must be an arXiv id without version")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedTags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a tag slug")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedOrgs: z.array(z.string().regex(ORGANIZATION_NAME, "must be a Hugging Face organization name")).max(MAX_REVALIDATE_ITEMS).default([]),
  addedDays: z.boolean().default(false),
});

/** `message`: the line the CLI prints when no running server was asked. */
export type NotifyOutcome = { notified: true; requests: number } | { notified: false; message: string };

export async function notifyRunningServer(changes: ChangedPages): Promise<NotifyOutcome> {
  const env = getEnv();
  if (env.embedded) return { notified: false, message: "The server shows the changes when it starts again (npm start)." };
  if (!env.CRON_SECRET) return { notified: false, message: "Running servers pick the changes up from the database within a few seconds (set CRON_SECRET to have them refreshed before this command returns)." };
  const total = changes.touchedDays.length + changes.touchedPaperIds.length + changes.touchedTags.length;
  if (total === 0 && !changes.addedDays) return { notified: true, requests: 0 };
  // The change log says what changed: the server is only asked to catch up now.
  const url = `${env.appUrl}/api/cron/revalidate`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${env.CRON_SECRET}`, "Content-Type": "application/json" },
      body: "{}",
      signal: AbortSignal.timeout(10_000),
    });
    await response.body?.cancel();
    if (!response.ok) return { notified: false, message: `${url} answered HTTP ${response.status}; running servers pick the changes up from the database within a few seconds.` };
  } catch (error) {
    return { notified: false, message: `No server answered at ${env.appUrl} (${describeError(error)}); running servers pick the changes up from the database within a few seconds.` };
  }
  return { notified: true, requests: 1 };
}

import { z } from "zod";
import { getEnv } from "@/lib/env";
import { describeError } from "@/lib/log";
import { parseDay } from "@/lib/papers/dates";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
import type { ChangedPages } from "./run-ingest";

// A CLI import or tag rebuild writes to the database behind the web server's back; its
// cached pages would stay stale until their revalidate window (5 min for feeds, 1 h for
// paper pages) ends. With PostgreSQL and CRON_SECRET set, the CLI tells the running server
// what changed through POST /api/cron/revalidate. On the embedded database no server can be
// running (it owns the data folder), so there is nobody to tell.

/** Per request; the CLI sends bigger change sets in chunks. */
export const MAX_REVALIDATE_ITEMS = 5_000;

export const changedPagesSchema = z.strictObject({
  touchedDays: z.array(z.string().refine((day) => parseDay(day) === day, "must be a day YYYY-MM-DD")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedPaperIds: z.array(z.string().refine((id) => parseArxivId(id)?.id === id, "must be an arXiv id without version")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedTags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "must be a tag slug")).max(MAX_REVALIDATE_ITEMS).default([]),
  touchedOrgs: z.array(z.string().regex(ORGANIZATION_NAME, "must be a Hugging Face organization name")).max(MAX_REVALIDATE_ITEMS).default([]),
  addedDays: z.boolean().default(false),
});

export type NotifyOutcome = { notified: true; requests: number } | { notified: false; reason: string };

export async function notifyRunningServer(changes: ChangedPages): Promise<NotifyOutcome> {
  const env = getEnv();
  if (env.embedded) return { notified: false, reason: "embedded database: no server can be running while this command holds it" };
  if (!env.CRON_SECRET) return { notified: false, reason: "CRON_SECRET is not set, so the server cannot be asked; cached pages refresh within 5 minutes" };
  const touchedOrgs = changes.touchedOrgs ?? [];
  const total = changes.touchedDays.length + changes.touchedPaperIds.length + changes.touchedTags.length + touchedOrgs.length;
  if (total === 0 && !changes.addedDays) return { notified: true, requests: 0 };

  const chunks: ChangedPages[] = [];
  const slice = (list: string[], i: number) => list.slice(i * MAX_REVALIDATE_ITEMS, (i + 1) * MAX_REVALIDATE_ITEMS);
  const count = Math.max(1, ...[changes.touchedDays, changes.touchedPaperIds, changes.touchedTags, touchedOrgs].map((list) => Math.ceil(list.length / MAX_REVALIDATE_ITEMS)));
  for (let i = 0; i < count; i += 1) {
    chunks.push({
      touchedDays: slice(changes.touchedDays, i),
      touchedPaperIds: slice(changes.touchedPaperIds, i),
      touchedTags: slice(changes.touchedTags, i),
      touchedOrgs: slice(touchedOrgs, i),
      addedDays: changes.addedDays && i === 0,
    });
  }
  const url = `${env.appUrl}/api/cron/revalidate`;
  for (const chunk of chunks) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${env.CRON_SECRET}`, "Content-Type": "application/json" },
        body: JSON.stringify(chunk),
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) return { notified: false, reason: `${url} answered HTTP ${response.status}` };
    } catch (error) {
      return { notified: false, reason: `no server answered at ${env.appUrl} (${describeError(error)}); cached pages refresh within 5 minutes` };
    }
  }
  return { notified: true, requests: chunks.length };
}

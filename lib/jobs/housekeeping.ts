import { deleteExpiredAdminSessions } from "@/lib/admin/sessions";
import { deleteOldContentChanges } from "@/lib/cache/content-changes";
import { deleteExpiredRateLimits } from "@/lib/http/rate-limit";
import { markAbandonedIngestRuns } from "@/lib/ingest/ingest-runs";
import { expirePendingSignUps } from "@/lib/subscribers/commands";
import { deleteExpiredNoticeClaims } from "@/lib/subscribers/notices";

// Hourly clean-up tasks, run by POST /api/cron/housekeeping. Each returns a count for the
// response and the log. Domains add their task here.

export const HOUSEKEEPING_TASKS: Record<string, () => Promise<number>> = {
  expiredRateLimits: deleteExpiredRateLimits,
  abandonedIngestRuns: () => markAbandonedIngestRuns(),
  expiredSignUps: () => expirePendingSignUps(),
  expiredNoticeClaims: () => deleteExpiredNoticeClaims(),
  expiredAdminSessions: () => deleteExpiredAdminSessions(),
  oldContentChanges: () => deleteOldContentChanges(),
};

export async function runHousekeeping(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const [name, task] of Object.entries(HOUSEKEEPING_TASKS)) results[name] = await task();
  return results;
}

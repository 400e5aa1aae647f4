import { deleteExpiredRateLimits } from "@/lib/http/rate-limit";

// Hourly clean-up tasks, run by POST /api/cron/housekeeping. Each returns a count for the
// response and the log. Domains add their task here.

export const HOUSEKEEPING_TASKS: Record<string, () => Promise<number>> = {
  expiredRateLimits: deleteExpiredRateLimits,
};

export async function runHousekeeping(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const [name, task] of Object.entries(HOUSEKEEPING_TASKS)) results[name] = await task();
  return results;
}

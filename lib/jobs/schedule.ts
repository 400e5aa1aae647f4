import type { PgBoss } from "pg-boss";
import { getEnv } from "@/lib/env";
import { internalCronSecret } from "@/lib/http/cron-auth";
import { describeError, log } from "@/lib/log";
import { ensureQueue } from "./queue";

// The in-app schedule, for deployments without an external cron (the embedded default).
// Each entry calls one of the app's own cron routes over HTTP, exactly as an external
// scheduler would: one code path, and cache revalidation works (it needs a request).
// pg-boss keeps schedules in the database and fires each occurrence once, however many
// processes run it.

export const SCHEDULE_QUEUE = "scheduled-call";

export interface ScheduledCall {
  key: string;
  cron: string;
  path: string;
}

export function scheduledCalls(): ScheduledCall[] {
  const env = getEnv();
  return [
    { key: "ingest", cron: env.INGEST_SCHEDULE, path: "/api/cron/ingest" },
    { key: "digest", cron: env.DIGEST_SCHEDULE, path: "/api/cron/digest" },
    { key: "housekeeping", cron: "17 * * * *", path: "/api/cron/housekeeping" },
  ];
}

export function isScheduleEnabled(): boolean {
  const env = getEnv();
  return env.SCHEDULER === "on" || (env.SCHEDULER === "auto" && env.embedded);
}

/** POSTs to this process's own cron route (`body`, when given, as JSON). */
export async function callOwnCronRoute(path: string, options: { body?: unknown; timeoutMs?: number } = {}): Promise<Response> {
  const env = getEnv();
  const headers: Record<string, string> = { Authorization: `Bearer ${internalCronSecret()}` };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(`http://127.0.0.1:${env.PORT}${path}`, {
    method: "POST",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15 * 60_000),
  });
}

export async function startSchedule(boss: PgBoss): Promise<void> {
  await ensureQueue(boss, SCHEDULE_QUEUE, { retryLimit: 0, expireInSeconds: 15 * 60 });
  for (const call of scheduledCalls()) {
    await boss.schedule(SCHEDULE_QUEUE, call.cron, { path: call.path }, { key: call.key, tz: "UTC" });
  }
  await boss.work<{ path: string }>(SCHEDULE_QUEUE, { pollingIntervalSeconds: 5 }, async ([job]) => {
    if (!job) return;
    try {
      const response = await callOwnCronRoute(job.data.path);
      log.info({ path: job.data.path, status: response.status }, "scheduled call done");
      await response.body?.cancel();
    } catch (error) {
      log.error({ path: job.data.path, err: describeError(error) }, "scheduled call failed");
      throw error;
    }
  });
  log.info({ calls: scheduledCalls().map((c) => `${c.key} ${c.cron}`) }, "in-app schedule started");
}

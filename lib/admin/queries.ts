import { getDb } from "@/lib/db";
import { listRecentRuns, type RunOverview } from "@/lib/digest/runs";
import { type IngestRunRecord, listRecentIngestRuns } from "@/lib/ingest/ingest-runs";
import { addDays, type Day, todayUtc } from "@/lib/papers/dates";

// What the operator view (/admin, /api/admin/overview) shows, read-only. Ingest and digest
// runs come from their own modules' list functions; this adds the counts and series that only
// the operator needs. Nothing here writes: a page refresh every few seconds must not touch
// the runs it is watching.

export const SUBSCRIBER_STATUSES = ["pending", "active", "unsubscribed", "suspended"] as const;
export type SubscriberStatusName = (typeof SUBSCRIBER_STATUSES)[number];

export interface SubscriberCounts {
  byStatus: Record<SubscriberStatusName, number>;
  total: number;
  /** Active subscribers by frequency. */
  activeDaily: number;
  activeWeekly: number;
}

export async function countSubscribersByStatus(): Promise<SubscriberCounts> {
  const db = await getDb();
  const rows = await db.subscriber.groupBy({ by: ["status", "frequency"], _count: { _all: true } });
  const byStatus: Record<SubscriberStatusName, number> = { pending: 0, active: 0, unsubscribed: 0, suspended: 0 };
  let activeDaily = 0;
  let activeWeekly = 0;
  for (const row of rows) {
    byStatus[row.status] += row._count._all;
    if (row.status === "active") {
      if (row.frequency === "daily") activeDaily += row._count._all;
      else activeWeekly += row._count._all;
    }
  }
  return { byStatus, total: Object.values(byStatus).reduce((sum, n) => sum + n, 0), activeDaily, activeWeekly };
}

export interface DigestRunProgress extends RunOverview {
  /** Counted from the deliveries right now for a run still sending; the run row's counts otherwise. */
  progress: { total: number; pending: number; sending: number; sent: number; failed: number; skipped: number };
  live: boolean;
}

/**
 * Recent digest runs with their progress. A run still sending is recounted from its
 * deliveries on every call (the run row is refreshed by the workers only every few seconds);
 * a completed run's counts are final, so its row is read as it is.
 */
export async function listDigestRunProgress(limit = 10): Promise<DigestRunProgress[]> {
  const runs = await listRecentRuns(limit);
  const sendingIds = runs.filter((run) => run.status === "sending").map((run) => run.id);
  const live = new Map<string, DigestRunProgress["progress"]>();
  if (sendingIds.length > 0) {
    const db = await getDb();
    const rows = await db.$queryRaw<{ run_id: string; status: "pending" | "sending" | "sent" | "failed" | "skipped"; n: number }[]>`
      SELECT run_id::text AS run_id, status::text AS status, count(*)::int AS n
      FROM digest_deliveries WHERE run_id = ANY(${sendingIds}::uuid[]) GROUP BY run_id, status`;
    for (const row of rows) {
      const progress = live.get(row.run_id) ?? { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
      progress[row.status] += row.n;
      progress.total += row.n;
      live.set(row.run_id, progress);
    }
  }
  return runs.map((run) => {
    const counted = live.get(run.id);
    if (run.status === "sending") {
      return { ...run, live: true, progress: counted ?? { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 } };
    }
    return { ...run, live: false, progress: { ...run.counts, sending: 0 } };
  });
}

export interface FailedDelivery {
  id: string;
  runKey: string;
  subscriberId: string;
  email: string;
  subscriberStatus: SubscriberStatusName;
  failureKind: string | null;
  smtpCode: number | null;
  lastError: string | null;
  attempts: number;
  failedAt: Date;
  messageId: string;
}

/** Runs whose failed deliveries the list looks at, newest first. */
const FAILED_LIST_RUNS = 30;

const failedSelect = {
  id: true,
  failureKind: true,
  smtpCode: true,
  lastError: true,
  attempts: true,
  updatedAt: true,
  messageId: true,
  run: { select: { frequency: true, period: true } },
  subscriber: { select: { id: true, email: true, status: true } },
} as const;

/**
 * The most recent failed deliveries (newest run first, then most recently failed), with why
 * they failed; `total` counts the failed deliveries of every run. Neither scans
 * digest_deliveries by status, which is deliberately unindexed (sending changes it, and those
 * updates stay heap-only): the list reads run by run through the run index, only runs that
 * have failures (or are still sending), and stops once it has `limit`; the total adds up the
 * runs' recounted failed counts.
 */
export async function listFailedDeliveries(limit = 50): Promise<{ total: number; items: FailedDelivery[] }> {
  const db = await getDb();
  const take = Math.min(Math.max(1, limit), 500);
  const [total, runs] = await Promise.all([
    db.digestRun.aggregate({ _sum: { failedCount: true } }).then((r) => r._sum.failedCount ?? 0),
    db.digestRun.findMany({
      where: { OR: [{ failedCount: { gt: 0 } }, { status: "sending" }] },
      orderBy: { startedAt: "desc" },
      take: FAILED_LIST_RUNS,
      select: { id: true },
    }),
  ]);
  const rows = [];
  for (const run of runs) {
    if (rows.length >= take) break;
    rows.push(
      ...(await db.digestDelivery.findMany({
        where: { runId: run.id, status: "failed" },
        orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
        take: take - rows.length,
        select: failedSelect,
      })),
    );
  }
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      runKey: `${row.run.frequency}:${row.run.period}`,
      subscriberId: row.subscriber.id,
      email: row.subscriber.email,
      subscriberStatus: row.subscriber.status,
      failureKind: row.failureKind,
      smtpCode: row.smtpCode,
      lastError: row.lastError,
      attempts: row.attempts,
      failedAt: row.updatedAt,
      messageId: row.messageId,
    })),
  };
}

export interface ActivityDay {
  day: Day;
  /** Subscribers who had confirmed by the end of the day and had not left (or been suspended) by then. */
  subscribers: number;
  /** Digests the mail server accepted, of the runs started that day. */
  sent: number;
  /** Deliveries that failed for good, of the runs started that day. */
  failed: number;
}

/**
 * One point per UTC day over the last `days` days, oldest first.
 *   - Subscribers: rebuilt from the timestamps on each subscriber row (confirmed, unsubscribed,
 *     suspended) in one pass: +1 on the day they joined, -1 on the day they left, summed up to
 *     each day. Exact for anyone who changed state at most once; someone who left and came
 *     back counts from their latest confirmation.
 *   - Sent and failed: the recounted counts of the digest runs started that day (a run sends
 *     within minutes; a retry or a resumed run counts on its run's day). Reading the run rows
 *     keeps this cheap at any number of deliveries.
 */
export async function listActivity(days = 30, now: Date = new Date()): Promise<ActivityDay[]> {
  const db = await getDb();
  const last = todayUtc(now);
  const first = addDays(last, -(days - 1));
  const rows = await db.$queryRaw<{ day: string; subscribers: number; sent: number; failed: number }[]>`
    WITH days AS (
      SELECT d::date AS day FROM generate_series(${first}::date, ${last}::date, interval '1 day') AS d
    ), changes AS MATERIALIZED (
      SELECT day, sum(delta)::int AS delta FROM (
        SELECT (confirmed_at AT TIME ZONE 'UTC')::date AS day, 1 AS delta FROM subscribers WHERE confirmed_at IS NOT NULL
        UNION ALL
        SELECT (LEAST(CASE WHEN unsubscribed_at >= confirmed_at THEN unsubscribed_at END, CASE WHEN suspended_at >= confirmed_at THEN suspended_at END) AT TIME ZONE 'UTC')::date, -1
        FROM subscribers WHERE confirmed_at IS NOT NULL AND (unsubscribed_at >= confirmed_at OR suspended_at >= confirmed_at)
      ) AS e GROUP BY day
    ), per_day AS (
      SELECT (started_at AT TIME ZONE 'UTC')::date AS day, sum(sent_count)::int AS sent, sum(failed_count)::int AS failed
      FROM digest_runs WHERE started_at >= ${first}::date AT TIME ZONE 'UTC' GROUP BY 1
    )
    SELECT days.day::text AS day,
      (SELECT coalesce(sum(delta), 0)::int FROM changes WHERE changes.day <= days.day) AS subscribers,
      coalesce(per_day.sent, 0) AS sent,
      coalesce(per_day.failed, 0) AS failed
    FROM days LEFT JOIN per_day ON per_day.day = days.day
    ORDER BY days.day`;
  return rows.map((row) => ({ day: row.day, subscribers: row.subscribers, sent: row.sent, failed: row.failed }));
}

export interface DeliveryState {
  id: string;
  email: string;
  runKey: string;
  status: "pending" | "sending" | "sent" | "failed" | "skipped";
  messageId: string;
  lastError: string | null;
}

/** One delivery's current state: the page follows a retried delivery until it is decided. */
export async function getDeliveryState(id: string): Promise<DeliveryState | null> {
  const db = await getDb();
  const row = await db.digestDelivery.findUnique({
    where: { id },
    select: { id: true, status: true, messageId: true, lastError: true, subscriber: { select: { email: true } }, run: { select: { frequency: true, period: true } } },
  });
  if (!row) return null;
  return { id: row.id, email: row.subscriber.email, runKey: `${row.run.frequency}:${row.run.period}`, status: row.status, messageId: row.messageId, lastError: row.lastError };
}

export interface AdminOverview {
  generatedAt: Date;
  subscribers: SubscriberCounts;
  ingestRuns: IngestRunRecord[];
  digestRuns: DigestRunProgress[];
  failedDeliveries: { total: number; items: FailedDelivery[] };
  activity: ActivityDay[];
  /** True while a digest run is sending: the page refreshes itself. */
  active: boolean;
}

export async function getAdminOverview(): Promise<AdminOverview> {
  const [subscribers, ingestRuns, digestRuns, failedDeliveries, activity] = await Promise.all([
    countSubscribersByStatus(),
    listRecentIngestRuns(15),
    listDigestRunProgress(10),
    listFailedDeliveries(50),
    listActivity(30),
  ]);
  return {
    generatedAt: new Date(),
    subscribers,
    ingestRuns,
    digestRuns,
    failedDeliveries,
    activity,
    active: digestRuns.some((run) => run.status === "sending") || ingestRuns.some((run) => run.status === "running"),
  };
}

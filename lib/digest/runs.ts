import { getDb } from "@/lib/db";
import { type Day, dateToDay, todayUtc } from "@/lib/papers/dates";
import { log } from "@/lib/log";
import { mailDomain } from "@/lib/mail/list-headers";
import type { DigestFrequency } from "@/lib/subscribers/schemas";
import { getDigestConfig } from "./config";
import { type DigestPeriod, digestPeriod, dueFrequencies, runKey } from "./periods";
import { chunkSingletonKey, DIGEST_QUEUE, type DigestChunkJob, digestQueue } from "./queue";

// Digest runs: created by the cron route, one per (frequency, period), with one delivery row
// per due subscriber, in a single transaction. Then one queue job per chunk of deliveries.
// Calling it again (a second cron, a re-run after a crash) finds the run and re-enqueues
// the chunks that still have work; jobs for chunks already queued or running are deduplicated.

export interface DigestRunRecord {
  id: string;
  frequency: DigestFrequency;
  period: string;
  periodStart: Day;
  periodEnd: Day;
  status: "sending" | "completed";
  trigger: string;
  startedAt: Date;
}

export interface RunProgress {
  total: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface StartedRun {
  key: string;
  runId: string;
  created: boolean;
  status: "sending" | "completed";
  chunks: number;
  jobsEnqueued: number;
  progress: RunProgress;
}

/** How long an unfinished run keeps being resumed by later cron calls. */
const RESUME_WITHIN_DAYS = 3;

export async function startDigestRuns(options: { trigger: string; now?: Date; frequencies?: DigestFrequency[] }): Promise<StartedRun[]> {
  const now = options.now ?? new Date();
  const day = todayUtc(now);
  const frequencies = options.frequencies ?? dueFrequencies(day, getDigestConfig().weeklyDay);
  const results: StartedRun[] = [];
  const seen = new Set<string>();
  for (const frequency of frequencies) {
    const period = digestPeriod(frequency, day);
    const { run, created } = await createOrFindRun(period, options.trigger, now);
    seen.add(run.id);
    results.push(await resumeRun(run, created));
  }
  // Unfinished runs of earlier periods (the process died, SMTP was down for hours) resume too.
  for (const run of await listUnfinishedRuns(now)) {
    if (!seen.has(run.id)) results.push(await resumeRun(run, false));
  }
  return results;
}

async function resumeRun(run: DigestRunRecord, created: boolean): Promise<StartedRun> {
  const jobsEnqueued = run.status === "completed" ? 0 : await enqueueRunChunks(run.id);
  const progress = await refreshRunProgress(run.id);
  const fresh = await getRun(run.id);
  return {
    key: runKey({ frequency: run.frequency, key: run.period }),
    runId: run.id,
    created,
    status: fresh?.status ?? run.status,
    chunks: await countChunks(run.id),
    jobsEnqueued,
    progress,
  };
}

export async function createOrFindRun(period: DigestPeriod, trigger: string, now: Date): Promise<{ run: DigestRunRecord; created: boolean }> {
  const db = await getDb();
  const { chunkSize } = getDigestConfig();
  const created = await db.$transaction(
    async (tx) => {
      // A concurrent caller blocks on the unique (frequency, period) until this commits, then
      // inserts nothing: one run, whatever the number of cron calls.
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO digest_runs (id, frequency, period, period_start, period_end, status, trigger, started_at)
        VALUES (gen_random_uuid(), ${period.frequency}::"DigestFrequency", ${period.key}, ${period.start}::date, ${period.end}::date, 'sending', ${trigger}, ${now})
        ON CONFLICT (frequency, period) DO NOTHING
        RETURNING id`;
      const runId = inserted[0]?.id;
      if (!runId) return false;
      // Every due subscriber gets exactly one delivery; the Message-ID is fixed here, once.
      const total = await tx.$executeRaw`
        INSERT INTO digest_deliveries (id, run_id, subscriber_id, chunk, status, message_id, created_at, updated_at)
        SELECT gen_random_uuid(), ${runId}::uuid, s.id, ((row_number() OVER (ORDER BY s.id)) - 1) / ${chunkSize}::int, 'pending',
               '<digest.' || ${messageIdRunPart(period)} || '.' || s.id::text || '@' || ${mailDomain()} || '>', ${now}, ${now}
        FROM subscribers s
        WHERE s.status = 'active' AND s.frequency = ${period.frequency}::"DigestFrequency" AND s.confirmed_at <= ${now}`;
      await tx.$executeRaw`
        UPDATE digest_runs SET total_count = ${total}, pending_count = ${total}, chunk_count = ceil(${total}::numeric / ${chunkSize}::int)::int,
          status = CASE WHEN ${total}::int = 0 THEN 'completed'::"DigestRunStatus" ELSE 'sending'::"DigestRunStatus" END,
          finished_at = CASE WHEN ${total}::int = 0 THEN ${now}::timestamptz ELSE NULL END
        WHERE id = ${runId}::uuid`;
      return true;
    },
    // 100,000 deliveries take a few seconds; the default 5 s would cut large runs short.
    { timeout: 300_000, maxWait: 30_000 },
  );
  const run = await findRun(period.frequency, period.key);
  if (!run) throw new Error(`digest run ${runKey(period)} vanished after it was created`);
  if (created) log.info({ run: runKey(period), runId: run.id }, "digest run created");
  return { run, created };
}

/** "daily-2026-11-28": the run's part of each Message-ID (a colon is not allowed there). */
export function messageIdRunPart(period: Pick<DigestPeriod, "frequency" | "key">): string {
  return `${period.frequency}-${period.key}`;
}

/** One job per chunk that still has deliveries to send; returns how many were new. */
export async function enqueueRunChunks(runId: string): Promise<number> {
  const db = await getDb();
  const chunks = await db.$queryRaw<{ chunk: number }[]>`
    SELECT DISTINCT chunk FROM digest_deliveries WHERE run_id = ${runId}::uuid AND status IN ('pending', 'sending') ORDER BY chunk`;
  if (chunks.length === 0) return 0;
  const boss = await digestQueue();
  const jobs = chunks.map(({ chunk }) => {
    const data: DigestChunkJob = { runId, chunk };
    return { data, singletonKey: chunkSingletonKey(data) };
  });
  const ids = await boss.insert(DIGEST_QUEUE, jobs);
  return ids?.length ?? 0;
}

interface RunRow {
  id: string;
  frequency: DigestFrequency;
  period: string;
  periodStart: Date;
  periodEnd: Date;
  status: "sending" | "completed";
  trigger: string;
  startedAt: Date;
}

function toRecord(row: RunRow): DigestRunRecord {
  return { ...row, periodStart: dateToDay(row.periodStart), periodEnd: dateToDay(row.periodEnd) };
}

const runSelect = { id: true, frequency: true, period: true, periodStart: true, periodEnd: true, status: true, trigger: true, startedAt: true } as const;

export async function getRun(id: string): Promise<DigestRunRecord | null> {
  const db = await getDb();
  const row = await db.digestRun.findUnique({ where: { id }, select: runSelect });
  return row ? toRecord(row) : null;
}

export async function findRun(frequency: DigestFrequency, period: string): Promise<DigestRunRecord | null> {
  const db = await getDb();
  const row = await db.digestRun.findUnique({ where: { frequency_period: { frequency, period } }, select: runSelect });
  return row ? toRecord(row) : null;
}

async function listUnfinishedRuns(now: Date): Promise<DigestRunRecord[]> {
  const db = await getDb();
  const rows = await db.digestRun.findMany({
    where: { status: "sending", startedAt: { gte: new Date(now.getTime() - RESUME_WITHIN_DAYS * 86_400_000) } },
    select: runSelect,
    orderBy: { startedAt: "asc" },
  });
  return rows.map(toRecord);
}

async function countChunks(runId: string): Promise<number> {
  const db = await getDb();
  const run = await db.digestRun.findUnique({ where: { id: runId }, select: { chunkCount: true } });
  return run?.chunkCount ?? 0;
}

/**
 * Recounts the run's deliveries by status into the run row, and completes the run when
 * nothing is left to send. The counts are derived from the deliveries, never incremented,
 * so a crash can never leave them wrong.
 */
export async function refreshRunProgress(runId: string): Promise<RunProgress> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ status: keyof RunProgress; n: number }[]>`
    SELECT status::text AS status, count(*)::int AS n FROM digest_deliveries WHERE run_id = ${runId}::uuid GROUP BY status`;
  const progress: RunProgress = { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const row of rows) {
    progress[row.status] = row.n;
    progress.total += row.n;
  }
  const done = progress.pending + progress.sending === 0;
  const updated = await db.$queryRaw<{ previous: string; status: string }[]>`
    WITH previous AS (SELECT status FROM digest_runs WHERE id = ${runId}::uuid)
    UPDATE digest_runs SET total_count = ${progress.total}, pending_count = ${progress.pending + progress.sending}, sent_count = ${progress.sent},
      failed_count = ${progress.failed}, skipped_count = ${progress.skipped},
      status = CASE WHEN ${done} THEN 'completed'::"DigestRunStatus" ELSE digest_runs.status END,
      finished_at = CASE WHEN ${done} AND finished_at IS NULL THEN now() ELSE finished_at END
    FROM previous
    WHERE id = ${runId}::uuid
    RETURNING previous.status::text AS previous, digest_runs.status::text AS status`;
  if (updated[0]?.previous === "sending" && updated[0].status === "completed") log.info({ runId, ...progress }, "digest run completed");
  return progress;
}

export interface RunOverview extends DigestRunRecord {
  key: string;
  finishedAt: Date | null;
  counts: { total: number; pending: number; sent: number; failed: number; skipped: number };
}

export async function listRecentRuns(limit = 20): Promise<RunOverview[]> {
  const db = await getDb();
  const rows = await db.digestRun.findMany({ orderBy: { startedAt: "desc" }, take: limit });
  return rows.map((row) => ({
    ...toRecord(row),
    key: runKey({ frequency: row.frequency, key: row.period }),
    finishedAt: row.finishedAt,
    counts: { total: row.totalCount, pending: row.pendingCount, sent: row.sentCount, failed: row.failedCount, skipped: row.skippedCount },
  }));
}

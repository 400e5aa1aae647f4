import { getDb } from "@/lib/db";

// The ingest_runs table: one row per import (a cron source, a CLI file, a submission), so
// an operator can see what each did. Written by lib/ingest/run-ingest.ts only.

export type IngestTrigger = "cron" | "cli" | "submit" | "boot" | "bench";
export type IngestRunStatus = "running" | "succeeded" | "partial" | "failed";

export interface IngestRunError {
  /** arXiv id of the item as written, when the item had one. */
  id?: string;
  /** Title of the item, when it had one. */
  title?: string;
  /** Position of the item in its payload. */
  index?: number;
  message: string;
}

/**
 * Which item an error is about, for people: `item 3 (2606.00467, “A title”)`, or as much of
 * it as the item had. Empty for an error about the whole payload.
 */
export function describeErrorItem(error: Pick<IngestRunError, "id" | "title" | "index">): string {
  const names = [error.id, error.title ? `“${error.title}”` : undefined].filter((part): part is string => Boolean(part));
  if (error.index === undefined) return names.join(", ");
  return names.length > 0 ? `item ${error.index} (${names.join(", ")})` : `item ${error.index}`;
}

/** Errors kept per run; the counts stay exact, the list is a sample for the operator. */
export const MAX_RUN_ERRORS = 200;
const MAX_ERROR_LENGTH = 500;

/**
 * A run still "running" after this long was stopped midway (killed process, crash, power
 * loss): no import takes it (10,000 papers take seconds; the scheduler gives up after 15 min).
 */
export const ABANDONED_AFTER_MS = 60 * 60_000;
export const ABANDONED_MESSAGE = "abandoned: the process stopped before the run finished; papers written before that are complete, re-running the import finishes it";

export interface IngestRunRecord {
  id: string;
  source: string;
  trigger: string;
  status: IngestRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  errors: IngestRunError[];
}

export async function startIngestRun(source: string, trigger: IngestTrigger): Promise<{ id: string; startedAt: Date }> {
  const db = await getDb();
  const run = await db.ingestRun.create({ data: { source: source.slice(0, 200), trigger }, select: { id: true, startedAt: true } });
  return run;
}

export interface FinishedRun {
  status: Exclude<IngestRunStatus, "running">;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  errors: readonly IngestRunError[];
  durationMs: number;
}

export async function finishIngestRun(id: string, finished: FinishedRun): Promise<void> {
  const db = await getDb();
  await db.ingestRun.update({
    where: { id },
    data: {
      status: finished.status,
      finishedAt: new Date(),
      durationMs: Math.min(Math.round(finished.durationMs), 2_147_483_647),
      newCount: finished.newCount,
      updatedCount: finished.updatedCount,
      unchangedCount: finished.unchangedCount,
      failedCount: finished.failedCount,
      errors: capErrors(finished.errors).map((error) => ({ ...error })),
    },
  });
}

/** The first MAX_RUN_ERRORS errors, each message cut to a readable length, plus a note of how many were left out. */
export function capErrors(errors: readonly IngestRunError[]): IngestRunError[] {
  const kept = errors.slice(0, MAX_RUN_ERRORS).map((error) => ({
    ...error,
    ...(error.id === undefined ? {} : { id: storableText(error.id.slice(0, MAX_ERROR_LENGTH)) }),
    ...(error.title === undefined ? {} : { title: storableText(error.title.slice(0, MAX_ERROR_LENGTH)) }),
    message: storableText(error.message.slice(0, MAX_ERROR_LENGTH)),
  }));
  if (errors.length > MAX_RUN_ERRORS) kept.push({ message: `… and ${errors.length - MAX_RUN_ERRORS} more errors not kept` });
  return kept;
}

/**
 * Errors quote the payload, and jsonb refuses U+0000 and unpaired surrogates: a hostile
 * payload would otherwise make recording its own failure fail. Both become U+FFFD.
 */
function storableText(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/**
 * Marks runs left "running" by a process that died as failed, so the run list never shows
 * an import as in progress forever. Housekeeping calls it hourly.
 */
export async function markAbandonedIngestRuns(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - ABANDONED_AFTER_MS);
  const result = await db.$executeRaw`
    UPDATE ingest_runs SET status = 'failed', finished_at = ${now},
      errors = errors || jsonb_build_array(jsonb_build_object('message', ${ABANDONED_MESSAGE}::text))
    WHERE status = 'running' AND started_at < ${cutoff}`;
  return result;
}

/** When a good (succeeded or partial) run of this source last started; null if never. */
export async function lastGoodRunStart(source: string): Promise<Date | null> {
  const db = await getDb();
  const run = await db.ingestRun.findFirst({
    where: { source, status: { in: ["succeeded", "partial"] } },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return run?.startedAt ?? null;
}

export async function listRecentIngestRuns(limit = 50): Promise<IngestRunRecord[]> {
  const db = await getDb();
  const runs = await db.ingestRun.findMany({ orderBy: { startedAt: "desc" }, take: Math.min(Math.max(1, limit), 500) });
  return runs.map((run) => ({ ...run, errors: readErrors(run.errors) }));
}

function readErrors(value: unknown): IngestRunError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== "object" || entry === null) return [];
    const record = entry as Record<string, unknown>;
    if (typeof record.message !== "string") return [];
    return [
      {
        message: record.message,
        ...(typeof record.id === "string" ? { id: record.id } : {}),
        ...(typeof record.title === "string" ? { title: record.title } : {}),
        ...(typeof record.index === "number" ? { index: record.index } : {}),
      },
    ];
  });
}

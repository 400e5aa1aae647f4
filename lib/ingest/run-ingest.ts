import { removeDemoPapers } from "@/lib/demo/load-demo";
import { describeError, log } from "@/lib/log";
import type { Day } from "@/lib/papers/dates";
import { capErrors, finishIngestRun, type FinishedRun, type IngestRunError, type IngestTrigger, startIngestRun } from "./ingest-runs";
import type { PaperInput } from "./paper-input";
import type { ParseResult } from "./parsers/types";
import { upsertPapers, type UpsertResult } from "./upsert";

// The one place an import runs, whatever started it (cron route, CLI, /submit, benchmark):
// it records an IngestRun, loads and parses the payload, upserts the good items, counts
// the bad ones as failed, and replaces the demo set when the first real papers arrive.
//
// Failure and kill behaviour: the upsert writes in transactional batches, so a killed
// import leaves whole papers only, and running it again completes it (already written
// papers count as unchanged). The run row of a killed import stays "running" until
// housekeeping marks it failed ("abandoned") after ABANDONED_AFTER_MS.

export interface RunIngestOptions {
  /** What is imported, e.g. "huggingface:2026-11-28", "file:hf.json", "submission:2606.00467". */
  source: string;
  trigger: IngestTrigger;
  /** Fetches and parses the payload. A throw (network, HTTP error) fails the run with its message. */
  load: () => Promise<ParseResult>;
  /** The day new papers without a listed day go on; defaults to today (UTC). */
  today?: Day;
  /** Which day upvote snapshots describe (UpsertOptions.snapshotDay): "listed" for saved files. */
  snapshotDay?: "today" | "listed";
  onProgress?: (done: number, total: number) => void;
  /**
   * Whether stored real papers replace a loaded demo set (default true). /submit passes
   * false: one submitted paper is not a feed, and must not empty a demo install's.
   */
  replacesDemo?: boolean;
}

export interface ChangedPages {
  touchedDays: string[];
  touchedPaperIds: string[];
  touchedTags: string[];
  /** Hugging Face organizations whose pages changed (absent: none). */
  touchedOrgs?: string[];
  addedDays: boolean;
}

export interface IngestRunSummary {
  runId: string;
  source: string;
  status: FinishedRun["status"];
  new: number;
  updated: number;
  unchanged: number;
  /** Replacements of papers we do not have (arXiv RSS): not imported, not an error. */
  skipped: number;
  failed: number;
  /** At most MAX_RUN_ERRORS entries; `failed` is the exact count. */
  errors: IngestRunError[];
  durationMs: number;
  /** The demo papers removed because real ones arrived (0 when the demo set was not loaded). */
  demoRemoved: number;
  /** What to refresh (lib/cache/revalidate.ts). */
  changes: ChangedPages;
}

export async function runIngest(options: RunIngestOptions): Promise<IngestRunSummary> {
  const started = performance.now();
  const run = await startIngestRun(options.source, options.trigger);
  const errors: IngestRunError[] = [];
  let failed = 0;
  let upserted: UpsertResult | null = null;
  let fatal: string | null = null;
  let demoRemoved: string[] = [];
  let written = 0;

  try {
    const parsed = await options.load();
    if (parsed.payloadError) fatal = parsed.payloadError;
    for (const error of parsed.errors) {
      errors.push({ index: error.index, ...(error.id ? { id: error.id } : {}), ...(error.title ? { title: error.title } : {}), message: error.message });
    }
    failed = parsed.errors.length;

    if (!fatal && parsed.items.length > 0) {
      const inputs = parsed.items.map((item) => item.input);
      const updateOnly = new Set<PaperInput>(parsed.items.filter((item) => item.updateOnly).map((item) => item.input));
      upserted = await upsertPapers(inputs, {
        today: options.today,
        snapshotDay: options.snapshotDay,
        updateOnly,
        onBatch: (done, total) => {
          written = done;
          options.onProgress?.(done, total);
        },
      });
      const stored = upserted.new + upserted.updated + upserted.unchanged;
      if (options.replacesDemo !== false && stored > 0 && inputs.some((input) => input.source !== "demo")) demoRemoved = (await removeDemoPapers()) ?? [];
    } else {
      options.onProgress?.(0, 0);
    }
  } catch (error) {
    // Network failures, HTTP errors and database errors end the run; what was committed stays.
    fatal = upserted === null && written > 0 ? `stopped after ${written} papers: ${describeError(error)}` : describeError(error);
  }

  if (fatal) errors.unshift({ message: fatal });
  const goodItems = upserted ? upserted.new + upserted.updated + upserted.unchanged + upserted.skipped : 0;
  const status: FinishedRun["status"] = fatal || (failed > 0 && goodItems === 0) ? "failed" : failed > 0 ? "partial" : "succeeded";
  const durationMs = performance.now() - started;
  const summary: IngestRunSummary = {
    runId: run.id,
    source: options.source,
    status,
    new: upserted?.new ?? 0,
    updated: upserted?.updated ?? 0,
    unchanged: upserted?.unchanged ?? 0,
    skipped: upserted?.skipped ?? 0,
    failed,
    errors: capErrors(errors),
    durationMs: Math.round(durationMs),
    demoRemoved: demoRemoved.length,
    changes: {
      touchedDays: upserted?.touchedDays ?? [],
      touchedPaperIds: [...(upserted?.touchedPaperIds ?? []), ...demoRemoved],
      touchedTags: upserted?.touchedTags ?? [],
      touchedOrgs: upserted?.touchedOrgs ?? [],
      // The demo set leaving empties its days: every feed's navigation changes.
      addedDays: (upserted?.addedDays ?? false) || demoRemoved.length > 0,
    },
  };

  await finishIngestRun(run.id, {
    status,
    newCount: summary.new,
    updatedCount: summary.updated,
    // Skipped replacements changed nothing either; the JSON summary counts them apart.
    unchangedCount: summary.unchanged + summary.skipped,
    failedCount: failed,
    errors,
    durationMs,
  });
  const logged = { source: options.source, trigger: options.trigger, status, new: summary.new, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped, failed, ms: summary.durationMs };
  if (status === "failed") log.warn({ ...logged, error: errors[0]?.message }, "ingest run failed");
  else log.info({ ...logged, demoRemoved: summary.demoRemoved }, "ingest run finished");
  return summary;
}

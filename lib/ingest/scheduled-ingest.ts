import { getEnv } from "@/lib/env";
import { addDays, todayUtc } from "@/lib/papers/dates";
import { lastGoodRunStart } from "./ingest-runs";
import { type ChangedPages, type IngestRunSummary, runIngest } from "./run-ingest";
import { fetchArxivCategory } from "./sources/arxiv-api";
import { fetchArxivRss } from "./sources/arxiv-rss";
import { fetchHfDailyPapers } from "./sources/hf-daily-papers";

// What GET|POST /api/cron/ingest does: import every configured source once, one IngestRun
// each, one after the other (arXiv requests wait for each other anyway). Configuration is
// by env (lib/env.ts, docs/ingestion.md):
// - INGEST_HF_DAYS recent Hugging Face days (default 3), today first: upvotes and stars keep
//   changing for days after a paper is listed, so each run refreshes them;
// - INGEST_ARXIV_CATEGORIES, newest papers per category through the API (default: none);
// - INGEST_ARXIV_RSS, one announcement feed for those categories (default: none);
// arXiv sources are skipped while their last good run is younger than
// INGEST_ARXIV_REFRESH_HOURS: arXiv announces once a day, so hourly polling only costs them.

export interface SkippedSource {
  source: string;
  reason: string;
}

export interface ScheduledIngestSummary {
  runs: IngestRunSummary[];
  skipped: SkippedSource[];
  changes: ChangedPages;
}

interface PlannedSource {
  source: string;
  load: () => ReturnType<typeof fetchHfDailyPapers>;
  /** arXiv sources are rate-limited by INGEST_ARXIV_REFRESH_HOURS. */
  throttled: boolean;
}

export function plannedSources(now: Date = new Date()): PlannedSource[] {
  const env = getEnv();
  const today = todayUtc(now);
  const sources: PlannedSource[] = [];
  for (let back = 0; back < env.INGEST_HF_DAYS; back += 1) {
    const day = addDays(today, -back);
    sources.push({ source: `huggingface:${day}`, load: () => fetchHfDailyPapers(day), throttled: false });
  }
  for (const category of env.INGEST_ARXIV_CATEGORIES) {
    sources.push({ source: `arxiv-api:${category}`, load: () => fetchArxivCategory(category, env.INGEST_ARXIV_MAX_RESULTS), throttled: true });
  }
  if (env.INGEST_ARXIV_RSS.length > 0) {
    sources.push({ source: `arxiv-rss:${env.INGEST_ARXIV_RSS.join("+")}`, load: () => fetchArxivRss(env.INGEST_ARXIV_RSS), throttled: true });
  }
  return sources;
}

export async function ingestConfiguredSources(now: Date = new Date()): Promise<ScheduledIngestSummary> {
  const refreshMs = getEnv().INGEST_ARXIV_REFRESH_HOURS * 3_600_000;
  const runs: IngestRunSummary[] = [];
  const skipped: SkippedSource[] = [];
  for (const planned of plannedSources(now)) {
    if (planned.throttled && refreshMs > 0) {
      const last = await lastGoodRunStart(planned.source);
      if (last && now.getTime() - last.getTime() < refreshMs) {
        skipped.push({ source: planned.source, reason: `fetched at ${last.toISOString()}; next after ${new Date(last.getTime() + refreshMs).toISOString()} (INGEST_ARXIV_REFRESH_HOURS)` });
        continue;
      }
    }
    runs.push(await runIngest({ source: planned.source, trigger: "cron", load: planned.load, today: todayUtc(now) }));
  }
  return { runs, skipped, changes: mergeChanges(runs.map((run) => run.changes)) };
}

export function mergeChanges(list: readonly ChangedPages[]): ChangedPages {
  const union = (pick: (c: ChangedPages) => string[] | undefined) => [...new Set(list.flatMap((c) => pick(c) ?? []))].sort();
  return {
    touchedDays: union((c) => c.touchedDays),
    touchedPaperIds: union((c) => c.touchedPaperIds),
    touchedTags: union((c) => c.touchedTags),
    touchedOrgs: union((c) => c.touchedOrgs),
    addedDays: list.some((c) => c.addedDays),
  };
}

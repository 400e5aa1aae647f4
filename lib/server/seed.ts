import { getEnv } from "@/lib/env";
import { loadDemoPapers } from "@/lib/demo/load-demo";
import { fetchHfDailyPapers } from "@/lib/ingest/sources/hf-daily-papers";
import { runIngest } from "@/lib/ingest/run-ingest";
import { log } from "@/lib/log";
import { addDays, todayUtc } from "@/lib/papers/dates";
import { countPapers } from "@/lib/papers/queries";

// First start with an empty database: real papers from Hugging Face when it answers,
// otherwise the bundled demo set, so a new user never meets an empty feed.

export const SEED_DAYS = 7;

export type SeedOutcome = { kind: "skipped" } | { kind: "huggingface"; papers: number } | { kind: "demo"; papers: number };

export async function seedEmptyDatabase(now: Date = new Date()): Promise<SeedOutcome> {
  if ((await countPapers()) > 0) return { kind: "skipped" };
  const today = todayUtc(now);
  if (getEnv().SEED_FROM_HF) {
    const imported = await importRecentHfDays(today);
    if (imported > 0) return { kind: "huggingface", papers: imported };
  }
  const papers = await loadDemoPapers(today);
  log.info({ papers }, "loaded the demo data set");
  return { kind: "demo", papers };
}

/** Imports the last SEED_DAYS days; stops at the first failure (offline machines fail fast). */
async function importRecentHfDays(today: string): Promise<number> {
  let imported = 0;
  for (let back = 0; back < SEED_DAYS; back += 1) {
    const day = addDays(today, -back);
    log.info({ day }, `seeding an empty database from Hugging Face daily papers: day ${back + 1} of ${SEED_DAYS}`);
    const run = await runIngest({ source: `huggingface:${day}`, trigger: "boot", today, load: () => fetchHfDailyPapers(day, { retries: 0, timeoutMs: 8_000 }) });
    if (run.status === "failed" && run.new === 0) {
      log.warn({ day, error: run.errors[0]?.message }, "Hugging Face daily papers not reachable; seeding stops here");
      break;
    }
    imported += run.new;
  }
  if (imported > 0) log.info({ imported }, "seeded from Hugging Face daily papers");
  return imported;
}

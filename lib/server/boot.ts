import { startFollowingContentChanges, stopFollowingContentChanges } from "@/lib/cache/page-cache-sync";
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getQueue, stopQueue } from "@/lib/jobs/queue";
import { isScheduleEnabled } from "@/lib/jobs/schedule";
import { startWorkers } from "@/lib/jobs/workers";
import { describeError, log } from "@/lib/log";
import { seedEmptyDatabase } from "./seed";

// Server start-up, called once per process from instrumentation.ts.

const BOOTED = Symbol.for("paperpulse.booted");
type GlobalWithBoot = typeof globalThis & { [BOOTED]?: Promise<void> };

export function bootServer(): Promise<void> {
  const store = globalThis as GlobalWithBoot;
  store[BOOTED] ??= boot();
  return store[BOOTED];
}

async function boot(): Promise<void> {
  const env = getEnv();
  const started = Date.now();
  const handle = await getDatabaseHandle();
  log.info(
    { database: handle.kind === "pglite" ? `embedded (${handle.dataDir})` : "postgresql", migrationsApplied: handle.migrations.applied, ms: Date.now() - started },
    "database ready",
  );
  for (const warning of handle.migrations.warnings) log.warn(warning);
  const seed = await seedEmptyDatabase();
  if (seed.kind !== "skipped") log.info({ seed }, "seeded an empty database");
  // After the seed and before the first request: the page cache (in memory, empty) reflects
  // every change so far, and follows the ones other processes make from here on.
  await startFollowingContentChanges();
  const schedule = isScheduleEnabled();
  if (env.WORKERS_IN_APP || schedule) {
    const boss = await getQueue();
    await startWorkers(boss, { schedule, workers: env.WORKERS_IN_APP });
  }
  installShutdownHandlers();
  log.info({ url: env.appUrl, embedded: env.embedded }, "PaperPulse is ready");
}

function installShutdownHandlers(): void {
  // Only when Next leaves signals to us (NEXT_MANUAL_SIG_HANDLE, set by `npm start`):
  // close the database before exiting so the embedded one needs no crash recovery.
  if (process.env.NEXT_MANUAL_SIG_HANDLE !== "true") return;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    try {
      stopFollowingContentChanges();
      await stopQueue();
      await closeDb();
    } catch (error) {
      log.error({ err: describeError(error) }, "database did not close cleanly");
    }
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

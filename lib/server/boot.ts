import { startFollowingContentChanges, stopFollowingContentChanges } from "@/lib/cache/page-cache-sync";
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { type Env, getEnv, InvalidEnvironmentError } from "@/lib/env";
import { getQueue, stopQueue } from "@/lib/jobs/queue";
import { isScheduleEnabled } from "@/lib/jobs/schedule";
import { startWorkers } from "@/lib/jobs/workers";
import { log } from "@/lib/log";
import { seedEmptyDatabase } from "./seed";
import { areSignalsClaimed, registerServiceStop, reportBoot, stopServices } from "./lifecycle";

// Server start-up, called once per process from instrumentation.ts.

const BOOTED = Symbol.for("paperpulse.booted");
type GlobalWithBoot = typeof globalThis & { [BOOTED]?: Promise<void> };

export function bootServer(): Promise<void> {
  const store = globalThis as GlobalWithBoot;
  if (!store[BOOTED]) {
    store[BOOTED] = boot();
    reportBoot(store[BOOTED]);
  }
  return store[BOOTED];
}

async function boot(): Promise<void> {
  const env = environmentOrExit();
  const started = Date.now();
  // Progress for whoever watches the first start: creating the embedded database and seeding take a while.
  log.info(env.embedded ? `opening the embedded database in ${env.dataDir} (the first start creates it: several seconds)` : "connecting to PostgreSQL");
  const handle = await getDatabaseHandle();
  log.info(
    { database: handle.kind === "pglite" ? `embedded (${handle.dataDir})` : "postgresql", migrationsApplied: handle.migrations.applied, ms: Date.now() - started },
    "database ready",
  );
  for (const warning of handle.migrations.warnings) log.warn(warning);
  registerServiceStop(async () => {
    stopFollowingContentChanges();
    await stopQueue();
    await closeDb();
  });
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

/**
 * A server whose configuration is unusable (a secret under 32 characters, a malformed URL)
 * must not start: Next would keep listening and answer every request with a 500. The message
 * names the variables, never their values.
 */
function environmentOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    log.fatal(`${error.message}. PaperPulse does not start until this is fixed.`);
    process.exit(1);
  }
}

function installShutdownHandlers(): void {
  // PaperPulse's HTTP server (lib/server/http-server.ts) owns the signals and stops the
  // services after the requests in flight. Under bare `next start`, only when Next leaves
  // signals to us (NEXT_MANUAL_SIG_HANDLE): close the database before exiting so the
  // embedded one needs no crash recovery.
  if (areSignalsClaimed() || process.env.NEXT_MANUAL_SIG_HANDLE !== "true") return;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await stopServices();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

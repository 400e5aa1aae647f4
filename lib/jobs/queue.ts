import type { PgBoss } from "pg-boss";
import { getDatabaseHandle } from "@/lib/db";
import { describeError, log } from "@/lib/log";

// The job queue: pg-boss on the same database as everything else (its own `pgboss`
// schema). On PostgreSQL any number of processes share it; on the embedded database it
// runs inside the app's process on the one PGlite connection.

const GLOBAL_KEY = Symbol.for("paperpulse.queue");
type GlobalWithQueue = typeof globalThis & { [GLOBAL_KEY]?: Promise<PgBoss> };

export function getQueue(): Promise<PgBoss> {
  const store = globalThis as GlobalWithQueue;
  if (!store[GLOBAL_KEY]) {
    const starting = startQueue();
    store[GLOBAL_KEY] = starting;
    starting.catch(() => {
      if (store[GLOBAL_KEY] === starting) delete store[GLOBAL_KEY];
    });
  }
  return store[GLOBAL_KEY];
}

async function startQueue(): Promise<PgBoss> {
  const handle = await getDatabaseHandle();
  const { PgBoss, fromPglite } = await import("pg-boss");
  const common = {
    schema: "pgboss",
    // A crashed worker's job is retried once its expiry or heartbeat lapses; check often.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 30,
  };
  const boss =
    handle.kind === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: "pglite" })
      : new PgBoss({ ...common, connectionString: handle.connectionString, max: 4, application_name: "paperpulse-queue" });
  boss.on("error", (error) => log.error({ err: describeError(error) }, "job queue error"));
  await boss.start();
  return boss;
}

export async function stopQueue(): Promise<void> {
  const store = globalThis as GlobalWithQueue;
  const starting = store[GLOBAL_KEY];
  if (!starting) return;
  delete store[GLOBAL_KEY];
  const boss = await starting;
  await boss.stop({ graceful: true, timeout: 10_000 });
}

/** Creates a queue if it does not exist yet (pg-boss needs queues created before use). */
export async function ensureQueue(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1] = {}): Promise<void> {
  if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
}

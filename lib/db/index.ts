import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { acquireEmbeddedLock } from "./embedded-lock";
import { applyMigrations, type MigrationReport } from "./migrate";
import { runnerForPgClient, runnerForPglite, type SqlRunner } from "./sql-runner";

export { Prisma } from "@/lib/generated/prisma/client";
export type { PrismaClient } from "@/lib/generated/prisma/client";

// The one database client of the process. With DATABASE_URL it talks to PostgreSQL through
// @prisma/adapter-pg; without, to PGlite in DATA_DIR, owned by this process. Every query in
// lib/ is written once and runs on both.
//
// It is opened lazily: `next build` imports route modules with no database, and Next may
// load this module more than once per process (one copy per bundle), so the handle lives
// on globalThis.

export type DatabaseHandle =
  | { kind: "postgres"; prisma: PrismaClient; pool: pg.Pool; connectionString: string; migrations: MigrationReport }
  | { kind: "pglite"; prisma: PrismaClient; pglite: PGlite; dataDir: string; migrations: MigrationReport; release: () => void };

const GLOBAL_KEY = Symbol.for("paperpulse.database");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDb;
  if (!store[GLOBAL_KEY]) {
    const opening = openDatabase();
    store[GLOBAL_KEY] = opening;
    // A failed open must not be cached forever: the next caller tries again.
    opening.catch(() => {
      if (store[GLOBAL_KEY] === opening) delete store[GLOBAL_KEY];
    });
  }
  return store[GLOBAL_KEY];
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDatabaseHandle()).prisma;
}

/** Runs raw SQL on one session (advisory locks, scripts). Prefer Prisma everywhere else. */
export async function withSqlSession<T>(fn: (runner: SqlRunner) => Promise<T>): Promise<T> {
  const handle = await getDatabaseHandle();
  if (handle.kind === "pglite") return fn(runnerForPglite(handle.pglite));
  const client = await handle.pool.connect();
  // The pool takes its idle-error listener off a client it hands out, so a connection that
  // dies while held (database restart, pg_terminate_backend) would emit an unheard 'error'
  // and crash the process. The statement in flight rejects with the same error; the broken
  // connection is then destroyed instead of going back to the pool.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    return await fn(runnerForPgClient(client));
  } finally {
    client.removeListener("error", onError);
    client.release(broken);
  }
}

export async function closeDb(): Promise<void> {
  const store = globalThis as GlobalWithDb;
  const opening = store[GLOBAL_KEY];
  if (!opening) return;
  delete store[GLOBAL_KEY];
  const handle = await opening;
  await handle.prisma.$disconnect();
  if (handle.kind === "postgres") {
    await handle.pool.end();
  } else {
    await handle.pglite.close();
    handle.release();
  }
}

async function openDatabase(): Promise<DatabaseHandle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database was opened during `next build`. Pages that read it must render dynamically.");
  }
  const env = getEnv();
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL, env.DATABASE_POOL_SIZE) : openEmbedded(env.dataDir);
}

async function openPostgres(connectionString: string, poolSize: number): Promise<DatabaseHandle> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const pool = new pg.Pool({ connectionString, max: poolSize, application_name: "paperpulse" });
  // An idle client that loses its connection (database restart) emits 'error' on the pool;
  // unhandled, that would crash the process. The pool replaces the client on next use.
  pool.on("error", (error) => log.warn({ err: describeError(error) }, "idle PostgreSQL connection closed"));
  const client = await pool.connect();
  let migrations: MigrationReport;
  try {
    migrations = await applyMigrations(runnerForPgClient(client));
  } finally {
    client.release();
  }
  // An interactive transaction waits for a pooled connection like any query does. Prisma's
  // default gives up after 2 s, so under load (200 clients on a 10-connection pool, `npm run
  // bench:load`) a sign-up failed with a 500 where a page query merely waited.
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 15_000 } });
  return { kind: "postgres", prisma, pool, connectionString, migrations };
}

async function openEmbedded(dataDir: string): Promise<DatabaseHandle> {
  const release = acquireEmbeddedLock(dataDir);
  try {
    const [{ PGlite }, { pg_trgm }, { PrismaPGlite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("pglite-prisma-adapter"),
    ]);
    const pglite = await PGlite.create(path.join(dataDir, "pgdata"), { extensions: { pg_trgm } });
    const migrations = await applyMigrations(runnerForPglite(pglite));
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return { kind: "pglite", prisma, pglite, dataDir, migrations, release };
  } catch (error) {
    release();
    throw error;
  }
}

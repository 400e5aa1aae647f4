import pg from "pg";
import { runnerForPgClient, runnerForPglite, type SqlRunner } from "@/lib/db/sql-runner";
import { adminUrl, databaseUrl, testDbMode, uniqueDatabaseName } from "./test-database";

/**
 * An empty database (no migrations) for tests that exercise the migration runner itself.
 * `connect` opens one more independent session to it, to simulate other processes.
 */
export async function withScratchDatabase<T>(fn: (db: { connect: () => Promise<SqlRunner & { close(): Promise<void> }> }) => Promise<T>): Promise<T> {
  if (testDbMode() === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const db = await PGlite.create();
    try {
      return await fn({ connect: async () => ({ ...runnerForPglite(db), close: async () => undefined }) });
    } finally {
      await db.close();
    }
  }
  const name = uniqueDatabaseName("paperpulse_scratch");
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    return await fn({
      connect: async () => {
        const client = new pg.Client(databaseUrl(name));
        await client.connect();
        return { ...runnerForPgClient(client), close: () => client.end() };
      },
    });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

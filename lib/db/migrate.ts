import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { deriveStoredIndexedText } from "@/lib/search/indexed-text";
import type { SqlRunner } from "./sql-runner";

// Applies prisma/migrations/<stamp>_<name>/migration.sql in order and records each in
// Prisma's own _prisma_migrations table (checksum = sha256 of the file), so that
// `prisma migrate deploy` on a machine with Prisma's engine sees them as applied.
// Safe to run on every start and from several processes at once. After the SQL, derived data
// whose rules live in TypeScript is brought up to date under the same lock (the search text of
// stored papers, lib/search/indexed-text.ts: a no-op unless its revision was raised).

/** Prisma's own advisory lock key for migrations: our runner and `prisma migrate` exclude each other. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
  warnings: string[];
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<LocalMigration[]> {
  // Read at run time from prisma/migrations (next.config.ts traces the folder), not bundled.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

interface AppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
  rolled_back_at: Date | string | null;
}

export async function applyMigrations(runner: SqlRunner, dir: string = MIGRATIONS_DIR): Promise<MigrationReport> {
  const migrations = await readMigrations(dir);
  await runner.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  try {
    await runner.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await runner.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    const report: MigrationReport = { applied: [], alreadyApplied: 0, warnings: [] };

    for (const migration of migrations) {
      const row = byName.get(migration.name);
      if (row && row.finished_at !== null) {
        report.alreadyApplied += 1;
        if (row.checksum !== migration.checksum) {
          report.warnings.push(`Migration ${migration.name} was edited after it was applied (checksum differs).`);
        }
        continue;
      }
      if (row) {
        throw new Error(
          `Migration ${migration.name} started earlier but never finished (see _prisma_migrations). ` +
            `Fix the database by hand, then delete that row or run \`prisma migrate resolve\`.`,
        );
      }
      await applyOne(runner, migration);
      report.applied.push(migration.name);
    }

    await deriveStoredIndexedText(runner);

    const local = new Set(migrations.map((m) => m.name));
    for (const name of byName.keys()) {
      if (!local.has(name)) report.warnings.push(`Migration ${name} is applied in the database but missing from ${dir}.`);
    }
    return report;
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  }
}

async function applyOne(runner: SqlRunner, migration: LocalMigration): Promise<void> {
  // PostgreSQL DDL is transactional: a failing migration leaves no trace, not half a schema.
  await runner.exec("BEGIN");
  try {
    const id = randomUUID();
    await runner.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await runner.exec(migration.sql);
    await runner.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await runner.exec("COMMIT");
  } catch (error) {
    await runner.exec("ROLLBACK");
    throw new Error(`Migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

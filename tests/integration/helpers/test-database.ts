import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";

// Where integration tests get their databases. With PostgreSQL reachable (CI, dev
// machines) each test file gets its own database cloned from a migrated template; without,
// `npm test` falls back to embedded PGlite folders copied from a migrated template folder.

/** One template per `vitest` run, so two runs on one machine never drop each other's. */
export function templateDatabaseName(runId: string): string {
  return `paperpulse_tpl_${runId}`;
}

export function testDbMode(): "postgres" | "pglite" {
  return process.env.TEST_DB_MODE === "pglite" ? "pglite" : "postgres";
}

export function adminUrl(): string {
  return process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export function uniqueDatabaseName(prefix = "paperpulse_test"): string {
  return `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
}

export function pgliteTemplateDir(runId: string): string {
  return path.join(os.tmpdir(), `paperpulse-tpl-${runId}`);
}

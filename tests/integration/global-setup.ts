import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { runnerForPgClient, runnerForPglite } from "@/lib/db/sql-runner";
import { adminUrl, databaseUrl, pgliteTemplateDir, templateDatabaseName, testDbMode } from "./helpers/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testRunId: string;
  }
}

// Builds a migrated template once per run; each test file clones it (setup-env.ts).
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide("testRunId", runId);

  if (testDbMode() === "pglite") {
    const dir = pgliteTemplateDir(runId);
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const db = await PGlite.create(`${dir}/pgdata`, { extensions: { pg_trgm } });
    await applyMigrations(runnerForPglite(db));
    await db.close();
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const template = templateDatabaseName(runId);
  await adminQuery(`CREATE DATABASE ${template}`);
  const client = new pg.Client(databaseUrl(template));
  await client.connect();
  try {
    await applyMigrations(runnerForPgClient(client));
  } finally {
    await client.end();
  }
  return () => adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

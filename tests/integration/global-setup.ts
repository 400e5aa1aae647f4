import { mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { runnerForPgClient, runnerForPglite } from "@/lib/db/sql-runner";
import { TEMPLATE_DB, adminUrl, databaseUrl, pgliteTemplateDir, testDbMode } from "./helpers/test-database";

// Builds the migrated template once per run; each test file clones it (setup-env.ts).
export default async function setup() {
  if (testDbMode() === "pglite") {
    const dir = pgliteTemplateDir();
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const db = await PGlite.create(`${dir}/pgdata`, { extensions: { pg_trgm } });
    await applyMigrations(runnerForPglite(db));
    await db.close();
    return;
  }
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const template = new pg.Client(databaseUrl(TEMPLATE_DB));
  await template.connect();
  try {
    await applyMigrations(runnerForPgClient(template));
  } finally {
    await template.end();
  }
}

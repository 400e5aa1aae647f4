import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { adminUrl, databaseUrl, pgliteTemplateDir, templateDatabaseName, testDbMode, uniqueDatabaseName } from "./helpers/test-database";

// Every integration test file gets a fresh, migrated database of its own, so files can run
// in parallel and in any order.

let cleanup: (() => Promise<void>) | undefined;

beforeAll(async () => {
  process.env.SEED_FROM_HF = "false";
  process.env.LOG_LEVEL ??= "warn";
  process.env.APP_URL ??= "http://localhost:3999";
  if (testDbMode() === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-test-"));
    cpSync(pgliteTemplateDir(inject("testRunId")), dir, { recursive: true });
    delete process.env.DATABASE_URL;
    process.env.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = uniqueDatabaseName();
    await createFromTemplate(name);
    process.env.DATABASE_URL = databaseUrl(name);
    process.env.DATABASE_POOL_SIZE = "5";
    cleanup = () => dropDatabase(name);
  }
  resetEnvForTests();
});

afterAll(async () => {
  await closeDb();
  await cleanup?.();
});

async function createFromTemplate(name: string): Promise<void> {
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  try {
    // Two files cloning at the same moment may find the template busy: retry briefly.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName(inject("testRunId"))}`);
        return;
      } catch (error) {
        if (attempt >= 20 || !String((error as Error).message).includes("being accessed by other users")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client(adminUrl());
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

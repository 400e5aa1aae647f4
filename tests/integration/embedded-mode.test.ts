import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { lockFilePath } from "@/lib/db/embedded-lock";
import { resetEnvForTests } from "@/lib/env";
import { loadFeedView } from "@/lib/papers/feed";
import { getPaper, listFeedPapers } from "@/lib/papers/queries";
import { seedEmptyDatabase } from "@/lib/server/seed";

// The zero-setup default: no DATABASE_URL, PGlite in DATA_DIR, owned by one process.
// The same queries as on PostgreSQL, unchanged.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-embedded-"));
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

function runMigrateInAnotherProcess() {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", DATABASE_URL: undefined } as NodeJS.ProcessEnv;
  return spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/db-migrate.ts"], { env, encoding: "utf8", timeout: 60_000 });
}

beforeAll(async () => {
  await closeDb();
  delete process.env.DATABASE_URL;
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
});

afterAll(async () => {
  await closeDb();
  if (saved.DATABASE_URL) process.env.DATABASE_URL = saved.DATABASE_URL;
  if (saved.DATA_DIR) process.env.DATA_DIR = saved.DATA_DIR;
  else delete process.env.DATA_DIR;
  resetEnvForTests();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("embedded database (PGlite)", () => {
  it("migrates on open, seeds the demo set and serves the feed with the same queries", async () => {
    const handle = await getDatabaseHandle();
    expect(handle.kind).toBe("pglite");
    expect(handle.migrations.applied.length).toBeGreaterThan(0);
    expect(readFileSync(lockFilePath(dataDir), "utf8")).toBe(String(process.pid));

    const now = new Date();
    const seed = await seedEmptyDatabase(now);
    expect(seed).toEqual({ kind: "demo", papers: 84 });
    expect(await seedEmptyDatabase(now)).toEqual({ kind: "skipped" });

    const model = await loadFeedView({ view: "latest" }, { sort: "trending", tags: [] }, now);
    expect(model?.isDemo).toBe(true);
    expect(model?.period?.start).toBe(now.toISOString().slice(0, 10));
    expect(model?.papers.length).toBeGreaterThan(3);
    const scores = model!.papers.map((p) => p.trending.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const week = await listFeedPapers({ start: "1991-08-01", end: "2099-12-31", sort: "top", limit: 100, reference: now });
    expect(week.papers).toHaveLength(84);
    const detail = await getPaper(week.papers[0]!.id);
    expect(detail?.snapshots.length).toBeGreaterThan(0);
    expect(detail?.snapshots.at(-1)?.upvotes).toBe(detail?.upvotes);
  });

  it("refuses a second process while this one holds the folder, with a message saying what to do", () => {
    const result = runMigrateInAnotherProcess();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`is in use by process ${process.pid}`);
    expect(result.stderr).toContain("set DATABASE_URL");
  });

  it("hands the folder over once closed, keeping the data", async () => {
    await closeDb();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
    const result = runMigrateInAnotherProcess();
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("0 applied now");
    expect(result.status).toBe(0);
  });

  it("takes over a lock left by a process that died", async () => {
    writeFileSync(lockFilePath(dataDir), "999999");
    const handle = await getDatabaseHandle();
    expect(handle.kind).toBe("pglite");
    expect(readFileSync(lockFilePath(dataDir), "utf8")).toBe(String(process.pid));
    const db = handle.prisma;
    expect(await db.paper.count()).toBe(84);
  });
});

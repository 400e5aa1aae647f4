import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { syntheticHfDailyPapers } from "@/bench/lib/synthetic-hf-papers";
import { getDb } from "@/lib/db";
import { UPSERT_BATCH_SIZE } from "@/lib/ingest/upsert";
import { type FakeUpstream, FIXTURES, fixtureResponder, startFakeUpstream } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";
import { testDbMode } from "./helpers/test-database";

// `npm run ingest` as a user runs it: a child process (tsx scripts/ingest.ts) against this
// file's PostgreSQL database, with files in the real formats. Output is not a terminal
// here, so the CLI prints plain lines and no progress bar.

const tmp = mkdtempSync(path.join(os.tmpdir(), "paperpulse-cli-"));
const fixture = (name: string) => path.join(FIXTURES, name);
let upstream: FakeUpstream;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<CliResult> } {
  // node itself with the tsx loader (not the tsx wrapper), so a kill reaches the importer.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
    env: { ...process.env, LOG_LEVEL: "", CRON_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<CliResult>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

const runCli = (args: string[], env: Record<string, string> = {}) => startCli(args, env).done;
const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

beforeAll(async () => {
  upstream = await startFakeUpstream(fixtureResponder({ hfDays: { "2026-06-12": "ingest/hf-daily-papers-current.json" } }));
});

afterAll(async () => {
  await upstream.close();
  rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await truncateAll();
});

// The CLI is a second process: on the embedded test database (no PostgreSQL reachable) it
// could not open the folder this process holds.
describe.runIf(testDbMode() === "postgres")("npm run ingest (a second process, so PostgreSQL only)", () => {
  it("imports files of different formats, reports each, and ends with the summary line", async () => {
    const first = await runCli([fixture("ingest/hf-daily-papers-current.json"), fixture("ingest/arxiv-rss-sample.xml")]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^✓ .*hf-daily-papers-current\.json: 3 new, 0 updated, 0 unchanged, 0 failed \(hf-json, \d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^! .*arxiv-rss-sample\.xml: 3 new, 0 updated, 0 unchanged, 1 failed \(arxiv-rss, \d+\.\d s, 2 replacements of papers not in PaperPulse skipped\)$/);
    expect(lines[2]).toBe('    item 6 (2606.05003, “A Type Nobody Announced”): announceType: unknown "updated" (expected new, cross, replace, replace-cross, absonly)');
    expect(lines).toContain("Running servers pick the changes up from the database within a few seconds (set CRON_SECRET to have them refreshed before this command returns).");
    expect(lastLine(first.stdout)).toBe("6 new, 0 updated, 0 unchanged, 1 failed");

    const db = await getDb();
    expect(await db.paper.count()).toBe(6);
    expect(await db.paper.findUnique({ where: { id: "2606.07777" }, select: { upvotes: true, githubRepo: true } })).toEqual({ upvotes: 41, githubRepo: "hf-curated/lattice-lanterns" });
    const runs = await db.ingestRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => [r.source, r.trigger, r.status, r.newCount, r.failedCount])).toEqual([
      ["file:hf-daily-papers-current.json", "cli", "succeeded", 3, 0],
      ["file:arxiv-rss-sample.xml", "cli", "partial", 3, 1],
    ]);

    const again = await runCli([fixture("ingest/hf-daily-papers-current.json"), fixture("ingest/arxiv-rss-sample.xml")]);
    expect(again.code).toBe(0);
    expect(lastLine(again.stdout)).toBe("0 new, 0 updated, 6 unchanged, 1 failed");
  });

  it("imports from a URL", async () => {
    const result = await runCli([`${upstream.url}/api/daily_papers?date=2026-06-12`]);
    expect(result.code).toBe(0);
    expect(lastLine(result.stdout)).toBe("3 new, 0 updated, 0 unchanged, 0 failed");
    expect(upstream.requests.at(-1)?.headers["user-agent"]).toMatch(/^PaperPulse\//);
  });

  it("exits 1 when a file cannot be imported at all, still importing the others", async () => {
    const malformed = path.join(tmp, "broken.json");
    writeFileSync(malformed, '[{"paper": {"id": "2606.00001"');
    const oversized = path.join(tmp, "oversized.json");
    writeFileSync(oversized, `[${" ".repeat(21 * 1024 * 1024)}]`);
    const missing = path.join(tmp, "missing.json");
    const result = await runCli([malformed, oversized, missing, fixture("ingest/hf-daily-papers-2024.json")]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ ${malformed}: 0 new, 0 updated, 0 unchanged, 0 failed (hf-json, `);
    expect(result.stdout).toContain("    Malformed JSON at position 30: Expected ',' or '}' after property value\n");
    expect(result.stdout).toContain(`    ${oversized} is 21.0 MB, over the 20 MB limit for one payload; split it\n`);
    expect(result.stdout).toContain(`    ${missing}: no such file\n`);
    expect(result.stdout).toContain("3 of 4 files could not be imported.");
    expect(lastLine(result.stdout)).toBe("2 new, 0 updated, 0 unchanged, 0 failed");
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(await (await getDb()).paper.count()).toBe(2);
  });

  it("leaves only whole papers when killed midway, and a re-run completes the import", async () => {
    const total = 6_000;
    const file = path.join(tmp, "big.json");
    writeFileSync(file, JSON.stringify(syntheticHfDailyPapers({ count: total, day: "2026-06-12" })));
    const db = await getDb();

    const { child, done } = startCli([file]);
    // Kill it as soon as the first batches are committed.
    for (let waited = 0; (await db.paper.count()) === 0; waited += 20) {
      if (waited > 60_000) throw new Error("the import wrote nothing within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    const killed = await done;
    expect(killed.code).toBeNull();

    const stored = await db.paper.count();
    expect(stored).toBeLessThan(total);
    expect(stored % UPSERT_BATCH_SIZE).toBe(0);
    // Every stored paper is whole: its tags and its upvote snapshot were written with it.
    expect(await db.paperSnapshot.count()).toBe(stored);
    const untagged = await db.paper.count({ where: { tags: { none: {} } } });
    expect(untagged).toBe(0);
    expect((await db.ingestRun.findFirstOrThrow()).status).toBe("running");

    const rerun = await runCli([file]);
    expect(rerun.code).toBe(0);
    expect(lastLine(rerun.stdout)).toBe(`${total - stored} new, 0 updated, ${stored} unchanged, 0 failed`);
    expect(await db.paper.count()).toBe(total);
  });
});

describe("npm run ingest while the server holds the embedded database", () => {
  it("says clearly that the embedded database is in use, without a stack trace", async () => {
    const dataDir = mkdtempSync(path.join(tmp, "data-"));
    // A live process (this one) holds the folder, as `npm start` would.
    writeFileSync(path.join(dataDir, "paperpulse.pid"), String(process.pid));
    const result = await runCli([fixture("ingest/hf-daily-papers-current.json")], { DATABASE_URL: "", DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(
      `Cannot import now: The embedded database in ${dataDir} is in use by process ${process.pid} (probably \`npm start\`). Stop that process first, or set DATABASE_URL to use a PostgreSQL server that several processes can share.`,
    );
  });
});

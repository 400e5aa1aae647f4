import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";

// What a new user does after the README's import path, on app servers of this file's own
// (E2E_PORT+5 and +6), each on a database of its own:
// 1. Embedded database: start, look at the demo feed, stop, `npm run ingest -- <file>`,
//    start again: the very first request of each page shows the import (no demo banner, no
//    demo paper, tag counts that match, a deleted paper is a 404); the same after a
//    re-import that changes a paper's upvotes; and a server on a new database serves none
//    of those pages (the browser tests once failed on pages an earlier run left on disk).
// 2. PostgreSQL with CRON_SECRET: the CLI imports beside a running server and tells it;
//    the pages show it as soon as the command returns. A change naming too many pages to
//    list expires every page.
// 3. PostgreSQL, two instances, no CRON_SECRET: nobody tells them, and both follow the
//    database's change log on their own.
// Every server starts from the same build as the browser tests' server, whose pages the
// earlier specs have cached: none of that may leak into these servers' pages.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const PORTS = [E2E_PORT + 5, E2E_PORT + 6];
const DATABASE_URL = process.env.E2E_DATABASE_URL;
const HF_FILE = path.resolve("tests/fixtures/ingest/hf-daily-papers-current.json");
const IMPORTED_TITLE = "Lattice Lanterns";
const IMPORTED_ID = "2606.07777";

test.describe.configure({ mode: "serial" });

interface AppServer {
  base: string;
  stop(): Promise<void>;
  output(): string;
}

const running = new Set<AppServer>();
const scratch = mkdtempSync(path.join(os.tmpdir(), "paperpulse-fresh-"));

test.afterAll(async () => {
  for (const server of running) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function startApp(port: number, env: Record<string, string>): Promise<AppServer> {
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      APP_URL: base,
      PORT: String(port),
      SEED_FROM_HF: "false",
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
      CRON_SECRET: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: AppServer = {
    base,
    output: () => output,
    stop: async () => {
      running.delete(server);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
  running.add(server);
  await expect(async () => {
    expect(child.exitCode, output).toBeNull();
    const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    expect(response.status).toBe(200);
  }).toPass({ timeout: 120_000 });
  return server;
}

/** `npm run ingest -- <files>` as a user runs it. */
async function runIngest(files: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...files], {
    env: { ...process.env, LOG_LEVEL: "", CRON_SECRET: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code, output).toBe(0);
  return output;
}

/** The HF fixture with one paper's upvotes changed, as the next day's payload would carry them. */
function hfFileWithUpvotes(id: string, upvotes: number): string {
  const items = JSON.parse(readFileSync(HF_FILE, "utf8")) as { paper: { id: string; upvotes: number } }[];
  for (const item of items) if (item.paper.id === id) item.paper.upvotes = upvotes;
  const file = path.join(scratch, `hf-${id}-${upvotes}.json`);
  writeFileSync(file, JSON.stringify(items));
  return file;
}

async function createDatabase(suffix: string): Promise<string> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const name = `${new URL(DATABASE_URL!).pathname.slice(1)}_${suffix}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

interface DemoView {
  ids: string[];
  titles: string[];
  weekKey: string;
}

/** Visits the demo feed's pages (so they are cached) and returns what they show. */
async function visitDemo(page: Page, base: string): Promise<DemoView> {
  const list = (await (await fetch(`${base}/api/papers?limit=100`)).json()) as { papers: { id: string; title: string }[] };
  expect(list.papers.length).toBeGreaterThan(2);
  await page.goto(`${base}/`);
  await expect(page.getByRole("note", { name: "Demo data" })).toBeVisible();
  await page.goto(`${base}/papers/week/latest`);
  const weekKey = /\/papers\/week\/(\d{4}-W\d{2})/.exec(await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Week" }).getAttribute("href") ?? "")?.[1];
  expect(weekKey).toBeTruthy();
  await page.goto(`${base}/papers/week/${weekKey}`);
  await expect(page.getByRole("article").first()).toBeVisible();
  expect(await (await fetch(`${base}/feeds/trending.rss`)).text()).toContain(escapeXml(list.papers[0]!.title));
  await page.goto(`${base}/tags`);
  const first = list.papers[0]!;
  const response = await page.goto(`${base}/papers/${first.id}`);
  expect(response?.status()).toBe(200);
  return { ids: list.papers.map((p) => p.id), titles: list.papers.map((p) => p.title), weekKey: weekKey! };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function tagCounts(page: Page, base: string): Promise<Record<string, number>> {
  await page.goto(`${base}/tags`);
  const tiles = await page.getByRole("listitem").evaluateAll((items) =>
    items.map((item) => [item.querySelector("a")?.getAttribute("href") ?? "", Number(item.querySelector("span")?.textContent?.replace(/,/g, ""))] as const),
  );
  return Object.fromEntries(tiles.filter(([href]) => href.startsWith("/tags/")).map(([href, n]) => [href.slice("/tags/".length), n]));
}

async function upvotesOn(page: Page, base: string, id: string): Promise<string> {
  await page.goto(`${base}/papers/${id}`);
  return (await page.locator("div", { has: page.locator("dt", { hasText: "Upvotes" }) }).locator("dd").textContent()) ?? "";
}

/** Everything the import changed, as the first requests see it. */
async function expectImportShown(page: Page, base: string, demo: DemoView): Promise<void> {
  await page.goto(`${base}/`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(IMPORTED_TITLE) })).toBeVisible();
  await expect(page.getByRole("note", { name: "Demo data" })).toHaveCount(0);

  await page.goto(`${base}/papers/week/latest`);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(IMPORTED_TITLE) })).toBeVisible();
  await page.goto(`${base}/papers/week/${demo.weekKey}`);
  await expect(page.getByRole("article")).toHaveCount(0);

  const rss = await (await fetch(`${base}/feeds/trending.rss`)).text();
  expect(rss).toContain(IMPORTED_TITLE);
  for (const title of demo.titles) expect(rss).not.toContain(escapeXml(title));

  const counts = await tagCounts(page, base);
  const api = (await (await fetch(`${base}/api/tags`)).json()) as { tags: { slug: string; papers: number }[] };
  expect(counts).toEqual(Object.fromEntries(api.tags.map((t) => [t.slug, t.papers])));
  for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(3);

  for (const id of demo.ids.slice(0, 3)) {
    const response = await page.goto(`${base}/papers/${id}`);
    expect(response?.status(), `/papers/${id} after its paper was removed`).toBe(404);
  }
}

test("an import made while the server was down is on the first pages served after start (embedded database)", async ({ page }) => {
  test.setTimeout(300_000);
  const env = { DATABASE_URL: "", DATA_DIR: path.join(scratch, "embedded") };
  let app = await startApp(PORTS[0]!, env);
  const demo = await visitDemo(page, app.base);
  await app.stop();

  await runIngest([HF_FILE], env);
  app = await startApp(PORTS[0]!, env);
  await expectImportShown(page, app.base, demo);
  expect(await upvotesOn(page, app.base, IMPORTED_ID)).toBe("41");
  await app.stop();

  await runIngest([hfFileWithUpvotes(IMPORTED_ID, 61)], env);
  app = await startApp(PORTS[0]!, env);
  expect(await upvotesOn(page, app.base, IMPORTED_ID)).toBe("61");
  await app.stop();

  // A new database on the same build and port (a fresh clone's first start, the browser
  // tests' server after a run of the app): none of the pages above may come back.
  app = await startApp(PORTS[0]!, { DATABASE_URL: "", DATA_DIR: path.join(scratch, "embedded-new") });
  await page.goto(`${app.base}/`);
  await expect(page.getByRole("note", { name: "Demo data" })).toBeVisible();
  expect((await page.goto(`${app.base}/papers/${IMPORTED_ID}`))?.status()).toBe(404);
  await app.stop();
});

test.describe("beside a running server (PostgreSQL)", () => {
  test.skip(!DATABASE_URL, "The CLI can only run beside the server on PostgreSQL (E2E_DATABASE_URL).");

  test("a CLI import with CRON_SECRET shows as soon as the command returns", async ({ page }) => {
    test.setTimeout(300_000);
    const secret = "fresh-content-cron-secret-0123456789abcdef";
    const databaseUrl = await createDatabase("fresh_notify");
    const app = await startApp(PORTS[0]!, { DATABASE_URL: databaseUrl, DATA_DIR: path.join(scratch, "notify"), CRON_SECRET: secret });
    const demo = await visitDemo(page, app.base);

    const printed = await runIngest([HF_FILE], { DATABASE_URL: databaseUrl, CRON_SECRET: secret, APP_URL: app.base });
    expect(printed).not.toMatch(/pick the changes up|No server answered|answered HTTP/);
    await expectImportShown(page, app.base, demo);
    expect(await upvotesOn(page, app.base, IMPORTED_ID)).toBe("41");

    await runIngest([hfFileWithUpvotes(IMPORTED_ID, 61)], { DATABASE_URL: databaseUrl, CRON_SECRET: secret, APP_URL: app.base });
    expect(await upvotesOn(page, app.base, IMPORTED_ID)).toBe("61");

    // A change naming more pages than is worth listing expires every page. Here the data
    // changes behind the log's back, so only "everything" can bring it to the pages.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query("UPDATE papers SET title = 'Lattice Lanterns, Retitled' WHERE id = $1", [IMPORTED_ID]);
    await db.end();
    const others = Array.from({ length: 1_001 }, (_, i) => `2601.${String(i).padStart(5, "0")}`);
    const revalidate = await fetch(`${app.base}/api/cron/revalidate`, {
      method: "POST",
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
      body: JSON.stringify({ touchedPaperIds: others }),
    });
    expect(revalidate.status).toBe(200);
    await page.goto(`${app.base}/papers/${IMPORTED_ID}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lattice Lanterns, Retitled");
    await page.goto(`${app.base}/`);
    await expect(page.getByRole("heading", { level: 2, name: "Lattice Lanterns, Retitled" })).toBeVisible();
    expect(await (await fetch(`${app.base}/feeds/trending.rss`)).text()).toContain("Lattice Lanterns, Retitled");
    await app.stop();
  });

  test("two instances follow the database's change log when nobody tells them", async ({ page }) => {
    test.setTimeout(300_000);
    const databaseUrl = await createDatabase("fresh_log");
    const first = await startApp(PORTS[0]!, { DATABASE_URL: databaseUrl, DATA_DIR: path.join(scratch, "log-1") });
    const second = await startApp(PORTS[1]!, { DATABASE_URL: databaseUrl, DATA_DIR: path.join(scratch, "log-2") });
    const demo = await visitDemo(page, first.base);
    await visitDemo(page, second.base);

    await runIngest([HF_FILE], { DATABASE_URL: databaseUrl, APP_URL: first.base });
    for (const app of [first, second]) {
      // Each instance learns of the import from the database on its own: wait for it, then
      // every page must show it.
      await expect.poll(async () => (await fetch(`${app.base}/papers/${demo.ids[0]}`)).status, { timeout: 20_000 }).toBe(404);
      await expectImportShown(page, app.base, demo);
    }
    await first.stop();
    await second.stop();
  });
});

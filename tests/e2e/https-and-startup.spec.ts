import { type ChildProcess, spawn } from "node:child_process";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";

// Behaviour that depends on how the server is started, so this spec starts its own `next
// start` on the extra test port (E2E_PORT + 2; secrets-and-limits.spec.ts uses it after this
// file, and each spec stops its servers):
// 1. A secret under 32 characters stops the server at start, with a message that names the
//    variable and never shows its value.
// 2. A site whose APP_URL is https sends Strict-Transport-Security on every response (the
//    browser tests' http server never does: security-headers.spec.ts).
// 3. Bad cursors, pre-arXiv weeks and malformed form posts are 4xx answers that leave no stack
//    trace in the server's log (the bad-input corpus checks the answers on the main server,
//    whose output no spec can read).

const DATABASE_URL = process.env.E2E_DATABASE_URL;
const PORT = Number(process.env.E2E_PORT ?? 3210) + 2;
const BASE = `http://127.0.0.1:${PORT}`;
const LONG = (name: string) => `${name.toLowerCase()}-0123456789abcdef0123456789abcdef`;

test.describe.configure({ mode: "serial" });

function startServer(env: Record<string, string>): { server: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXT_MANUAL_SIG_HANDLE: "true", SEED_FROM_HF: "false", PORT: String(PORT), DATA_DIR: `.test-data/e2e-${PORT}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  return { server, output: () => output, exited };
}

async function stop(server: ChildProcess, exited: Promise<unknown>) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  server.kill("SIGTERM");
  await exited;
}

test("a secret under 32 characters stops the server at start, naming the variable, never the value", async () => {
  test.setTimeout(120_000);
  for (const name of ["ADMIN_TOKEN", "APP_SECRET", "CRON_SECRET"]) {
    const value = `short-${name.toLowerCase()}-x`;
    const secrets = Object.fromEntries(["ADMIN_TOKEN", "APP_SECRET", "CRON_SECRET"].map((other) => [other, other === name ? value : LONG(other)]));
    const { server, output, exited } = startServer({ APP_URL: BASE, DATABASE_URL: "", ...secrets });
    const code = await Promise.race([exited, new Promise<"running">((resolve) => setTimeout(() => resolve("running"), 60_000))]);
    await stop(server, exited);
    expect(code, output()).toBe(1);
    expect(output()).toContain(`${name}: must be at least 32 characters long`);
    expect(output()).toContain("PaperPulse does not start until this is fixed");
    expect(output()).not.toContain(value);
  }
});

test.describe("an https site", () => {
  test.skip(!DATABASE_URL, "A second server needs a database of its own: PostgreSQL (E2E_DATABASE_URL).");
  let started: ReturnType<typeof startServer>;
  let client: APIRequestContext;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    const name = `${new URL(DATABASE_URL!).pathname.slice(1)}_https`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(DATABASE_URL!);
    url.pathname = `/${name}`;
    started = startServer({ APP_URL: "https://paperpulse.example", DATABASE_URL: url.toString(), LOG_LEVEL: "info", ADMIN_TOKEN: LONG("ADMIN_TOKEN"), CRON_SECRET: LONG("CRON_SECRET") });
    client = await playwrightRequest.newContext({ baseURL: BASE });
    await expect(async () => {
      expect((await client.get("/api/health", { timeout: 2000 })).status()).toBe(200);
    }).toPass({ timeout: 90_000 });
  });

  test.afterAll(async () => {
    await client?.dispose();
    if (started) await stop(started.server, started.exited);
  });

  test("sends Strict-Transport-Security on pages, API routes, 404s and refusals", async () => {
    const multipart = { "content-type": "multipart/form-data; boundary=xx" };
    const responses = [
      await client.get("/"),
      await client.get("/about"),
      await client.get("/api/health"),
      await client.get("/api/papers?limit=1"),
      await client.get("/papers/week/0000-W01"),
      await client.get("/tags/no-such-tag-at-all"),
      await client.post("/subscribe", { headers: { ...multipart, origin: "https://evil.example" }, data: "--xx--" }),
      await client.post("/admin", { headers: multipart, data: "--xx\r\ngarbage" }),
    ];
    expect(responses.map((r) => r.status())).toEqual([200, 200, 200, 200, 404, 404, 403, 400]);
    for (const response of responses) expect(response.headers()["strict-transport-security"], response.url()).toBe("max-age=31536000");
  });

  test("answers bad cursors, pre-arXiv periods and malformed form posts with 4xx and logs no stack trace", async () => {
    const before = started.output().length;
    const papers = (await (await client.get("/api/papers?limit=1")).json()) as { papers: { tags: string[] }[] };
    const tag = papers.papers[0]?.tags[0] ?? "cs-lg";
    const expectations: [string, number, RegExp][] = [
      ["/?cursor=abc", 404, /This page is not here/],
      [`/tags/${tag}?cursor=abc`, 404, /This page is not here/],
      ["/search?q=model&cursor=abc", 200, /This search cannot run[\s\S]*cursor is not valid/],
      ["/papers/week/2026-W49?cursor=abc", 404, /This page is not here/],
      ["/api/papers?week=0100-W01", 400, /week: must be an ISO week like 2026-W48 between 1991-W31/],
      ["/api/papers?month=0050-02", 400, /month: must be a month like 2026-11 between 1991-08/],
      ["/papers/week/0000-W01", 404, /This page is not here/],
      ["/papers/month/0100-01", 404, /This page is not here/],
    ];
    for (const [path, status, message] of expectations) {
      const response = await client.get(path);
      expect(response.status(), path).toBe(status);
      expect(await response.text(), path).toMatch(message);
    }
    for (const page of ["/", "/subscribe", "/manage", "/submit", "/admin", "/search", "/papers/2606.00467"]) {
      const garbage = await client.post(page, { headers: { "content-type": "multipart/form-data; boundary=xx" }, data: "--xx\r\ngarbage" });
      expect(garbage.status(), page).toBe(400);
      const oversized = await client.post(page, { multipart: { big: "x".repeat(2 * 1024 * 1024) } });
      expect(oversized.status(), page).toBe(413);
    }
    const log = started.output().slice(before);
    expect(log.match(/^\s+at .+$/m)?.[0] ?? null, log.slice(0, 2000)).toBeNull();
    expect(log).not.toMatch(/⨯|InvalidCursorError|RangeError|"level":50/);
  });
});

import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest, test } from "@playwright/test";
import pg from "pg";
import { SMTPServer } from "smtp-server";

// Two app instances on one PostgreSQL database of their own (so their queue workers, which
// send over SMTP here, never take the browser tests' jobs), started with every secret set
// (CRON_SECRET, ADMIN_TOKEN, APP_SECRET, an SMTP password) and LOG_LEVEL=debug:
// 1. Flows that touch each secret (cron calls right and wrong, the operator view, sign-ups
//    mailed over authenticated SMTP, a refused delivery) leave none of them in either
//    instance's output or in any response, headers included.
// 2. The sign-up rate limit lives in PostgreSQL: sign-ups alternating between the two
//    instances share one budget.
// The two instances run as behind one reverse proxy (TRUSTED_PROXY_HOPS=1; this spec plays
// the proxy and sends X-Forwarded-For), as a multi-instance deployment does, so each test
// has client addresses of its own.

const DATABASE_URL = process.env.E2E_DATABASE_URL;
const PORTS = [Number(process.env.E2E_PORT ?? 3210) + 2, Number(process.env.E2E_PORT ?? 3210) + 3];
const BASES = PORTS.map((port) => `http://127.0.0.1:${port}`);
const secrets = {
  CRON_SECRET: `cron-${randomBytes(16).toString("hex")}`,
  ADMIN_TOKEN: `admin-${randomBytes(16).toString("hex")}`,
  APP_SECRET: `app-${randomBytes(24).toString("hex")}`,
  SMTP_PASSWORD: `smtp-${randomBytes(12).toString("hex")}`,
};

test.skip(!DATABASE_URL, "Two instances on one database need PostgreSQL (E2E_DATABASE_URL).");
test.describe.configure({ mode: "serial" });

const servers: ChildProcess[] = [];
let output = "";
let databaseUrl = "";
let smtp: SMTPServer;
let smtpLogins = 0;
const received: string[] = [];
const responses: string[] = [];
const clients: APIRequestContext[] = [];

async function record(response: APIResponse): Promise<APIResponse> {
  responses.push(`${response.status()} ${JSON.stringify(response.headersArray())}\n${await response.text()}`);
  return response;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  smtp = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "digest" && auth.password === secrets.SMTP_PASSWORD) {
        smtpLogins += 1;
        return callback(null, { user: "digest" });
      }
      callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refused-")) return callback(Object.assign(new Error("5.1.1 No such user here"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(","));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;

  // A database of their own, created here and migrated by the instances as they start.
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  const name = `${new URL(DATABASE_URL!).pathname.slice(1)}_secrets`;
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();

  for (const [index, port] of PORTS.entries()) {
    // One after the other: the first creates the schema, the second finds it.
    const server = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        HOSTNAME: "127.0.0.1",
        TRUSTED_PROXY_HOPS: "1",
        DATABASE_URL: databaseUrl,
        DATA_DIR: `.test-data/e2e-${port}`,
        APP_URL: BASES[index]!,
        PORT: String(port),
        LOG_LEVEL: "debug",
        SEED_FROM_HF: "false",
        SMTP_URL: `smtp://digest:${secrets.SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
        CRON_SECRET: secrets.CRON_SECRET,
        ADMIN_TOKEN: secrets.ADMIN_TOKEN,
        APP_SECRET: secrets.APP_SECRET,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    servers.push(server);
    server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const client = await playwrightRequest.newContext({ baseURL: BASES[index] });
    clients.push(client);
    await expect(async () => {
      expect((await client.get("/api/health", { timeout: 2000 })).status()).toBe(200);
    }).toPass({ timeout: 90_000 });
  }
});

test.afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const server of servers) {
    if (server.exitCode !== null) continue;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

function subscribeActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  return Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "subscribeAction")![0];
}

/** A sign-up through the subscribe form's server action, as the browser posts it. */
async function signUp(context: APIRequestContext, base: string, email: string, clientIp: string): Promise<string> {
  const form = new FormData();
  form.append("_1_email", email);
  form.append("_1_frequency", "daily");
  form.append("0", '[{"status":"idle"},"$K1"]');
  const response = await context.post(`${base}/subscribe`, {
    headers: { "next-action": subscribeActionId(), origin: base, "x-forwarded-for": clientIp, accept: "text/x-component" },
    multipart: form,
  });
  return (await record(response)).text();
}

test("secrets appear in no log line and no response", async () => {
  test.setTimeout(150_000);
  // Cron: wrong and right secrets.
  const other = clients[0]!;
  for (const route of ["housekeeping", "digest", "ingest"]) {
    expect((await record(await other.post(`/api/cron/${route}`, { headers: { authorization: "Bearer wrong" } }))).status()).toBe(401);
  }
  expect((await record(await other.post("/api/cron/housekeeping", { headers: { authorization: `Bearer ${secrets.CRON_SECRET}` } }))).status()).toBe(200);
  expect((await record(await other.post("/api/cron/revalidate", { headers: { authorization: `Bearer ${secrets.CRON_SECRET}`, "content-type": "application/json" }, data: "{}" }))).status()).toBe(200);
  expect((await record(await other.post("/api/cron/revalidate", { headers: { authorization: `Bearer ${secrets.CRON_SECRET}`, "content-type": "application/json" }, data: "{" }))).status()).toBe(400);

  // The operator view: with the token, and a wrong one.
  expect((await record(await other.get("/admin", { headers: { authorization: `Bearer ${secrets.ADMIN_TOKEN}`, "x-forwarded-for": "192.0.2.44" } }))).status()).toBe(200);
  expect((await record(await other.get("/admin", { headers: { authorization: "Bearer wrong-token-wrong-token", "x-forwarded-for": "192.0.2.44" } }))).status()).toBeLessThan(500);

  // A sign-up mailed over authenticated SMTP (signed links use APP_SECRET), and one refused.
  expect(await signUp(other, BASES[0]!, `secrets-${Date.now()}@example.org`, "192.0.2.45")).toContain("check your inbox");
  expect(await signUp(clients[1]!, BASES[1]!, `refused-${Date.now()}@example.org`, "192.0.2.45")).toContain("check your inbox");
  // A notice whose first attempt fails is retried by the queue after 30 s (lib/subscribers/notices.ts).
  await expect
    .poll(() => received.length, { timeout: 75_000 })
    .toBeGreaterThanOrEqual(1)
    .catch((error: unknown) => {
      console.error(`server output when no notice arrived:\n${output.slice(-8000)}`);
      throw error;
    });
  expect(smtpLogins).toBeGreaterThan(0);
  await expect.poll(() => output, { timeout: 30_000 }).toMatch(/550|No such user/);

  // Public pages and the API of the same instance.
  for (const path of ["/", "/search?q=quantization", "/api/papers?limit=3", "/api/health", "/feeds/trending.rss", "/api/openapi.json"]) await record(await other.get(path));

  expect(output.length).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(secrets)) {
    for (const form of [value, encodeURIComponent(value), Buffer.from(value).toString("base64")]) {
      expect(output.includes(form), `${name} in the server's output`).toBe(false);
      expect(responses.filter((r) => r.includes(form)), `${name} in a response`).toEqual([]);
    }
  }
});

test("the sign-up rate limit holds across two instances on one database", async () => {
  const clientIp = `198.51.100.${Math.floor(Math.random() * 200) + 20}`;
  const outcomes: string[] = [];
  // Ten sign-ups per client address per hour, alternating between the two servers.
  for (let i = 0; i < 11; i += 1) {
    const text = await signUp(clients[i % 2]!, BASES[i % 2]!, `limit-${i}-${Date.now()}@example.org`, clientIp);
    outcomes.push(text.includes("check your inbox") ? "ok" : text.includes("Too many sign-ups") ? "limited" : text);
  }
  // Each server saw 5 or 6: a counter per process would have let all 11 through.
  expect(outcomes).toEqual([...Array<string>(10).fill("ok"), "limited"]);
});

import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { E2E_CRON_SECRET } from "../support/e2e-secrets";
import { simpleParser } from "mailparser";
import pg from "pg";
import { requestFrom } from "../support/http-client";
import { type ActionCall, HTTP_CASES, type HttpCase } from "./bad-input.cases";

// Runs the bad-input corpus (tests/e2e/bad-input.cases.ts) against the real server of the
// browser tests: proxy, route handlers, pages and server actions as deployed. For
// every case: the status the table names (never a 5xx), a message, no stack trace, nothing
// echoed unescaped into HTML, no header injected, and the database exactly as before
// (row count and a hash of every table that holds content, subscribers and runs).
// Rate-limit counters and the queue's own tables are left out: counting requests is their job.

const DATABASE_URL = process.env.E2E_DATABASE_URL;
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = process.env.E2E_DATA_DIR ?? `.test-data/e2e-${PORT}`;
const CRON_SECRET = E2E_CRON_SECRET;
const TABLES = ["papers", "tags", "paper_tags", "paper_snapshots", "search_words", "app_settings", "ingest_runs", "subscribers", "digest_runs", "digest_deliveries", "digest_delivery_papers"];

// Snapshots need a second connection to the server's database: PostgreSQL only (npm test
// uses it whenever a server is reachable; the embedded fallback is one process's folder).
test.skip(!DATABASE_URL, "The bad-input corpus compares database snapshots, so it needs E2E_DATABASE_URL (PostgreSQL).");

let db: pg.Client;
const tokens: Record<string, string> = { cron: CRON_SECRET };
let actionIds: Record<string, string> = {};
const fiveHundreds: string[] = [];

async function snapshot(): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await db.query<{ n: string; h: string }>(`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
    result[table] = `${rows[0]!.n} rows, ${rows[0]!.h}`;
  }
  return result;
}

/** The newest email to `address` whose text has a link to `linkPath`, as plain text. */
async function linkTokenFromOutbox(address: string, linkPath: string): Promise<string> {
  const dir = path.join(DATA_DIR, "outbox");
  let token: string | undefined;
  await expect(async () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
      const mail = await simpleParser(readFileSync(path.join(dir, file)));
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
      if (!to.some((t) => t.text.includes(address))) continue;
      const match = new RegExp(`${linkPath.replace(/[/?]/g, "\\$&")}\\?token=([\\w.-]+)`).exec(mail.text ?? "");
      if (match) token = match[1];
    }
    expect(token).toBeDefined();
  }).toPass({ timeout: 30_000 });
  return token!;
}

function actionBody(action: ActionCall): { body: Buffer | string; contentType: string } {
  if (action.raw) return { body: action.raw.body, contentType: action.raw.contentType };
  // React's wire format for (previous state, FormData): the form's fields prefixed with its
  // part id, and the argument list in part "0" (what encodeReply sends from the browser).
  const boundary = `----corpus${randomBytes(8).toString("hex")}`;
  const parts: [string, string][] = [...(action.fields ?? []).map(([k, v]): [string, string] => [`_1_${k}`, fill(v)]), ["0", action.root ?? '[{"status":"idle"},"$K1"]']];
  const body = Buffer.concat([
    ...parts.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, "utf8")),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Fields as a browser without JavaScript posts them: the form's own names, no part "0". */
function formBody(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----corpus${randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    ...fields.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${fill(value)}\r\n`, "utf8")),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name] ?? actionIds[name] ?? whole);

async function send(request: APIRequestContext, c: HttpCase, baseURL: string): Promise<APIResponse> {
  const headers: Record<string, string> = Object.fromEntries(Object.entries(c.headers ?? {}).map(([k, v]) => [k, fill(v)]));
  // A Buffer: Playwright would JSON-encode a string sent as application/json.
  let data: Buffer | undefined = c.body === undefined ? undefined : Buffer.from(fill(c.body), "utf8");
  if (c.bodyBytes) data = Buffer.alloc(c.bodyBytes, "a");
  if (c.action) {
    const { body, contentType } = actionBody(c.action);
    data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    Object.assign(headers, { "next-action": c.action.id ?? actionIds[c.action.name]!, "content-type": contentType, origin: baseURL, accept: "text/x-component" }, c.action.headers);
  }
  if (c.form) {
    const { body, contentType } = formBody(c.form.fields);
    data = body;
    Object.assign(headers, { "content-type": contentType, origin: baseURL, accept: "text/html" }, c.form.headers);
  }
  return request.fetch(fill(c.path), { method: c.method ?? "GET", headers, data, maxRedirects: 0, failOnStatusCode: false, timeout: 20_000 });
}

test.beforeAll(async ({ request, baseURL }) => {
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  actionIds = Object.fromEntries(Object.entries(manifest.node).map(([id, entry]) => [entry.exportedName, id]));

  // Real subscribers, through the real forms, for the token cases: one confirmed (its used
  // confirmation token and its manage token), one pending whose link then expires, and one
  // still waiting for confirmation.
  // From a client address of their own (a loopback source address: the server takes the
  // client from the socket), so they never use up the sign-up budget of other specs.
  const clientAddress = `127.1.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const signUp = async (email: string) => {
    const { body, contentType } = actionBody({ name: "subscribeAction", page: "/subscribe", fields: [["email", email], ["frequency", "daily"]] });
    const response = await requestFrom(`${baseURL}/subscribe`, {
      localAddress: clientAddress,
      body,
      headers: { "content-type": contentType, "next-action": actionIds.subscribeAction!, origin: baseURL!, accept: "text/x-component" },
    });
    expect(response.text).toContain("check your inbox");
  };
  const stamp = Date.now();
  const active = `corpus-active-${stamp}@example.org`;
  const pending = `corpus-pending-${stamp}@example.org`;
  const waiting = `corpus-waiting-${stamp}@example.org`;
  await signUp(active);
  await signUp(pending);
  await signUp(waiting);
  tokens.confirm = await linkTokenFromOutbox(active, "/subscribe/confirm");
  const confirmed = await send(request, { id: "setup", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", tokens.confirm], ["frequency", "daily"]] }, status: 200 }, baseURL!);
  tokens.manage = /\/manage\?token=([\w.-]+)/.exec(await confirmed.text())?.[1] ?? "";
  expect(tokens.manage).not.toBe("");
  tokens.confirmExpired = await linkTokenFromOutbox(pending, "/subscribe/confirm");
  tokens.confirmPending = await linkTokenFromOutbox(waiting, "/subscribe/confirm");
  await db.query("UPDATE subscribers SET confirm_expires_at = now() - interval '1 day' WHERE email = $1", [pending]);
  const signature = tokens.confirm.split(".")[1]!;
  tokens.confirmAltered = `${tokens.confirm.split(".")[0]}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
  tokens.forged = `${randomUUID()}.${randomBytes(32).toString("base64url")}`;
  // The last of 43 base64url characters carries 2 unused bits: a token that differs only
  // there decodes to the same bytes, and must still be refused.
  const manageSignature = tokens.manage.split(".")[1]!;
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const sibling = alphabet[alphabet.indexOf(manageSignature.at(-1)!) + 1]!;
  tokens.manageNonCanonical = `${tokens.manage.split(".")[0]}.${manageSignature.slice(0, -1)}${sibling}`;
});

test.afterAll(async () => {
  await db?.end();
  console.log(`bad-input corpus: ${HTTP_CASES.length} HTTP cases, ${fiveHundreds.length} answered with a 5xx${fiveHundreds.length ? `: ${fiveHundreds.join("; ")}` : ""}`);
});

test("the corpus has over 200 cases with unique names", () => {
  expect(HTTP_CASES.length).toBeGreaterThan(200);
  expect(new Set(HTTP_CASES.map((c) => c.id)).size).toBe(HTTP_CASES.length);
});

const STACK_TRACE = /\n\s+at [\w.<>]+ \(|node_modules\/|\.next\/server\//;
/** Markup from the payloads that must never appear as markup in an HTML answer. */
const INJECTED_SCRIPT = /<script>window\.__xss/i;
const LIVE_MARKUP = [/<img src=x onerror/i, /<svg\/onload/i, /<iframe srcdoc/i, /href="javascript:/i, /<[a-z]+[^>]* onfocus='window/i];
/** Next's own scripts carry the page's data as JS strings (with "<" escaped): not markup. */
const withoutScriptBodies = (html: string) => html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");

for (const c of HTTP_CASES) {
  test(`${c.method ?? "GET"} ${c.id}`, async ({ request, baseURL }) => {
    const before = await snapshot();
    const response = await send(request, c, baseURL!);
    const status = response.status();
    if (status >= 500) fiveHundreds.push(`${c.id} (${status})`);
    const text = await response.text();
    expect(status, `${c.id}: ${text.slice(0, 300)}`).toBe(c.status);

    const type = response.headers()["content-type"] ?? "";
    if (type.includes("application/json") && status >= 400) {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      expect(body.error?.code).toMatch(/^[a-z_]+$/);
      expect(body.error?.message).toBeTruthy();
      if (c.message) expect(body.error?.message).toMatch(c.message);
    } else if (c.message) {
      expect(c.message.test(text), `${c.message} in ${text.slice(0, 300)}`).toBe(true);
    }
    if (status >= 400 && !c.bodyless) expect(text.trim().length, "a refusal says why").toBeGreaterThan(0);
    expect(STACK_TRACE.exec(text)?.[0] ?? null, "a stack trace").toBeNull();
    if (type.includes("text/html")) {
      expect(INJECTED_SCRIPT.test(text), "an injected <script>").toBe(false);
      const markup = withoutScriptBodies(text);
      expect(LIVE_MARKUP.filter((pattern) => pattern.test(markup)).map(String)).toEqual([]);
    }
    if (c.location) expect(response.headers().location).toMatch(c.location);
    const headers = response.headersArray();
    expect(headers.filter((h) => /^x-injected$/i.test(h.name) || (/^set-cookie$/i.test(h.name) && h.value.includes("injected")))).toEqual([]);

    expect(await snapshot(), "the database is unchanged").toEqual(before);
  });
}

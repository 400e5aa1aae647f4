import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ADMIN_SESSION_SECONDS,
  checkAdminAccess,
  createAdminSession,
  isAdminToken,
  isValidAdminSession,
  revokeAdminSession,
  sessionCookieFrom,
  signInAdmin,
  withAdminAuth,
} from "@/lib/admin/auth";
import { deleteExpiredAdminSessions } from "@/lib/admin/sessions";
import { HOUSEKEEPING_TASKS } from "@/lib/jobs/housekeeping";
import { countSubscribersByStatus, getAdminOverview, getDeliveryState, listActivity, listDigestRunProgress, listFailedDeliveries } from "@/lib/admin/queries";
import { ADMIN_CLIENT_BACKOFF, ADMIN_GLOBAL_FAILURES } from "@/lib/admin/lockout";
import { retryFailedDelivery } from "@/lib/admin/retry-delivery";
import { POST as RETRY_ROUTE } from "@/app/api/admin/deliveries/[id]/retry/route";
import { GET as OVERVIEW_ROUTE, POST as OVERVIEW_POST } from "@/app/api/admin/overview/route";
import { getDb } from "@/lib/db";
import { startDigestRuns } from "@/lib/digest/runs";
import { resetEnvForTests } from "@/lib/env";
import { upsertPapers } from "@/lib/ingest/upsert";
import { finishIngestRun, startIngestRun } from "@/lib/ingest/ingest-runs";
import { addDays, todayUtc } from "@/lib/papers/dates";
import { startMailWorkers, stopMailWorkers, insertActiveSubscribers, waitForRunCompleted } from "./helpers/digest";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";
import { type SmtpReply, type TestSmtpServer } from "./helpers/smtp-server";

// The operator view's library (lib/admin): who gets in (token compare, session cookie,
// bearer, rate limit), what it reads (subscribers, runs, failures, the activity series) and
// what its Retry does to the digest state machine (only failed deliveries, same Message-ID,
// sent once through the real queue workers and a real SMTP server).

const TOKEN = "integration-admin-token-0123456789";
const today = todayUtc();

let smtp: TestSmtpServer;
let onMessage: (to: string, attempt: number) => SmtpReply | null = () => null;
let onRecipient: (address: string) => SmtpReply | null = () => null;

function setAdminToken(token: string | undefined) {
  if (token === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = token;
  resetEnvForTests();
}

beforeAll(async () => {
  smtp = await startMailWorkers({ onRecipient: (address) => onRecipient(address), onMessage: (message, attempt) => onMessage(message.to, attempt) }, { DIGEST_MAX_ATTEMPTS: "2" });
});

afterAll(async () => {
  await stopMailWorkers(smtp);
  setAdminToken(undefined);
});

beforeEach(async () => {
  await truncateAll();
  setAdminToken(TOKEN);
  smtp.messages.length = 0;
  smtp.attempts.clear();
  onMessage = () => null;
  onRecipient = () => null;
});

describe("admin auth", () => {
  it("compares the token in constant time and refuses everything while ADMIN_TOKEN is unset", async () => {
    expect(isAdminToken(TOKEN)).toBe(true);
    expect(isAdminToken(`${TOKEN}x`)).toBe(false);
    expect(isAdminToken(TOKEN.slice(0, -1))).toBe(false);
    expect(isAdminToken("")).toBe(false);
    expect(isAdminToken("x".repeat(10_000))).toBe(false);

    setAdminToken(undefined);
    expect(isAdminToken("")).toBe(false);
    expect(isAdminToken(TOKEN)).toBe(false);
    expect(await checkAdminAccess({ authorization: `Bearer ${TOKEN}`, sessionCookie: undefined, clientIp: "10.0.0.1" })).toEqual({ kind: "closed" });
    expect(await signInAdmin({ token: TOKEN, clientIp: "10.0.0.1" })).toEqual({ kind: "closed" });
    await expect(createAdminSession()).rejects.toThrow(/ADMIN_TOKEN is not set/);
  });

  it("issues a session cookie that holds no token, expires, and dies when the token is rotated", async () => {
    const now = new Date();
    const session = await createAdminSession(now);
    expect(session.value).not.toContain(TOKEN);
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/);
    expect(await isValidAdminSession(session.value, now)).toBe(true);
    expect(await isValidAdminSession(session.value, new Date(now.getTime() + session.maxAgeSeconds * 1000 + 1000))).toBe(false);

    // Altered: another session id with this signature, a flipped signature character, garbage.
    const [sessionId, signature] = session.value.split(".") as [string, string];
    const other = await createAdminSession(now);
    expect(await isValidAdminSession(`${other.value.split(".")[0]}.${signature}`, now)).toBe(false);
    const flipped = signature[0] === "A" ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    expect(await isValidAdminSession(`${sessionId}.${flipped}`, now)).toBe(false);
    expect(await isValidAdminSession("garbage", now)).toBe(false);
    expect(await isValidAdminSession(undefined, now)).toBe(false);

    setAdminToken("a-rotated-admin-token-9876543210-abcdef");
    expect(await isValidAdminSession(session.value, now)).toBe(false);
  });

  it("ends a session on the server at sign-out: the same cookie no longer opens anything", async () => {
    const session = await createAdminSession();
    const copy = await createAdminSession();
    const cookie = `pp_admin=${session.value}`;
    const handler = withAdminAuth(async () => Response.json({ ok: true }));
    const call = () => handler(new Request("http://localhost/api/admin/overview", { headers: { cookie } }), {});
    expect((await call()).status).toBe(200);

    await revokeAdminSession(session.value);
    expect(await isValidAdminSession(session.value)).toBe(false);
    expect((await call()).status).toBe(401);
    expect(await checkAdminAccess({ authorization: null, sessionCookie: session.value, clientIp: "10.0.0.9" })).toEqual({ kind: "denied", reason: "missing" });
    // Only that session: another one (another browser) goes on.
    expect(await isValidAdminSession(copy.value)).toBe(true);
    // A forged cookie revokes nothing and reads nothing.
    await revokeAdminSession(`${copy.value.split(".")[0]}.${"A".repeat(43)}`);
    expect(await isValidAdminSession(copy.value)).toBe(true);
  });

  it("keeps sessions in admin_sessions and housekeeping removes expired ones", async () => {
    const now = new Date();
    await createAdminSession(new Date(now.getTime() - (ADMIN_SESSION_SECONDS + 60) * 1000));
    const live = await createAdminSession(now);
    const db = await getDb();
    expect(await db.adminSession.count()).toBe(2);
    expect(await deleteExpiredAdminSessions(now)).toBe(1);
    expect(await db.adminSession.count()).toBe(1);
    expect(await isValidAdminSession(live.value)).toBe(true);
    expect(Object.keys(HOUSEKEEPING_TASKS)).toContain("expiredAdminSessions");
  });

  it("grants a valid session or bearer token, denies the rest, and finds the cookie in a Cookie header", async () => {
    const session = await createAdminSession();
    expect(await checkAdminAccess({ authorization: null, sessionCookie: session.value, clientIp: "10.0.0.2" })).toEqual({ kind: "granted", via: "session" });
    expect(await checkAdminAccess({ authorization: `Bearer ${TOKEN}`, sessionCookie: undefined, clientIp: "10.0.0.2" })).toEqual({ kind: "granted", via: "bearer" });
    expect(await checkAdminAccess({ authorization: "Bearer wrong", sessionCookie: session.value, clientIp: "10.0.0.2" })).toEqual({ kind: "denied", reason: "wrong_token" });
    expect(await checkAdminAccess({ authorization: `Basic ${TOKEN}`, sessionCookie: undefined, clientIp: "10.0.0.2" })).toEqual({ kind: "denied", reason: "missing" });
    expect(await checkAdminAccess({ authorization: null, sessionCookie: undefined, clientIp: "10.0.0.2" })).toEqual({ kind: "denied", reason: "missing" });
    expect(sessionCookieFrom(`theme=dark; pp_admin=${session.value}; other=1`)).toBe(session.value);
    expect(sessionCookieFrom("theme=dark")).toBeUndefined();
    expect(sessionCookieFrom(null)).toBeUndefined();
  });

  it("signs in with the right token; past the free failures a client waits, even with the right token, and other clients do not", async () => {
    expect(await signInAdmin({ token: "", clientIp: "10.0.0.3" })).toMatchObject({ kind: "invalid" });
    expect(await signInAdmin({ token: null, clientIp: "10.0.0.3" })).toMatchObject({ kind: "invalid" });
    const signedIn = await signInAdmin({ token: `  ${TOKEN}\n`, clientIp: "10.0.0.3" });
    expect(signedIn.kind).toBe("signed_in");
    if (signedIn.kind === "signed_in") expect(await isValidAdminSession(signedIn.session.value)).toBe(true);

    const free = ADMIN_CLIENT_BACKOFF.freeFailures;
    for (let i = 0; i < free; i += 1) expect(await signInAdmin({ token: `guess-${i}`, clientIp: "10.0.0.4" })).toEqual({ kind: "wrong_token" });
    // Now this client waits; even the right token is refused, so guessing learns nothing more.
    expect(await signInAdmin({ token: "guess-next", clientIp: "10.0.0.4" })).toEqual({ kind: "rate_limited", retryAfterSeconds: expect.any(Number) });
    expect(await signInAdmin({ token: TOKEN, clientIp: "10.0.0.4" })).toMatchObject({ kind: "rate_limited" });
    expect(await checkAdminAccess({ authorization: `Bearer ${TOKEN}`, sessionCookie: undefined, clientIp: "10.0.0.4" })).toMatchObject({ kind: "rate_limited" });
    // Another client is not locked out by this one; the counter lives in the shared table.
    expect((await signInAdmin({ token: TOKEN, clientIp: "10.0.0.5" })).kind).toBe("signed_in");
    const db = await getDb();
    const key = `${ADMIN_CLIENT_BACKOFF.name}:10.0.0.4`;
    // Refused attempts count too: hammering only makes the wait longer.
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key } })).count).toBe(free + 3);
  });

  it("doubles the wait with each failure and lets the client in again once it has waited", async () => {
    const db = await getDb();
    const key = `${ADMIN_CLIENT_BACKOFF.name}:10.0.0.8`;
    const age = (seconds: number) => db.$executeRaw`UPDATE rate_limits SET window_start = window_start - make_interval(secs => ${seconds}) WHERE key = ${key}`;
    for (let i = 0; i < ADMIN_CLIENT_BACKOFF.freeFailures; i += 1) await signInAdmin({ token: `guess-${i}`, clientIp: "10.0.0.8" });
    const first = ADMIN_CLIENT_BACKOFF.firstDelaySeconds;
    // The last failure as long ago as the wait: one more attempt, which fails and doubles it.
    await age(first);
    expect(await signInAdmin({ token: "guess-after-wait", clientIp: "10.0.0.8" })).toEqual({ kind: "wrong_token" });
    expect(await signInAdmin({ token: TOKEN, clientIp: "10.0.0.8" })).toEqual({ kind: "rate_limited", retryAfterSeconds: first * 4 });
    // Waiting out the (now longer) delay: the right token gets in and clears the failures.
    await age(first * 4);
    expect((await signInAdmin({ token: TOKEN, clientIp: "10.0.0.8" })).kind).toBe("signed_in");
    expect(await db.rateLimit.findUnique({ where: { key } })).toBeNull();
  });

  it("never counts the right token, and lets no parallel burst past the free failures", async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await signInAdmin({ token: TOKEN, clientIp: "10.0.0.6" })).kind).toBe("signed_in");
      expect(await checkAdminAccess({ authorization: `Bearer ${TOKEN}`, sessionCookie: undefined, clientIp: "10.0.0.6" })).toEqual({ kind: "granted", via: "bearer" });
    }
    const db = await getDb();
    expect(await db.rateLimit.findUnique({ where: { key: `${ADMIN_CLIENT_BACKOFF.name}:10.0.0.6` } })).toBeNull();
    // Parallel wrong guesses queue on the client's row: no more than the free failures are compared.
    const guesses = await Promise.all(Array.from({ length: ADMIN_CLIENT_BACKOFF.freeFailures + 10 }, (_, i) => signInAdmin({ token: `parallel-${i}`, clientIp: "10.0.0.7" })));
    expect(guesses.filter((g) => g.kind === "wrong_token")).toHaveLength(ADMIN_CLIENT_BACKOFF.freeFailures);
    expect(guesses.filter((g) => g.kind === "rate_limited")).toHaveLength(10);
  });

  it("past the global failure limit every client waits after one failure, yet the right token still gets in from any other client", async () => {
    const clients = Math.ceil(ADMIN_GLOBAL_FAILURES.limit / ADMIN_CLIENT_BACKOFF.freeFailures);
    for (let c = 0; c < clients; c += 1) {
      for (let i = 0; i < ADMIN_CLIENT_BACKOFF.freeFailures; i += 1) await signInAdmin({ token: `swarm-${c}-${i}`, clientIp: `10.1.0.${c}` });
    }
    expect((await signInAdmin({ token: TOKEN, clientIp: "10.2.0.1" })).kind).toBe("signed_in");
    expect(await checkAdminAccess({ authorization: `Bearer ${TOKEN}`, sessionCookie: undefined, clientIp: "10.2.0.2" })).toEqual({ kind: "granted", via: "bearer" });
    // A new client that fails once now waits the longest delay, not after the free failures.
    expect(await signInAdmin({ token: "one-guess", clientIp: "10.2.0.3" })).toEqual({ kind: "wrong_token" });
    expect(await signInAdmin({ token: TOKEN, clientIp: "10.2.0.3" })).toEqual({ kind: "rate_limited", retryAfterSeconds: ADMIN_CLIENT_BACKOFF.maxDelaySeconds });
    expect((await signInAdmin({ token: TOKEN, clientIp: "10.2.0.4" })).kind).toBe("signed_in");
  });

  it("guards API route handlers: 404 when closed, 401 without credentials, the handler with them", async () => {
    const handler = withAdminAuth(async () => Response.json({ ok: true }));
    const call = (headers: Record<string, string>) => handler(new Request("http://localhost/api/admin/overview", { headers }), {});

    const missing = await call({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("ADMIN_TOKEN") } });
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect((await call({ authorization: "Bearer nope" })).status).toBe(401);
    expect((await call({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await call({ cookie: `pp_admin=${(await createAdminSession()).value}` })).status).toBe(200);
    const wrongBody = await (await call({ authorization: "Bearer nope" })).text();
    expect(wrongBody).not.toContain(TOKEN);

    setAdminToken(undefined);
    const closed = await call({ authorization: `Bearer ${TOKEN}` });
    expect(closed.status).toBe(404);
    expect(await closed.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves the JSON routes: overview, retry with a bad id, wrong methods, all behind the gate", async () => {
    const bearer = { authorization: `Bearer ${TOKEN}` };
    const overview = await OVERVIEW_ROUTE(new Request("http://localhost/api/admin/overview", { headers: bearer }), {});
    expect(overview.status).toBe(200);
    expect(overview.headers.get("cache-control")).toBe("no-store");
    expect(overview.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(await overview.json()).toMatchObject({ subscribers: { total: 0 }, failedDeliveries: { total: 0, items: [] }, active: false });

    const retry = (id: string, headers: Record<string, string>) =>
      RETRY_ROUTE(new Request(`http://localhost/api/admin/deliveries/${id}/retry`, { method: "POST", headers }), { params: Promise.resolve({ id }) });
    expect(await (await retry("not-a-uuid", bearer)).json()).toEqual({ error: { code: "bad_request", message: "id must be a delivery id (a UUID)" } });
    expect((await retry("00000000-0000-4000-8000-000000000000", bearer)).status).toBe(404);
    expect((await retry("00000000-0000-4000-8000-000000000000", {})).status).toBe(401);

    const post = (headers: Record<string, string>) => OVERVIEW_POST(new Request("http://localhost/api/admin/overview", { method: "POST", headers }), {});
    expect((await post(bearer)).status).toBe(405);
    expect((await post({})).status).toBe(401);
    setAdminToken(undefined);
    expect((await post(bearer)).status).toBe(404);
    expect((await OVERVIEW_ROUTE(new Request("http://localhost/api/admin/overview", { headers: bearer }), {})).status).toBe(404);
  });

  it("refuses a state-changing admin request from another site with 403, session cookie or not", async () => {
    const session = await createAdminSession();
    const id = "00000000-0000-4000-8000-000000000000";
    const retry = (headers: Record<string, string>) =>
      RETRY_ROUTE(new Request(`http://localhost/api/admin/deliveries/${id}/retry`, { method: "POST", headers: { host: "localhost", ...headers } }), { params: Promise.resolve({ id }) });
    const cookie = { cookie: `pp_admin=${session.value}` };

    const foreigns: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: "http://localhost.evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site", origin: "http://localhost" }];
    for (const foreign of foreigns) {
      const response = await retry({ ...cookie, ...foreign });
      expect(response.status, JSON.stringify(foreign)).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Forms and operator actions are accepted from this site only." } });
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    // A cross-site request is refused before the token is compared: it never counts as a guess.
    expect((await retry({ authorization: "Bearer wrong", origin: "https://evil.example" })).status).toBe(403);
    const db = await getDb();
    expect(await db.rateLimit.count({ where: { key: { startsWith: ADMIN_CLIENT_BACKOFF.name } } })).toBe(0);

    // This site, through a proxy that says so, or no browser at all: on to the credentials.
    expect((await retry({ ...cookie, origin: "http://localhost", "sec-fetch-site": "same-origin" })).status).toBe(404);
    expect((await retry({ ...cookie, origin: "https://paperpulse.example", "x-forwarded-host": "paperpulse.example" })).status).toBe(404);
    expect((await retry({ authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    // Reading is not changing: a cross-site GET still gets the route's own answer.
    expect((await OVERVIEW_ROUTE(new Request("http://localhost/api/admin/overview", { headers: { ...cookie, origin: "https://evil.example" } }), {})).status).toBe(200);
    // Closed stays closed: 404 for everything, cross-site or not.
    setAdminToken(undefined);
    expect((await retry({ ...cookie, origin: "https://evil.example" })).status).toBe(404);
  });
});

describe("admin queries", () => {
  it("counts subscribers by status and active ones by frequency", async () => {
    await insertActiveSubscribers([{ email: "a@example.org" }, { email: "b@example.org", frequency: "weekly" }, { email: "c@example.org" }]);
    const db = await getDb();
    await db.subscriber.createMany({
      data: [
        { email: "p@example.org", status: "pending", topics: [] },
        { email: "u@example.org", status: "unsubscribed", topics: [], confirmedAt: new Date(), unsubscribedAt: new Date() },
        { email: "s@example.org", status: "suspended", topics: [], confirmedAt: new Date(), suspendedAt: new Date() },
      ],
    });
    expect(await countSubscribersByStatus()).toEqual({
      byStatus: { pending: 1, active: 3, unsubscribed: 1, suspended: 1 },
      total: 6,
      activeDaily: 2,
      activeWeekly: 1,
    });
  });

  it("counts a sending run live from its deliveries and a completed run from its row", async () => {
    const [a, b, c] = await insertActiveSubscribers([{ email: "a@example.org" }, { email: "b@example.org" }, { email: "c@example.org" }]);
    const db = await getDb();
    // Rows written straight into the tables, with no queue job: nothing sends them meanwhile.
    const sending = await db.digestRun.create({
      data: { frequency: "daily", period: today, periodStart: new Date(`${today}T00:00:00Z`), periodEnd: new Date(`${today}T00:00:00Z`), trigger: "test", totalCount: 3, pendingCount: 3, chunkCount: 1 },
    });
    const message = (id: string) => `<digest.test.${id}@paperpulse.test>`;
    await db.digestDelivery.createMany({
      data: [
        { runId: sending.id, subscriberId: a!, chunk: 0, status: "sent", messageId: message(a!), sentAt: new Date() },
        { runId: sending.id, subscriberId: b!, chunk: 0, status: "sending", messageId: message(b!) },
        { runId: sending.id, subscriberId: c!, chunk: 0, status: "pending", messageId: message(c!) },
      ],
    });
    const yesterday = addDays(today, -1);
    await db.digestRun.create({
      data: {
        frequency: "daily", period: yesterday, periodStart: new Date(`${yesterday}T00:00:00Z`), periodEnd: new Date(`${yesterday}T00:00:00Z`), trigger: "cron",
        status: "completed", startedAt: new Date(Date.now() - 86_400_000), finishedAt: new Date(), totalCount: 5, sentCount: 3, failedCount: 1, skippedCount: 1,
      },
    });
    const runs = await listDigestRunProgress();
    expect(runs.map((run) => [run.key, run.status, run.live])).toEqual([
      [`daily:${today}`, "sending", true],
      [`daily:${yesterday}`, "completed", false],
    ]);
    expect(runs[0]!.progress).toEqual({ total: 3, pending: 1, sending: 1, sent: 1, failed: 0, skipped: 0 });
    expect(runs[1]!.progress).toEqual({ total: 5, pending: 0, sending: 0, sent: 3, failed: 1, skipped: 1 });
    expect((await getAdminOverview()).active).toBe(true);
  });

  it("draws subscribers and sends per UTC day", async () => {
    const now = new Date(`${today}T12:00:00Z`);
    const day = (offset: number, time = "10:00:00") => new Date(`${addDays(today, offset)}T${time}Z`);
    const [, , leaver] = await insertActiveSubscribers([
      { email: "early@example.org", confirmedAt: day(-5) },
      { email: "later@example.org", confirmedAt: day(-2) },
      { email: "leaver@example.org", confirmedAt: day(-4) },
    ]);
    const db = await getDb();
    await db.subscriber.update({ where: { id: leaver! }, data: { status: "unsubscribed", unsubscribedAt: day(-1) } });
    // Sends are read from the runs' recounted counts, by the day the run started.
    await db.digestRun.create({
      data: {
        frequency: "daily", period: addDays(today, -3), periodStart: day(-3, "00:00:00"), periodEnd: day(-3, "00:00:00"), trigger: "test", status: "completed",
        startedAt: day(-3, "07:00:00"), totalCount: 2, sentCount: 1, failedCount: 1,
      },
    });
    await db.digestRun.create({
      data: {
        frequency: "weekly", period: "2020-W01", periodStart: day(-40, "00:00:00"), periodEnd: day(-34, "00:00:00"), trigger: "test", status: "completed",
        startedAt: day(-40, "07:00:00"), totalCount: 9, sentCount: 9,
      },
    });
    const activity = await listActivity(6, now);
    expect(activity.map((d) => [d.day, d.subscribers, d.sent, d.failed])).toEqual([
      [addDays(today, -5), 1, 0, 0],
      [addDays(today, -4), 2, 0, 0],
      [addDays(today, -3), 2, 1, 1],
      [addDays(today, -2), 3, 0, 0],
      [addDays(today, -1), 2, 0, 0],
      [today, 2, 0, 0],
    ]);
  });

  it("lists recent ingest runs with their counts and errors in the overview", async () => {
    const run = await startIngestRun("huggingface:2026-11-28", "cron");
    await finishIngestRun(run.id, { status: "partial", newCount: 4, updatedCount: 2, unchangedCount: 1, failedCount: 1, errors: [{ id: "2611.00001", message: "title is empty" }], durationMs: 1234 });
    const overview = await getAdminOverview();
    expect(overview.ingestRuns).toHaveLength(1);
    expect(overview.ingestRuns[0]).toMatchObject({ source: "huggingface:2026-11-28", status: "partial", newCount: 4, updatedCount: 2, failedCount: 1, errors: [{ id: "2611.00001", message: "title is empty" }] });
    expect(overview.active).toBe(false);
    expect(JSON.stringify(overview)).not.toContain(TOKEN);
  });
});

describe("retrying a failed delivery", () => {
  async function failedRun() {
    await upsertPapers([makePaper({ id: "2611.30001", upvotes: 10, listedOn: today }), makePaper({ id: "2611.30002", upvotes: 3, listedOn: today })], { today });
    await insertActiveSubscribers([{ email: "refused@example.org" }, { email: "fine@example.org" }, { email: "bounced@example.org" }]);
    onMessage = (to) => (to === "refused@example.org" ? { code: 554, message: "5.7.1 Message refused" } : null);
    onRecipient = (address) => (address === "bounced@example.org" ? { code: 550, message: "5.1.1 No such user" } : null);
    const [started] = await startDigestRuns({ trigger: "test", frequencies: ["daily"] });
    const run = await waitForRunCompleted(started!.runId, 60_000);
    const db = await getDb();
    const deliveries = await db.digestDelivery.findMany({ where: { runId: run.id }, include: { subscriber: true } });
    const byEmail = new Map(deliveries.map((d) => [d.subscriber.email, d]));
    return { run, refused: byEmail.get("refused@example.org")!, fine: byEmail.get("fine@example.org")!, bounced: byEmail.get("bounced@example.org")! };
  }

  it("lists failed deliveries with their reasons", async () => {
    const { refused } = await failedRun();
    const failed = await listFailedDeliveries();
    expect(failed.total).toBe(2);
    const item = failed.items.find((d) => d.email === "refused@example.org");
    expect(item).toMatchObject({ id: refused.id, runKey: `daily:${today}`, subscriberStatus: "active", failureKind: "rejected", smtpCode: 554, attempts: 1, messageId: refused.messageId });
    expect(item!.lastError).toContain("Message refused");
  });

  it("requeues only a failed delivery, once, and it is sent under the same Message-ID", async () => {
    const { run, refused, fine } = await failedRun();
    expect(refused).toMatchObject({ status: "failed", failureKind: "rejected" });
    expect(smtp.attempts.get(refused.messageId)).toBe(1);

    // A sent delivery is never touched, nor an unknown one.
    expect(await retryFailedDelivery(fine.id)).toEqual({ kind: "not_failed", status: "sent" });
    expect(await retryFailedDelivery("00000000-0000-4000-8000-000000000000")).toEqual({ kind: "not_found" });

    // The server takes it this time. Two retries at once: one requeues, the other finds it pending.
    onMessage = () => null;
    const outcomes = await Promise.all([retryFailedDelivery(refused.id), retryFailedDelivery(refused.id)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["not_failed", "requeued"]);
    const requeued = outcomes.find((o) => o.kind === "requeued");
    expect(requeued).toMatchObject({ runId: run.id, messageId: refused.messageId });

    const completed = await waitForRunCompleted(run.id, 60_000);
    expect(completed).toMatchObject({ status: "completed", sentCount: 2, failedCount: 1 });
    const db = await getDb();
    const after = await db.digestDelivery.findUniqueOrThrow({ where: { id: refused.id }, include: { papers: true } });
    expect(after).toMatchObject({ status: "sent", messageId: refused.messageId, failureKind: null, smtpCode: null, lastError: null, attempts: 1, claimedBy: null });
    expect(after.papers.map((p) => p.paperId).sort()).toEqual(["2611.30001", "2611.30002"]);
    // Reached the server twice (refused, then accepted), accepted once, under its Message-ID.
    expect(smtp.attempts.get(refused.messageId)).toBe(2);
    expect(smtp.byRecipient("refused@example.org").map((m) => m.messageId)).toEqual([refused.messageId]);
    expect(smtp.byRecipient("fine@example.org")).toHaveLength(1);

    expect(await getDeliveryState(refused.id)).toEqual({ id: refused.id, email: "refused@example.org", runKey: `daily:${today}`, status: "sent", messageId: refused.messageId, lastError: null });
    expect((await listFailedDeliveries()).items.map((d) => d.email)).toEqual(["bounced@example.org"]);
    expect((await listFailedDeliveries()).total).toBe(1);

    // Sent now: a second retry does nothing and nothing more goes out.
    expect(await retryFailedDelivery(refused.id)).toEqual({ kind: "not_failed", status: "sent" });
    expect(smtp.byRecipient("refused@example.org")).toHaveLength(1);
  });

  it("refuses to retry a delivery whose subscriber was suspended by a hard bounce", async () => {
    const { run, bounced } = await failedRun();
    expect(bounced).toMatchObject({ status: "failed", failureKind: "hard_bounce" });
    expect(await retryFailedDelivery(bounced.id)).toEqual({ kind: "subscriber_inactive", subscriberStatus: "suspended" });
    const db = await getDb();
    expect(await db.digestDelivery.findUniqueOrThrow({ where: { id: bounced.id } })).toMatchObject({ status: "failed", failureKind: "hard_bounce" });
    expect(await db.digestRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "completed" });
  });
});

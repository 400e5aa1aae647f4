import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "../support/e2e-secrets";
import pg from "pg";

// The operator view in a browser: closed to anyone without the token, a wrong token refused,
// the right one shows every section, and Retry on a failed delivery sends it again through the
// real queue worker, under the same Message-ID. The e2e server runs with ADMIN_TOKEN set
// (playwright.config.ts); the unset case (a 404 everywhere) is covered by
// tests/integration/admin.test.ts.

const ADMIN_TOKEN = E2E_ADMIN_TOKEN;
const DATABASE_URL = process.env.E2E_DATABASE_URL;

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function signIn(page: Page, token: string) {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator sign-in");
  await page.getByLabel("Admin token").fill(token);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("the operator view", () => {
  test.beforeAll(async () => {
    // Other specs may have spent this address's sign-in budget (the counter is in the
    // shared database); start from a clean one.
    if (DATABASE_URL) await withDb((db) => db.query(`DELETE FROM rate_limits WHERE key LIKE 'admin-sign-in:%'`));
  });

  test("is closed without the token: a sign-in form, no figures, 401 from the API", async ({ page, request }) => {
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator sign-in");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("heading", { name: "Subscribers" })).toHaveCount(0);
    await expect(page.getByRole("table")).toHaveCount(0);

    const api = await request.get("/api/admin/overview");
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: "unauthorized" } });
    const retry = await request.post("/api/admin/deliveries/00000000-0000-4000-8000-000000000000/retry");
    expect(retry.status()).toBe(401);
  });

  test("refuses a wrong token and sets no cookie", async ({ page, context }) => {
    await signIn(page, "not-the-admin-token");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That token is not right.");
    await expect(page.getByRole("heading", { name: "Subscribers" })).toHaveCount(0);
    expect((await context.cookies()).filter((c) => c.name === "pp_admin")).toEqual([]);
    const bearer = await page.request.get("/api/admin/overview", { headers: { Authorization: "Bearer not-the-admin-token" } });
    expect(bearer.status()).toBe(401);
  });

  test("the right token opens every section behind an httpOnly, SameSite=Strict cookie", async ({ page, context, request }) => {
    await signIn(page, ADMIN_TOKEN);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator view");
    for (const name of [/^Subscribers$/, /^Subscribers and sends, last 30 days$/, /^Digest runs$/, /^Failed deliveries \(\d+\)$/, /^Recent ingest runs$/]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
    await expect(page.getByRole("img", { name: /Over the last 30 days: \d+ digests sent/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Ingest runs" }).or(page.getByText("No ingest run yet."))).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);

    const cookie = (await context.cookies()).find((c) => c.name === "pp_admin");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie!.value).not.toContain(ADMIN_TOKEN);
    expect(await page.content()).not.toContain(ADMIN_TOKEN);

    // Scripts: the same figures as JSON with the bearer token.
    const api = await request.get("/api/admin/overview", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(api.status()).toBe(200);
    expect(await api.json()).toMatchObject({ subscribers: { byStatus: expect.any(Object) }, digestRuns: expect.any(Array), failedDeliveries: { total: expect.any(Number) } });

    // Sign-out ends the session on the server: a copy of the cookie (another tab, a stolen
    // one) opens nothing afterwards, although it has not expired.
    const copied = { cookie: `pp_admin=${cookie!.value}` };
    expect((await request.get("/api/admin/overview", { headers: copied })).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator sign-in");
    expect((await context.cookies()).filter((c) => c.name === "pp_admin")).toEqual([]);
    expect((await request.get("/api/admin/overview", { headers: copied })).status()).toBe(401);
    const replayed = await request.get("/admin", { headers: copied });
    expect(await replayed.text()).toContain("Operator sign-in");
  });

  test("refuses operator actions from another site with 403, even with a live session", async ({ page, context, request }) => {
    await signIn(page, ADMIN_TOKEN);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Operator view");
    const cookie = (await context.cookies()).find((c) => c.name === "pp_admin")!;
    const headers = { cookie: `pp_admin=${cookie.value}` };
    const id = "00000000-0000-4000-8000-000000000000";
    for (const foreign of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const retry = await request.post(`/api/admin/deliveries/${id}/retry`, { headers: { ...headers, ...foreign } });
      expect(retry.status()).toBe(403);
      expect(await retry.json()).toEqual({ error: { code: "forbidden", message: "Forms and operator actions are accepted from this site only." } });
    }
    // The same request from this site reaches the route (no such delivery).
    expect((await request.post(`/api/admin/deliveries/${id}/retry`, { headers: { ...headers, origin: new URL(page.url()).origin } })).status()).toBe(404);
    // The session is untouched by the refused requests.
    expect((await request.get("/api/admin/overview", { headers })).status()).toBe(200);
  });

  test("Retry sends a failed delivery again, under the same Message-ID", async ({ page }) => {
    test.skip(!DATABASE_URL, "plants a failed delivery through PostgreSQL (E2E_DATABASE_URL); the embedded database belongs to the server process");
    const email = `e2e-admin-${Date.now()}@example.org`;
    // A delivery exactly as the sender leaves one after a 554 (lib/digest/deliver.ts,
    // recordFailure): failed, its papers released, the reason kept.
    const planted = await withDb(async (db) => {
      // An earlier day with papers: today's daily run belongs to the digest journey in
      // subscribe.spec.ts, and planting it here would leave that run already complete.
      const day = (
        await db.query<{ day: string | null }>(
          `SELECT max(listed_on)::text AS day FROM papers WHERE listed_on < (SELECT max(listed_on) FROM papers) - 1`,
        )
      ).rows[0]?.day;
      expect(day, "the e2e database has papers").toBeTruthy();
      const subscriber = await db.query<{ id: string }>(
        `INSERT INTO subscribers (id, email, status, frequency, topics, confirmed_at, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'active', 'daily', '{}', $2::text::date - 3, now(), now()) RETURNING id`,
        [email, day],
      );
      const subscriberId = subscriber.rows[0]!.id;
      await db.query(
        `INSERT INTO digest_runs (id, frequency, period, period_start, period_end, status, trigger, started_at, finished_at)
         VALUES (gen_random_uuid(), 'daily', $1::text, $1::text::date, $1::text::date, 'completed', 'test', now(), now())
         ON CONFLICT (frequency, period) DO NOTHING`,
        [day],
      );
      const runId = (await db.query<{ id: string }>(`SELECT id FROM digest_runs WHERE frequency = 'daily' AND period = $1::text`, [day])).rows[0]!.id;
      const messageId = `<digest.daily-${day}.${subscriberId}@e2e.paperpulse.test>`;
      const delivery = await db.query<{ id: string }>(
        `INSERT INTO digest_deliveries (id, run_id, subscriber_id, chunk, status, message_id, subject, paper_count, attempts, failure_kind, smtp_code, last_error, composed_at, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, (SELECT coalesce(max(chunk), -1) + 1 FROM digest_deliveries WHERE run_id = $1), 'failed', $3, 'PaperPulse test', 2, 1,
                 'rejected', 554, '554 5.7.1 Message refused (planted by the e2e test)', now(), now(), now())
         RETURNING id`,
        [runId, subscriberId, messageId],
      );
      // The run's counts, recounted from its deliveries as the sender does after each chunk.
      await db.query(
        `UPDATE digest_runs r SET total_count = c.total, sent_count = c.sent, failed_count = c.failed
         FROM (SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed
               FROM digest_deliveries WHERE run_id = $1) c
         WHERE r.id = $1`,
        [runId],
      );
      return { deliveryId: delivery.rows[0]!.id, messageId };
    });

    await signIn(page, ADMIN_TOKEN);
    const failedTable = page.getByRole("table", { name: "Failed deliveries" });
    const row = failedTable.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("rejected (SMTP 554)");
    await expect(row).toContainText("Message refused (planted by the e2e test)");
    await row.getByRole("button", { name: `Retry the digest to ${email}` }).click();

    // The page follows the delivery (refreshing itself while its run sends) until the in-app
    // worker has composed and sent it; it has left the failed list.
    await expect(page).toHaveURL(`/admin?retried=${planted.deliveryId}`);
    const banner = page.getByRole("main").getByRole("status").filter({ hasText: email });
    await expect(banner).toContainText(`Retried the digest to ${email}`);
    await expect(banner).toContainText(/same Message-ID: sent\.$/, { timeout: 30_000 });
    await expect(page.getByRole("table", { name: "Failed deliveries" }).getByRole("row").filter({ hasText: email })).toHaveCount(0);
    const state = await withDb((db) => db.query(`SELECT status::text AS status, message_id, attempts FROM digest_deliveries WHERE id = $1`, [planted.deliveryId]));
    expect(state.rows[0]).toEqual({ status: "sent", message_id: planted.messageId, attempts: 1 });

    // It is in the outbox under its own Message-ID (the outbox names files after it).
    const outboxId = createHash("sha256").update(planted.messageId).digest("hex").slice(0, 32);
    await page.goto(`/outbox/${outboxId}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^PaperPulse, \d{1,2} \w{3} \d{4}: .+/);
    const headers = page.getByRole("region", { name: "Headers" });
    await expect(headers).toContainText(email);
    await expect(headers).toContainText(planted.messageId);
  });
});

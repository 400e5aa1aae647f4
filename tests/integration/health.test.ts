import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeDb, withSqlSession } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { getQueue, stopQueue } from "@/lib/jobs/queue";

// GET /api/health, as a load balancer sees it: 200 while the database answers (with the
// queue's state in the body), 503 when it does not, and never a connection string or host.

afterAll(async () => {
  await stopQueue();
});

async function health() {
  const response = await GET();
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as Record<string, unknown>, };
}

describe("GET /api/health", () => {
  it("answers 200 with the database and the pg-boss queue up, counting waiting jobs", async () => {
    const boss = await getQueue();
    await boss.createQueue("health-probe-test");
    await boss.send("health-probe-test", { n: 1 });
    await boss.send("health-probe-test", { n: 2 });
    const { status, cacheControl, body } = await health();
    expect(status).toBe(200);
    expect(cacheControl).toBe("no-store");
    expect(body).toMatchObject({ status: "ok", database: { ok: true }, queue: { ok: true } });
    expect((body.queue as { pendingJobs: number }).pendingJobs).toBeGreaterThanOrEqual(2);
    expect((body.database as { latencyMs: number }).latencyMs).toEqual(expect.any(Number));
  });

  it("reports the queue as down (still 200: pages can be served) when pg-boss is not installed", async () => {
    await stopQueue();
    await withSqlSession((sql) => sql.exec("DROP SCHEMA pgboss CASCADE"));
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "degraded", database: { ok: true }, queue: { ok: false, pendingJobs: null } });
  });

  it("answers 503 when the database cannot be reached, naming no host or credentials", async () => {
    const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };
    await closeDb();
    process.env.DATABASE_URL = "postgres://secret-user:secret-pass@127.0.0.1:9/paperpulse_health_unreachable";
    resetEnvForTests();
    try {
      const response = await GET();
      const text = await response.text();
      expect(response.status).toBe(503);
      expect(JSON.parse(text)).toMatchObject({ status: "down", database: { ok: false, kind: "postgres", latencyMs: null, error: "ECONNREFUSED" }, queue: { ok: false } });
      expect(text).not.toMatch(/secret|127\.0\.0\.1|:9\b|paperpulse_health/);
    } finally {
      await closeDb();
      if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.DATABASE_URL;
      resetEnvForTests();
    }
    // And back: the next check opens the database again.
    const { status } = await health();
    expect(status).toBe(200);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/cron/ingest/route";
import { POST as REVALIDATE } from "@/app/api/cron/revalidate/route";
import { getDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { ingestConfiguredSources } from "@/lib/ingest/scheduled-ingest";
import { type FakeUpstream, fixtureResponder, startFakeUpstream } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";

// The scheduled ingest: sources configured by env, fetched from a real HTTP server on
// loopback (HF_API_URL, ARXIV_API_URL, ARXIV_RSS_URL) serving the real formats; and the
// cron route's guard. A route handler that revalidates needs Next's request context, so the
// route runs here only up to the point where nothing changed (401s, an empty run); the
// browser tests call it on a real server (tests/e2e/submit.spec.ts).

const SECRET = "cron-test-secret-5e1f-0123456789abcdef";
const TODAY = "2026-06-15";
const NOW = new Date(`${TODAY}T12:00:00Z`);
let upstream: FakeUpstream;
let hfDays: Record<string, string>;
const saved = { ...process.env };

beforeAll(async () => {
  upstream = await startFakeUpstream((request) => fixtureResponder({ hfDays, rss: { "cs.LG+stat.ML": "ingest/arxiv-rss-sample.xml" } })(request));
});

afterAll(async () => {
  await upstream.close();
  for (const key of ["HF_API_URL", "ARXIV_API_URL", "ARXIV_RSS_URL", "CRON_SECRET", "INGEST_HF_DAYS", "INGEST_ARXIV_CATEGORIES", "INGEST_ARXIV_RSS", "INGEST_ARXIV_REFRESH_HOURS"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  resetEnvForTests();
});

function configure(env: Record<string, string>) {
  Object.assign(process.env, {
    HF_API_URL: `${upstream.url}/api/daily_papers`,
    ARXIV_API_URL: `${upstream.url}/api/query`,
    ARXIV_RSS_URL: `${upstream.url}/rss`,
    CRON_SECRET: SECRET,
    INGEST_HF_DAYS: "",
    INGEST_ARXIV_CATEGORIES: "",
    INGEST_ARXIV_RSS: "",
    INGEST_ARXIV_REFRESH_HOURS: "",
    ...env,
  });
  resetEnvForTests();
}

beforeEach(async () => {
  await truncateAll();
  upstream.requests.length = 0;
  hfDays = {};
});

describe("the configured sources", () => {
  it("imports the recent HF days and the arXiv API and RSS sources, one run each", async () => {
    configure({ INGEST_HF_DAYS: "2", INGEST_ARXIV_CATEGORIES: "cs.CL", INGEST_ARXIV_RSS: "cs.LG,stat.ML" });
    hfDays = { [TODAY]: "ingest/hf-daily-papers-current.json" };
    const summary = await ingestConfiguredSources(NOW);
    expect(summary.runs.map((r) => [r.source, r.status, r.new, r.updated, r.skipped, r.failed])).toEqual([
      [`huggingface:${TODAY}`, "succeeded", 3, 0, 0, 0],
      ["huggingface:2026-06-14", "succeeded", 0, 0, 0, 0],
      ["arxiv-api:cs.CL", "succeeded", 1, 1, 0, 0],
      ["arxiv-rss:cs.LG+stat.ML", "partial", 3, 0, 2, 1],
    ]);
    expect(summary.skipped).toEqual([]);
    expect(summary.changes.touchedDays).toEqual(["2026-06-11", "2026-06-12", TODAY]);
    expect(summary.changes.addedDays).toBe(true);
    expect(upstream.requests.map((r) => [r.path, r.query.toString()].filter(Boolean).join("?"))).toEqual([
      `/api/daily_papers?date=${TODAY}`,
      "/api/daily_papers?date=2026-06-14",
      "/api/query?search_query=cat%3Acs.CL&sortBy=submittedDate&sortOrder=descending&start=0&max_results=100",
      "/rss/cs.LG+stat.ML",
    ]);
    // arXiv asks for 3 s between requests: the API and RSS requests were that far apart.
    expect(upstream.requests[3]!.at - upstream.requests[2]!.at).toBeGreaterThanOrEqual(2_990);
    const db = await getDb();
    expect(await db.paper.count()).toBe(7);
    expect(await db.ingestRun.count({ where: { trigger: "cron" } })).toBe(4);

    // An hour later HF is refreshed again; arXiv, which announces once a day, is not.
    const later = await ingestConfiguredSources(new Date(NOW.getTime() + 3_600_000));
    expect(later.runs.map((r) => [r.source, r.new, r.unchanged])).toEqual([
      [`huggingface:${TODAY}`, 0, 3],
      ["huggingface:2026-06-14", 0, 0],
    ]);
    expect(later.skipped.map((s) => s.source)).toEqual(["arxiv-api:cs.CL", "arxiv-rss:cs.LG+stat.ML"]);
    expect(later.skipped[0]?.reason).toMatch(/^fetched at .*; next after .* \(INGEST_ARXIV_REFRESH_HOURS\)$/);
  });

  it("records an unreachable source as a failed run and goes on with the others", async () => {
    configure({ INGEST_HF_DAYS: "1", INGEST_ARXIV_CATEGORIES: "cs.CL" });
    process.env.HF_API_URL = "http://127.0.0.1:9/api/daily_papers";
    resetEnvForTests();
    const summary = await ingestConfiguredSources(NOW);
    expect(summary.runs.map((r) => [r.source, r.status])).toEqual([
      [`huggingface:${TODAY}`, "failed"],
      ["arxiv-api:cs.CL", "succeeded"],
    ]);
    expect(summary.runs[0]?.errors[0]?.message).toMatch(/^Could not fetch http:\/\/127\.0\.0\.1:9\/api\/daily_papers\?date=2026-06-15 after 4 attempts/);
  }, 30_000);
});

describe("GET|POST /api/cron/ingest", () => {
  const request = (authorization?: string) => new Request("http://localhost/api/cron/ingest", { headers: authorization ? { Authorization: authorization } : {} });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong secret", `Bearer ${SECRET}x`],
    ["the secret without Bearer", SECRET],
  ])("answers 401 to %s and imports nothing", async (_name, authorization) => {
    configure({ INGEST_HF_DAYS: "1" });
    for (const handler of [GET, POST]) {
      const response = await handler(request(authorization), undefined);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="cron"');
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "This route needs the header Authorization: Bearer <CRON_SECRET>." } });
    }
    expect(upstream.requests).toHaveLength(0);
    expect(await (await getDb()).ingestRun.count()).toBe(0);
  });

  it("runs the sources with the secret and answers a summary per source", async () => {
    configure({ INGEST_HF_DAYS: "2" });
    const response = await POST(request(`Bearer ${SECRET}`), undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; runs: { source: string; status: string; new: number; durationMs: number }[]; skipped: unknown[]; revalidated: number };
    expect(body.ok).toBe(true);
    expect(body.revalidated).toBe(0);
    expect(body.skipped).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(body.runs.map((r) => [r.source.slice(0, 12), r.status, r.new])).toEqual([
      ["huggingface:", "succeeded", 0],
      ["huggingface:", "succeeded", 0],
    ]);
    expect(body.runs[0]?.source).toBe(`huggingface:${today}`);
    expect(upstream.requests.map((r) => r.path)).toEqual(["/api/daily_papers", "/api/daily_papers"]);
  });
});

describe("POST /api/cron/revalidate", () => {
  it("is guarded by the same secret and validates what it is told", async () => {
    configure({});
    const post = (body: string, headers: Record<string, string>) => REVALIDATE(new Request("http://localhost/api/cron/revalidate", { method: "POST", body, headers }), undefined);
    expect((await post("{}", { "Content-Type": "application/json" })).status).toBe(401);
    const auth = { Authorization: `Bearer ${SECRET}` };
    expect((await post("{}", { ...auth, "Content-Type": "text/plain" })).status).toBe(415);
    const malformed = await post("{", { ...auth, "Content-Type": "application/json" });
    expect(malformed.status).toBe(400);
    const invalid = await post(JSON.stringify({ touchedDays: ["1800-13-01"], touchedPaperIds: ["nope"] }), { ...auth, "Content-Type": "application/json" });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({ error: { code: "bad_request", message: "touchedDays.0: must be a day YYYY-MM-DD; touchedPaperIds.0: must be an arXiv id without version" } });
    const nothing = await post(JSON.stringify({}), { ...auth, "Content-Type": "application/json" });
    expect(nothing.status).toBe(200);
    expect(await nothing.json()).toEqual({ ok: true, revalidated: 0 });
  });
});

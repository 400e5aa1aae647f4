import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { ARXIV_MIN_INTERVAL_MS, arxivCategoryUrl, fetchArxivCategory, fetchArxivPapersById } from "@/lib/ingest/sources/arxiv-api";
import { fetchArxivRss } from "@/lib/ingest/sources/arxiv-rss";
import { fetchHfDailyPapers } from "@/lib/ingest/sources/hf-daily-papers";
import { FetchError, politeFetchText } from "@/lib/ingest/sources/polite-fetch";
import { type FakeUpstream, fixtureResponder, type Reply, type RecordedRequest, readFixture, startFakeUpstream } from "../support/fake-upstream";

// The fetchers against a real HTTP server on loopback (HF_API_URL, ARXIV_API_URL and
// ARXIV_RSS_URL point at it): User-Agent, retries with backoff, Retry-After, timeouts,
// spacing between arXiv requests, size cap, and the real payloads parsed on arrival.

let upstream: FakeUpstream;
/** Per test: answers to give before falling back to the fixtures, keyed by path. */
let scripted: Map<string, Reply[]>;

beforeAll(async () => {
  upstream = await startFakeUpstream((request: RecordedRequest) => {
    const next = scripted.get(request.path)?.shift();
    return next ?? fixtureResponder({ hfDays: { "2026-06-12": "ingest/hf-daily-papers-current.json" }, rss: { "cs.LG+stat.ML": "ingest/arxiv-rss-sample.xml" } })(request);
  });
  process.env.HF_API_URL = `${upstream.url}/api/daily_papers`;
  process.env.ARXIV_API_URL = `${upstream.url}/api/query`;
  process.env.ARXIV_RSS_URL = `${upstream.url}/rss`;
  resetEnvForTests();
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(() => {
  scripted = new Map();
  upstream.requests.length = 0;
});

const gaps = (requests: RecordedRequest[]) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

describe("politeFetchText", () => {
  it("says who it is: a descriptive User-Agent with a contact URL, and the Accept it wants", async () => {
    await fetchHfDailyPapers("2026-06-12", { minIntervalMs: 0 });
    const [request] = upstream.requests;
    expect(request?.headers["user-agent"]).toBe("PaperPulse/0.1 (paper feed; +http://localhost:3999)");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.path).toBe("/api/daily_papers");
    expect(request?.query.get("date")).toBe("2026-06-12");
  });

  it("retries a 503 with growing backoff and then succeeds", async () => {
    scripted.set("/flaky", [{ status: 503 }, { status: 503 }, { status: 200, body: "finally" }]);
    const response = await politeFetchText(`${upstream.url}/flaky`, { backoffMs: 100, retries: 3 });
    expect(response).toMatchObject({ status: 200, body: "finally" });
    expect(upstream.requests.map((r) => r.path)).toEqual(["/flaky", "/flaky", "/flaky"]);
    const [first, second] = gaps(upstream.requests);
    // Backoff is 100 ms then 200 ms, each with ±25 % jitter.
    expect(first).toBeGreaterThanOrEqual(75);
    expect(second).toBeGreaterThanOrEqual(150);
  });

  it("waits as long as Retry-After says", async () => {
    scripted.set("/busy", [{ status: 429, headers: { "Retry-After": "1" } }, { status: 200, body: "[]", headers: { "Content-Type": "application/json" } }]);
    const response = await politeFetchText(`${upstream.url}/busy`, { backoffMs: 10 });
    expect(response.body).toBe("[]");
    expect(gaps(upstream.requests)[0]).toBeGreaterThanOrEqual(990);
  });

  it("gives up after its retries with a message naming the URL and the last status", async () => {
    scripted.set("/down", [{ status: 502 }, { status: 502 }]);
    const failure = await politeFetchText(`${upstream.url}/down`, { backoffMs: 10, retries: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchError);
    expect((failure as FetchError).status).toBe(502);
    expect((failure as FetchError).message).toBe(`Could not fetch ${upstream.url}/down after 2 attempts (HTTP 502 from ${new URL(upstream.url).host})`);
  });

  it("does not retry a 404", async () => {
    const failure = await politeFetchText(`${upstream.url}/missing`, { backoffMs: 10, retries: 3 }).catch((error: unknown) => error);
    expect((failure as FetchError).status).toBe(404);
    expect(upstream.requests).toHaveLength(1);
  });

  it("times out a server that does not answer", async () => {
    scripted.set("/slow", [{ delayMs: 3_000, body: "late" }]);
    const started = Date.now();
    const failure = await politeFetchText(`${upstream.url}/slow`, { timeoutMs: 200, retries: 0 }).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((failure as FetchError).message).toMatch(/after 1 attempts \(.*(timeout|aborted)/i);
  });

  it("refuses a body over the size cap, declared or streamed", async () => {
    scripted.set("/huge", [{ body: "x".repeat(5_000), headers: { "Content-Length": "5000" } }, { body: "x".repeat(5_000) }]);
    const declared = await politeFetchText(`${upstream.url}/huge`, { maxBytes: 1_000 }).catch((error: unknown) => error);
    expect((declared as FetchError).message).toBe("Response is 5000 bytes, over the 1000-byte limit");
    const streamed = await politeFetchText(`${upstream.url}/huge`, { maxBytes: 1_000 }).catch((error: unknown) => error);
    expect((streamed as FetchError).message).toBe("Response is over the 1000-byte limit");
    expect(upstream.requests).toHaveLength(2);
  });

  it("keeps the minimum interval between requests to one host, also for concurrent callers", async () => {
    await Promise.all([1, 2, 3].map((n) => politeFetchText(`${upstream.url}/health?n=${n}`, { minIntervalMs: 300, rateKey: "spacing-test" })));
    for (const gap of gaps(upstream.requests)) expect(gap).toBeGreaterThanOrEqual(290);
  });
});

describe("sources", () => {
  it("space arXiv requests 3 s apart by default, API and RSS sharing one budget", async () => {
    expect(ARXIV_MIN_INTERVAL_MS).toBe(3_000);
    // The interval is an option so this test stays fast; it still asserts the spacing.
    await fetchArxivCategory("cs.CL", 100, { minIntervalMs: 400 });
    await fetchArxivRss(["cs.LG", "stat.ML"], { minIntervalMs: 400 });
    await fetchArxivPapersById(["2606.07777"], { minIntervalMs: 400 });
    expect(upstream.requests.map((r) => r.path)).toEqual(["/api/query", "/rss/cs.LG+stat.ML", "/api/query"]);
    for (const gap of gaps(upstream.requests)) expect(gap).toBeGreaterThanOrEqual(390);
  });

  it("ask arXiv for a category's newest papers and parse the Atom answer", async () => {
    expect(arxivCategoryUrl("cs.CL", 50)).toBe(`${upstream.url}/api/query?search_query=cat%3Acs.CL&sortBy=submittedDate&sortOrder=descending&start=0&max_results=50`);
    const result = await fetchArxivCategory("cs.CL", 50, { minIntervalMs: 0 });
    expect(result.items.map((item) => item.input.id)).toEqual(["2606.08123", "2606.08101"]);
    expect(upstream.requests[0]?.headers.accept).toContain("application/atom+xml");
  });

  it("fetch a paper by id, and an unknown id comes back as zero results", async () => {
    const found = await fetchArxivPapersById(["2606.07777"], { minIntervalMs: 0 });
    expect(found.items.map((item) => [item.input.id, item.input.version])).toEqual([["2606.07777", 2]]);
    expect(upstream.requests[0]?.query.get("id_list")).toBe("2606.07777");
    expect(await fetchArxivPapersById(["2606.99999"], { minIntervalMs: 0 })).toEqual({ items: [], errors: [] });
  });

  it("parse the arXiv RSS feed of several categories", async () => {
    const result = await fetchArxivRss(["cs.LG", "stat.ML"], { minIntervalMs: 0 });
    expect(result.items.map((item) => item.announceType)).toEqual(["new", "new", "cross", "replace", "replace-cross", "absonly"]);
  });

  it("parse the Atom spelling of the arXiv listing when ARXIV_RSS_URL points at rss.arxiv.org/atom", async () => {
    scripted.set("/rss/cs.LG", [{ headers: { "Content-Type": "application/atom+xml" }, body: readFixture("ingest/real/arxiv-rss-atom-cs.LG-2026-09-25.xml") }]);
    const result = await fetchArxivRss(["cs.LG"], { minIntervalMs: 0 });
    expect(result.payloadError).toBeUndefined();
    expect(result.items.map((item) => [item.input.id, item.announceType])).toEqual([
      ["2609.28553", "new"],
      ["2402.10149", "cross"],
      ["2401.08875", "replace"],
    ]);
  });

  it("turn an HTML error page answered with 200 into a payload error, not zero papers", async () => {
    scripted.set("/api/daily_papers", [{ headers: { "Content-Type": "text/html" }, body: "<!DOCTYPE html><html><body>Too many requests</body></html>" }]);
    expect(await fetchHfDailyPapers("2026-06-12", { minIntervalMs: 0 })).toEqual({
      items: [],
      errors: [],
      payloadError: "Hugging Face answered with an unusable payload: Payload is an HTML page, not a paper feed",
    });
  });

  it("insist on the format the source promises", async () => {
    scripted.set("/api/query", [{ headers: { "Content-Type": "application/json" }, body: readFixture("ingest/hf-daily-papers-2024.json") }]);
    expect((await fetchArxivCategory("cs.CL", 10, { minIntervalMs: 0 })).payloadError).toBe("the arXiv API answered with hf-json, expected arxiv-atom");
  });
});

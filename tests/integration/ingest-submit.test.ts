import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { loadDemoPapers } from "@/lib/demo/load-demo";
import { resetEnvForTests } from "@/lib/env";
import { submitPaper } from "@/lib/ingest/submit-paper";
import { dateToDay } from "@/lib/papers/dates";
import { hasDemoPapers } from "@/lib/papers/queries";
import { type FakeUpstream, fixtureResponder, type RecordedRequest, type Reply, startFakeUpstream } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";

// /submit's logic against PostgreSQL and a fake arXiv API on loopback serving the real
// Atom format (ARXIV_API_URL points at it).

const NOW = new Date("2026-06-15T10:00:00Z");
// No waiting between arXiv requests here; ingest-fetchers.test.ts checks the spacing.
const FAST = { now: NOW, fetch: { minIntervalMs: 0, backoffMs: 10 } };
let upstream: FakeUpstream;
let scripted: Reply[];

beforeAll(async () => {
  upstream = await startFakeUpstream((request: RecordedRequest) => scripted.shift() ?? fixtureResponder()(request));
  process.env.ARXIV_API_URL = `${upstream.url}/api/query`;
  resetEnvForTests();
});

afterAll(async () => {
  await upstream.close();
});

beforeEach(async () => {
  await truncateAll();
  scripted = [];
  upstream.requests.length = 0;
});

describe("submitting a paper by arXiv id", () => {
  it("fetches it from arXiv and lists it on today's feed; a repeat says where it is and changes nothing", async () => {
    const added = await submitPaper({ arxivId: " 2606.07777v1 " }, "203.0.113.7", FAST);
    expect(added.outcome).toEqual({
      status: "added",
      id: "2606.07777",
      title: "Lattice Lanterns: Sparse Probing of Retrieval Heads in Long-Context Language Models",
      path: "/papers/2606.07777",
      listedOn: "2026-06-15",
    });
    expect(added.changes).toMatchObject({ touchedDays: ["2026-06-15"], touchedPaperIds: ["2606.07777"], addedDays: true });
    expect(upstream.requests.map((r) => r.query.get("id_list"))).toEqual(["2606.07777"]);

    const db = await getDb();
    const stored = await db.paper.findUniqueOrThrow({ where: { id: "2606.07777" } });
    // The latest version is stored, whatever version was typed.
    expect(stored).toMatchObject({ version: 2, source: "submission", githubRepo: "example-lab/lattice-lanterns" });
    const run = await db.ingestRun.findFirstOrThrow();
    expect(run).toMatchObject({ source: "submission:2606.07777", trigger: "submit", status: "succeeded", newCount: 1 });

    const later = { ...FAST, now: new Date("2026-06-20T10:00:00Z") };
    const repeat = await submitPaper({ arxivId: "https://arxiv.org/abs/2606.07777" }, "203.0.113.7", later);
    expect(repeat.outcome).toEqual({ ...added.outcome, status: "exists" });
    expect(repeat.changes).toBeUndefined();
    expect(upstream.requests).toHaveLength(1);
    expect(dateToDay((await db.paper.findUniqueOrThrow({ where: { id: "2606.07777" } })).listedOn)).toBe("2026-06-15");
  });

  it("accepts an old-style id inside a PDF link", async () => {
    const result = await submitPaper({ arxivId: "https://arxiv.org/pdf/hep-th/9901001v2.pdf" }, "203.0.113.7", FAST);
    expect(result.outcome).toMatchObject({ status: "added", id: "hep-th/9901001", path: "/papers/hep-th/9901001", listedOn: "2026-06-15" });
    expect(upstream.requests[0]?.query.get("id_list")).toBe("hep-th/9901001");
  });

  it.each([
    [{ arxivId: "" }, "invalid", "Enter an arXiv id or link."],
    [{}, "invalid", "Enter an arXiv id or link."],
    [{ arxivId: "x".repeat(301) }, "invalid", "That is too long for an arXiv id or link."],
    [
      { arxivId: "2606.0777" },
      "malformed",
      "“2606.0777” is not an arXiv id. Use an id such as 2606.00467 or hep-th/9901001, optionally with a version (2606.00467v2), or an arxiv.org/abs or /pdf link.",
    ],
    [{ arxivId: "https://example.org/abs/2606.07777" }, "malformed", expect.stringContaining("is not an arXiv id")],
  ])("refuses %j without asking arXiv", async (input, code, message) => {
    const result = await submitPaper(input, "203.0.113.7", FAST);
    expect(result.outcome).toEqual({ status: "error", code, message });
    expect(upstream.requests).toHaveLength(0);
  });

  it("says so when arXiv has no such paper or version", async () => {
    expect((await submitPaper({ arxivId: "2606.99999" }, "203.0.113.7", FAST)).outcome).toEqual({
      status: "error",
      code: "not_found",
      message: "arXiv has no paper 2606.99999. Check the id and try again.",
    });
    expect((await submitPaper({ arxivId: "2606.07777v9" }, "203.0.113.7", FAST)).outcome).toEqual({
      status: "error",
      code: "not_found",
      message: "arXiv has no version 9 of 2606.07777; the latest is v2.",
    });
    const db = await getDb();
    expect(await db.paper.count()).toBe(0);
    expect((await db.ingestRun.findMany()).map((r) => r.status)).toEqual(["failed", "failed"]);
  });

  it("says so when arXiv cannot be reached, after one retry", async () => {
    scripted = [{ status: 503 }, { status: 503 }];
    const result = await submitPaper({ arxivId: "2606.07777" }, "203.0.113.7", FAST);
    expect(result.outcome).toEqual({
      status: "error",
      code: "unreachable",
      message: "arXiv could not be reached just now, so the paper was not added. Please try again in a few minutes.",
    });
    expect(upstream.requests).toHaveLength(2);
    expect(await (await getDb()).paper.count()).toBe(0);
  });

  it("limits submissions per client address", async () => {
    const rule = { name: "submit-test:ip", limit: 2, windowSeconds: 600 };
    expect((await submitPaper({ arxivId: "2606.99998" }, "198.51.100.1", { ...FAST, rateLimit: rule })).outcome.status).toBe("error");
    expect((await submitPaper({ arxivId: "2606.07777" }, "198.51.100.1", { ...FAST, rateLimit: rule })).outcome.status).toBe("added");
    expect((await submitPaper({ arxivId: "2606.07777" }, "198.51.100.1", { ...FAST, rateLimit: rule })).outcome).toEqual({
      status: "error",
      code: "rate_limited",
      message: "Too many submissions from your address. Please try again in 10 minutes.",
    });
    // Another address has its own budget.
    expect((await submitPaper({ arxivId: "2606.07777" }, "198.51.100.2", { ...FAST, rateLimit: rule })).outcome.status).toBe("exists");
  });

  it("shares one budget of arXiv requests among all clients, and never spends it on a paper already here", async () => {
    const perClient = { name: "submit-test:ip", limit: 100, windowSeconds: 600 };
    const arxivRateLimit = { name: "submit-test:arxiv", limit: 2, windowSeconds: 600 };
    const options = { ...FAST, rateLimit: perClient, arxivRateLimit };
    expect((await submitPaper({ arxivId: "2606.99998" }, "198.51.100.1", options)).outcome.status).toBe("error");
    expect((await submitPaper({ arxivId: "2606.07777" }, "198.51.100.2", options)).outcome.status).toBe("added");
    // A third address, within its own budget, finds the shared one spent: arXiv is not asked.
    expect((await submitPaper({ arxivId: "2606.99997" }, "198.51.100.3", options)).outcome).toEqual({
      status: "error",
      code: "rate_limited",
      message: "Many papers have been submitted in the last hour, and arXiv asks us to go slowly. Please try again in 10 minutes.",
    });
    expect(upstream.requests).toHaveLength(2);
    // A paper already here needs no arXiv request, so it is still answered.
    expect((await submitPaper({ arxivId: "2606.07777" }, "198.51.100.3", options)).outcome.status).toBe("exists");
  });

  it("adds the paper next to a demo set instead of replacing it", async () => {
    await loadDemoPapers("2026-06-15");
    expect((await submitPaper({ arxivId: "2606.07777" }, "203.0.113.7", FAST)).outcome.status).toBe("added");
    expect(await hasDemoPapers()).toBe(true);
    expect(await (await getDb()).paper.count()).toBe(85);
  });
});

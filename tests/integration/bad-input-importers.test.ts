import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSqlSession } from "@/lib/db";
import { loadDemoPapers } from "@/lib/demo/load-demo";
import { importPayload, payloadTarget } from "@/lib/ingest/import-payload";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { IMPORTER_CASES } from "../e2e/bad-input.cases";
import { type FakeUpstream, type Reply, startFakeUpstream } from "../support/fake-upstream";

// The importer half of the bad-input corpus (tests/e2e/bad-input.cases.ts): every malformed
// or hostile payload is fetched over HTTP with its content type and imported exactly as
// `npm run ingest <url>` and the scheduled import do. Each is refused with a message (as a
// whole, or item by item), the run is recorded as failed, and no paper, tag or search word
// changes. The parsers are also checked directly, so a message names the right problem.

const CONTENT_TABLES = ["papers", "tags", "paper_tags", "paper_snapshots", "search_words"];
let upstream: FakeUpstream;

async function snapshot(): Promise<Record<string, string>> {
  return withSqlSession(async (sql) => {
    const result: Record<string, string> = {};
    for (const table of CONTENT_TABLES) {
      const rows = await sql.query<{ n: string; h: string }>(`SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${table} t`);
      result[table] = `${rows[0]!.n} rows, ${rows[0]!.h}`;
    }
    return result;
  });
}

beforeAll(async () => {
  // Something to lose: the demo set.
  await loadDemoPapers("2026-06-15");
  upstream = await startFakeUpstream((request): Reply => {
    const found = IMPORTER_CASES[Number(request.path.slice(1))]!;
    const headers: Record<string, string> = found.contentType ? { "Content-Type": found.contentType } : {};
    return { headers, body: found.body };
  });
});

afterAll(async () => {
  await upstream?.close();
});

describe("the importers refuse malformed and hostile payloads", () => {
  it("has a case for every kind of breakage listed in docs/security.md", () => {
    expect(IMPORTER_CASES.length).toBeGreaterThanOrEqual(35);
  });

  IMPORTER_CASES.forEach((c, index) => {
    it(c.id, async () => {
      const parsed = parsePayload(c.body, c.contentType);
      expect(parsed.items).toEqual([]);
      if (c.payloadError) expect(parsed.payloadError).toMatch(c.payloadError);
      if (c.itemErrors) {
        expect(parsed.payloadError ?? "").toBe("");
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const error of parsed.errors) expect(error.message).toMatch(c.itemErrors);
      }

      const before = await snapshot();
      const summary = await importPayload(payloadTarget(`${upstream.url}/${index}`), { trigger: "cli", today: "2026-06-15" });
      expect(summary.new + summary.updated).toBe(0);
      expect(summary.status).toBe("failed");
      expect(summary.errors.length).toBeGreaterThan(0);
      expect(summary.errors.map((e) => e.message).join("\n")).toMatch(c.payloadError ?? c.itemErrors!);
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe("malformed Hugging Face decoration is left out, and the paper still imported", () => {
  const item = (paper: Record<string, unknown>, outer: Record<string, unknown> = {}) => ({
    paper: {
      id: "2606.13289",
      title: "HYDRA-X: a hostile payload",
      summary: "A summary.",
      authors: [{ name: "A. Author" }],
      publishedAt: "2026-06-10T00:00:00.000Z",
      submittedOnDailyAt: "2026-06-12T00:00:00.000Z",
      upvotes: 1,
      ...paper,
    },
    ...outer,
  });

  it.each([
    ["an organization with a path for a name", { organization: { name: "../../admin", fullname: "x", avatar: "https://cdn-avatars.huggingface.co/a.png" } }],
    ["an organization with script for a name", { organization: { name: "<script>window.__xss=1</script>", fullname: "x" } }],
    ["an organization that is a string", { organization: "acme" }],
    ["an organization with a NUL in its full name", { organization: { name: "acme", fullname: "Ac\u0000me" } }],
    ["mediaUrls from a tracking host, a javascript: URL and plain http", { mediaUrls: ["https://tracker.example.com/p.png", "javascript:alert(1)", "http://cdn-uploads.huggingface.co/a.png"] }],
    ["mediaUrls that are not a list", { mediaUrls: "https://cdn-uploads.huggingface.co/a.png" }],
    ["an ai_summary that is an object", { ai_summary: { text: "x" } }],
    ["an ai_summary of 10,000 characters", { ai_summary: "x".repeat(10_000) }],
  ])("%s", async (_name, fields) => {
    const body = JSON.stringify([item(fields)]);
    const parsed = parsePayload(body);
    expect(parsed.errors).toEqual([]);
    const { input } = parsed.items[0]!;
    expect(input.organization).toBeUndefined();
    expect(input.mediaUrls ?? []).toEqual([]);
    expect(input.aiSummary).toBeUndefined();

    const summary = await importBody(body);
    expect(summary.status).toBe("succeeded");
    const stored = await withSqlSession((sql) =>
      sql.query<{ organization: string | null; media_urls: string[]; ai_summary: string | null; orgs: number }>(
        `SELECT organization, media_urls, ai_summary, (SELECT count(*)::int FROM organizations) AS orgs FROM papers WHERE id = '2606.13289'`,
      ),
    );
    expect(stored[0]).toEqual({ organization: null, media_urls: [], ai_summary: null, orgs: 0 });
  });

  it("names a refused item by id and title, not only by its index", async () => {
    const body = JSON.stringify([item({ id: "2606.99999", upvotes: -3 }), item({ id: "not-an-id" })]);
    const summary = await importBody(body);
    expect(summary.errors).toEqual([
      { index: 0, id: "2606.99999", title: "HYDRA-X: a hostile payload", message: "paper.upvotes: must be >= 0" },
      { index: 1, id: "not-an-id", title: "HYDRA-X: a hostile payload", message: 'paper.id: "not-an-id" is not an arXiv id' },
    ]);
  });
});

/** One payload served over HTTP and imported like `npm run ingest <url>`. */
async function importBody(body: string) {
  const served = await startFakeUpstream(() => ({ headers: { "Content-Type": "application/json" }, body }));
  try {
    return await importPayload(payloadTarget(`${served.url}/payload`), { trigger: "cli", today: "2026-06-15" });
  } finally {
    await served.close();
  }
}

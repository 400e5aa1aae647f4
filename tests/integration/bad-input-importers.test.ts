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

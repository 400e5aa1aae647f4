import { beforeAll, describe, expect, it } from "vitest";
import { withSqlSession } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { loadFeedView } from "@/lib/papers/feed";
import { findSimilarPapers } from "@/lib/papers/similar";
import { searchPapers } from "@/lib/search/engine";
import { parseSearchQuery } from "@/lib/search/query-syntax";
import { forgetCorpusStats } from "@/lib/search/stats";
import { getTag, listTags } from "@/lib/tags/queries";
import { loadTagView } from "@/lib/tags/view";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// Tag counts on feed views, tag pages, the tag slugs the search index relies on, and
// similar papers.

const slugsOf = async (id: string) =>
  (await withSqlSession((sql) => sql.query<{ tag_slugs: string[] }>("SELECT tag_slugs FROM papers WHERE id = $1", [id])))[0]?.tag_slugs;

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00401", authors: ["Lina Berg"], title: "Sparse mixture routing for experts", abstract: "Routing tokens to experts with load balancing.", categories: ["cs.LG", "cs.CL"], listedOn: "2026-11-26", upvotes: 10 }),
      makePaper({ id: "2611.00402", authors: ["Omar Haddad"], title: "Expert routing with balancing losses", abstract: "Load balancing for routing experts in sparse models.", categories: ["cs.LG"], listedOn: "2026-11-26", upvotes: 4 }),
      makePaper({ id: "2611.00403", authors: ["Ines Costa"], title: "Protein folding with graphs", abstract: "Graph networks for protein structures.", categories: ["q-bio.BM"], listedOn: "2026-11-26", upvotes: 2 }),
      makePaper({ id: "2611.00404", authors: ["Yuki Ito"], title: "Balancing experts at scale", abstract: "Experts at a larger scale.", categories: ["cs.CL"], listedOn: "2026-11-20", upvotes: 1 }),
    ],
    { today: "2026-11-28" },
  );
  forgetCorpusStats();
});

describe("tag slugs on papers", () => {
  it("mirror paper_tags, also when an update changes the tags", async () => {
    expect(await slugsOf("2611.00401")).toEqual(expect.arrayContaining(["cs-cl", "cs-lg"]));
    await upsertPapers([makePaper({ id: "2611.00403", authors: ["Ines Costa"], title: "Protein folding with graphs", abstract: "Graph networks for protein structures.", categories: ["cs.LG"], listedOn: "2026-11-26", upvotes: 2 })], { today: "2026-11-28" });
    const slugs = await slugsOf("2611.00403");
    expect(slugs).toContain("cs-lg");
    expect(slugs).not.toContain("q-bio-bm");
    const rows = await withSqlSession((sql) => sql.query<{ n: number }>("SELECT count(*)::int AS n FROM papers p WHERE p.tag_slugs IS DISTINCT FROM (SELECT coalesce(array_agg(t.slug::text ORDER BY t.slug), '{}') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id)"));
    expect(rows[0]!.n).toBe(0);
  });
});

describe("feed views", () => {
  it("count the tags of the period's papers, with the tag filter applied", async () => {
    const all = await loadFeedView({ view: "date", key: "2026-11-26" }, { sort: "trending", tags: [] });
    const counts = Object.fromEntries(all!.facets.map((f) => [f.slug, f.count]));
    expect(counts["cs-lg"]).toBe(3);
    expect(counts["cs-cl"]).toBe(1);
    const filtered = await loadFeedView({ view: "date", key: "2026-11-26" }, { sort: "trending", tags: ["cs-cl"] });
    expect(filtered!.papers.map((p) => p.id)).toEqual(["2611.00401"]);
    expect(Object.fromEntries(filtered!.facets.map((f) => [f.slug, f.count]))).toMatchObject({ "cs-cl": 1, "cs-lg": 1 });
  });
});

describe("tag pages", () => {
  it("list a tag's papers with counts of the tags they also carry", async () => {
    const view = await loadTagView("cs-cl", { sort: "new", tags: [] });
    expect(view!.tag).toMatchObject({ slug: "cs-cl", kind: "category", papers: 2 });
    expect(view!.papers.map((p) => p.id)).toEqual(["2611.00401", "2611.00404"]);
    expect(view!.facets.map((f) => f.slug)).not.toContain("cs-cl");
    expect(view!.total).toEqual({ count: 2, exact: true });
    const narrowed = await loadTagView("cs-cl", { sort: "trending", tags: ["cs-lg"] });
    expect(narrowed!.papers.map((p) => p.id)).toEqual(["2611.00401"]);
    expect(narrowed!.extraTags).toEqual(["cs-lg"]);
    expect(await loadTagView("no-such-tag", { sort: "trending", tags: [] })).toBeNull();
  });

  it.each(["trending", "top", "new"] as const)("carry the offset in the %s cursor, so page 2 numbers on", async (sort) => {
    const request = { query: parseSearchQuery(""), tags: ["cs-lg"], sort, limit: 1 };
    const first = await searchPapers(request);
    const second = await searchPapers({ ...request, cursor: first.nextCursor! });
    const third = await searchPapers({ ...request, cursor: second.nextCursor! });
    expect([first.offset, second.offset, third.offset]).toEqual([0, 1, 2]);
    const { o, ...legacy } = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString("utf8"));
    expect(o).toBe(1);
    const fromLegacy = await searchPapers({ ...request, cursor: Buffer.from(JSON.stringify(legacy)).toString("base64url") });
    expect(fromLegacy.hits.map((h) => h.id)).toEqual(second.hits.map((h) => h.id));
    expect(fromLegacy.offset).toBeNull();
  });

  it("list every tag with its number of papers", async () => {
    const tags = await listTags();
    expect(tags.find((t) => t.slug === "cs-lg")?.papers).toBe(3);
    expect(await getTag("cs-lg")).toMatchObject({ slug: "cs-lg", papers: 3 });
    expect(await getTag("nope")).toBeNull();
  });
});

describe("similar papers", () => {
  it("are the papers sharing the most distinctive words", async () => {
    const similar = await findSimilarPapers("2611.00401");
    expect(similar.map((p) => p.id)).toEqual(["2611.00402", "2611.00404"]);
    expect(similar[0]!.score).toBeGreaterThan(similar[1]!.score);
    expect(await findSimilarPapers("2611.00403")).toEqual([]);
    expect(await findSimilarPapers("2611.99999")).toEqual([]);
  });
});

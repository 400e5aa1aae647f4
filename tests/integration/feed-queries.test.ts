import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { InvalidCursorError } from "@/lib/papers/cursor";
import { loadFeedView } from "@/lib/papers/feed";
import { countPapersByDay, getAdjacentListedDays, getLatestListedDay, getListedDayRange, getPaper, listFeedPapers } from "@/lib/papers/queries";
import { computeTrendingScore } from "@/lib/papers/trending";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

const ref = new Date("2026-11-28T12:00:00Z");
const day = (start: string, end = start) => ({ start, end });

beforeEach(truncateAll);

describe("feed queries", () => {
  it("sorts one day by trending, top and new", async () => {
    const a = makePaper({ upvotes: 5, githubStars: 2000, publishedAt: new Date("2026-11-20T01:00:00Z"), listedOn: "2026-11-25" });
    const b = makePaper({ upvotes: 10, publishedAt: new Date("2026-11-22T01:00:00Z"), listedOn: "2026-11-25" });
    const c = makePaper({ upvotes: 1, publishedAt: new Date("2026-11-24T01:00:00Z"), listedOn: "2026-11-25" });
    await upsertPapers([a, b, c], { today: "2026-11-25" });

    const ids = async (sort: "trending" | "top" | "new") => (await listFeedPapers({ ...day("2026-11-25"), sort, limit: 10, reference: ref })).papers.map((p) => p.id);
    // a: 5 + 1 + 2·ln(2001) ≈ 21.2 points beats b: 11 points.
    expect(await ids("trending")).toEqual([a.id, b.id, c.id]);
    expect(await ids("top")).toEqual([b.id, a.id, c.id]);
    expect(await ids("new")).toEqual([c.id, b.id, a.id]);
  });

  it("explains each paper's score with the same numbers it was sorted by", async () => {
    const paper = makePaper({ upvotes: 7, githubStars: 30, listedOn: "2026-11-26" });
    await upsertPapers([paper]);
    const { papers } = await listFeedPapers({ ...day("2026-11-20", "2026-11-28"), sort: "trending", limit: 10, reference: ref });
    expect(papers[0]?.trending.score).toBeCloseTo(computeTrendingScore({ upvotes: 7, githubStars: 30, listedOn: "2026-11-26" }, ref), 12);
    expect(papers[0]?.trending).toMatchObject({ upvotes: 7, githubStars: 30, ageDays: 2.5 });
  });

  it("favours fresh papers across a week", async () => {
    const old = makePaper({ upvotes: 20, listedOn: "2026-11-23" });
    const fresh = makePaper({ upvotes: 12, listedOn: "2026-11-28" });
    await upsertPapers([old, fresh]);
    const { papers } = await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort: "trending", limit: 10, reference: ref });
    expect(papers.map((p) => p.id)).toEqual([fresh.id, old.id]);
  });

  it.each(["trending", "top", "new"] as const)("pages by %s without repeating or skipping, even with ties", async (sort) => {
    const papers = Array.from({ length: 23 }, (_, i) =>
      makePaper({ upvotes: i % 4, githubStars: i % 3 === 0 ? 10 : null, listedOn: i % 2 ? "2026-11-26" : "2026-11-27", publishedAt: new Date(Date.UTC(2026, 10, 20, i % 5)) }),
    );
    await upsertPapers(papers);
    const all = (await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort, limit: 100, reference: ref })).papers.map((p) => p.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort, limit: 5, cursor, reference: ref });
      seen.push(...page.papers.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(23);
  });

  it("keeps a trending page's reference time in its cursor", async () => {
    await upsertPapers(Array.from({ length: 4 }, (_, i) => makePaper({ upvotes: i, listedOn: i % 2 ? "2026-11-24" : "2026-11-27" })));
    const first = await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort: "trending", limit: 2, reference: ref });
    const later = await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort: "trending", limit: 2, cursor: first.nextCursor!, reference: new Date("2026-12-25T00:00:00Z") });
    const all = await listFeedPapers({ ...day("2026-11-23", "2026-11-29"), sort: "trending", limit: 4, reference: ref });
    expect([...first.papers, ...later.papers].map((p) => p.id)).toEqual(all.papers.map((p) => p.id));
  });

  it.each(["trending", "top", "new"] as const)("carries the offset in the %s cursor, so later pages keep counting", async (sort) => {
    await upsertPapers(Array.from({ length: 12 }, (_, i) => makePaper({ upvotes: i, listedOn: "2026-11-26", publishedAt: new Date(Date.UTC(2026, 10, 20, i)) })));
    const query = { ...day("2026-11-23", "2026-11-29"), sort, limit: 5, reference: ref };
    const first = await listFeedPapers(query);
    const second = await listFeedPapers({ ...query, cursor: first.nextCursor! });
    const third = await listFeedPapers({ ...query, cursor: second.nextCursor! });
    expect([first.offset, second.offset, third.offset]).toEqual([0, 5, 10]);
    expect(third.papers).toHaveLength(2);
    // A cursor handed out before the offset existed still pages; it just cannot number.
    const { o, ...legacy } = JSON.parse(Buffer.from(first.nextCursor!, "base64url").toString("utf8"));
    expect(o).toBe(5);
    const fromLegacy = await listFeedPapers({ ...query, cursor: Buffer.from(JSON.stringify(legacy)).toString("base64url") });
    expect(fromLegacy.papers.map((p) => p.id)).toEqual(second.papers.map((p) => p.id));
    expect(fromLegacy.offset).toBeNull();
  });

  it("rejects a forged cursor as bad input", async () => {
    await expect(listFeedPapers({ ...day("2026-11-25"), sort: "top", limit: 5, cursor: "bm90LWpzb24", reference: ref })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(listFeedPapers({ ...day("2026-11-25"), sort: "trending", limit: 5, cursor: Buffer.from('{"u":1}').toString("base64url"), reference: ref })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it("filters by tags, requiring every tag given", async () => {
    const vision = makePaper({ categories: ["cs.CV"], primaryCategory: "cs.CV" });
    const both = makePaper({ categories: ["cs.CV", "cs.CL"], primaryCategory: "cs.CV" });
    const language = makePaper({ categories: ["cs.CL"], primaryCategory: "cs.CL" });
    await upsertPapers([vision, both, language]);
    const ids = async (tags: string[]) => (await listFeedPapers({ ...day("2026-11-25"), sort: "top", tags, limit: 10, reference: ref })).papers.map((p) => p.id).sort();
    expect(await ids(["cs-cv"])).toEqual([vision.id, both.id].sort());
    expect(await ids(["cs-cv", "cs-cl"])).toEqual([both.id]);
    expect(await ids(["no-such-tag"])).toEqual([]);
  });

  it("finds the latest day and the nearest days with papers, skipping empty ones", async () => {
    await upsertPapers([makePaper({ listedOn: "2026-11-20" }), makePaper({ listedOn: "2026-11-24" }), makePaper({ listedOn: "2026-11-24" }), makePaper({ listedOn: "2026-11-27" })]);
    expect(await getLatestListedDay()).toBe("2026-11-27");
    expect(await getAdjacentListedDays(day("2026-11-24"))).toEqual({ previous: "2026-11-20", next: "2026-11-27" });
    expect(await getAdjacentListedDays(day("2026-11-22"))).toEqual({ previous: "2026-11-20", next: "2026-11-24" });
    expect(await getAdjacentListedDays(day("2026-11-20"))).toEqual({ previous: null, next: "2026-11-24" });
    expect(Object.fromEntries(await countPapersByDay("2026-11-01", "2026-11-30"))).toEqual({ "2026-11-20": 1, "2026-11-24": 2, "2026-11-27": 1 });
  });

  it("returns a paper with its tags and upvote history", async () => {
    const paper = makePaper({ id: "hep-th/9901001", upvotes: 3, categories: ["hep-th", "cs.LG"], primaryCategory: "hep-th" });
    await upsertPapers([paper], { today: "2026-11-25" });
    await upsertPapers([{ ...paper, upvotes: 8 }], { today: "2026-11-26" });
    const stored = await getPaper("hep-th/9901001");
    expect(stored).toMatchObject({ id: "hep-th/9901001", upvotes: 8, listedOn: "2026-11-25", categories: ["hep-th", "cs.LG"] });
    expect(stored?.snapshots).toEqual([
      { day: "2026-11-25", upvotes: 3, githubStars: null },
      { day: "2026-11-26", upvotes: 8, githubStars: null },
    ]);
    expect(stored?.tags.map((t) => t.slug).sort()).toEqual(["cs-lg", "hep-th"]);
    expect(await getPaper("2611.99999")).toBeNull();
  });

  it("builds the whole latest-day view", async () => {
    await upsertPapers([makePaper({ listedOn: "2026-11-20" }), makePaper({ listedOn: "2026-11-27", upvotes: 4 }), makePaper({ listedOn: "2026-11-27", upvotes: 9 })]);
    const model = await loadFeedView({ view: "latest" }, { sort: "trending", tags: [] }, ref);
    expect(model?.period).toEqual({ kind: "date", key: "2026-11-27", start: "2026-11-27", end: "2026-11-27" });
    expect(model?.papers.map((p) => p.upvotes)).toEqual([9, 4]);
    expect(model?.previousDay).toBe("2026-11-20");
    expect(model?.nextDay).toBeNull();
    expect(model?.isDemo).toBe(false);
    expect(model?.calendar?.month).toBe("2026-11");
    expect(model?.calendar?.weeks.flat().find((d) => d.day === "2026-11-27")).toEqual({ day: "2026-11-27", count: 2, inMonth: true });
    expect(await loadFeedView({ view: "week", key: "2026-W99" }, { sort: "trending", tags: [] }, ref)).toBeNull();
  });

  it("switches periods on the latest day with papers, and offers no months beyond the listed days", async () => {
    // Week 48 of 2026 is Mon 23 – Sun 29 November; nothing is listed on its Monday.
    await upsertPapers([makePaper({ listedOn: "2026-10-14" }), makePaper({ listedOn: "2026-11-25" }), makePaper({ listedOn: "2026-11-27" })]);
    expect(await getListedDayRange()).toEqual({ first: "2026-10-14", last: "2026-11-27" });
    const week = await loadFeedView({ view: "week", key: "2026-W48" }, { sort: "trending", tags: [] }, ref);
    expect(week?.anchorDay).toBe("2026-11-27");
    expect(week?.calendar).toMatchObject({ month: "2026-11", previousMonth: "2026-10", nextMonth: null });
    const october = await loadFeedView({ view: "month", key: "2026-10" }, { sort: "trending", tags: [] }, ref);
    expect(october?.anchorDay).toBe("2026-10-14");
    expect(october?.calendar).toMatchObject({ month: "2026-10", previousMonth: null, nextMonth: "2026-11" });
    // An empty period keeps its first day; a period in the future is no view at all.
    expect((await loadFeedView({ view: "week", key: "2026-W46" }, { sort: "trending", tags: [] }, ref))?.anchorDay).toBe("2026-11-09");
    expect(await loadFeedView({ view: "month", key: "2027-01" }, { sort: "trending", tags: [] }, ref)).toBeNull();
    expect(await loadFeedView({ view: "date", key: "2026-11-29" }, { sort: "trending", tags: [] }, ref)).not.toBeNull();
  });

  it("serves an empty database without errors", async () => {
    const model = await loadFeedView({ view: "latest" }, { sort: "trending", tags: [] }, ref);
    expect(model).toMatchObject({ period: null, papers: [], previousDay: null, nextDay: null, title: "No papers yet" });
    const db = await getDb();
    expect(await db.paper.count()).toBe(0);
  });
});

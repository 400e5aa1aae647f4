import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withSqlSession } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { InvalidCursorError } from "@/lib/papers/cursor";
import { type SearchHit, type SearchOptions, searchPapers } from "@/lib/search/engine";
import { searchParamsSchema, type SearchSort } from "@/lib/search/params";
import { parseSearchQuery } from "@/lib/search/query-syntax";
import { runSearch } from "@/lib/search/search";
import { forgetCorpusStats } from "@/lib/search/stats";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// The search on a small corpus written for each behaviour: ranking by field, phrases,
// exclusions, OR, typo correction, highlights, authors, CJK, arXiv ids, tag counts, date
// ranges, and keyset pagination that neither repeats nor skips (also with windows forced
// by tiny candidate targets).

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);
const search = (q: string, extra: { tags?: string; from?: string; to?: string; sort?: SearchSort; cursor?: string; exact?: string } = {}, limit = 20, options: SearchOptions = {}) =>
  runSearch({ ...searchParamsSchema.parse({ q, ...extra }), limit }, options);
async function results(q: string, extra: Parameters<typeof search>[1] = {}) {
  const outcome = await search(q, extra);
  if (outcome.kind !== "results") throw new Error(`expected results for ${q}`);
  return outcome;
}

const base = { publishedAt: new Date("2026-11-20T10:00:00Z"), abstract: "We report experiments on benchmarks.", authors: ["Ada Tester"] };

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ ...base, id: "2611.00001", title: "Quantization of large language models", abstract: "A quantization recipe.", categories: ["cs.LG"], listedOn: "2026-11-20" }),
      makePaper({ ...base, id: "2611.00002", title: "Efficient inference for small devices", keywords: ["quantization"], categories: ["cs.LG"], listedOn: "2026-11-21" }),
      makePaper({ ...base, id: "2611.00003", title: "A study of convolutional networks", abstract: "We apply quantization, then quantization again.", categories: ["cs.CV"], listedOn: "2026-11-22" }),
      makePaper({ ...base, id: "2611.00004", title: "Long context serving", abstract: "The kv cache grows with the context.", categories: ["cs.CL"], listedOn: "2026-11-22" }),
      makePaper({ ...base, id: "2611.00005", title: "Memory for retrieval", abstract: "A cache of kv pairs for retrieval.", categories: ["cs.IR"], listedOn: "2026-11-23" }),
      makePaper({ ...base, id: "2611.00006", title: "Transformer circuits", authors: ["Priya Sharma", "Wei Zhang"], categories: ["cs.LG"], listedOn: "2026-11-23" }),
      makePaper({ ...base, id: "2611.00007", title: "Vision transformer backbones", authors: ["Tom Jones"], categories: ["cs.CV"], listedOn: "2026-11-24" }),
      makePaper({ ...base, id: "2611.00008", title: "盘古：大规模中文预训练语言模型 PanGu", abstract: "我们提出盘古，一个中文语言模型。", categories: ["cs.CL"], listedOn: "2026-11-24" }),
      makePaper({ ...base, id: "2611.00009", title: "Diffusion samplers", abstract: "Score matching with a sharma-shaped schedule.", categories: ["cs.CV"], listedOn: "2026-10-02" }),
    ],
    { today: "2026-11-28" },
  );
  forgetCorpusStats();
});

describe("ranking", () => {
  it("puts title matches first, then keywords and authors, then the abstract", async () => {
    const { page, correction } = await results("quantization");
    expect(ids(page.hits)).toEqual(["2611.00001", "2611.00002", "2611.00003"]);
    expect(page.total).toEqual({ count: 3, exact: true });
    expect(page.complete).toBe(true);
    expect(correction).toBeNull();
    expect(page.hits.map((h) => h.rank! > 0)).toEqual([true, true, true]);
  });

  it("matches stemmed forms: quantized finds quantization", async () => {
    expect(ids((await results("quantized")).page.hits)).toEqual(["2611.00001", "2611.00002", "2611.00003"]);
  });

  it("finds authors by name, also when English stemming would change it", async () => {
    expect(ids((await results("Priya Sharma")).page.hits)).toEqual(["2611.00006"]);
    expect(ids((await results("jones")).page.hits)).toEqual(["2611.00007"]);
  });
});

describe("web-search syntax", () => {
  it("requires the words of a phrase to be adjacent and in order", async () => {
    expect(ids((await results('"kv cache"')).page.hits)).toEqual(["2611.00004"]);
    expect(ids((await results("kv cache")).page.hits).sort()).toEqual(["2611.00004", "2611.00005"]);
  });

  it("excludes words and phrases", async () => {
    expect(ids((await results("cache -retrieval")).page.hits)).toEqual(["2611.00004"]);
    expect(ids((await results('kv -"kv cache"')).page.hits)).toEqual(["2611.00005"]);
  });

  it("matches either word with OR", async () => {
    expect(ids((await results("circuits OR samplers")).page.hits).sort()).toEqual(["2611.00006", "2611.00009"]);
  });

  it("returns the empty state for exclusions or stop words alone", async () => {
    for (const q of ["-quantization", "the of and", ""]) {
      const { page } = await results(q);
      expect(page).toMatchObject({ hits: [], total: { count: 0, exact: true }, empty: "no-terms" });
    }
  });
});

describe("typo tolerance", () => {
  it("corrects a misspelt word when the search finds nothing", async () => {
    const outcome = await results("quantizaton");
    expect(outcome.correction).toEqual({ original: "quantizaton", corrected: "quantization" });
    expect(ids(outcome.page.hits)).toEqual(["2611.00001", "2611.00002", "2611.00003"]);
    const transformer = await results("Tranformer");
    expect(transformer.correction).toEqual({ original: "Tranformer", corrected: "transformer" });
    expect(ids(transformer.page.hits).sort()).toEqual(["2611.00006", "2611.00007"]);
  });

  it("searches the words as typed with exact=1, and leaves found words alone", async () => {
    const exact = await results("quantizaton", { exact: "1" });
    expect(exact.correction).toBeNull();
    expect(exact.page.hits).toEqual([]);
    expect((await results("quantization")).correction).toBeNull();
  });
});

describe("highlights", () => {
  it("marks the matched words in the title and in an abstract snippet", async () => {
    const { page } = await results("quantization");
    expect(page.hits[0]!.highlights.title).toEqual([
      { text: "Quantization", match: true },
      { text: " of large language models", match: false },
    ]);
    expect(page.hits[2]!.highlights.abstract).toEqual([
      { text: "We apply ", match: false },
      { text: "quantization", match: true },
      { text: ", then ", match: false },
      { text: "quantization", match: true },
      { text: " again.", match: false },
    ]);
  });

  it("marks a phrase as one stretch", async () => {
    const { page } = await results('"kv cache"');
    expect(page.hits[0]!.highlights.abstract.filter((s) => s.match)).toEqual([{ text: "kv cache", match: true }]);
  });
});

describe("non-English text", () => {
  it("finds Chinese titles by any two-character run, and not by characters out of order", async () => {
    expect(ids((await results("盘古")).page.hits)).toEqual(["2611.00008"]);
    expect(ids((await results("语言模型")).page.hits)).toEqual(["2611.00008"]);
    expect((await results("模型语言")).page.hits).toEqual([]);
    const { page } = await results("盘古 PanGu");
    expect(page.hits[0]!.highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(["盘古", "PanGu"]);
  });
});

describe("arXiv ids", () => {
  it("answers a paper for an id or abs URL, whether or not PaperPulse has it", async () => {
    expect(await search("https://arxiv.org/abs/2611.00004v2")).toEqual({ kind: "paper", id: "2611.00004", exists: true });
    expect(await search("arXiv:2611.00004")).toEqual({ kind: "paper", id: "2611.00004", exists: true });
    expect(await search("2611.99999")).toEqual({ kind: "paper", id: "2611.99999", exists: false });
  });
});

describe("filters and tag counts", () => {
  it("counts the tags of the matches and filters by tags and dates", async () => {
    const { page } = await results("quantization");
    const facets = Object.fromEntries(page.facets.map((f) => [f.slug, f.count]));
    expect(facets["cs-lg"]).toBe(2);
    expect(facets["cs-cv"]).toBe(1);
    expect(page.facets.find((f) => f.slug === "cs-lg")).toMatchObject({ kind: "category", name: expect.stringContaining("Machine Learning") });
    expect(ids((await results("quantization", { tags: "cs-cv" })).page.hits)).toEqual(["2611.00003"]);
    expect((await results("quantization", { tags: "no-such-tag" })).page.hits).toEqual([]);
    expect(ids((await results("quantization", { from: "2026-11-21", to: "2026-11-21" })).page.hits)).toEqual(["2611.00002"]);
  });

  it("searches by tags alone, newest first for relevance", async () => {
    const { page } = await results("", { tags: "cs-cv" });
    expect(ids(page.hits)).toEqual(["2611.00007", "2611.00003", "2611.00009"]);
    expect(page.hits.every((h) => h.rank === null)).toBe(true);
  });

  it("sorts by trending, upvotes and date", async () => {
    expect(ids((await results("transformer", { sort: "new" })).page.hits)).toEqual(["2611.00007", "2611.00006"]);
    expect((await results("transformer", { sort: "trending" })).page.hits).toHaveLength(2);
  });
});

describe("pagination", () => {
  beforeEach(async () => {
    await truncateAll();
    // 47 papers over 12 days, with 1 to 4 occurrences of the word, so ranks and dates tie often.
    const papers = Array.from({ length: 47 }, (_, i) =>
      makePaper({
        ...base,
        id: `2611.${String(100 + i).padStart(5, "0")}`,
        title: `Paper ${i} about ${i % 3 === 0 ? "pagination" : "paging"}`,
        abstract: `${"pagination ".repeat(1 + (i % 4))}and more text ${i}.`,
        upvotes: i % 5,
        listedOn: `2026-11-${String(10 + (i % 12)).padStart(2, "0")}`,
      }),
    );
    await upsertPapers(papers, { today: "2026-11-28" });
    await withSqlSession((sql) => sql.exec("ANALYZE papers"));
    forgetCorpusStats();
  });

  async function allPages(sort: SearchSort, options: SearchOptions = {}, limit = 10) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i += 1) {
      const page = await searchPapers({ query: parseSearchQuery("pagination"), tags: [], sort, limit, cursor }, options);
      seen.push(...ids(page.hits));
      if (!page.nextCursor) return { seen, last: page };
      cursor = page.nextCursor;
    }
    throw new Error("more than 20 pages");
  }

  it.each(["relevance", "trending", "top", "new"] as const)("goes through every match once, sorted by %s", async (sort) => {
    const { seen } = await allPages(sort);
    expect(seen).toHaveLength(47);
    expect(new Set(seen).size).toBe(47);
  });

  it("keeps relevance order across pages", async () => {
    const ranks: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchPapers({ query: parseSearchQuery("pagination"), tags: [], sort: "relevance", limit: 7, cursor });
      ranks.push(...page.hits.map((h) => h.rank!));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("with a small candidate window ranks the most recent matches, and newest-first still reaches all", async () => {
    const options = { targetCandidates: 6, targetHeadCandidates: 1 };
    const { seen, last } = await allPages("relevance", options, 4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(last.complete).toBe(false);
    expect(last.since).not.toBeNull();
    expect(seen.length).toBeLessThan(47);
    const newest = await allPages("new", options, 4);
    expect(newest.seen).toHaveLength(47);
    expect(new Set(newest.seen).size).toBe(47);
  });

  it("rejects a cursor that is not one, or belongs to another sort", async () => {
    const first = await searchPapers({ query: parseSearchQuery("pagination"), tags: [], sort: "new", limit: 5 });
    await expect(searchPapers({ query: parseSearchQuery("pagination"), tags: [], sort: "relevance", limit: 5, cursor: first.nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(searchPapers({ query: parseSearchQuery("pagination"), tags: [], sort: "new", limit: 5, cursor: "bm90LWpzb24" })).rejects.toBeInstanceOf(InvalidCursorError);
  });
});

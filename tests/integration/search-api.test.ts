import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/openapi.json/route";
import { GET as listPapersRoute } from "@/app/api/papers/route";
import { GET as suggestRoute } from "@/app/api/search/suggest/route";
import { withSqlSession } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { apiErrorSchema, feedListSchema, searchListSchema, suggestionsSchema, tagListSchema } from "@/lib/openapi/schemas";
import { forgetCorpusStats } from "@/lib/search/stats";
import { toApiTags } from "@/lib/tags/api";
import { listTags } from "@/lib/tags/queries";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// The public API around search: GET /api/papers?q=, the suggestions, the tag list and the
// OpenAPI document. Responses are parsed with the same (strict) zod schemas the OpenAPI
// document is generated from, so the document describes exactly what is sent.

const get = (query: string) => listPapersRoute(new Request(`http://localhost/api/papers${query}`), undefined as never);
const suggestions = (query: string) => suggestRoute(new Request(`http://localhost/api/search/suggest${query}`), undefined as never);

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00201", title: "Quantization of language models", abstract: "Low-bit quantization.", categories: ["cs.LG"], listedOn: "2026-11-26", upvotes: 5 }),
      makePaper({ id: "2611.00202", title: "Quantized diffusion samplers", abstract: "Diffusion with quantization.", keywords: ["quantization"], categories: ["cs.CV"], listedOn: "2026-11-27", upvotes: 9 }),
      makePaper({ id: "2611.00203", title: "Agents that plan", abstract: "Planning agents.", categories: ["cs.AI"], listedOn: "2026-11-27" }),
    ],
    { today: "2026-11-28" },
  );
  forgetCorpusStats();
});

describe("GET /api/papers?q=", () => {
  it("returns ranked results with highlights, tag counts and an exact total", async () => {
    const response = await get("?q=quantization");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("max-age=60");
    const body = searchListSchema.parse(await response.json());
    expect(body.query).toEqual({ q: "quantization", arxivId: null, corrected: null });
    expect(body.total).toEqual({ count: 2, exact: true });
    // The second one also has the word among its keywords.
    expect(body.papers.map((p) => p.id)).toEqual(["2611.00202", "2611.00201"]);
    expect(body.papers[1]!.highlights!.title[0]).toEqual({ text: "Quantization", match: true });
    expect(body.facets.map((f) => [f.slug, f.count])).toEqual(expect.arrayContaining([["cs-lg", 1], ["cs-cv", 1]]));
    expect(body.nextCursor).toBeNull();
  });

  it("takes tags, a period or a date range, a sort and a limit, and pages with the cursor", async () => {
    const top = searchListSchema.parse(await (await get("?q=quantization&sort=top&limit=1")).json());
    expect(top.papers.map((p) => p.id)).toEqual(["2611.00202"]);
    const next = searchListSchema.parse(await (await get(`?q=quantization&sort=top&limit=1&cursor=${top.nextCursor}`)).json());
    expect(next.papers.map((p) => p.id)).toEqual(["2611.00201"]);
    expect(next.nextCursor).toBeNull();
    const tagged = searchListSchema.parse(await (await get("?q=quantization&tags=cs-cv")).json());
    expect(tagged.papers.map((p) => p.id)).toEqual(["2611.00202"]);
    const day = searchListSchema.parse(await (await get("?q=quantization&date=2026-11-26")).json());
    expect(day.papers.map((p) => p.id)).toEqual(["2611.00201"]);
    expect(day.range).toEqual({ from: "2026-11-26", to: "2026-11-26" });
    const range = searchListSchema.parse(await (await get("?q=quantization&from=2026-11-27&to=2026-11-28")).json());
    expect(range.papers.map((p) => p.id)).toEqual(["2611.00202"]);
  });

  it("answers an arXiv id with that paper, and corrects typos", async () => {
    const paper = searchListSchema.parse(await (await get("?q=https://arxiv.org/abs/2611.00203v1")).json());
    expect(paper.query.arxivId).toBe("2611.00203");
    expect(paper.papers.map((p) => p.id)).toEqual(["2611.00203"]);
    const typo = searchListSchema.parse(await (await get("?q=quantizaton")).json());
    expect(typo.query.corrected).toBe("quantization");
    expect(typo.total.count).toBe(2);
  });

  it("still lists the feed without q", async () => {
    const body = feedListSchema.parse(await (await get("?date=2026-11-27")).json());
    expect(body.papers.map((p) => p.id).sort()).toEqual(["2611.00202", "2611.00203"]);
  });

  // Bad input: a 200 with results or an empty state, or a 400 with a message; never a 500.
  it.each([
    ["a 10,000-character query", `?q=${"a".repeat(10_000)}`, 400, "q must be at most 500 characters"],
    ["an unbalanced quote", `?q=${encodeURIComponent('"quantization')}`, 200, null],
    ["tsquery operators", `?q=${encodeURIComponent("quantization & | ! : * ( ) <-> <2>")}`, 200, null],
    ["only operators", `?q=${encodeURIComponent("&|!:*()")}`, 200, null],
    ["an SQL fragment", `?q=${encodeURIComponent("'; DROP TABLE papers; --")}`, 200, null],
    ["emoji", `?q=${encodeURIComponent("🚀🔥 quantization")}`, 200, null],
    ["CJK", `?q=${encodeURIComponent("盘古 大模型")}`, 200, null],
    ["a NUL byte", `?q=${encodeURIComponent("quanti\u0000zation")}`, 200, null],
    ["an empty query", "?q=", 200, null],
    ["exclusions only", "?q=-quantization", 200, null],
    ["an unknown tag", "?q=quantization&tags=no-such-tag", 200, null],
    ["a huge limit", "?q=quantization&limit=1000000", 400, "limit must be at most 100"],
    ["a negative limit", "?q=quantization&limit=-5", 400, "limit must be at least 1"],
    ["a bad cursor", "?q=quantization&cursor=bm90LWpzb24", 400, "cursor is not valid"],
    ["a cursor with SQL", `?q=quantization&cursor=${encodeURIComponent("' OR 1=1--")}`, 400, "cursor"],
    ["a crafted cursor", `?q=quantization&cursor=${Buffer.from(JSON.stringify({ s: "relevance", e: "'; DROP", b: null, h: null, k: 1, d: "x", id: "1", r: 1 })).toString("base64url")}`, 400, "cursor"],
    ["a cursor of another sort", `?q=quantization&sort=new&cursor=${Buffer.from(JSON.stringify({ s: "relevance", e: "2026-11-30", b: null, h: null, k: 1, d: "2026-11-20", id: "1", r: 1 })).toString("base64url")}`, 400, "cursor"],
    ["relevance without q", "?sort=relevance", 400, "sort=relevance needs q"],
    ["a date range without q", "?from=2026-11-01", 400, "from and to narrow a search"],
    ["a date range the wrong way round", "?q=x&from=2026-11-20&to=2026-11-01", 400, "from must be on or before to"],
    ["a period and a range", "?q=x&date=2026-11-20&from=2026-11-01", 400, "either from/to or one of date, week and month"],
    ["an impossible date", "?q=x&from=2026-02-30", 400, "from"],
    ["a bad tag", "?q=x&tags=%3Cscript%3E", 400, "tags"],
  ])("%s", async (_label, query, status, message) => {
    const response = await get(query);
    expect(response.status).toBe(status);
    const body = await response.json();
    if (status === 400) {
      expect(apiErrorSchema.parse(body).error).toEqual({ code: "bad_request", message: expect.stringContaining(message!) });
      expect(response.headers.get("cache-control")).toBe("no-store");
    } else {
      expect("error" in body).toBe(false);
    }
  });

  it("leaves the database alone whatever the query", async () => {
    await get(`?q=${encodeURIComponent("'); DELETE FROM papers; --")}`);
    const rows = await withSqlSession((sql) => sql.query<{ n: number }>("SELECT count(*)::int AS n FROM papers"));
    expect(rows[0]!.n).toBe(3);
  });
});

describe("GET /api/search/suggest", () => {
  beforeAll(async () => {
    // Completions come from words used by at least two papers.
    await upsertPapers(
      [
        makePaper({ id: "2611.00211", title: "More quantization", categories: ["cs.NE"], listedOn: "2026-11-20" }),
        makePaper({ id: "2611.00212", title: "Quantized networks again", categories: ["cs.NE"], listedOn: "2026-11-20" }),
      ],
      { today: "2026-11-28" },
    );
    forgetCorpusStats();
  });

  it("completes the word being typed and suggests papers and tags", async () => {
    const response = await suggestions("?q=quant");
    expect(response.status).toBe(200);
    const body = suggestionsSchema.parse(await response.json());
    expect(body.completions).toEqual(["quantization", "quantized"]);
    expect(body.papers.map((p) => p.id).sort()).toEqual(["2611.00201", "2611.00202", "2611.00211", "2611.00212"]);
    const tags = suggestionsSchema.parse(await (await suggestions("?q=agen")).json()).tags;
    expect(tags.map((t) => t.slug)).toContain("agents");
  });

  it("handles empty, odd and overlong input", async () => {
    expect(suggestionsSchema.parse(await (await suggestions("?q=")).json())).toEqual({ completions: [], papers: [], tags: [] });
    expect((await suggestions(`?q=${encodeURIComponent("&|!:*() 🚀 ' --")}`)).status).toBe(200);
    const long = await suggestions(`?q=${"x".repeat(300)}`);
    expect(long.status).toBe(400);
    expect(apiErrorSchema.parse(await long.json()).error.message).toContain("at most 200");
  });
});

describe("tags and the OpenAPI document", () => {
  it("lists tags with their number of papers and feed links", async () => {
    const body = tagListSchema.parse(toApiTags(await listTags(), "http://localhost:3999"));
    const lg = body.tags.find((t) => t.slug === "cs-lg");
    expect(lg).toMatchObject({ kind: "category", papers: 1, links: { page: "http://localhost:3999/tags/cs-lg", rss: "http://localhost:3999/feeds/tags/cs-lg.rss" } });
    expect(body.tags.findIndex((t) => t.kind === "category")).toBeGreaterThan(body.tags.findLastIndex((t) => t.kind === "topic"));
  });

  it("serves an OpenAPI 3.1 document that describes every endpoint and parameter", async () => {
    const response = openApiRoute();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/openapi.json",
      "/api/papers",
      "/api/papers/{id}",
      "/api/search/suggest",
      "/api/tags",
      "/feeds/search.{format}",
      "/feeds/tags/{slug}.{format}",
      "/feeds/trending.{format}",
      "/feeds/{view}/{key}.{format}",
    ]);
    expect(doc.paths["/feeds/{view}/{key}.{format}"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["view", "key", "format", "sort", "tags"]);
    const params = doc.paths["/api/papers"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(["q", "date", "week", "month", "from", "to", "sort", "tags", "limit", "cursor"]);
    expect(doc.paths["/api/papers"].get.parameters.find((p: { name: string }) => p.name === "limit").schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 30 });
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["Paper", "SearchList", "FeedList", "Error", "TagList"]));
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.filter((r) => !(r! in doc.components.schemas))).toEqual([]);
  });
});

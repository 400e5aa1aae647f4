import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPaperRoute } from "@/app/api/papers/[...id]/route";
import { GET as listPapersRoute } from "@/app/api/papers/route";
import { upsertPapers } from "@/lib/ingest/upsert";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// The read API contract that later work depends on: shapes, status codes, error bodies.

const list = (query: string) => listPapersRoute(new Request(`http://localhost/api/papers${query}`), undefined as never);
const one = (...id: string[]) => getPaperRoute(new Request(`http://localhost/api/papers/${id.join("/")}`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00101", version: 2, upvotes: 12, githubRepo: "acme/fast-llm", githubStars: 340, projectPage: "https://acme.github.io/fast", doi: "10.1000/xyz", categories: ["cs.CL", "cs.LG"], primaryCategory: "cs.CL", listedOn: "2026-11-26" }),
      makePaper({ id: "2611.00102", upvotes: 30, listedOn: "2026-11-26" }),
      makePaper({ id: "2611.00103", upvotes: 1, listedOn: "2026-11-27" }),
      makePaper({ id: "hep-th/9901001", upvotes: 2, listedOn: "2026-11-20", categories: ["hep-th"], primaryCategory: "hep-th" }),
    ],
    { today: "2026-11-27" },
  );
});

describe("GET /api/papers/<id>", () => {
  it("returns the paper in the documented shape", async () => {
    const response = await one("2611.00101");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toContain("max-age=");
    const body = await response.json();
    expect(body).toMatchObject({
      id: "2611.00101",
      version: 2,
      title: expect.any(String),
      abstract: expect.any(String),
      authors: ["Ada Tester", "Grace Fixture"],
      publishedAt: "2026-11-20T10:00:00.000Z",
      updatedAt: "2026-11-20T10:00:00.000Z",
      listedOn: "2026-11-26",
      primaryCategory: "cs.CL",
      categories: ["cs.CL", "cs.LG"],
      upvotes: 12,
      githubRepo: "acme/fast-llm",
      githubStars: 340,
      projectPage: "https://acme.github.io/fast",
      doi: "10.1000/xyz",
      links: { abs: "https://arxiv.org/abs/2611.00101", pdf: "https://arxiv.org/pdf/2611.00101v2" },
    });
    expect(body.tags).toEqual(expect.arrayContaining(["cs-cl", "cs-lg"]));
  });

  it("finds old-style ids and ignores a version suffix", async () => {
    expect((await (await one("hep-th", "9901001")).json()).id).toBe("hep-th/9901001");
    expect((await (await one("2611.00101v1")).json()).id).toBe("2611.00101");
  });

  it.each([
    [["2611.99999"], 404, "not_found"],
    [["not-an-id"], 400, "bad_request"],
    [["..", "..", "etc", "passwd"], 400, "bad_request"],
    [["2611.00101%00"], 400, "bad_request"],
    [["<script>alert(1)</script>"], 400, "bad_request"],
  ])("answers %j with %i", async (id, status, code) => {
    const response = await one(...id);
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
    expect(body.error.message.length).toBeGreaterThan(10);
  });
});

describe("GET /api/papers", () => {
  it("lists the latest day by default, trending first, with a cursor for more", async () => {
    const response = await list("");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.period).toEqual({ kind: "date", key: "2026-11-27", start: "2026-11-27", end: "2026-11-27" });
    expect(body.papers.map((p: { id: string }) => p.id)).toEqual(["2611.00103"]);
    expect(body.nextCursor).toBeNull();
  });

  it("takes a date, week or month, a sort, tags and a limit, and pages with the cursor", async () => {
    const first = await (await list("?week=2026-W48&sort=top&limit=1")).json();
    expect(first.papers.map((p: { id: string }) => p.id)).toEqual(["2611.00102"]);
    const second = await (await list(`?week=2026-W48&sort=top&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.papers.map((p: { id: string }) => p.id)).toEqual(["2611.00101"]);
    const tagged = await (await list("?month=2026-11&tags=cs-cl")).json();
    expect(tagged.papers.map((p: { id: string }) => p.id)).toEqual(["2611.00101"]);
    const day = await (await list("?date=2026-11-20")).json();
    expect(day.papers.map((p: { id: string }) => p.id)).toEqual(["hep-th/9901001"]);
    const empty = await (await list("?date=2026-11-21")).json();
    expect(empty).toEqual({ period: { kind: "date", key: "2026-11-21", start: "2026-11-21", end: "2026-11-21" }, papers: [], nextCursor: null });
  });

  it.each([
    ["?date=2026-02-30", "date"],
    ["?date=2026-11-28T00:00:00", "date"],
    ["?week=2026-W54", "week"],
    ["?month=2026-13", "month"],
    ["?date=2026-11-20&week=2026-W48", "at most one"],
    ["?sort=sideways", "sort"],
    ["?limit=101", "at most 100"],
    ["?limit=0", "at least 1"],
    ["?limit=ten", "limit"],
    ["?cursor=%27%20OR%201%3D1--", "cursor"],
    ["?cursor=eyJ1IjoiYSJ9", "cursor"],
    ["?tags=%3Cscript%3E", "tags"],
    [`?tags=${Array.from({ length: 12 }, (_, i) => `topic${i}`).join(",")}`, "at most 8 tags"],
  ])("rejects %s with a 400 that names the problem", async (query, mention) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(mention);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { syntheticHfDailyPapers } from "@/bench/lib/synthetic-hf-papers";
import { getDb } from "@/lib/db";
import { loadDemoPapers } from "@/lib/demo/load-demo";
import { ABANDONED_MESSAGE, MAX_RUN_ERRORS, markAbandonedIngestRuns } from "@/lib/ingest/ingest-runs";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { runIngest } from "@/lib/ingest/run-ingest";
import { runHousekeeping } from "@/lib/jobs/housekeeping";
import { dateToDay } from "@/lib/papers/dates";
import { hasDemoPapers } from "@/lib/papers/queries";
import { readFixture } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";

// upsert + run-ingest on PostgreSQL, fed with payloads in the real formats from
// tests/fixtures (HF daily papers current and 2024 shapes, arXiv API Atom, arXiv RSS).

const TODAY = "2026-06-15";

function importBody(body: string, options: { source?: string; today?: string; contentType?: string } = {}) {
  return runIngest({
    source: options.source ?? "file:test",
    trigger: "cli",
    today: options.today ?? TODAY,
    load: async () => parsePayload(body, options.contentType),
  });
}

const importFixture = (file: string, options: { today?: string } = {}) => importBody(readFixture(file), { source: `file:${file}`, ...options });

async function paper(id: string) {
  const db = await getDb();
  const row = await db.paper.findUnique({ where: { id }, include: { tags: { include: { tag: true } }, snapshots: { orderBy: { day: "asc" } } } });
  if (!row) return null;
  return {
    ...row,
    listedOn: dateToDay(row.listedOn),
    tagSlugs: row.tags.map((t) => t.tag.slug).sort(),
    snapshots: row.snapshots.map((s) => ({ day: dateToDay(s.day), upvotes: s.upvotes, githubStars: s.githubStars })),
  };
}

async function countPapers() {
  return (await getDb()).paper.count();
}

beforeEach(async () => {
  await truncateAll();
});

describe("Hugging Face daily papers", () => {
  it("imports the current shape with every field, tags and a snapshot; re-importing it changes nothing", async () => {
    const first = await importFixture("ingest/hf-daily-papers-current.json");
    expect(first).toMatchObject({ status: "succeeded", new: 3, updated: 0, unchanged: 0, failed: 0, errors: [] });
    expect(first.changes).toMatchObject({ touchedDays: ["2026-06-12"], addedDays: true });
    expect(first.changes.touchedPaperIds.sort()).toEqual(["2606.07777", "2606.08101", "2606.09001"]);

    const lanterns = await paper("2606.07777");
    expect(lanterns).toMatchObject({
      version: 1,
      title: "Lattice Lanterns: Sparse Probing of Retrieval Heads in Long-Context Language Models",
      authors: ["Ilse Marchetti", "Tomasz Wróbel", "Ngozi Adeyemi"],
      listedOn: "2026-06-12",
      upvotes: 41,
      githubRepo: "hf-curated/lattice-lanterns",
      githubStars: 120,
      projectPage: "https://lanterns.example.org/",
      commentCount: 2,
      keywords: ["retrieval heads", "long-context language models", "sparse probing", "needle-in-a-haystack"],
      source: "huggingface",
    });
    expect(lanterns?.publishedAt.toISOString()).toBe("2026-06-09T16:20:11.000Z");
    expect(lanterns?.tagSlugs).toContain("long-context");
    expect(lanterns?.snapshots).toEqual([{ day: TODAY, upvotes: 41, githubStars: 120 }]);

    const drift = await paper("2606.09001");
    expect(drift?.authors).toEqual(["Rosa Lindgren", "Kenta Mori"]);
    expect(drift?.abstract).toBe(
      "Diffusion policies for robot manipulation degrade when the scene drifts from the demonstrations.\n\nWe add a drift estimate to the denoiser and recover 30% of the lost success rate on real robots.",
    );
    expect(drift).toMatchObject({ projectPage: "https://drift-policies.github.io", githubRepo: null, commentCount: 5 });
    expect(drift?.tagSlugs).toEqual(expect.arrayContaining(["diffusion", "robotics"]));

    const db = await getDb();
    const modifiedBefore = (await db.paper.findMany({ select: { id: true, modifiedAt: true }, orderBy: { id: "asc" } })).map((p) => p.modifiedAt.getTime());
    const again = await importFixture("ingest/hf-daily-papers-current.json");
    expect(again).toMatchObject({ status: "succeeded", new: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(again.changes).toEqual({ touchedDays: [], touchedPaperIds: [], touchedTags: [], touchedOrgs: [], addedDays: false });
    const modifiedAfter = (await db.paper.findMany({ select: { id: true, modifiedAt: true }, orderBy: { id: "asc" } })).map((p) => p.modifiedAt.getTime());
    expect(modifiedAfter).toEqual(modifiedBefore);
    expect(await db.paperSnapshot.count()).toBe(3);
    expect(await countPapers()).toBe(3);
  });

  it("reads the 2024 shape: listed on the outer publishedAt day, text unwrapped, hidden authors left out", async () => {
    const result = await importFixture("ingest/hf-daily-papers-2024.json");
    expect(result).toMatchObject({ status: "succeeded", new: 2 });
    const tidal = await paper("2406.01234");
    expect(tidal).toMatchObject({
      title: "Tidal Attention: Sparse Routing for Long-Context Language Models on Commodity Hardware",
      authors: ["Mira Okonkwo", "Tobias Lindqvist", "Priya Raman"],
      listedOn: "2024-06-04",
      upvotes: 27,
      commentCount: 4,
      keywords: [],
    });
    expect(tidal?.abstract).toBe(
      "We study how attention heads can be routed sparsely across very long contexts without specialised kernels. Our method, Tidal Attention, groups tokens into drifting windows and revisits only the windows whose summaries change.\n\nOn three long-document benchmarks it matches dense attention while using a fraction of the memory.",
    );
    expect(await paper("2406.00987")).toMatchObject({ title: "A Field Guide to Counting Tokens", listedOn: "2024-06-03" });
  });

  it("updates upvotes and stars from a later fetch and keeps one snapshot per day", async () => {
    const body = readFixture("ingest/hf-daily-papers-current.json");
    await importBody(body);
    const later = JSON.parse(body) as { paper: { id: string; upvotes: number; githubStars?: number } }[];
    later[0]!.paper.upvotes = 58;
    later[0]!.paper.githubStars = 150;

    const sameDay = await importBody(JSON.stringify(later));
    expect(sameDay).toMatchObject({ new: 0, updated: 1, unchanged: 2 });
    expect(sameDay.changes.touchedPaperIds).toEqual(["2606.07777"]);
    expect(sameDay.changes.touchedDays).toEqual(["2026-06-12"]);
    expect(await paper("2606.07777")).toMatchObject({ upvotes: 58, githubStars: 150, snapshots: [{ day: TODAY, upvotes: 58, githubStars: 150 }] });

    const nextDay = await importBody(JSON.stringify(later), { today: "2026-06-16" });
    expect(nextDay).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect((await paper("2606.07777"))?.snapshots).toEqual([
      { day: TODAY, upvotes: 58, githubStars: 150 },
      { day: "2026-06-16", upvotes: 58, githubStars: 150 },
    ]);
  });
});

describe("arXiv API (Atom)", () => {
  it("stores old-style ids, every arXiv field, and markup in titles as text; a broken entry fails alone", async () => {
    const result = await importFixture("ingest/arxiv-atom-sample.xml");
    expect(result).toMatchObject({ status: "partial", new: 3, failed: 1 });
    expect(result.errors).toEqual([{ index: 3, id: "http://arxiv.org/abs/not-a-paper", title: "Broken Entry", message: 'id: "http://arxiv.org/abs/not-a-paper" is not an arXiv id' }]);

    expect(await paper("hep-th/9901001")).toMatchObject({
      version: 2,
      title: "Boundary Terms for Folded Membranes in Three Dimensions",
      authors: ["Hanna Vogel", "Rafael Duarte", "Ola Nordmann"],
      primaryCategory: "hep-th",
      categories: ["hep-th", "gr-qc", "math-ph", "math.MP"],
      doi: "10.9999/example.1999.0042",
      journalRef: "J. Imag. Phys. 12 (1999) 345-356",
      comment: "12 pages, 3 figures; v2: typos fixed",
      // An archival import: listed on the day version 1 was submitted, not on the import day.
      listedOn: "1999-01-05",
      source: "arxiv_api",
    });
    expect((await paper("2605.11111"))?.title).toBe("<script>alert(1)</script> Is Not a Title");
    expect(await paper("2606.04211")).toMatchObject({
      title: "Tidepool: Self-Correcting Retrieval with <b>Claim</b> Provenance for R&D Agents",
      githubRepo: "lumen-lab/tidepool",
      projectPage: "https://tidepool-ml.github.io",
    });
    // Category tags carry arXiv's human names.
    const db = await getDb();
    expect(await db.tag.findUnique({ where: { slug: "hep-th" }, select: { name: true, kind: true } })).toEqual({ name: "High Energy Physics - Theory", kind: "category" });
  });

  it("a new version updates the paper, an older one changes nothing, and the listed day never moves", async () => {
    const v2 = readFixture("arxiv-api/2606.07777.xml");
    expect(await importBody(v2, { today: "2026-06-15" })).toMatchObject({ new: 1 });
    expect(await paper("2606.07777")).toMatchObject({ version: 2, listedOn: "2026-06-15" });

    const v3 = v2.replaceAll("2606.07777v2", "2606.07777v3").replace("<updated>2026-06-13T09:41:02Z", "<updated>2026-06-18T08:00:00Z").replace("Lattice Lanterns: Sparse", "Lattice Lanterns v3: Sparse");
    const updated = await importBody(v3, { today: "2026-06-20" });
    expect(updated).toMatchObject({ new: 0, updated: 1 });
    expect(updated.changes.touchedDays).toEqual(["2026-06-15"]);
    const afterV3 = await paper("2606.07777");
    expect(afterV3).toMatchObject({ version: 3, title: "Lattice Lanterns v3: Sparse Probing of Retrieval Heads in Long-Context Language Models", listedOn: "2026-06-15" });
    expect(afterV3?.updatedAt.toISOString()).toBe("2026-06-18T08:00:00.000Z");

    expect(await importBody(v2, { today: "2026-06-21" })).toMatchObject({ new: 0, updated: 0, unchanged: 1 });
    expect((await paper("2606.07777"))?.title).toContain("Lattice Lanterns v3");

    // HF lists the paper later on another day: counts and curated links arrive, the day and the v3 text stay.
    const hf = await importFixture("ingest/hf-daily-papers-current.json");
    expect(hf).toMatchObject({ new: 2, updated: 1 });
    expect(await paper("2606.07777")).toMatchObject({
      version: 3,
      title: "Lattice Lanterns v3: Sparse Probing of Retrieval Heads in Long-Context Language Models",
      listedOn: "2026-06-15",
      upvotes: 41,
      githubRepo: "hf-curated/lattice-lanterns",
      projectPage: "https://lanterns.example.org/",
    });
    expect(await countPapers()).toBe(3);
  });

  it("fills GitHub and project links from the arXiv comment only where Hugging Face has none", async () => {
    await importFixture("ingest/hf-daily-papers-current.json");
    await importFixture("arxiv-api/cat-cs.CL.xml");
    await importFixture("arxiv-api/2606.07777.xml");
    expect(await paper("2606.08101")).toMatchObject({ githubRepo: "checklist-judge/checklists", projectPage: null, categories: ["cs.CL", "cs.AI"], listedOn: "2026-06-12" });
    expect(await paper("2606.07777")).toMatchObject({ githubRepo: "hf-curated/lattice-lanterns", projectPage: "https://lanterns.example.org/", version: 2 });
    expect((await paper("2606.08101"))?.tagSlugs).toEqual(expect.arrayContaining(["cs-cl", "cs-ai"]));
  });
});

describe("arXiv RSS", () => {
  it("lists new and cross-listed papers on their announce day; replacements update and never add a paper", async () => {
    const result = await importFixture("ingest/arxiv-rss-sample.xml");
    expect(result).toMatchObject({ status: "partial", new: 3, updated: 0, unchanged: 0, skipped: 2, failed: 1 });
    expect(result.errors[0]?.message).toBe('announceType: unknown "updated" (expected new, cross, replace, replace-cross, absonly)');
    expect(await countPapers()).toBe(3);
    expect(await paper("2604.09876")).toBeNull();
    expect(await paper("math.GT/0309136")).toBeNull();

    // The cross-listing (v1) and its replacement (v2) in one feed: one paper, v2 text, the cross-listing's day.
    const gradient = await paper("2606.04888");
    expect(gradient).toMatchObject({ version: 2, listedOn: "2026-06-11", authors: ["George Hill, Jr.", "Ines Castro"] });
    expect(gradient?.abstract).toContain("and correct a constant in Theorem 2");
    expect(await paper("2606.05001")).toMatchObject({ listedOn: "2026-06-12", authors: ["Amara Nwosu", "Björn Sandberg", "Chen Wei", "Dana Anand"], categories: ["cs.LG", "cs.AI"] });
    expect((await paper("2606.05002"))?.title).toBe("<script>alert(1)</script> and Other Unsafe Titles");

    const replacements = await importFixture("ingest/arxiv-rss-replacements.xml", { today: "2026-06-16" });
    expect(replacements).toMatchObject({ status: "succeeded", new: 0, updated: 2, skipped: 1 });
    expect(await paper("2606.05001")).toMatchObject({ version: 2, listedOn: "2026-06-12" });
    expect((await paper("2606.05001"))?.abstract).toContain("add experiments on two new domains");
    expect(await paper("2606.05002")).toMatchObject({ version: 2, title: "Unsafe Titles, Revisited", categories: ["cs.CR", "cs.LG"], listedOn: "2026-06-12" });
    expect(await countPapers()).toBe(3);

    expect(await importFixture("ingest/arxiv-rss-sample.xml")).toMatchObject({ new: 0, skipped: 2 });
    expect(await countPapers()).toBe(3);
  });
});

describe("bad input", () => {
  it("fails bad items one by one with a message naming the field, and still imports the good ones whole", async () => {
    const result = await importFixture("ingest/hf-daily-papers-current-edge-cases.json");
    expect(result).toMatchObject({ status: "partial", new: 2, failed: 8 });
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { index: 1, id: "2606.04300", title: "A Paper With Negative Upvotes", message: "paper.upvotes: must be >= 0" },
        { index: 2, id: "2606.04301", title: "Published Before Electricity", message: "publishedAt: is before arXiv existed (1991)" },
        { index: 3, id: "2606.04302", message: "paper.title: required" },
        { index: 8, id: "2606.04304", title: expect.any(String), message: "listedOn: is before arXiv existed (1991)" },
        { index: 9, id: "2606.04305", title: expect.any(String), message: "paper.upvotes: must be a number" },
      ]),
    );
    const db = await getDb();
    expect((await db.paper.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual(["2606.04211", "2606.04303"]);
    expect(await db.paperSnapshot.count()).toBe(2);
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "partial", newCount: 2, failedCount: 8, trigger: "cli", source: "file:ingest/hf-daily-papers-current-edge-cases.json" });
  });

  it.each([
    ["malformed JSON", '[{"paper": ', undefined, "Malformed JSON at position 11: unexpected end of input"],
    ["malformed XML", "<feed><entry></feed>", undefined, "Malformed XML at line 1, column 14: Expected closing tag 'entry' (opened in line 1, col 7) instead of closing tag 'feed'."],
    ["a wrong content type", readFixture("ingest/hf-daily-papers-current.json"), "image/png", 'Content type "image/png" is not a paper feed (expected JSON, Atom or RSS)'],
    ["an HTML page", "<!DOCTYPE html><html><body>Rate limited</body></html>", "text/html", "Payload is an HTML page, not a paper feed"],
    ["a JSON object that is not a list of papers", '{"error": "Invalid date"}', "application/json", "Expected a JSON array of Hugging Face daily papers"],
  ])("refuses %s with a clear message and writes nothing", async (_name, body, contentType, message) => {
    const result = await importBody(body, { contentType });
    expect(result).toMatchObject({ status: "failed", new: 0, failed: 0 });
    expect(result.errors).toEqual([{ message }]);
    expect(await countPapers()).toBe(0);
  });

  it("refuses an oversized payload before parsing it", async () => {
    const huge = `[${" ".repeat(21 * 1024 * 1024)}]`;
    const result = await importBody(huge);
    expect(result).toMatchObject({ status: "failed", new: 0 });
    expect(result.errors).toEqual([{ message: "Payload is larger than the 20 MB limit" }]);
  });

  it("records a load that throws (network down) as a failed run", async () => {
    const result = await runIngest({ source: "huggingface:2026-06-12", trigger: "cron", load: async () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:9")) });
    expect(result).toMatchObject({ status: "failed", errors: [{ message: "connect ECONNREFUSED 127.0.0.1:9" }] });
    const run = await (await getDb()).ingestRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ status: "failed", trigger: "cron", errors: [{ message: "connect ECONNREFUSED 127.0.0.1:9" }] });
    expect(run.finishedAt).not.toBeNull();
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe("concurrent imports", () => {
  it("write each paper once, count it new once, and never deadlock", async () => {
    const papers = syntheticHfDailyPapers({ count: 1_500, day: "2026-06-12" }) as { paper: { upvotes: number } }[];
    const shuffled = [...papers].reverse().map((item) => ({ ...item, paper: { ...item.paper, upvotes: item.paper.upvotes + 1 } }));
    const [a, b] = await Promise.all([importBody(JSON.stringify(papers)), importBody(JSON.stringify(shuffled))]);
    expect([a.status, b.status]).toEqual(["succeeded", "succeeded"]);
    expect(a.new + b.new).toBe(1_500);
    expect(a.new + a.updated + a.unchanged).toBe(1_500);
    expect(b.new + b.updated + b.unchanged).toBe(1_500);
    const db = await getDb();
    expect(await db.paper.count()).toBe(1_500);
    expect(await db.paperSnapshot.count()).toBe(1_500);
  });
});

describe("the demo set", () => {
  it("gives way to the first real papers in one step, and stays when nothing real was stored", async () => {
    expect(await loadDemoPapers(TODAY)).toBe(84);
    const db = await getDb();
    const demoIds = (await db.paper.findMany({ where: { source: "demo" }, select: { id: true } })).map((p) => p.id).sort();

    expect(await importBody("<feed><entry></feed>")).toMatchObject({ status: "failed", demoRemoved: 0 });
    expect(await hasDemoPapers()).toBe(true);
    expect(await runIngest({ source: "submission:2606.07777", trigger: "submit", today: TODAY, replacesDemo: false, load: async () => parsePayload(readFixture("arxiv-api/2606.07777.xml")) })).toMatchObject({ new: 1, demoRemoved: 0 });
    expect(await hasDemoPapers()).toBe(true);

    const real = await importFixture("ingest/hf-daily-papers-current.json");
    expect(real).toMatchObject({ status: "succeeded", new: 2, updated: 1, demoRemoved: 84 });
    expect(real.changes.addedDays).toBe(true);
    expect(real.changes.touchedPaperIds).toEqual(expect.arrayContaining(demoIds));
    expect(await hasDemoPapers()).toBe(false);
    expect(await db.paper.count({ where: { source: "demo" } })).toBe(0);
    expect(await countPapers()).toBe(3);
    expect(await db.paperSnapshot.count({ where: { paperId: { in: demoIds } } })).toBe(0);

    expect(await importFixture("ingest/hf-daily-papers-2024.json")).toMatchObject({ new: 2, demoRemoved: 0 });
  });
});

describe("run records", () => {
  it("keeps exact counts but caps the stored errors", async () => {
    const good = JSON.parse(readFixture("ingest/hf-daily-papers-current.json")) as { paper: { id: string; upvotes: number } }[];
    const bad = Array.from({ length: 300 }, (_, i) => ({ ...good[0]!, paper: { ...good[0]!.paper, id: `2606.${String(20000 + i)}`, upvotes: -1 } }));
    const result = await importBody(JSON.stringify([...good, ...bad]));
    expect(result).toMatchObject({ status: "partial", new: 3, failed: 300 });
    const run = await (await getDb()).ingestRun.findUniqueOrThrow({ where: { id: result.runId } });
    const errors = run.errors as { message: string }[];
    expect(run.failedCount).toBe(300);
    expect(errors).toHaveLength(MAX_RUN_ERRORS + 1);
    expect(errors[0]).toEqual({ index: 3, id: "2606.20000", title: expect.any(String), message: "paper.upvotes: must be >= 0" });
    expect(errors.at(-1)).toEqual({ message: "… and 100 more errors not kept" });
  });

  it("marks runs a dead process left running as failed, and leaves live ones alone", async () => {
    const db = await getDb();
    const now = new Date("2026-06-15T12:00:00Z");
    const stale = await db.ingestRun.create({ data: { source: "file:big.json", trigger: "cli", startedAt: new Date("2026-06-15T10:30:00Z") } });
    const live = await db.ingestRun.create({ data: { source: "huggingface:2026-06-15", trigger: "cron", startedAt: new Date("2026-06-15T11:40:00Z") } });
    expect(await markAbandonedIngestRuns(now)).toBe(1);
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "failed", errors: [{ message: ABANDONED_MESSAGE }], finishedAt: now });
    expect((await db.ingestRun.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("running");
    expect(await runHousekeeping()).toMatchObject({ abandonedIngestRuns: 1 });
  });
});

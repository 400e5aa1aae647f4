import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getPaperRoute } from "@/app/api/papers/[...id]/route";
import { getDb } from "@/lib/db";
import { importPayload, payloadTarget } from "@/lib/ingest/import-payload";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { runIngest } from "@/lib/ingest/run-ingest";
import { loadOrgView } from "@/lib/orgs/view";
import { paperDetailSchema } from "@/lib/openapi/schemas";
import { getPaper } from "@/lib/papers/queries";
import { dateToDay } from "@/lib/papers/dates";
import { completeEntries, REAL, readRealPayload } from "../support/real-payloads";
import { truncateAll } from "./helpers/reset";

// The upsert and listing rules on PostgreSQL, fed with the real saved payloads of
// tests/fixtures/ingest/real: dates arXiv RSS does not give, DOIs it does, old papers it
// announces again, archival API imports, MSC classes, and what Hugging Face adds.

const scratch = mkdtempSync(path.join(os.tmpdir(), "pp-real-payloads-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function importReal(name: string, today: string, body: string = readRealPayload(name)) {
  return runIngest({ source: `file:${name}`, trigger: "cli", today, load: async () => parsePayload(body) });
}

async function row(id: string) {
  const paper = await (await getDb()).paper.findUnique({ where: { id }, include: { snapshots: { orderBy: { day: "asc" } }, tags: { include: { tag: true } } } });
  if (!paper) return null;
  return {
    ...paper,
    listedOn: dateToDay(paper.listedOn),
    snapshots: paper.snapshots.map((s) => ({ day: dateToDay(s.day), upvotes: s.upvotes })),
    tagSlugs: paper.tags.map((t) => t.tag.slug).sort(),
  };
}

beforeEach(async () => {
  await truncateAll();
});

describe("arXiv RSS: dates, DOIs and old papers announced again", () => {
  it("lists new papers on the announce day without inventing a submission date, and skips old papers it does not have", async () => {
    const run = await importReal(REAL.rss, "2026-09-24");
    expect(run).toMatchObject({ status: "succeeded", new: 2, skipped: 2, failed: 0 });
    const fresh = await row("2609.26811");
    expect(fresh).toMatchObject({ listedOn: "2026-09-24", publishedAtExact: false, source: "arxiv_rss" });
    // The estimate orders the paper; the page and the API show the month its id gives instead.
    const shown = await getPaper("2609.26811");
    expect(shown?.publishedAt).toBeNull();
    // The 2022 paper cross-listed in 2026 and the 2020 replacement do not become 2026 papers.
    expect(await row("2205.06398")).toBeNull();
    expect(await row("2009.13987")).toBeNull();
  });

  it("keeps the DOI of an old paper it already has, without moving its day or dates", async () => {
    const api = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry>
      <id>http://arxiv.org/abs/2205.06398v1</id><published>2022-05-12T20:13:11Z</published><updated>2022-05-12T20:13:11Z</updated>
      <title>Outlier Detection for Multi-Network Data</title><summary>It has become routine.</summary><author><name>Pritam Dey</name></author>
      <arxiv:primary_category term="stat.ME"/><category term="stat.ME"/></entry></feed>`;
    expect(await importReal("api-2205.06398.xml", "2022-05-14", api)).toMatchObject({ new: 1 });
    const run = await importReal(REAL.rss, "2026-09-24");
    expect(run).toMatchObject({ new: 2, updated: 1, skipped: 1 });
    const old = await row("2205.06398");
    expect(old).toMatchObject({ doi: "10.1093/bioinformatics/btac431", version: 2, listedOn: "2022-05-14", publishedAtExact: true, categories: ["stat.ME", "stat.AP", "stat.ML"] });
    expect(old?.publishedAt.toISOString()).toBe("2022-05-12T20:13:11.000Z");
  });

  it("replaces the estimate with the real date when the API sees the paper later, and keeps the listed day", async () => {
    await importReal(REAL.rss, "2026-09-24");
    const api = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>http://arxiv.org/abs/2609.26811v1</id><published>2026-09-23T17:59:02Z</published><updated>2026-09-23T17:59:02Z</updated>
      <title>The Drift Contract: Spectral Updates for Depth-Robust Local Learning</title><summary>Local learning.</summary>
      <author><name>Fabien Polly</name></author><category term="cs.LG"/></entry></feed>`;
    expect(await importReal("api.xml", "2026-09-25", api)).toMatchObject({ updated: 1 });
    const dated = await row("2609.26811");
    expect(dated).toMatchObject({ publishedAtExact: true, listedOn: "2026-09-24" });
    expect(dated?.publishedAt.toISOString()).toBe("2026-09-23T17:59:02.000Z");
    expect((await getPaper("2609.26811"))?.publishedAt).toBe("2026-09-23T17:59:02.000Z");
  });

  it("reads arXiv's Atom-flavoured RSS the same way: DOI and journal reference kept", async () => {
    const run = await importReal(REAL.rssAtom, "2026-09-25");
    expect(run).toMatchObject({ status: "succeeded", new: 1, skipped: 2 });
    expect(await row("2609.28553")).toMatchObject({
      listedOn: "2026-09-25",
      doi: "10.1109/MAPR72750.2026.11685822",
      journalRef: "2026 International Conference on Multimedia Analysis and Pattern Recognition (MAPR)",
      publishedAtExact: false,
    });
    const all = await importReal(REAL.rssAtomTruncated, "2025-08-20", completeEntries(readRealPayload(REAL.rssAtomTruncated)));
    expect(all).toMatchObject({ status: "succeeded", new: 86, failed: 0 });
    expect(all.changes.touchedDays).toEqual(["2025-08-20"]);
  });
});

describe("arXiv API: archival imports and subject classes", () => {
  it("lists papers older than a week on their own day, not today, and keeps MSC classes apart", async () => {
    const run = await importReal(REAL.apiMsc, "2026-12-04");
    expect(run).toMatchObject({ status: "succeeded", new: 8, failed: 0 });
    expect(run.changes.touchedDays).not.toContain("2026-12-04");
    const pde = await row("2108.05102");
    expect(pde).toMatchObject({
      listedOn: "2021-08-11",
      categories: ["math.NA", "cs.NA"],
      subjectClasses: ["35J20", "35B38", "65N12", "65J15", "65Jxx"],
      doi: "10.1007/s11425-021-2093-1",
    });
    // Classes are not tags: only the two categories.
    expect(pde?.tagSlugs).toEqual(expect.arrayContaining(["math-na", "cs-na"]));
    expect(pde?.tagSlugs.some((slug) => /^\d/.test(slug))).toBe(false);
    expect((await row("math/0611846"))?.listedOn).toBe("2006-11-28");
    expect(await getPaper("2108.05102")).toMatchObject({ subjectClasses: ["35J20", "35B38", "65N12", "65J15", "65Jxx"] });
  });

  it("lists a paper the API returns within its first week on the day of the import", async () => {
    const api = readRealPayload(REAL.apiMsc);
    const run = await importReal(REAL.apiMsc, "2024-05-01", api);
    expect(run.new).toBe(8);
    // 2404.18203 was submitted on 28 April 2024: three days before this import.
    expect((await row("2404.18203"))?.listedOn).toBe("2024-05-01");
  });
});

describe("Hugging Face: organization, figures, summary, snapshots", () => {
  it("stores the organization once, links its papers, and lists them on its page", async () => {
    const run = await importReal(REAL.hf, "2026-06-12");
    expect(run).toMatchObject({ status: "succeeded", new: 8 });
    expect(run.changes.touchedOrgs).toEqual(["MiniMaxAI", "NJU", "caltech", "ibm-research", "r-three", "tau-intelligence", "umich"]);
    const db = await getDb();
    expect(await db.organization.findUnique({ where: { name: "NJU" } })).toMatchObject({
      fullName: "Nanjing University",
      avatarUrl: "https://cdn-avatars.huggingface.co/v1/production/uploads/1662276136108-6314518e5f47a1896274d080.jpeg",
    });
    expect(await row("2606.13289")).toMatchObject({
      organization: "NJU",
      onHuggingFace: true,
      mediaUrls: ["https://cdn-uploads.huggingface.co/production/uploads/6684152a443492c24cdac044/uyQ5ja30uT_DAp9cvnpDO.png"],
      commentCount: 2,
    });
    expect((await row("2606.13289"))?.aiSummary).toMatch(/^HYDRA-X presents/);

    const view = await loadOrgView("NJU", { sort: "new", tags: [] });
    expect(view?.organization).toMatchObject({ name: "NJU", fullName: "Nanjing University", papers: 1 });
    expect(view?.papers.map((p) => p.id)).toEqual(["2606.13289"]);
    expect(view?.papers[0]).toMatchObject({ organization: { name: "NJU", fullName: "Nanjing University" }, thumbnailUrl: expect.stringMatching(/^https:\/\/cdn-uploads\.huggingface\.co\//), onHuggingFace: true });
    expect(await loadOrgView("nobody", { sort: "trending", tags: [] })).toBeNull();

    // Importing the same day again changes nothing and touches no organization page.
    const again = await importReal(REAL.hf, "2026-06-13");
    expect(again).toMatchObject({ new: 0, updated: 0, unchanged: 8 });
    expect(again.changes.touchedOrgs).toEqual([]);
  });

  it("refreshes an organization page when only the organization changed", async () => {
    await importReal(REAL.hf, "2026-06-12");
    const renamed = readRealPayload(REAL.hf).replaceAll('"fullname":"Nanjing University"', '"fullname":"Nanjing University (NJU)"');
    const run = await importReal(REAL.hf, "2026-06-13", renamed);
    expect(run).toMatchObject({ new: 0, updated: 0 });
    expect(run.changes.touchedOrgs).toEqual(["NJU"]);
    expect((await (await getDb()).organization.findUnique({ where: { name: "NJU" } }))?.fullName).toBe("Nanjing University (NJU)");
  });

  it("marks a paper first seen on arXiv as on Hugging Face once HF lists it, keeping its source", async () => {
    const api = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <id>http://arxiv.org/abs/2606.13392v1</id><published>2026-06-11T17:00:00Z</published><updated>2026-06-11T17:00:00Z</updated>
      <title>MiniMax Sparse Attention</title><summary>S.</summary><author><name>A</name></author><category term="cs.CL"/></entry></feed>`;
    await importReal("api.xml", "2026-06-12", api);
    expect(await row("2606.13392")).toMatchObject({ onHuggingFace: false, organization: null });
    await importReal(REAL.hf, "2026-06-12");
    expect(await row("2606.13392")).toMatchObject({ onHuggingFace: true, organization: "MiniMaxAI", source: "arxiv_api", upvotes: 103 });
  });

  it("dates the upvotes of a saved file on the day it lists the paper, and of a live fetch on the day of the fetch", async () => {
    const file = path.join(scratch, "hf-2026-06-12.json");
    writeFileSync(file, readRealPayload(REAL.hf));
    await importPayload(payloadTarget(file), { trigger: "cli", today: "2026-12-04" });
    expect((await row("2606.13392"))?.snapshots).toEqual([{ day: "2026-06-12", upvotes: 103 }]);

    // The cron path fetches now: that day's counts.
    await runIngest({ source: "huggingface:2026-06-12", trigger: "cron", today: "2026-06-14", load: async () => parsePayload(readRealPayload(REAL.hf).replace('"upvotes":103', '"upvotes":140')) });
    expect((await row("2606.13392"))?.snapshots).toEqual([
      { day: "2026-06-12", upvotes: 103 },
      { day: "2026-06-14", upvotes: 140 },
    ]);
    expect((await row("2606.13392"))?.upvotes).toBe(140);

    // The saved file again, later: its day's snapshot is kept, and its older counts do not
    // replace the newer ones the paper shows.
    writeFileSync(file, readRealPayload(REAL.hf).replace('"upvotes":103', '"upvotes":104'));
    await importPayload(payloadTarget(file), { trigger: "cli", today: "2026-12-05" });
    const after = await row("2606.13392");
    expect(after?.snapshots).toEqual([
      { day: "2026-06-12", upvotes: 104 },
      { day: "2026-06-14", upvotes: 140 },
    ]);
    expect(after?.upvotes).toBe(140);
  });
});

describe("the API's paper shape", () => {
  const one = (id: string) => getPaperRoute(new Request(`http://localhost/api/papers/${id}`), { params: Promise.resolve({ id: [id] }) });

  it("carries the organization, summary, figure, Hugging Face link and comment count, as documented", async () => {
    await importReal(REAL.hf, "2026-06-12");
    const body = paperDetailSchema.strict().parse(await (await one("2606.13289")).json());
    expect(body).toMatchObject({
      organization: { name: "NJU", fullName: "Nanjing University", avatarUrl: expect.stringMatching(/^https:\/\/cdn-avatars\.huggingface\.co\//) },
      aiSummary: expect.stringMatching(/^HYDRA-X presents/),
      thumbnailUrl: "https://cdn-uploads.huggingface.co/production/uploads/6684152a443492c24cdac044/uyQ5ja30uT_DAp9cvnpDO.png",
      commentCount: 2,
      submittedMonth: "2026-06",
      subjectClasses: [],
      links: { huggingFace: "https://huggingface.co/papers/2606.13289" },
    });
  });

  it("says a submission time is unknown rather than giving the announce day", async () => {
    await importReal(REAL.rss, "2026-09-24");
    const body = paperDetailSchema.strict().parse(await (await one("2609.26811")).json());
    expect(body).toMatchObject({ publishedAt: null, submittedMonth: "2026-09", organization: null, links: { huggingFace: null } });
  });
});

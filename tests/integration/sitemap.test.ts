import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { upsertPapers } from "@/lib/ingest/upsert";
import { loadSitemapPart, loadSitemapRoot, parseSitemapPartFile, renderSitemapRoot, renderUrlset, type SitemapRoot } from "@/lib/site/sitemap";
import { robotsRules } from "@/lib/site/robots";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// /sitemap.xml: pages, tags, listed days and papers, parsed back; split into an index of parts
// past the limit (50,000 in production; a handful here).

const APP = "https://paperpulse.example";
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "url" || name === "sitemap" });
const locs = (body: string): string[] => xml.parse(body).urlset.url.map((u: { loc: string }) => u.loc);

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00501", categories: ["cs.CL"], listedOn: "2026-11-26" }),
      makePaper({ id: "2611.00502", categories: ["cs.CL"], listedOn: "2026-11-26" }),
      makePaper({ id: "2611.00503", categories: ["cs.CV"], listedOn: "2026-11-27" }),
      makePaper({ id: "hep-th/9901001", categories: ["hep-th"], listedOn: "2026-11-27" }),
      makePaper({ id: "2611.00505", categories: ["cs.CL"], listedOn: "2026-11-28" }),
    ],
    { today: "2026-11-28" },
  );
});

describe("the sitemap", () => {
  it("lists the site's pages, every tag, every listed day and every paper", async () => {
    const root = await loadSitemapRoot();
    expect(root.kind).toBe("urlset");
    const body = renderSitemapRoot(root, APP);
    expect(body.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.parse(body).urlset["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const urls = locs(body);
    expect(urls).toEqual(expect.arrayContaining([`${APP}/`, `${APP}/tags`, `${APP}/about`]));
    expect(urls).toEqual(expect.arrayContaining([`${APP}/tags/cs-cl`, `${APP}/tags/cs-cv`, `${APP}/tags/hep-th`]));
    expect(urls.filter((u) => u.includes("/papers/date/"))).toEqual([`${APP}/papers/date/2026-11-26`, `${APP}/papers/date/2026-11-27`, `${APP}/papers/date/2026-11-28`]);
    expect(urls.filter((u) => /\/papers\/(?!date)/.test(u)).sort()).toEqual(
      ["2611.00501", "2611.00502", "2611.00503", "2611.00505", "hep-th/9901001"].map((id) => `${APP}/papers/${id}`).sort(),
    );
    expect(new Set(urls).size).toBe(urls.length);
    // Days and papers say when they last changed.
    const paper = xml.parse(body).urlset.url.find((u: { loc: string }) => u.loc === `${APP}/papers/2611.00501`);
    expect(new Date(paper.lastmod).getTime()).toBeGreaterThan(Date.now() - 3_600_000);
  });

  it("becomes an index of parts past the limit, the parts holding every URL exactly once", async () => {
    const whole = (await loadSitemapRoot()) as Extract<SitemapRoot, { kind: "urlset" }>;
    const limit = 4;
    const root = await loadSitemapRoot(limit);
    expect(root).toEqual({ kind: "index", parts: Math.ceil(whole.urls.length / limit) });
    const index = xml.parse(renderSitemapRoot(root, APP)).sitemapindex;
    expect(index["@xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const partUrls = index.sitemap.map((s: { loc: string }) => s.loc);
    expect(partUrls[0]).toBe(`${APP}/sitemaps/1.xml`);
    expect(partUrls).toHaveLength(root.kind === "index" ? root.parts : 0);

    const seen: string[] = [];
    for (const url of partUrls) {
      const part = parseSitemapPartFile(url.split("/").at(-1)!);
      const urls = await loadSitemapPart(part!, limit);
      expect(urls!.length).toBeLessThanOrEqual(limit);
      seen.push(...locs(renderUrlset(urls!, APP)));
    }
    expect(seen).toEqual(whole.urls.map((u) => `${APP}${u.path}`));
    expect(await loadSitemapPart(partUrls.length + 1, limit)).toBeNull();
    expect(await loadSitemapPart(0, limit)).toBeNull();
    // Unsplit, /sitemap.xml is the one file and there are no parts.
    expect(await loadSitemapPart(1)).toBeNull();
  });

  it("reads part numbers strictly", () => {
    expect(parseSitemapPartFile("3.xml")).toBe(3);
    for (const bad of ["0.xml", "03.xml", "3.xml.gz", "-1.xml", "x.xml", "3", "1234567.xml"]) expect(parseSitemapPartFile(bad)).toBeNull();
  });

  it("is announced by robots.txt, which keeps crawlers off token and operator pages", () => {
    const robots = robotsRules(APP);
    expect(robots.sitemap).toBe(`${APP}/sitemap.xml`);
    const rule = [robots.rules].flat()[0]!;
    expect(rule.disallow).toEqual(expect.arrayContaining(["/admin", "/outbox", "/manage", "/subscribe/confirm", "/unsubscribe", "/api/cron/"]));
  });
});

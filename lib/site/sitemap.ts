import { XMLBuilder } from "fast-xml-parser";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { paperPath } from "@/lib/papers/arxiv-id";
import { countPapers, listListedDays, listPaperIdsPage } from "@/lib/papers/queries";
import { listTags } from "@/lib/tags/queries";

// /sitemap.xml: the site's pages, tags, listed days and papers. One file while it holds at
// most `limit` URLs (the protocol's 50,000); past that, /sitemap.xml is a sitemap index of
// parts /sitemaps/1.xml, 2.xml, … of `limit` URLs each. The order is fixed (pages, tags,
// days, then papers by id), so a part is a slice: pages, tags and days are few (a day per
// day since 1991 is 13,000) and read whole; papers are read a slice at a time.

export const SITEMAP_MAX_URLS = 50_000;
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const SITE_PAGES = ["/", "/tags", "/about", "/search", "/submit", "/subscribe", "/api-docs"];

export interface SitemapUrl {
  path: string;
  /** ISO time (plain JSON, so the route can cache it). */
  lastModified?: string;
}

export type SitemapRoot = { kind: "urlset"; urls: SitemapUrl[] } | { kind: "index"; parts: number };

async function listFixedUrls(): Promise<SitemapUrl[]> {
  const [tags, days] = await Promise.all([listTags(), listListedDays()]);
  return [
    ...SITE_PAGES.map((path) => ({ path })),
    ...tags.map((tag) => ({ path: `/tags/${tag.slug}` })),
    ...days.map(({ day, modifiedAt }) => ({ path: `/papers/date/${day}`, lastModified: modifiedAt.toISOString() })),
  ];
}

async function listUrls(offset: number, limit: number, fixed: SitemapUrl[]): Promise<SitemapUrl[]> {
  const head = fixed.slice(offset, offset + limit);
  const paperOffset = Math.max(0, offset - fixed.length);
  const papers = head.length < limit ? await listPaperIdsPage(paperOffset, limit - head.length) : [];
  return [...head, ...papers.map((paper) => ({ path: paperPath(paper.id), lastModified: paper.modifiedAt.toISOString() }))];
}

/** What /sitemap.xml is: every URL, or (past `limit`) how many parts the index lists. */
export async function loadSitemapRoot(limit: number = SITEMAP_MAX_URLS): Promise<SitemapRoot> {
  const [fixed, papers] = await Promise.all([listFixedUrls(), countPapers()]);
  const total = fixed.length + papers;
  if (total <= limit) return { kind: "urlset", urls: await listUrls(0, limit, fixed) };
  return { kind: "index", parts: Math.ceil(total / limit) };
}

/** Part n (from 1) of a split sitemap; null when there is no such part. */
export async function loadSitemapPart(part: number, limit: number = SITEMAP_MAX_URLS): Promise<SitemapUrl[] | null> {
  if (!Number.isInteger(part) || part < 1) return null;
  const [fixed, papers] = await Promise.all([listFixedUrls(), countPapers()]);
  const total = fixed.length + papers;
  // An unsplit sitemap has no parts: /sitemap.xml is the one file.
  if (total <= limit || (part - 1) * limit >= total) return null;
  return listUrls((part - 1) * limit, limit, fixed);
}

export function sitemapPartPath(part: number): string {
  return `/sitemaps/${part}.xml`;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@", format: false, suppressEmptyNode: true });

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function renderSitemapRoot(root: SitemapRoot, appUrl: string): string {
  if (root.kind === "urlset") return renderUrlset(root.urls, appUrl);
  const sitemap = Array.from({ length: root.parts }, (_, i) => ({ loc: `${appUrl}${sitemapPartPath(i + 1)}` }));
  return DECLARATION + builder.build({ sitemapindex: { "@xmlns": NS, sitemap } });
}

export function renderUrlset(urls: SitemapUrl[], appUrl: string): string {
  const url = urls.map((u) => ({ loc: `${appUrl}${u.path}`, ...(u.lastModified ? { lastmod: u.lastModified } : {}) }));
  return DECLARATION + builder.build({ urlset: { "@xmlns": NS, url } });
}

/** "3.xml" → 3; null for anything else (no leading zeros, no other extension). */
export function parseSitemapPartFile(file: string): number | null {
  const match = /^([1-9][0-9]{0,5})\.xml$/.exec(file);
  return match ? Number(match[1]) : null;
}

export const SITEMAP_HEADERS = {
  "Content-Type": "application/xml; charset=utf-8",
  "Cache-Control": "public, max-age=3600, s-maxage=3600",
} as const;

// Cached for the routes, refreshed by the feeds' tags (every ingest touches the latest day or
// all feeds). A part is read only when the root says it exists, so made-up part numbers
// create no cache entries.
const SITEMAP_CACHE = { tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest], revalidate: 3600 };
export const readSitemapRoot = unstable_cache(() => loadSitemapRoot(), ["sitemap-root"], SITEMAP_CACHE);

export async function readSitemapPart(part: number): Promise<SitemapUrl[] | null> {
  const root = await readSitemapRoot();
  if (root.kind !== "index" || part > root.parts) return null;
  return unstable_cache(() => loadSitemapPart(part), ["sitemap-part", String(part)], SITEMAP_CACHE)();
}

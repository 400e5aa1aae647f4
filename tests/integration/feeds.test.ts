import { XMLParser } from "fast-xml-parser";
import { convert as htmlToText } from "html-to-text";
import { beforeAll, describe, expect, it } from "vitest";
import { feedResponse, parseFeedFileName, parsePeriodFeedFileName } from "@/lib/feeds/http";
import { feedAlternates, feedLinksForView, searchFeedLinks, trendingFeedLinks } from "@/lib/feeds/links";
import { loadSearchFeed, loadTagFeed, loadTrendingFeed, loadViewFeed } from "@/lib/feeds/load";
import { renderFeed } from "@/lib/feeds/render";
import { upsertPapers } from "@/lib/ingest/upsert";
import { searchParamsSchema } from "@/lib/search/params";
import { forgetCorpusStats } from "@/lib/search/stats";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// RSS 2.0, Atom 1.0 and JSON Feed for the trending day, a tag and a search: generated with
// the `feed` library and parsed back here, item by item. A paper's text is text: where a
// reader renders a field as HTML (Atom type="html", RSS titles and descriptions) it must
// hold no markup and show the paper's plain text; JSON Feed's title and summary are plain.

const APP = "https://paperpulse.example";
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
/** What a feed reader that renders the field as HTML shows. */
const shownAsHtml = (value: string) => htmlToText(value, { wordwrap: false });
const textOf = (node: string | { "#text": string }) => (typeof node === "string" ? node : node["#text"]);

const TITLE_SHOWN = "Diffusion with α-schedules & <tags> for Büttiker <script>alert(1)</script>";
const ABSTRACT_SHOWN = "We sample with diffusion models in the Landauer-Büttiker regime – <img src=x onerror=alert(2)> ]]> done.";

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00301", title: "Diffusion with $\\alpha$-schedules & <tags> for B\\\"uttiker <script>alert(1)</script>", abstract: "We sample with diffusion models in the \\emph{Landauer-B\\\"uttiker} regime -- <img src=x onerror=alert(2)> ]]> done.", upvotes: 40, categories: ["cs.CV"], listedOn: "2026-11-27", authors: ["Ana Silva", "Kofi Okafor"] }),
      makePaper({ id: "2611.00302", title: "Faster diffusion sampling", abstract: "Diffusion, faster.", upvotes: 3, categories: ["cs.CV"], listedOn: "2026-11-27" }),
      makePaper({ id: "2611.00303", title: "Older diffusion paper", abstract: "Diffusion again.", upvotes: 90, categories: ["cs.CV"], listedOn: "2026-11-20" }),
      makePaper({ id: "2611.00304", title: "Agents that plan", abstract: "Planning.", upvotes: 1, categories: ["cs.AI"], listedOn: "2026-11-27" }),
    ],
    { today: "2026-11-28" },
  );
  forgetCorpusStats();
});

describe("feeds", () => {
  it("renders the day's trending papers as RSS 2.0 that parses back", async () => {
    const { body, contentType } = renderFeed("rss", await loadTrendingFeed(), APP);
    expect(contentType).toBe("application/rss+xml; charset=utf-8");
    const channel = xml.parse(body).rss.channel;
    expect(channel.title).toBe("PaperPulse: trending papers of the day");
    expect(channel.link).toBe(`${APP}/`);
    const items = [channel.item].flat();
    expect(items.map((i: { link: string }) => i.link)).toEqual([`${APP}/papers/2611.00301`, `${APP}/papers/2611.00302`, `${APP}/papers/2611.00304`]);
    // No markup in what readers render as HTML, and it shows the paper's plain text.
    expect(items[0].title).not.toMatch(/</);
    expect(shownAsHtml(items[0].title)).toBe(TITLE_SHOWN);
    expect(items[0].description).not.toMatch(/</);
    expect(shownAsHtml(items[0].description)).toBe(ABSTRACT_SHOWN);
    expect(body).not.toMatch(/<script|<img/);
    expect(items[0].guid["#text"] ?? items[0].guid).toBe(`${APP}/papers/2611.00301`);
    // RSS dates an item by its arXiv publication; Atom has both (updated: the day it was listed).
    expect(new Date(items[0].pubDate).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect([items[0].category].flat().map((c: { "#text"?: string } | string) => (typeof c === "string" ? c : c["#text"]))).toContain("Computer Vision and Pattern Recognition");
  });

  it("renders a tag's newest papers as Atom that parses back", async () => {
    const doc = await loadTagFeed("cs-cv");
    expect(doc).not.toBeNull();
    const { body, contentType } = renderFeed("atom", doc!, APP);
    expect(contentType).toBe("application/atom+xml; charset=utf-8");
    const feed = xml.parse(body).feed;
    expect(feed.id).toBe(`${APP}/tags/cs-cv`);
    const entries = [feed.entry].flat();
    // Newest first; papers of one day by publication time, then id.
    expect(entries.map((e: { id: string }) => e.id)).toEqual([`${APP}/papers/2611.00301`, `${APP}/papers/2611.00302`, `${APP}/papers/2611.00303`]);
    const first = entries[0] as { title: { "@type": string; "#text": string }; summary: { "@type": string; "#text": string }; content: { "#text": string } };
    expect(first.title["@type"]).toBe("html");
    expect(textOf(first.title)).not.toMatch(/</);
    expect(shownAsHtml(textOf(first.title))).toBe(TITLE_SHOWN);
    expect(first.summary["@type"]).toBe("html");
    expect(textOf(first.summary)).not.toMatch(/</);
    expect(shownAsHtml(textOf(first.summary))).toBe(ABSTRACT_SHOWN);
    expect(textOf(first.content)).not.toMatch(/<script|<img/);
    expect(shownAsHtml(textOf(first.content))).toContain(ABSTRACT_SHOWN);
    expect(body).not.toMatch(/<script|<img/);
    const self = [feed.link].flat().find((l: { "@rel": string }) => l["@rel"] === "self");
    expect(self["@href"]).toBe(`${APP}/feeds/tags/cs-cv.atom`);
    expect(await loadTagFeed("no-such-tag")).toBeNull();
  });

  it("renders a search as JSON Feed that parses back, newest first", async () => {
    const params = searchParamsSchema.parse({ q: "diffusion", tags: "cs-cv" });
    const { body, contentType } = renderFeed("json", await loadSearchFeed(params), APP);
    expect(contentType).toBe("application/feed+json; charset=utf-8");
    const feed = JSON.parse(body);
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(feed.home_page_url).toBe(`${APP}/search?q=diffusion&tags=cs-cv`);
    expect(feed.feed_url).toBe(`${APP}/feeds/search.json?q=diffusion&tags=cs-cv&sort=new`);
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual([`${APP}/papers/2611.00301`, `${APP}/papers/2611.00302`, `${APP}/papers/2611.00303`]);
    // Plain-text fields carry the text as it is; only content_html is HTML.
    expect(feed.items[0].title).toBe(TITLE_SHOWN);
    expect(feed.items[0].summary).toBe(ABSTRACT_SHOWN);
    expect(feed.items[0].content_html).not.toMatch(/<script|<img/);
    expect(shownAsHtml(feed.items[0].content_html)).toContain(ABSTRACT_SHOWN);
  });

  it("keeps a search feed's query text as text in its title", async () => {
    const params = searchParamsSchema.parse({ q: "<script>alert(3)</script> diffusion" });
    const rss = xml.parse(renderFeed("rss", await loadSearchFeed(params), APP).body).rss.channel;
    expect(rss.title).not.toMatch(/</);
    expect(shownAsHtml(rss.title)).toBe("PaperPulse search: “<script>alert(3)</script> diffusion”");
    const atom = xml.parse(renderFeed("atom", await loadSearchFeed(params), APP).body).feed;
    // Atom's feed title is type="text" (the default): the text as it is, escaped only as XML.
    expect(atom.title).toBe("PaperPulse search: “<script>alert(3)</script> diffusion”");
  });

  it("renders the feed of a week, a month, a past day and a sort as the page lists them, parsed back", async () => {
    const now = new Date("2026-11-28T12:00:00Z");
    const week = await loadViewFeed({ view: "week", key: "2026-W48" }, { sort: "trending", tags: [] }, now);
    const rss = xml.parse(renderFeed("rss", week!, APP).body).rss.channel;
    expect(rss.title).toBe("PaperPulse: Week 48, 23 Nov 2026 – 29 Nov 2026 (trending)");
    expect(rss.link).toBe(`${APP}/papers/week/2026-W48`);
    expect([rss.item].flat().map((i: { link: string }) => i.link)).toEqual([`${APP}/papers/2611.00301`, `${APP}/papers/2611.00302`, `${APP}/papers/2611.00304`]);

    const month = await loadViewFeed({ view: "month", key: "2026-11" }, { sort: "top", tags: [] }, now);
    const atom = xml.parse(renderFeed("atom", month!, APP).body).feed;
    expect(atom.id).toBe(`${APP}/papers/month/2026-11?sort=top`);
    expect([atom.entry].flat().map((e: { id: string }) => e.id)).toEqual([`${APP}/papers/2611.00303`, `${APP}/papers/2611.00301`, `${APP}/papers/2611.00302`, `${APP}/papers/2611.00304`]);
    const self = [atom.link].flat().find((l: { "@rel": string }) => l["@rel"] === "self");
    expect(self["@href"]).toBe(`${APP}/feeds/month/2026-11.atom?sort=top`);

    const pastDay = await loadViewFeed({ view: "date", key: "2026-11-20" }, { sort: "trending", tags: ["cs-cv"] }, now);
    const json = JSON.parse(renderFeed("json", pastDay!, APP).body);
    expect(json.feed_url).toBe(`${APP}/feeds/date/2026-11-20.json?tags=cs-cv`);
    expect(json.home_page_url).toBe(`${APP}/papers/date/2026-11-20?tags=cs-cv`);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual([`${APP}/papers/2611.00303`]);

    // "latest" follows the newest period; a future one is no feed.
    const latestWeek = await loadViewFeed({ view: "week", key: "latest" }, { sort: "new", tags: [] }, now);
    expect(latestWeek!.links.rss).toBe("/feeds/week/latest.rss?sort=new");
    expect(latestWeek!.papers.map((p) => p.id)).toHaveLength(3);
    expect(await loadViewFeed({ view: "month", key: "2027-03" }, { sort: "trending", tags: [] }, now)).toBeNull();

    expect(parsePeriodFeedFileName("week", "2026-W48.rss")).toEqual({ key: "2026-W48", format: "rss" });
    expect(parsePeriodFeedFileName("month", "latest.json")).toEqual({ key: "latest", format: "json" });
    for (const [kind, bad] of [["week", "2026-W60.rss"], ["date", "2026-02-30.atom"], ["month", "2026-11.xml"], ["date", "2026-W48.rss"], ["month", "%E0%A4%A.rss"]] as const) {
      expect(parsePeriodFeedFileName(kind, bad)).toBeNull();
    }
  });

  it("serves feeds with cache and CORS headers, and knows its file names", async () => {
    const response = feedResponse("rss", await loadTrendingFeed(), APP);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("max-age=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(parseFeedFileName("llm.rss")).toEqual({ name: "llm", format: "rss" });
    expect(parseFeedFileName("cs-cl.json")).toEqual({ name: "cs-cl", format: "json" });
    for (const bad of ["llm.xml", "llm", "../x.rss", "%E0%A4%A.rss", "LLM.rss"]) expect(parseFeedFileName(bad)).toBeNull();
  });

  it("announces the right feed on each view", () => {
    // The plain home page offers the day's trending feed; every other view its own.
    expect(feedLinksForView({ view: "latest", key: "latest", sort: "trending", tags: [] })).toEqual(trendingFeedLinks());
    expect(feedLinksForView({ view: "latest", key: "latest", sort: "top", tags: [] }).rss).toBe("/feeds/date/latest.rss?sort=top");
    expect(feedLinksForView({ view: "latest", key: "latest", sort: "trending", tags: ["llm"] }).atom).toBe("/feeds/date/latest.atom?tags=llm");
    expect(feedLinksForView({ view: "week", key: "2026-W48", sort: "trending", tags: [] }).json).toBe("/feeds/week/2026-W48.json");
    expect(feedLinksForView({ view: "month", key: "latest", sort: "new", tags: ["rag", "llm"] }).rss).toBe("/feeds/month/latest.rss?sort=new&tags=llm,rag");
    expect(feedLinksForView({ view: "date", key: "2026-11-20", sort: "trending", tags: [] }).title).toBe("PaperPulse: Friday, 20 November 2026 (trending)");
    expect(searchFeedLinks({ q: "kv cache", tags: [], from: undefined, to: undefined }).atom).toBe("/feeds/search.atom?q=kv+cache&sort=new");
    expect(feedAlternates(trendingFeedLinks())).toEqual({
      "application/rss+xml": [{ url: "/feeds/trending.rss", title: "PaperPulse: trending papers of the day (RSS)" }],
      "application/atom+xml": [{ url: "/feeds/trending.atom", title: "PaperPulse: trending papers of the day (Atom)" }],
      "application/feed+json": [{ url: "/feeds/trending.json", title: "PaperPulse: trending papers of the day (JSON Feed)" }],
    });
  });
});

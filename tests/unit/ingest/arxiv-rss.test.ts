import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { paperInputSchema } from "@/lib/ingest/paper-input";
import { parseArxivRss, readWrittenDay, splitAuthorList } from "@/lib/ingest/parsers/arxiv-rss";

function readFixture(name: string): string {
  return readFileSync(path.resolve(process.cwd(), "tests/fixtures/ingest", name), "utf8");
}

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>x</title>${items}</channel></rss>`;

describe("parseArxivRss, sample feed", () => {
  const result = parseArxivRss(readFixture("arxiv-rss-sample.xml"));

  it("parses all five announce types and reports the unknown one", () => {
    expect(result.payloadError).toBeUndefined();
    expect(result.items.map((item) => [item.input.id, item.input.version, item.announceType])).toEqual([
      ["2606.05001", 1, "new"],
      ["2606.05002", 1, "new"],
      ["2606.04888", 1, "cross"],
      ["2606.04888", 2, "replace"],
      ["2604.09876", 3, "replace-cross"],
      ["math.GT/0309136", 3, "absonly"],
    ]);
    expect(result.errors).toEqual([
      {
        index: 6,
        id: "2606.05003",
        title: expect.any(String),
        message: 'announceType: unknown "updated" (expected new, cross, replace, replace-cross, absonly)',
      },
    ]);
  });

  it("reads a new item completely", () => {
    expect(result.items[0]?.input).toEqual({
      id: "2606.05001",
      version: 1,
      title: "Scaling <b>R&D</b> Agents with Budgeted Curiosity",
      abstract:
        "Research agents waste compute exploring dead ends. We give each agent a curiosity budget and show that budgeted exploration finds more verified results per GPU-hour (&lt;b&gt; is escaped twice here)." +
        "\n\nA second paragraph reports ablations.",
      authors: ["Amara Nwosu", "Björn Sandberg", "Chen Wei", "Dana Anand"],
      listedOn: "2026-06-12",
      categories: ["cs.LG", "cs.AI"],
      subjectClasses: [],
      source: "arxiv_rss",
    });
  });

  it("keeps an XSS-like title and CDATA markup as literal text", () => {
    expect(result.items[1]?.input.title).toBe("<script>alert(1)</script> and Other Unsafe Titles");
    expect(result.items[1]?.input.abstract).toBe("Titles can contain <i>markup</i>; a reader must show it as text.");
    expect(result.items[1]?.input.authors).toEqual(["Eve Example", "Frank Sample"]);
  });

  it("takes listedOn as the date written in the feed's timezone, not the UTC date", () => {
    // "Thu, 11 Jun 2026 20:00:00 -0400" is 2026-06-12 in UTC.
    expect(result.items[2]?.input.listedOn).toBe("2026-06-11");
  });

  it("takes no submission or update time from the announce day: RSS does not say them", () => {
    for (const item of result.items) {
      expect(item.input.publishedAt).toBeUndefined();
      expect(item.input.updatedAt).toBeUndefined();
    }
  });

  it("marks replacements update-only, with no listedOn, so old papers do not move to today", () => {
    for (const item of result.items.slice(3)) {
      expect(item.updateOnly).toBe(true);
      expect(item.input.listedOn).toBeUndefined();
    }
    for (const item of result.items.slice(0, 3)) expect(item.updateOnly).toBeUndefined();
  });

  it("splits dc:creator with a trailing comma and a Jr. suffix", () => {
    expect(result.items[2]?.input.authors).toEqual(["George Hill, Jr.", "Ines Castro"]);
    expect(result.items[5]?.input.authors).toEqual(["Lars Berg", "Maja Lind"]);
  });

  it("leaves what RSS does not know undefined", () => {
    for (const item of result.items) {
      expect(item.input).not.toHaveProperty("comment");
      expect(item.input).not.toHaveProperty("doi");
      expect(item.input.primaryCategory).toBeUndefined();
    }
  });

  it("emits only inputs that pass paperInputSchema", () => {
    for (const item of result.items) expect(paperInputSchema.parse(item.input)).toEqual(item.input);
  });
});

describe("parseArxivRss, edge cases", () => {
  const item = (fields: string) =>
    `<item><title>T</title><link>https://arxiv.org/abs/2606.00001</link><description>arXiv:2606.00001v2 Announce Type: new 
Abstract: A.</description><guid isPermaLink="false">oai:arXiv.org:2606.00001v2</guid><pubDate>Fri, 12 Jun 2026 00:00:00 -0400</pubDate><arxiv:announce_type>new</arxiv:announce_type><dc:creator>X</dc:creator>${fields}</item>`;

  it("treats an empty feed (weekend) as valid", () => {
    expect(parseArxivRss(rss(""))).toEqual({ items: [], errors: [] });
  });

  it("reads the announce type and version from the description when the elements are missing", () => {
    const xml = rss(item("").replace("<arxiv:announce_type>new</arxiv:announce_type>", "").replace(/<guid[^<]*<\/guid>/, ""));
    expect(parseArxivRss(xml).items[0]).toMatchObject({ announceType: "new", input: { id: "2606.00001", version: 2, abstract: "A." } });
  });

  it("uses the channel pubDate when an item has none", () => {
    const xml = rss(item("").replace(/<pubDate>[^<]*<\/pubDate>/, "")).replace(
      "<title>x</title>",
      "<title>x</title><pubDate>Mon, 15 Jun 2026 00:00:00 -0400</pubDate>",
    );
    expect(parseArxivRss(xml).items[0]?.input.listedOn).toBe("2026-06-15");
  });

  it("reports a link that disagrees with the guid, a bad pubDate and a missing id", () => {
    const xml = rss(
      [
        item("").replace("abs/2606.00001<", "abs/2606.99999<"),
        item("").replace("Fri, 12 Jun 2026 00:00:00 -0400", "someday"),
        "<item><title>T</title></item>",
      ].join(""),
    );
    expect(parseArxivRss(xml).errors).toEqual([
      { index: 0, id: "2606.00001", title: "T", message: "link: points to 2606.99999 but guid is 2606.00001" },
      { index: 1, id: "2606.00001", title: "T", message: 'pubDate: "someday" is not a date' },
      { index: 2, title: "T", message: "guid: required" },
    ]);
  });

  it("reports malformed XML and a non-RSS document as payload errors", () => {
    expect(parseArxivRss("<rss><channel></rss>").payloadError).toMatch(/^Malformed XML at line 1, column \d+: /);
    expect(parseArxivRss('<feed xmlns="http://www.w3.org/2005/Atom"/>').payloadError).toBe("Not an RSS 2.0 feed: root element is <feed>");
  });
});

describe("splitAuthorList", () => {
  it.each([
    ["A. One, B. Two, and C. Three", ["A. One", "B. Two", "C. Three"]],
    ["A. One and B. Two", ["A. One", "B. Two"]],
    ["A. One, B. Two,", ["A. One", "B. Two"]],
    ["Alexander Sandberg, Anand Rao", ["Alexander Sandberg", "Anand Rao"]],
    ["John Smith, Jr., Mary Major III, Jo Lee", ["John Smith, Jr.", "Mary Major III", "Jo Lee"]],
    ["Mary Major, III, Jo Lee", ["Mary Major, III", "Jo Lee"]],
    ["  Wrapped\n   Name ,  Other  ", ["Wrapped Name", "Other"]],
    ["", []],
  ])("%j", (input, expected) => {
    expect(splitAuthorList(input)).toEqual(expected);
  });
});

describe("readWrittenDay", () => {
  it.each([
    ["Fri, 12 Jun 2026 00:00:00 -0400", "2026-06-12"],
    ["Thu, 11 Jun 2026 20:00:00 -0400", "2026-06-11"],
    ["1 Jan 2026 23:59:59 +1400", "2026-01-01"],
    ["2026-06-12T00:00:00-04:00", "2026-06-12"],
  ])("%s -> %s", (input, expected) => {
    expect(readWrittenDay(input)).toBe(expected);
  });

  it.each(["someday", "Fri, 40 Jun 2026", "Fri, 12 Foo 2026 00:00:00 GMT"])("rejects %s", (input) => {
    expect(readWrittenDay(input)).toBeUndefined();
  });
});

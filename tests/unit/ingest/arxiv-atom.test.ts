import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { paperInputSchema } from "@/lib/ingest/paper-input";
import { parseArxivAtom } from "@/lib/ingest/parsers/arxiv-atom";

function readFixture(name: string): string {
  return readFileSync(path.resolve(process.cwd(), "tests/fixtures/ingest", name), "utf8");
}

const feed = (entries: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">${entries}</feed>`;
const entry = (fields: string) =>
  `<entry><id>http://arxiv.org/abs/2606.00001v1</id><published>2026-06-01T10:00:00Z</published><updated>2026-06-01T10:00:00Z</updated><summary>S</summary><author><name>A</name></author>${fields}</entry>`;

describe("parseArxivAtom, sample feed", () => {
  const result = parseArxivAtom(readFixture("arxiv-atom-sample.xml"));

  it("parses the good entries and reports the broken one", () => {
    expect(result.payloadError).toBeUndefined();
    expect(result.items.map((item) => [item.input.id, item.input.version])).toEqual([
      ["hep-th/9901001", 2],
      ["2606.04211", 3],
      ["2605.11111", 1],
    ]);
    expect(result.errors).toEqual([
      { index: 3, id: "http://arxiv.org/abs/not-a-paper", title: "Broken Entry", message: 'id: "http://arxiv.org/abs/not-a-paper" is not an arXiv id' },
    ]);
  });

  it("reads an old-style entry completely: doi, journal ref, categories, comment, dates", () => {
    expect(result.items[0]?.input).toEqual({
      id: "hep-th/9901001",
      version: 2,
      title: "Boundary Terms for Folded Membranes in Three Dimensions",
      abstract:
        "We compute the boundary contribution to the action of a folded membrane and show that it cancels the anomaly found in earlier treatments." +
        "\n\nA short appendix lists the conventions used throughout.",
      authors: ["Hanna Vogel", "Rafael Duarte", "Ola Nordmann"],
      publishedAt: new Date("1999-01-05T16:02:44Z"),
      updatedAt: new Date("1999-03-10T11:20:05Z"),
      primaryCategory: "hep-th",
      categories: ["hep-th", "gr-qc", "math-ph", "math.MP"],
      subjectClasses: [],
      comment: "12 pages, 3 figures; v2: typos fixed",
      doi: "10.9999/example.1999.0042",
      journalRef: "J. Imag. Phys. 12 (1999) 345-356",
      source: "arxiv_api",
    });
  });

  it("returns affiliations beside the input, only for authors that have them", () => {
    expect(result.items[0]?.affiliations).toEqual({
      "Hanna Vogel": ["University of Exampleton", "Institute for Imaginary Physics"],
      "Rafael Duarte": ["Example State College"],
    });
    expect(result.items[1]?.affiliations).toBeUndefined();
  });

  it("decodes entities exactly once and keeps markup as text", () => {
    expect(result.items[1]?.input.title).toBe("Tidepool: Self-Correcting Retrieval with <b>Claim</b> Provenance for R&D Agents");
    expect(result.items[1]?.input.abstract).toBe(
      "Scientific agents retrieve papers but rarely notice when a retrieved claim was later retracted. We present Tidepool, which tracks claims across versions (&lt; 5% overhead)." +
        "\n\nOn 1,200 questions it cuts citations of withdrawn results by 71%.",
    );
    expect(result.items[2]?.input.title).toBe("<script>alert(1)</script> Is Not a Title");
  });

  it("takes repository and project page from the comment, and puts the primary category first", () => {
    expect(result.items[1]?.input).toMatchObject({
      githubRepo: "lumen-lab/tidepool",
      projectPage: "https://tidepool-ml.github.io",
      primaryCategory: "cs.CL",
      categories: ["cs.CL", "cs.AI", "cs.IR"],
      comment: "Accepted to ICML 2026. Code: https://github.com/lumen-lab/tidepool. Project page: tidepool-ml.github.io",
    });
  });

  it("marks what the API says is absent as null, and leaves listedOn to the upsert", () => {
    expect(result.items[2]?.input).toMatchObject({ comment: null, doi: null, journalRef: null });
    for (const item of result.items) expect(item.input.listedOn).toBeUndefined();
  });

  it("emits only inputs that pass paperInputSchema", () => {
    for (const item of result.items) expect(paperInputSchema.parse(item.input)).toEqual(item.input);
  });
});

describe("parseArxivAtom, payload level", () => {
  it("reports an arXiv API error entry as a payload error", () => {
    expect(parseArxivAtom(readFixture("arxiv-atom-api-error.xml"))).toEqual({
      items: [],
      errors: [],
      payloadError: "arXiv API error: incorrect id format for 2606.0421",
    });
  });

  it("treats zero results as valid", () => {
    expect(parseArxivAtom(feed("<title>ArXiv Query</title>"))).toEqual({ items: [], errors: [] });
  });

  it("reports malformed XML with its position instead of throwing", () => {
    expect(parseArxivAtom("<feed><entry><title>x</entry></feed>")).toEqual({
      items: [],
      errors: [],
      payloadError: "Malformed XML at line 1, column 22: Expected closing tag 'title' (opened in line 1, col 14) instead of closing tag 'entry'.",
    });
  });

  it("refuses a document that is not an Atom feed", () => {
    expect(parseArxivAtom("<rss><channel/></rss>").payloadError).toBe("Not an Atom feed: root element is <rss>");
  });

  it("refuses entity declarations (entity expansion)", () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa">]><feed><title>&a;</title></feed>';
    expect(parseArxivAtom(bomb).payloadError).toBe("XML entity declarations are not accepted");
  });
});

describe("parseArxivAtom, entry details", () => {
  it("falls back to the doi link when arxiv:doi is missing", () => {
    const xml = feed(entry('<title>T</title><link title="doi" href="http://dx.doi.org/10.1000/abc%2Fdef" rel="related"/>'));
    expect(parseArxivAtom(xml).items[0]?.input.doi).toBe("10.1000/abc/def");
  });

  it("reads namespaced elements whatever prefix the feed uses", () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:ax="http://arxiv.org/schemas/atom">${entry(
      '<title>T</title><ax:comment>5 pages</ax:comment><ax:primary_category term="cs.LG"/>',
    )}</feed>`;
    expect(parseArxivAtom(xml).items[0]?.input).toMatchObject({ comment: "5 pages", primaryCategory: "cs.LG", categories: ["cs.LG"] });
  });

  it("keeps a numeric-looking title as a string", () => {
    expect(parseArxivAtom(feed(entry("<title>2048</title>"))).items[0]?.input.title).toBe("2048");
  });

  it("keeps CDATA content as literal text", () => {
    const xml = feed(entry("<title>Before <![CDATA[<i>raw</i> & more]]> after</title>"));
    expect(parseArxivAtom(xml).items[0]?.input.title).toBe("Before <i>raw</i> & more after");
  });

  it("reports unescaped markup in a title, a missing title and a bad date per entry", () => {
    const xml = feed(
      [
        entry("<title>Raw <b>bold</b></title>"),
        entry(""),
        entry("<title>T</title>").replace("2026-06-01T10:00:00Z</published>", "yesterday</published>"),
        entry("<title>T</title>").replace("2026-06-01T10:00:00Z</published>", "1800-01-01T00:00:00Z</published>"),
      ].join(""),
    );
    expect(parseArxivAtom(xml).errors).toEqual([
      { index: 0, id: "http://arxiv.org/abs/2606.00001v1", title: "Raw", message: "title: contains XML elements; expected escaped text" },
      { index: 1, id: "http://arxiv.org/abs/2606.00001v1", message: "title: required" },
      { index: 2, id: "http://arxiv.org/abs/2606.00001v1", title: "T", message: 'published: "yesterday" is not a date' },
      { index: 3, id: "2606.00001", title: "T", message: "publishedAt: is before arXiv existed (1991)" },
    ]);
  });

  it("merges affiliations of two authors with the same name and survives a __proto__ author", () => {
    const xml = feed(
      entry(
        "<title>T</title>" +
          "<author><name>Li Wei</name><arxiv:affiliation>A</arxiv:affiliation></author>" +
          "<author><name>Li Wei</name><arxiv:affiliation>B</arxiv:affiliation><arxiv:affiliation>A</arxiv:affiliation></author>" +
          "<author><name>__proto__</name><arxiv:affiliation>C</arxiv:affiliation></author>",
      ),
    );
    const [item] = parseArxivAtom(xml).items;
    expect(item?.input.authors).toEqual(["A", "Li Wei", "Li Wei", "__proto__"]);
    expect(Object.entries(item?.affiliations ?? {})).toEqual([
      ["Li Wei", ["A", "B"]],
      ["__proto__", ["C"]],
    ]);
  });
});

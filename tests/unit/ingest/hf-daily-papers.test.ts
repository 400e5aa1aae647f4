import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { paperInputSchema } from "@/lib/ingest/paper-input";
import { parseHfDailyPapers } from "@/lib/ingest/parsers/hf-daily-papers";

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.resolve(process.cwd(), "tests/fixtures/ingest", name), "utf8"));
}

describe("parseHfDailyPapers, 2024 shape", () => {
  const result = parseHfDailyPapers(readFixture("hf-daily-papers-2024.json"));

  it("parses every item without errors", () => {
    expect(result.payloadError).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.items.map((item) => item.input.id)).toEqual(["2406.01234", "2406.00987"]);
  });

  it("unwraps hard-wrapped titles and summaries, keeping only blank-line paragraphs", () => {
    const [first, second] = result.items;
    expect(first?.input.title).toBe("Tidal Attention: Sparse Routing for Long-Context Language Models on Commodity Hardware");
    expect(first?.input.abstract).toBe(
      "We study how attention heads can be routed sparsely across very long contexts without specialised kernels. " +
        "Our method, Tidal Attention, groups tokens into drifting windows and revisits only the windows whose summaries change." +
        "\n\nOn three long-document benchmarks it matches dense attention while using a fraction of the memory.",
    );
    expect(second?.input.title).toBe("A Field Guide to Counting Tokens");
    expect(second?.input.abstract).toBe(
      "Tokenizers disagree about what a word is. We catalogue the disagreements across twelve tokenizers and show that they shift reported perplexity by up to nine percent.",
    );
  });

  it("takes listedOn from the OUTER publishedAt (UTC date) and publishedAt from the paper", () => {
    expect(result.items[0]?.input.listedOn).toBe("2024-06-04");
    expect(result.items[0]?.input.publishedAt).toEqual(new Date("2024-06-03T17:58:12.000Z"));
    expect(result.items[1]?.input.listedOn).toBe("2024-06-03");
  });

  it("drops hidden authors and collapses spaces in names", () => {
    expect(result.items[0]?.input.authors).toEqual(["Mira Okonkwo", "Tobias Lindqvist", "Priya Raman"]);
  });

  it("fills what HF knows and leaves the rest undefined", () => {
    expect(result.items[0]?.input).toEqual({
      id: "2406.01234",
      version: 1,
      title: "Tidal Attention: Sparse Routing for Long-Context Language Models on Commodity Hardware",
      abstract: expect.any(String),
      authors: ["Mira Okonkwo", "Tobias Lindqvist", "Priya Raman"],
      publishedAt: new Date("2024-06-03T17:58:12.000Z"),
      listedOn: "2024-06-04",
      upvotes: 27,
      commentCount: 4,
      source: "huggingface",
    });
  });
});

describe("parseHfDailyPapers, current shape with bad items", () => {
  const result = parseHfDailyPapers(readFixture("hf-daily-papers-current-edge-cases.json"));

  it("keeps the good items and reports each bad one by index, id and field", () => {
    expect(result.payloadError).toBeUndefined();
    expect(result.items.map((item) => item.input.id)).toEqual(["2606.04211", "2606.04303"]);
    expect(result.errors).toEqual([
      { index: 1, id: "2606.04300", title: "A Paper With Negative Upvotes", message: "paper.upvotes: must be >= 0" },
      { index: 2, id: "2606.04301", title: "Published Before Electricity", message: "publishedAt: is before arXiv existed (1991)" },
      { index: 3, id: "2606.04302", message: "paper.title: required" },
      { index: 4, title: "No Id At All", message: "paper.id: required" },
      { index: 6, message: "item: must be an object" },
      { index: 7, id: "not-an-arxiv-id", title: "Bad Id", message: 'paper.id: "not-an-arxiv-id" is not an arXiv id' },
      { index: 8, id: "2606.04304", title: expect.any(String), message: "listedOn: is before arXiv existed (1991)" },
      { index: 9, id: "2606.04305", title: expect.any(String), message: "paper.upvotes: must be a number" },
    ]);
  });

  it("maps every current-shape field, ignoring unknown ones", () => {
    expect(result.items[0]?.input).toEqual({
      id: "2606.04211",
      version: 1,
      title: "Tidepool: Self-Correcting Retrieval for Scientific Agents",
      // paper.summary wins over the outer summary; the indented line is an arXiv paragraph.
      abstract:
        "Scientific agents retrieve papers but rarely notice when a retrieved claim was later retracted. We present Tidepool, a retrieval layer that tracks claim provenance across versions." +
        "\n\nOn a benchmark of 1,200 questions, Tidepool cuts citations of withdrawn results by 71%.",
      authors: ["Lena Hoffmann", "Kwame Mensah"],
      publishedAt: new Date("2026-06-10T00:00:00.000Z"),
      listedOn: "2026-06-12",
      githubRepo: "lumen-lab/tidepool",
      githubStars: 42,
      projectPage: "https://lumen-lab.github.io/tidepool/",
      upvotes: 17,
      commentCount: 3,
      keywords: ["retrieval", "scientific agents", "claim provenance"],
      mediaUrls: ["https://cdn-uploads.huggingface.co/production/uploads/x/figure.png"],
      aiSummary: "A retrieval layer that follows claims across paper versions.",
      source: "huggingface",
    });
    expect(result.items[0]).not.toHaveProperty("affiliations");
  });

  it("moves a github.com project page to githubRepo and keeps an empty summary", () => {
    expect(result.items[1]?.input).toMatchObject({ githubRepo: "adaquist/minimal-but-valid", abstract: "", upvotes: 0 });
    expect(result.items[1]?.input.projectPage).toBeUndefined();
  });

  it("emits only inputs that pass paperInputSchema", () => {
    for (const item of result.items) expect(paperInputSchema.parse(item.input)).toEqual(item.input);
  });
});

describe("parseHfDailyPapers, payload shapes", () => {
  const minimal = {
    paper: { id: "2606.00001", title: "T", summary: "S", authors: [], publishedAt: "2026-06-01T00:00:00.000Z", submittedOnDailyAt: "2026-06-02T00:00:00.000Z" },
  };

  it("accepts an object wrapper around the list", () => {
    expect(parseHfDailyPapers({ papers: [minimal] }).items.map((item) => item.input.id)).toEqual(["2606.00001"]);
  });

  it("returns a payload error, not a throw, for a non-list", () => {
    expect(parseHfDailyPapers({ error: "rate limited" })).toEqual({
      items: [],
      errors: [],
      payloadError: "Expected a JSON array of Hugging Face daily papers",
    });
    expect(parseHfDailyPapers("nope").payloadError).toBe("Expected a JSON array of Hugging Face daily papers");
  });

  it("treats an empty list as a valid empty day", () => {
    expect(parseHfDailyPapers([])).toEqual({ items: [], errors: [] });
  });

  it("uses the version in the id when HF ever sends one", () => {
    const versioned = { paper: { ...minimal.paper, id: "2606.00001v4" } };
    expect(parseHfDailyPapers([versioned]).items[0]?.input).toMatchObject({ id: "2606.00001", version: 4 });
  });

  it("keeps an explicit null repository as null (HF says: none)", () => {
    const none = { paper: { ...minimal.paper, githubRepo: null, githubStars: null, projectPage: null } };
    expect(parseHfDailyPapers([none]).items[0]?.input).toMatchObject({ githubRepo: null, githubStars: null, projectPage: null });
  });

  it("drops an unreadable repository link instead of the paper", () => {
    const odd = { paper: { ...minimal.paper, githubRepo: "https://gitlab.com/a/b", projectPage: "javascript:alert(1)" } };
    const [item] = parseHfDailyPapers([odd]).items;
    expect(item?.input.githubRepo).toBeUndefined();
    expect(item?.input.projectPage).toBeUndefined();
  });

  it("skips an author entry without a name instead of failing the paper", () => {
    const authors = [{ name: "Ada Quist", hidden: false }, { _id: "x", hidden: false }, { name: "  ", hidden: false }];
    const item = { paper: { ...minimal.paper, authors } };
    expect(parseHfDailyPapers([item]).items[0]?.input.authors).toEqual(["Ada Quist"]);
  });

  it("reports a future publish date and a missing paper.publishedAt", () => {
    const future = { paper: { ...minimal.paper, publishedAt: "2999-01-01T00:00:00.000Z" } };
    const undated = { paper: { ...minimal.paper, publishedAt: undefined } };
    expect(parseHfDailyPapers([future, undated]).errors).toEqual([
      { index: 0, id: "2606.00001", title: "T", message: "publishedAt: is in the future" },
      { index: 1, id: "2606.00001", title: "T", message: "paper.publishedAt: required" },
    ]);
  });

  describe("decoration: organization, mediaUrls, ai_summary", () => {
    const withHf = (paper: Record<string, unknown>, outer: Record<string, unknown> = {}) =>
      parseHfDailyPapers([{ paper: { ...minimal.paper, ...paper }, ...outer }]);

    it("reads the organization from the paper or the outer item, resolving a site-relative avatar", () => {
      const org = { _id: "x", name: "acme-ai", fullname: "Acme  AI\nLab", avatar: "/avatars/acme.svg" };
      expect(withHf({ organization: org }).items[0]?.input.organization).toEqual({ name: "acme-ai", fullName: "Acme AI Lab", avatarUrl: "https://huggingface.co/avatars/acme.svg" });
      expect(withHf({}, { organization: { name: "acme-ai" } }).items[0]?.input.organization).toEqual({ name: "acme-ai", fullName: "acme-ai", avatarUrl: null });
    });

    it("leaves out what cannot be shown safely, and never loses the paper for it", () => {
      const result = withHf({
        organization: { name: "../../etc", fullname: "Bad", avatar: "javascript:alert(1)" },
        mediaUrls: ["https://tracker.example.com/pixel.png", "http://cdn-uploads.huggingface.co/a.png", "https://cdn-uploads.huggingface.co/demo.mp4", "https://cdn-uploads.huggingface.co/fig.webp", 42],
        ai_summary: "   ",
      });
      expect(result.errors).toEqual([]);
      expect(result.items[0]?.input.organization).toBeUndefined();
      expect(result.items[0]?.input.mediaUrls).toEqual(["https://cdn-uploads.huggingface.co/fig.webp"]);
      expect(result.items[0]?.input.aiSummary).toBeUndefined();
      const avatar = withHf({ organization: { name: "ok", fullname: "OK", avatar: "https://evil.example.org/a.png" } }).items[0]?.input.organization;
      expect(avatar).toEqual({ name: "ok", fullName: "OK", avatarUrl: null });
    });
  });
});

import { describe, expect, it } from "vitest";
import { mergePaper, type PaperRow } from "@/lib/ingest/merge-paper";
import type { PaperInput } from "@/lib/ingest/paper-input";

const stored: PaperRow = {
  id: "2606.13677",
  version: 2,
  title: "Stored title v2",
  abstract: "Stored abstract v2",
  authors: ["A. One", "B. Two"],
  publishedAt: new Date("2026-06-10T00:00:00Z"),
  publishedAtExact: true,
  updatedAt: new Date("2026-06-12T00:00:00Z"),
  listedOn: "2026-06-12",
  primaryCategory: "cs.LG",
  categories: ["cs.LG", "cs.AI"],
  comment: "12 pages",
  doi: null,
  journalRef: null,
  githubRepo: "acme/repo",
  githubStars: 10,
  projectPage: null,
  upvotes: 5,
  commentCount: 1,
  keywords: ["kv cache"],
  organization: null,
  mediaUrls: [],
  aiSummary: null,
  onHuggingFace: false,
  subjectClasses: [],
  source: "arxiv_api",
};

const input = (overrides: Partial<PaperInput>): PaperInput => ({
  id: "2606.13677",
  version: 2,
  title: "Stored title v2",
  abstract: "Stored abstract v2",
  authors: ["A. One", "B. Two"],
  publishedAt: new Date("2026-06-10T00:00:00Z"),
  source: "huggingface",
  ...overrides,
});

describe("mergePaper", () => {
  it("creates a new paper listed today when the source gives no day", () => {
    const { row, change } = mergePaper(null, input({ categories: ["cs.CL", "cs.LG"], publishedAt: new Date("2026-11-26T15:00:00Z") }), "2026-11-28");
    expect(change).toBe("new");
    expect(row).toMatchObject({ listedOn: "2026-11-28", primaryCategory: "cs.CL", upvotes: 0, githubRepo: null, source: "huggingface" });
  });

  it("reports unchanged when the same record arrives again", () => {
    const { organization: _organization, publishedAtExact: _exact, onHuggingFace: _onHf, ...record } = stored;
    const again = mergePaper(stored, input({ ...record, source: "arxiv_api", listedOn: "2026-06-12" }), "2026-11-28");
    expect(again.change).toBe("unchanged");
    expect(again.row).toEqual(stored);
  });

  it("takes the text of a newer version and keeps the first listed day", () => {
    const { row, change } = mergePaper(stored, input({ version: 3, title: "New title v3", abstract: "New abstract v3", listedOn: "2026-11-01", updatedAt: new Date("2026-11-01T00:00:00Z") }), "2026-11-28");
    expect(change).toBe("updated");
    expect(row).toMatchObject({ version: 3, title: "New title v3", abstract: "New abstract v3", listedOn: "2026-06-12" });
    expect(row.updatedAt.toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("never lets an older version's text or number overwrite a newer one", () => {
    const { row } = mergePaper(stored, input({ version: 1, title: "Old title v1", abstract: "Old abstract", upvotes: 40 }), "2026-11-28");
    expect(row).toMatchObject({ version: 2, title: "Stored title v2", abstract: "Stored abstract v2", upvotes: 40 });
  });

  it("updates counts from HF but never erases links another source gave", () => {
    const { row, change } = mergePaper(stored, input({ upvotes: 9, githubStars: 12, githubRepo: null, projectPage: "https://acme.github.io/p" }), "2026-11-28");
    expect(change).toBe("updated");
    expect(row).toMatchObject({ upvotes: 9, githubStars: 12, githubRepo: "acme/repo", projectPage: "https://acme.github.io/p", keywords: ["kv cache"], source: "arxiv_api" });
  });

  it("lets links read from an arXiv comment fill a gap but never replace Hugging Face's", () => {
    const fromHf = { ...stored, githubRepo: "curated/repo", projectPage: null, source: "huggingface" as const };
    const comment = input({ source: "arxiv_api", githubRepo: "comment/repo", projectPage: "https://comment.example.org/" });
    const { row } = mergePaper(fromHf, comment, "2026-11-28");
    expect(row).toMatchObject({ githubRepo: "curated/repo", projectPage: "https://comment.example.org/" });
    // Hugging Face, the curated source, does replace a link guessed from a comment.
    expect(mergePaper(row, input({ githubRepo: "curated/other" }), "2026-11-28").row.githubRepo).toBe("curated/other");
  });

  describe("archival imports (a source without a listed day)", () => {
    const api = (publishedAt: string) => input({ source: "arxiv_api", publishedAt: new Date(publishedAt) });

    it("lists a paper whose version 1 is older than a week on its own day, not today", () => {
      expect(mergePaper(null, api("2022-05-13T09:30:00Z"), "2026-11-28").row.listedOn).toBe("2022-05-13");
      expect(mergePaper(null, api("2026-11-20T23:00:00Z"), "2026-11-28").row.listedOn).toBe("2026-11-20");
    });

    it("lists a paper at most a week old today, as the scheduled API poll sees fresh ones", () => {
      expect(mergePaper(null, api("2026-11-21T01:00:00Z"), "2026-11-28").row.listedOn).toBe("2026-11-28");
      expect(mergePaper(null, api("2026-11-27T18:00:00Z"), "2026-11-28").row.listedOn).toBe("2026-11-28");
    });

    it("lists a submitted paper today however old it is", () => {
      const submitted = input({ source: "submission", publishedAt: new Date("2019-01-05T00:00:00Z") });
      expect(mergePaper(null, submitted, "2026-11-28").row.listedOn).toBe("2026-11-28");
    });

    it("keeps a listed day the source gives, and never moves a stored paper", () => {
      expect(mergePaper(null, input({ publishedAt: new Date("2022-05-13T00:00:00Z"), listedOn: "2026-11-27" }), "2026-11-28").row.listedOn).toBe("2026-11-27");
      expect(mergePaper(stored, api("2019-01-05T00:00:00Z"), "2026-11-28").row.listedOn).toBe(stored.listedOn);
    });
  });

  describe("a source that does not say when a paper was submitted (arXiv RSS)", () => {
    const rss = (overrides: Partial<PaperInput> = {}) => input({ source: "arxiv_rss", publishedAt: undefined, listedOn: "2026-11-27", ...overrides });

    it("stores the listed day as an estimate, marked as one", () => {
      const { row } = mergePaper(null, rss(), "2026-11-28");
      expect(row).toMatchObject({ listedOn: "2026-11-27", publishedAtExact: false });
      expect(row.publishedAt.toISOString()).toBe("2026-11-27T00:00:00.000Z");
      expect(row.updatedAt.toISOString()).toBe("2026-11-27T00:00:00.000Z");
    });

    it("takes a real date later, even one after the estimate, and then keeps the earliest real one", () => {
      const estimated = mergePaper(null, rss(), "2026-11-28").row;
      const dated = mergePaper(estimated, input({ source: "arxiv_api", publishedAt: new Date("2026-11-27T16:20:00Z") }), "2026-11-29").row;
      expect(dated).toMatchObject({ publishedAtExact: true, listedOn: "2026-11-27" });
      expect(dated.publishedAt.toISOString()).toBe("2026-11-27T16:20:00.000Z");
      const later = mergePaper(dated, input({ source: "huggingface", publishedAt: new Date("2026-11-28T00:00:00Z") }), "2026-11-29").row;
      expect(later.publishedAt.toISOString()).toBe("2026-11-27T16:20:00.000Z");
    });

    it("never replaces a real date with nothing", () => {
      const { row, change } = mergePaper(stored, rss({ version: 2 }), "2026-11-28");
      expect(change).toBe("unchanged");
      expect(row.publishedAt).toEqual(stored.publishedAt);
      expect(row.publishedAtExact).toBe(true);
    });
  });

  describe("Hugging Face fields", () => {
    const caltech = { name: "caltech", fullName: "California institute of technology", avatarUrl: null };

    it("stores the organization, figures and summary, and marks the paper as on Hugging Face", () => {
      const { row } = mergePaper(stored, input({ organization: caltech, mediaUrls: ["https://cdn-uploads.huggingface.co/a.png"], aiSummary: "One line." }), "2026-11-28");
      expect(row).toMatchObject({ organization: "caltech", mediaUrls: ["https://cdn-uploads.huggingface.co/a.png"], aiSummary: "One line.", onHuggingFace: true, source: "arxiv_api" });
    });

    it("keeps them when a later record does not know them", () => {
      const withHf = mergePaper(stored, input({ organization: caltech, mediaUrls: ["https://cdn-uploads.huggingface.co/a.png"], aiSummary: "One line." }), "2026-11-28").row;
      const { row, change } = mergePaper(withHf, input({ source: "arxiv_api", organization: undefined, mediaUrls: [], aiSummary: null }), "2026-11-28");
      expect(change).toBe("unchanged");
      expect(row).toMatchObject({ organization: "caltech", mediaUrls: ["https://cdn-uploads.huggingface.co/a.png"], aiSummary: "One line.", onHuggingFace: true });
    });

    it("does not mark a paper from arXiv as on Hugging Face", () => {
      expect(mergePaper(null, input({ source: "arxiv_api", publishedAt: new Date("2026-11-27T00:00:00Z") }), "2026-11-28").row.onHuggingFace).toBe(false);
    });
  });

  it("keeps subject classes apart from categories and lets them follow the newest version", () => {
    const v3 = mergePaper(stored, input({ version: 3, source: "arxiv_api", subjectClasses: ["35J20", "65Jxx"] }), "2026-11-28").row;
    expect(v3).toMatchObject({ subjectClasses: ["35J20", "65Jxx"], categories: stored.categories });
    expect(mergePaper(v3, input({ version: 2, source: "arxiv_api", subjectClasses: ["99Z99"] }), "2026-11-28").row.subjectClasses).toEqual(["35J20", "65Jxx"]);
  });
});

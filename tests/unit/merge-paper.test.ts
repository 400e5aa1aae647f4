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
    const { row, change } = mergePaper(null, input({ categories: ["cs.CL", "cs.LG"] }), "2026-11-28");
    expect(change).toBe("new");
    expect(row).toMatchObject({ listedOn: "2026-11-28", primaryCategory: "cs.CL", upvotes: 0, githubRepo: null, source: "huggingface" });
  });

  it("reports unchanged when the same record arrives again", () => {
    const again = mergePaper(stored, input({ ...stored, source: "arxiv_api", listedOn: "2026-06-12" }), "2026-11-28");
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
});

import type { PaperInput } from "@/lib/ingest/paper-input";

let counter = 0;

/** A valid PaperInput with a unique id; override what the test is about. */
export function makePaper(overrides: Partial<PaperInput> = {}): PaperInput {
  counter += 1;
  const n = String(counter).padStart(5, "0");
  return {
    id: `2611.${n}`,
    version: 1,
    title: `A study of test paper number ${counter}`,
    abstract: `We study test paper ${counter}. It exists so the integration tests have something to rank.`,
    authors: ["Ada Tester", "Grace Fixture"],
    publishedAt: new Date("2026-11-20T10:00:00Z"),
    listedOn: "2026-11-25",
    primaryCategory: "cs.LG",
    categories: ["cs.LG"],
    upvotes: 0,
    source: "huggingface",
    ...overrides,
  };
}

import { z } from "zod";
import { parseArxivId } from "@/lib/papers/arxiv-id";

// The one shape every importer emits. A parser per source format turns its payload into
// PaperInput[]; lib/ingest/upsert.ts is the only code that writes papers. A field left
// undefined means "this source does not know": the stored value is kept.

export const PAPER_SOURCES = ["huggingface", "arxiv_api", "arxiv_rss", "submission", "demo", "synthetic"] as const;
export type PaperSourceName = (typeof PAPER_SOURCES)[number];

/** arXiv started in August 1991; anything earlier is a parsing error, not a paper. */
const EARLIEST = new Date("1991-08-01T00:00:00Z");
const plausibleDate = z
  .date()
  .refine((d) => !Number.isNaN(d.getTime()), "is not a valid date")
  .refine((d) => d >= EARLIEST, "is before arXiv existed (1991)")
  .refine((d) => d.getTime() <= Date.now() + 3 * 86_400_000, "is in the future");

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const count = z.number().int().min(0).max(100_000_000);
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const paperInputSchema = z.object({
  id: z.string().refine((v) => parseArxivId(v)?.id === v, "is not an arXiv id without version"),
  version: z.number().int().min(1).max(1000),
  title: shortText(1_000),
  abstract: z.string().trim().max(20_000),
  authors: z.array(shortText(300)).max(5_000),
  publishedAt: plausibleDate,
  updatedAt: plausibleDate.optional(),
  /** The feed day; undefined lets the upsert keep the stored day or use today for a new paper. */
  listedOn: day.optional(),
  primaryCategory: z.string().max(32).nullable().optional(),
  categories: z.array(z.string().min(1).max(32)).max(50).optional(),
  comment: z.string().max(5_000).nullable().optional(),
  doi: z.string().max(300).nullable().optional(),
  journalRef: z.string().max(1_000).nullable().optional(),
  /** "owner/name". */
  githubRepo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name").nullable().optional(),
  githubStars: count.nullable().optional(),
  projectPage: z.url({ protocol: /^https?$/ }).max(2_000).nullable().optional(),
  upvotes: count.optional(),
  commentCount: count.optional(),
  keywords: z.array(z.string().min(1).max(200)).max(200).optional(),
  source: z.enum(PAPER_SOURCES),
})
  // PostgreSQL text cannot hold U+0000: one such character would fail the whole batch's
  // insert, so the item is refused here, on its own, with the field named.
  .superRefine((input, context) => {
    const visit = (value: unknown, path: (string | number)[]) => {
      if (typeof value === "string") {
        if (value.includes("\u0000")) context.addIssue({ code: "custom", path, message: "contains a NUL character" });
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    };
    for (const [key, value] of Object.entries(input)) visit(value, [key]);
  });

export type PaperInput = z.infer<typeof paperInputSchema>;

import { z } from "zod";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
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
/** Names the offending value, so a rejected item can be fixed from its message alone. */
const tooLong = (max: number) => ({ error: (issue: { input?: unknown }) => `"${String(issue.input).slice(0, 60)}" is longer than ${max} characters` });
/** An arXiv category code (cs.CL, hep-th, cond-mat.str-el, math.NA), as opposed to a subject class. */
export const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;
const category = z
  .string()
  .min(1)
  .max(32, tooLong(32))
  .regex(ARXIV_CATEGORY, { error: (issue) => `"${String(issue.input).slice(0, 60)}" is not an arXiv category` });
const httpsUrl = z.url({ protocol: /^https$/ }).max(2_000);

/** A Hugging Face organization: handle, display name, avatar. */
export const organizationInputSchema = z.object({
  name: z.string().trim().min(1).max(100, tooLong(100)).regex(ORGANIZATION_NAME, "must be a Hugging Face handle"),
  // NUL is refused here too, so the HF parser can leave a broken organization out rather
  // than lose the paper to the check at the end of this file.
  fullName: shortText(300).refine((value) => !value.includes("\u0000"), "contains a NUL character"),
  avatarUrl: httpsUrl.nullable(),
});
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

export const paperInputSchema = z.object({
  id: z.string().refine((v) => parseArxivId(v)?.id === v, "is not an arXiv id without version"),
  version: z.number().int().min(1).max(1000),
  title: shortText(1_000),
  abstract: z.string().trim().max(20_000),
  authors: z.array(shortText(300)).max(5_000),
  /**
   * When version 1 was submitted. Undefined: the source does not say (arXiv RSS); the
   * stored value is kept, and a new paper gets its listed day as an estimate that orders
   * it but is never shown as a date (papers.published_at_exact = false).
   */
  publishedAt: plausibleDate.optional(),
  updatedAt: plausibleDate.optional(),
  /** The feed day; undefined lets the upsert keep the stored day or use today for a new paper. */
  listedOn: day.optional(),
  primaryCategory: category.nullable().optional(),
  categories: z.array(category).max(50).optional(),
  /** MSC/ACM subject classes (35J20, I.2.7): kept apart from categories, never a reason to refuse a paper. */
  subjectClasses: z.array(z.string().min(1).max(100, tooLong(100))).max(50).optional(),
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
  /** Hugging Face: the organization the paper is published under (null: none). */
  organization: organizationInputSchema.nullable().optional(),
  /** Hugging Face: figures uploaded to the paper's page, https images only. */
  mediaUrls: z.array(httpsUrl).max(20).optional(),
  /** Hugging Face: its one-line machine-written summary. */
  aiSummary: z.string().trim().min(1).max(2_000).nullable().optional(),
  source: z.enum(PAPER_SOURCES),
})
  // PostgreSQL text cannot hold U+0000: one such character would fail the whole batch's
  // insert, so the item is refused here, on its own, with the field named.
  .superRefine((input, context) => {
    const visit = (value: unknown, path: (string | number)[]) => {
      if (typeof value === "string") {
        if (value.includes("\u0000")) context.addIssue({ code: "custom", path, message: "contains a NUL character" });
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
      else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
        for (const [key, inner] of Object.entries(value)) visit(inner, [...path, key]);
      }
    };
    for (const [key, value] of Object.entries(input)) visit(value, [key]);
  });

export type PaperInput = z.infer<typeof paperInputSchema>;

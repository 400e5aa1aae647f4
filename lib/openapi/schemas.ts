import { z } from "zod";

// The JSON the public API returns, as zod schemas: /api/openapi.json is generated from
// them (z.toJSONSchema), and the integration tests parse real responses with them, so the
// document cannot drift from what the endpoints send.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "A day, YYYY-MM-DD (UTC)." });
const tagKind = z.enum(["topic", "category"]);

export const apiErrorSchema = z
  .object({ error: z.strictObject({ code: z.string().meta({ description: "bad_request, not_found, rate_limited, internal, …" }), message: z.string() }) })
  .meta({ description: "Every error: a 4xx (or 500) status and this body." });

export const textSegmentSchema = z.strictObject({ text: z.string(), match: z.boolean() }).meta({ description: "Part of a highlighted text; match marks a search hit." });

export const apiPaperSchema = z
  .object({
    id: z.string().meta({ description: "arXiv id without version: 2606.00467 or hep-th/9901001." }),
    version: z.number().int(),
    title: z.string(),
    abstract: z.string(),
    authors: z.array(z.string()),
    publishedAt: z
      .string()
      .nullable()
      .meta({ description: "ISO 8601 timestamp of version 1. null: no source said (a paper only arXiv RSS announced); submittedMonth still holds." }),
    submittedMonth: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .nullable()
      .meta({ description: "YYYY-MM of version 1, read from the arXiv id (2205.06398: 2022-05)." }),
    updatedAt: z.string(),
    listedOn: day,
    primaryCategory: z.string().nullable(),
    categories: z.array(z.string()),
    tags: z.array(z.string()).meta({ description: "Tag slugs; see GET /api/tags." }),
    upvotes: z.number().int(),
    commentCount: z.number().int(),
    githubRepo: z.string().nullable().meta({ description: "owner/name on GitHub." }),
    githubStars: z.number().int().nullable(),
    projectPage: z.string().nullable(),
    doi: z.string().nullable(),
    organization: z
      .strictObject({
        name: z.string().meta({ description: "Hugging Face handle: huggingface.co/<name>; its papers are at /orgs/<name>." }),
        fullName: z.string(),
        avatarUrl: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "The Hugging Face organization the paper is published under." }),
    aiSummary: z.string().nullable().meta({ description: "Hugging Face's one-line summary, written by a model, not the authors." }),
    thumbnailUrl: z.string().nullable().meta({ description: "The first figure on the paper's Hugging Face page." }),
    links: z.strictObject({
      abs: z.string(),
      pdf: z.string(),
      page: z.string(),
      huggingFace: z.string().nullable().meta({ description: "The paper's Hugging Face page (comments, upvotes); null when it is not listed there." }),
    }),
  })
  ;

export const rankedPaperSchema = apiPaperSchema.extend({ trendingScore: z.number().meta({ description: "See /about for the formula." }) });

export const searchHitSchema = rankedPaperSchema
  .extend({
    rank: z.number().nullable().meta({ description: "Text relevance (ts_rank_cd); null for a search by tags only." }),
    highlights: z.strictObject({ title: z.array(textSegmentSchema), abstract: z.array(textSegmentSchema) }).nullable(),
  })
  ;

export const paperDetailSchema = apiPaperSchema
  .extend({
    comment: z.string().nullable(),
    journalRef: z.string().nullable(),
    keywords: z.array(z.string()),
    subjectClasses: z.array(z.string()).meta({ description: "MSC/ACM subject classes (35J20, I.2.7), apart from the arXiv categories." }),
    mediaUrls: z.array(z.string()).meta({ description: "Figures from the paper's Hugging Face page." }),
    upvoteHistory: z.array(z.strictObject({ day, upvotes: z.number().int() })),
  })
  ;

export const facetSchema = z.strictObject({ slug: z.string(), name: z.string(), kind: tagKind, count: z.number().int() });

export const feedListSchema = z
  .object({
    period: z.strictObject({ kind: z.enum(["date", "week", "month"]), key: z.string(), start: day, end: day }).nullable(),
    papers: z.array(rankedPaperSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ description: "Without q: one period of the feed." });

export const searchListSchema = z
  .object({
    query: z.strictObject({
      q: z.string(),
      arxivId: z.string().nullable().meta({ description: "Set when q was an arXiv id or URL: papers then holds that paper (if PaperPulse has it)." }),
      corrected: z.string().nullable().meta({ description: "Set when typos were corrected: the query that was searched." }),
    }),
    range: z.strictObject({ from: day.nullable(), to: day.nullable() }).nullable(),
    total: z.strictObject({ count: z.number().int(), exact: z.boolean().meta({ description: "false: count is an estimate." }) }),
    rankedSince: day.nullable().optional().meta({ description: "Relevance ranked the matches listed since this day; null: all matches." }),
    papers: z.array(searchHitSchema),
    facets: z.array(facetSchema).meta({ description: "Tags of the matches, most frequent first." }),
    nextCursor: z.string().nullable(),
  })
  .meta({ description: "With q: ranked search results." });

export const apiTagSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    kind: tagKind,
    description: z.string().nullable(),
    papers: z.number().int(),
    links: z.strictObject({ page: z.string(), rss: z.string(), atom: z.string(), json: z.string() }),
  })
  ;

export const tagListSchema = z.strictObject({ tags: z.array(apiTagSchema) });

export const suggestionsSchema = z
  .object({
    completions: z.array(z.string()),
    papers: z.array(z.strictObject({ id: z.string(), title: z.string(), authors: z.array(z.string()), listedOn: day })),
    tags: z.array(z.strictObject({ slug: z.string(), name: z.string(), kind: tagKind })),
  })
  ;

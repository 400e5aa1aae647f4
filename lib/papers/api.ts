import { z } from "zod";
import { arxivAbsUrl, arxivPdfUrl, huggingFacePaperUrl, submissionMonth } from "./arxiv-id";
import { daySchema, monthSchema, type Period, parsePeriod, periodContaining, todayUtc, weekSchema } from "./dates";
import type { SearchHit } from "@/lib/search/engine";
import { queryTextSchema, SEARCH_SORTS } from "@/lib/search/params";
import { runSearch } from "@/lib/search/search";
import { cursorSchema, tagListSchema } from "./feed-params";
import { getLatestListedDay, getPaper, listFeedPapers } from "./queries";
import { computeTrendingScore, trendingReference } from "./trending";
import type { OrganizationRef, PaperDetail, PaperSummary, RankedPaper } from "./types";

// The read API's contract: parameters, and the JSON shape of a paper. Route handlers parse
// with these schemas and return what these functions build; docs/api.md and
// /api/openapi.json describe the same fields.

export const API_MAX_LIMIT = 100;

export const listPapersParamsSchema = z
  .object({
    /** Search words (web-search syntax); without q the endpoint lists a feed period. */
    q: queryTextSchema.optional(),
    date: daySchema.optional(),
    week: weekSchema.optional(),
    month: monthSchema.optional(),
    /** A date range for a search (inclusive). */
    from: daySchema.optional(),
    to: daySchema.optional(),
    /** Default: relevance with q, trending without. */
    sort: z.enum(SEARCH_SORTS, { error: `sort must be one of: ${SEARCH_SORTS.join(", ")}` }).optional(),
    tags: tagListSchema.default([]),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(API_MAX_LIMIT, `limit must be at most ${API_MAX_LIMIT}`)
      .default(30),
    cursor: cursorSchema.optional(),
  })
  .refine((p) => [p.date, p.week, p.month].filter(Boolean).length <= 1, { message: "give at most one of date, week and month" })
  .refine((p) => !(p.from || p.to) || !(p.date || p.week || p.month), { message: "give either from/to or one of date, week and month" })
  .refine((p) => !(p.from || p.to) || p.q?.trim(), { message: "from and to narrow a search: give q too, or use date, week or month for a feed" })
  .refine((p) => p.sort !== "relevance" || p.q?.trim(), { message: "sort=relevance needs q; without q use trending, top or new" })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { message: "from must be on or before to" });

export type ListPapersParams = z.infer<typeof listPapersParamsSchema>;

export interface ApiPaper {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: string | null;
  submittedMonth: string | null;
  updatedAt: string;
  listedOn: string;
  primaryCategory: string | null;
  categories: string[];
  tags: string[];
  upvotes: number;
  commentCount: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  doi: string | null;
  organization: OrganizationRef | null;
  aiSummary: string | null;
  thumbnailUrl: string | null;
  links: { abs: string; pdf: string; page: string; huggingFace: string | null };
}

export function toApiPaper(paper: PaperSummary, appUrl: string): ApiPaper {
  return {
    id: paper.id,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    publishedAt: paper.publishedAt,
    submittedMonth: submissionMonth(paper.id),
    updatedAt: paper.updatedAt,
    listedOn: paper.listedOn,
    primaryCategory: paper.primaryCategory,
    categories: paper.categories,
    tags: paper.tags.map((t) => t.slug),
    upvotes: paper.upvotes,
    commentCount: paper.commentCount,
    githubRepo: paper.githubRepo,
    githubStars: paper.githubStars,
    projectPage: paper.projectPage,
    doi: paper.doi,
    organization: paper.organization,
    aiSummary: paper.aiSummary,
    thumbnailUrl: paper.thumbnailUrl,
    links: {
      abs: arxivAbsUrl(paper.id),
      pdf: arxivPdfUrl(paper.id, paper.version),
      page: `${appUrl}/papers/${paper.id}`,
      huggingFace: paper.onHuggingFace ? huggingFacePaperUrl(paper.id) : null,
    },
  };
}

export function toApiPaperDetail(paper: PaperDetail, appUrl: string) {
  return {
    ...toApiPaper(paper, appUrl),
    comment: paper.comment,
    journalRef: paper.journalRef,
    keywords: paper.keywords,
    subjectClasses: paper.subjectClasses,
    mediaUrls: paper.mediaUrls,
    upvoteHistory: paper.snapshots.map((s) => ({ day: s.day, upvotes: s.upvotes })),
  };
}

export function toApiRankedPaper(paper: RankedPaper, appUrl: string) {
  return { ...toApiPaper(paper, appUrl), trendingScore: paper.trending.score };
}

/** Resolves the period asked for, or the latest day with papers when none is given. */
async function resolvePeriod(params: ListPapersParams): Promise<Period | null> {
  if (params.date) return parsePeriod("date", params.date);
  if (params.week) return parsePeriod("week", params.week);
  if (params.month) return parsePeriod("month", params.month);
  const latest = await getLatestListedDay();
  return latest ? periodContaining("date", latest) : null;
}

export function toApiSearchHit(hit: SearchHit, appUrl: string) {
  return { ...toApiRankedPaper(hit, appUrl), rank: hit.rank, highlights: hit.highlights };
}

export async function listPapersForApi(params: ListPapersParams, appUrl: string, now: Date = new Date()) {
  if (params.q?.trim()) return searchPapersForApi({ ...params, q: params.q }, appUrl, now);
  const period = await resolvePeriod(params);
  if (!period) return { period: null, papers: [], nextCursor: null };
  const page = await listFeedPapers({
    start: period.start,
    end: period.end,
    sort: params.sort === "relevance" || params.sort === undefined ? "trending" : params.sort,
    tags: params.tags,
    limit: params.limit,
    cursor: params.cursor,
    reference: trendingReference(period.end ?? todayUtc(now), now),
  });
  return {
    period: { kind: period.kind, key: period.key, start: period.start, end: period.end },
    papers: page.papers.map((p) => toApiRankedPaper(p, appUrl)),
    nextCursor: page.nextCursor,
  };
}

/** GET /api/papers?q=: ranked search results with highlights, tag counts and a total. */
async function searchPapersForApi(params: ListPapersParams & { q: string }, appUrl: string, now: Date) {
  const period = params.date ? parsePeriod("date", params.date) : params.week ? parsePeriod("week", params.week) : params.month ? parsePeriod("month", params.month) : null;
  const from = period?.start ?? params.from;
  const to = period?.end ?? params.to;
  const outcome = await runSearch({ q: params.q, tags: params.tags, from, to, sort: params.sort ?? "relevance", cursor: params.cursor, exact: false, limit: params.limit }, {}, now);
  const range = from || to ? { from: from ?? null, to: to ?? null } : null;
  if (outcome.kind === "paper") {
    const paper = outcome.exists ? await getPaper(outcome.id) : null;
    return {
      query: { q: params.q, arxivId: outcome.id, corrected: null },
      range,
      total: { count: paper ? 1 : 0, exact: true },
      papers: paper ? [{ ...toApiPaper(paper, appUrl), trendingScore: computeTrendingScore(paper, now), rank: null, highlights: null }] : [],
      facets: [],
      nextCursor: null,
    };
  }
  const { page, correction } = outcome;
  return {
    query: { q: params.q, arxivId: null, corrected: correction?.corrected ?? null },
    range,
    total: page.total,
    /** Relevance ranked the matches listed since this day (null: every match was ranked). */
    rankedSince: page.since,
    papers: page.hits.map((hit) => toApiSearchHit(hit, appUrl)),
    facets: page.facets.map((f) => ({ slug: f.slug, name: f.name, kind: f.kind, count: f.count })),
    nextCursor: page.nextCursor,
  };
}

import { z } from "zod";
import { arxivAbsUrl, arxivPdfUrl } from "./arxiv-id";
import { daySchema, monthSchema, type Period, parsePeriod, periodContaining, todayUtc, weekSchema } from "./dates";
import { cursorSchema, sortSchema, tagListSchema } from "./feed-params";
import { getLatestListedDay, listFeedPapers } from "./queries";
import { trendingReference } from "./trending";
import type { PaperDetail, PaperSummary, RankedPaper } from "./types";

// The read API's contract: parameters, and the JSON shape of a paper. Route handlers parse
// with these schemas and return what these functions build; docs/api.md and
// /api/openapi.json describe the same fields.

export const API_MAX_LIMIT = 100;

export const listPapersParamsSchema = z
  .object({
    date: daySchema.optional(),
    week: weekSchema.optional(),
    month: monthSchema.optional(),
    sort: sortSchema.default("trending"),
    tags: tagListSchema.default([]),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(API_MAX_LIMIT, `limit must be at most ${API_MAX_LIMIT}`)
      .default(30),
    cursor: cursorSchema.optional(),
  })
  .refine((p) => [p.date, p.week, p.month].filter(Boolean).length <= 1, { message: "give at most one of date, week and month" });

export type ListPapersParams = z.infer<typeof listPapersParamsSchema>;

export interface ApiPaper {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: string;
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
  links: { abs: string; pdf: string; page: string };
}

export function toApiPaper(paper: PaperSummary, appUrl: string): ApiPaper {
  return {
    id: paper.id,
    version: paper.version,
    title: paper.title,
    abstract: paper.abstract,
    authors: paper.authors,
    publishedAt: paper.publishedAt,
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
    links: { abs: arxivAbsUrl(paper.id), pdf: arxivPdfUrl(paper.id, paper.version), page: `${appUrl}/papers/${paper.id}` },
  };
}

export function toApiPaperDetail(paper: PaperDetail, appUrl: string) {
  return {
    ...toApiPaper(paper, appUrl),
    comment: paper.comment,
    journalRef: paper.journalRef,
    keywords: paper.keywords,
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

export async function listPapersForApi(params: ListPapersParams, appUrl: string, now: Date = new Date()) {
  const period = await resolvePeriod(params);
  if (!period) return { period: null, papers: [], nextCursor: null };
  const page = await listFeedPapers({
    start: period.start,
    end: period.end,
    sort: params.sort,
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

import { type Day, dateToDay, dayToDate, daysBetween } from "@/lib/papers/dates";
import type { PaperInput, PaperSourceName } from "./paper-input";

// How one incoming record combines with the stored paper. Pure, so every rule is unit
// tested: one paper per arXiv id; text follows the newest version; a source that does not
// know a field (undefined or null) never erases what another source said; the listed day
// is the first one the paper was listed on, so papers never jump between days.

/**
 * A paper first seen more than this many days after its version 1 was submitted is an
 * archival import (an arXiv API file of old papers): it is listed on its own day, not today.
 * A week, because arXiv announces a submission one to four days later, and up to a week
 * over its holiday breaks; the scheduled API poll sees fresh papers well inside that.
 */
export const ARCHIVAL_AFTER_DAYS = 7;

export interface PaperRow {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  /** False: publishedAt is the estimate a source without dates left (see PaperInput.publishedAt). */
  publishedAtExact: boolean;
  updatedAt: Date;
  listedOn: Day;
  primaryCategory: string | null;
  categories: string[];
  comment: string | null;
  doi: string | null;
  journalRef: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  upvotes: number;
  commentCount: number;
  keywords: string[];
  /** Hugging Face organization handle. */
  organization: string | null;
  mediaUrls: string[];
  aiSummary: string | null;
  onHuggingFace: boolean;
  subjectClasses: string[];
  source: PaperSourceName;
}

export type PaperChange = "new" | "updated" | "unchanged";

export function mergePaper(existing: PaperRow | null, input: PaperInput, today: Day): { row: PaperRow; change: PaperChange } {
  if (!existing) {
    const listedOn = input.listedOn ?? firstListingDay(input, today);
    const publishedAt = input.publishedAt ?? dayToDate(listedOn);
    return {
      change: "new",
      row: {
        id: input.id,
        version: input.version,
        title: input.title,
        abstract: input.abstract,
        authors: input.authors,
        publishedAt,
        publishedAtExact: input.publishedAt !== undefined,
        updatedAt: input.updatedAt ?? publishedAt,
        listedOn,
        primaryCategory: input.primaryCategory ?? input.categories?.[0] ?? null,
        categories: input.categories ?? [],
        comment: input.comment ?? null,
        doi: input.doi ?? null,
        journalRef: input.journalRef ?? null,
        githubRepo: input.githubRepo ?? null,
        githubStars: input.githubStars ?? null,
        projectPage: input.projectPage ?? null,
        upvotes: input.upvotes ?? 0,
        commentCount: input.commentCount ?? 0,
        keywords: input.keywords ?? [],
        organization: input.organization?.name ?? null,
        mediaUrls: input.mediaUrls ?? [],
        aiSummary: input.aiSummary ?? null,
        onHuggingFace: input.source === "huggingface",
        subjectClasses: input.subjectClasses ?? [],
        source: input.source,
      },
    };
  }

  // A source may carry an older version's text (HF does not say which version it shows).
  const isCurrent = input.version >= existing.version;
  const text = <T>(incoming: T | undefined | null, stored: T): T => (isCurrent && incoming !== undefined && incoming !== null ? incoming : stored);
  const known = <T>(incoming: T | undefined | null, stored: T): T => (incoming !== undefined && incoming !== null ? incoming : stored);
  const nonEmpty = <T>(incoming: T[] | undefined, stored: T[]): T[] => (incoming && incoming.length > 0 ? incoming : stored);
  // arXiv records carry links only as guessed from the free-text comment; Hugging Face's
  // githubRepo/projectPage are curated. So a comment's link fills a gap and never replaces one.
  const linksFromComment = input.source === "arxiv_api" || input.source === "arxiv_rss" || input.source === "submission";
  const gap = <T>(incoming: T | undefined | null, stored: T | null): T | null => stored ?? incoming ?? null;

  const row: PaperRow = {
    id: existing.id,
    version: Math.max(existing.version, input.version),
    title: text(input.title, existing.title),
    abstract: isCurrent && input.abstract.length > 0 ? input.abstract : existing.abstract,
    authors: isCurrent && input.authors.length > 0 ? input.authors : existing.authors,
    ...mergePublished(existing, input.publishedAt),
    updatedAt: input.updatedAt && input.updatedAt > existing.updatedAt ? input.updatedAt : existing.updatedAt,
    listedOn: existing.listedOn,
    primaryCategory: text(input.primaryCategory, existing.primaryCategory),
    categories: isCurrent ? nonEmpty(input.categories, existing.categories) : existing.categories,
    comment: text(input.comment, existing.comment),
    doi: known(input.doi, existing.doi),
    journalRef: known(input.journalRef, existing.journalRef),
    githubRepo: linksFromComment ? gap(input.githubRepo, existing.githubRepo) : known(input.githubRepo, existing.githubRepo),
    githubStars: known(input.githubStars, existing.githubStars),
    projectPage: linksFromComment ? gap(input.projectPage, existing.projectPage) : known(input.projectPage, existing.projectPage),
    upvotes: known(input.upvotes, existing.upvotes),
    commentCount: known(input.commentCount, existing.commentCount),
    keywords: nonEmpty(input.keywords, existing.keywords),
    organization: known(input.organization?.name, existing.organization),
    mediaUrls: nonEmpty(input.mediaUrls, existing.mediaUrls),
    aiSummary: known(input.aiSummary, existing.aiSummary),
    onHuggingFace: existing.onHuggingFace || input.source === "huggingface",
    subjectClasses: isCurrent ? nonEmpty(input.subjectClasses, existing.subjectClasses) : existing.subjectClasses,
    source: existing.source,
  };
  return { row, change: rowsEqual(existing, row) ? "unchanged" : "updated" };
}

/**
 * The listed day of a new paper whose source has none (arXiv API, /submit): the import day,
 * unless version 1 is older than ARCHIVAL_AFTER_DAYS, when it goes on its own (published)
 * day. A submission is always listed today: someone asked for it now, as on Hugging Face.
 */
function firstListingDay(input: PaperInput, today: Day): Day {
  if (input.source === "submission" || input.publishedAt === undefined) return today;
  const published = dateToDay(input.publishedAt);
  return daysBetween(published, today) > ARCHIVAL_AFTER_DAYS ? published : today;
}

/** A real submission time replaces an estimate; of two real ones (or two estimates) the earlier wins. */
function mergePublished(existing: PaperRow, incoming: Date | undefined): Pick<PaperRow, "publishedAt" | "publishedAtExact"> {
  if (incoming === undefined) return { publishedAt: existing.publishedAt, publishedAtExact: existing.publishedAtExact };
  if (!existing.publishedAtExact) return { publishedAt: incoming, publishedAtExact: true };
  return { publishedAt: existing.publishedAt <= incoming ? existing.publishedAt : incoming, publishedAtExact: true };
}

export function rowsEqual(a: PaperRow, b: PaperRow): boolean {
  return (Object.keys(a) as (keyof PaperRow)[]).every((key) => valuesEqual(a[key], b[key]));
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

import type { Day } from "@/lib/papers/dates";
import type { PaperInput, PaperSourceName } from "./paper-input";

// How one incoming record combines with the stored paper. Pure, so every rule is unit
// tested: one paper per arXiv id; text follows the newest version; a source that does not
// know a field (undefined or null) never erases what another source said; the listed day
// is the first one the paper was listed on, so papers never jump between days.

export interface PaperRow {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
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
  source: PaperSourceName;
}

export type PaperChange = "new" | "updated" | "unchanged";

export function mergePaper(existing: PaperRow | null, input: PaperInput, today: Day): { row: PaperRow; change: PaperChange } {
  if (!existing) {
    return {
      change: "new",
      row: {
        id: input.id,
        version: input.version,
        title: input.title,
        abstract: input.abstract,
        authors: input.authors,
        publishedAt: input.publishedAt,
        updatedAt: input.updatedAt ?? input.publishedAt,
        listedOn: input.listedOn ?? today,
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
    publishedAt: existing.publishedAt <= input.publishedAt ? existing.publishedAt : input.publishedAt,
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
    source: existing.source,
  };
  return { row, change: rowsEqual(existing, row) ? "unchanged" : "updated" };
}

export function rowsEqual(a: PaperRow, b: PaperRow): boolean {
  return (Object.keys(a) as (keyof PaperRow)[]).every((key) => valuesEqual(a[key], b[key]));
}

function valuesEqual(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

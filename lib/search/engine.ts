import { z } from "zod";
import { getDb, Prisma } from "@/lib/db";
import { encodeCursor, InvalidCursorError } from "@/lib/papers/cursor";
import { addDays, type Day, FIRST_DAY, todayUtc } from "@/lib/papers/dates";
import { sortTagRefs } from "@/lib/papers/queries";
import { explainTrendingScore, trendingReference, trendingScoreSql } from "@/lib/papers/trending";
import type { RankedPaper, TagRef } from "@/lib/papers/types";
import { plainTextFromTex } from "@/lib/text/tex-text";
import { analyzeQuery } from "./analyze";
import type { SearchSort } from "./params";
import type { ParsedSearch } from "./query-syntax";
import { decodeSearchCursor, type newCursor, type rankedCursor, type SearchCursor } from "./search-cursor";
import { createHighlighter, type Highlighter, type HighlightTerms, type TextSegment } from "./highlight";
import { type CorpusStats, getCorpusStats, lexemeFrequency, papersBetween } from "./stats";
import { allOf, type AnalyzedClause, anyOf, type BuiltQuery, buildTextQuery, dayToken, eitherOf, monthToken, tagQuery } from "./tsquery";
import { fixedWindow, longestWindow, recentWindow, type Window } from "./windows";

// The search itself. A query is ranked over a bounded candidate set, so its cost does not
// grow with the number of matching papers (docs/search.md has the reasoning and figures):
//
//   candidates = the most recent matches, about TARGET_CANDIDATES of them (a recency window
//                sized from lexeme frequencies), plus the matches in title, keywords or
//                author names over a longer window (so a paper found by its title is found
//                however old it is); all matches when there are few.
//   rank       = ts_rank over the weighted vector (title A, authors and keywords B,
//                abstract C) for "relevance"; the trending score, upvotes or date otherwise.
//
// The GIN index does all the filtering: words, tags and the window are lexemes of the same
// tsquery (one index condition per window group, ORed). Pages are keyset-paginated inside
// the same candidate set (the window travels in the cursor), so pages never repeat or skip
// a paper.

/** How many recent matches relevance ranks; more costs time, fewer misses good older papers. */
export const TARGET_CANDIDATES = 400;
/** Title/keyword/author matches taken from the longer head window. */
export const TARGET_HEAD_CANDIDATES = 200;
/** Never read more rows than this for one page, whatever the estimates said. */
export const HARD_CAP = 2_000;
const FACET_LIMIT = 40;
/** At most this many head matches are read (the head window is sized for TARGET_HEAD_CANDIDATES). */
const HEAD_CAP = 1_000;
/** The head window must cover this many times the papers of the body window to be searched. */
const HEAD_REACH = 3;
/** Above this many matches for the rarest word or tag, windows stop at months (see allowYears). */
const YEAR_WINDOW_MAX_MATCHES = 20_000;

export interface SearchOptions {
  targetCandidates?: number;
  targetHeadCandidates?: number;
  hardCap?: number;
  /** Skip highlights and facets (search-as-you-type). */
  light?: boolean;
}

export interface SearchRequest {
  query: ParsedSearch;
  tags: string[];
  from?: Day;
  to?: Day;
  sort: SearchSort;
  limit: number;
  cursor?: string;
}

export interface SearchHit extends RankedPaper {
  /** ts_rank of the paper for the query; null for a search by tags only. */
  rank: number | null;
  highlights: { title: TextSegment[]; abstract: TextSegment[] };
}

export interface TagFacet extends TagRef {
  count: number;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Matching papers in the whole range: counted when the candidates are all of them, else estimated. */
  total: { count: number; exact: boolean };
  facets: TagFacet[];
  nextCursor: string | null;
  /** Matches before this page (0 on the first); null when the cursor does not say. */
  offset: number | null;
  /** The candidates are all matches; otherwise relevance covered papers listed since `since`. */
  complete: boolean;
  since: Day | null;
  /** Why nothing was searched ("no-terms": only stop words, only exclusions, or nothing). */
  empty: "no-terms" | null;
}

const EMPTY_PAGE: SearchPage = { hits: [], total: { count: 0, exact: true }, facets: [], nextCursor: null, offset: 0, complete: true, since: null, empty: "no-terms" };

interface CandidateRow {
  candidates: number;
  body_candidates: number;
  /** Tag slugs of every candidate, comma-separated (null for a light search). */
  slugs: string | null;
  page: PageRow[];
}

interface PageRow {
  id: string;
  rank: number;
  trend: number;
  upvotes: number;
  day: string;
  published_ms: number;
  version: number;
  title: string;
  abstract: string;
  authors: string[];
  published_at: string;
  updated_at: string;
  primary_category: string | null;
  categories: string[];
  comment_count: number;
  github_repo: string | null;
  github_stars: number | null;
  project_page: string | null;
  doi: string | null;
  tag_slugs: string[] | null;
  published_at_exact: boolean;
  organization: string | null;
  org_full_name: string | null;
  org_avatar_url: string | null;
  media_urls: string[] | null;
  ai_summary: string | null;
  on_hugging_face: boolean;
}

export async function searchPapers(request: SearchRequest, options: SearchOptions = {}, now: Date = new Date()): Promise<SearchPage> {
  const clauses = await analyzeQuery(request.query);
  const built = buildTextQuery(clauses);
  // Exclusions alone would match nearly everything: they only narrow a search by tags.
  if ((built === null || built.positive.length === 0) && request.tags.length === 0) return EMPTY_PAGE;

  const stats = await getCorpusStats(now.getTime());
  const cursor = request.cursor ? decodeSearchCursor(request.cursor, request.sort) : null;

  const today = todayUtc(now);
  const latest = stats.days.at(-1)?.day ?? today;
  const rangeFrom = request.from ?? FIRST_DAY;
  // One day past today: a window must include papers listed since the day counts were read.
  const rangeTo = request.to ?? addDays(latest > today ? latest : today, 1);
  const reference = cursor ? new Date(cursor.r) : trendingReference(rangeTo < today ? rangeTo : today, now);
  const terms = !options.light && built && built.positive.length > 0 ? highlightTerms(clauses) : null;
  const plan = new SearchPlan(stats, built, request.tags, rangeFrom, options, terms);

  if (request.sort === "new") return searchNewest(plan, request, cursor?.s === "new" ? cursor : null, rangeTo, reference, options);

  const fixed = cursor && cursor.s !== "new" ? cursor : null;
  let body: Window;
  let head: Window | null;
  if (fixed) {
    if (fixed.e < rangeFrom || fixed.e > rangeTo) throw new InvalidCursorError();
    body = fixed.b ? fixedWindow(stats, rangeFrom, fixed.b, fixed.e) : { start: rangeFrom, end: fixed.e, tokens: null };
    head = fixed.h ? fixedWindow(stats, rangeFrom, fixed.h, fixed.e) : null;
  } else {
    body = plan.bodyWindow(rangeTo);
    head = plan.headWindow(rangeTo);
  }
  // Later pages keep the first page's window; a first page sizes it (plan.fitWindow).
  if (!fixed) body = await plan.fitWindow(body, rangeTo);
  if (!fixed) head = plan.worthwhileHead(body, head);

  const keyset = fixed ? rankedKeyset(request.sort, fixed) : Prisma.empty;
  let result = await runCandidates(plan, body, head, { sort: request.sort, limit: request.limit, keyset, reference }, options);
  const corrected = fixed ? null : plan.correctedWindow(body, result, rangeTo);
  if (corrected) {
    body = corrected;
    head = plan.worthwhileHead(body, head);
    result = await runCandidates(plan, body, head, { sort: request.sort, limit: request.limit, keyset, reference }, options);
  }

  const complete = body.tokens === null && result.candidates < plan.hardCap;
  const last = result.page.length > request.limit ? result.page[request.limit - 1] : undefined;
  const offset = pageOffset(cursor);
  const nextCursor = last
    ? encodeCursor({ s: request.sort, e: body.end, b: body.tokens ? body.start : null, h: head ? head.start : null, k: sortKey(request.sort, last), d: last.day, id: last.id, r: reference.getTime(), o: nextOffset(offset, request.limit) } satisfies SearchCursor)
    : null;
  return {
    hits: result.page.slice(0, request.limit).map((row) => toHit(row, reference, plan)),
    total: plan.total(result, body, rangeTo, complete),
    facets: plan.facets(result, body, rangeTo, complete),
    nextCursor,
    offset,
    complete,
    since: complete ? null : body.start,
    empty: null,
  };
}

function pageOffset(cursor: SearchCursor | null): number | null {
  return cursor ? (cursor.o ?? null) : 0;
}

function nextOffset(offset: number | null, pageSize: number): number | undefined {
  return offset === null ? undefined : offset + pageSize;
}

function sortKey(sort: SearchSort, row: PageRow): number {
  return sort === "relevance" ? row.rank : sort === "trending" ? row.trend : row.upvotes;
}

/** Rows after the cursor's row, in the order of orderBy. */
function rankedKeyset(sort: SearchSort, c: z.infer<typeof rankedCursor>): Prisma.Sql {
  if (sort === "relevance")
    return Prisma.sql`AND (rank < ${c.k}::float8 OR (rank = ${c.k}::float8 AND (listed_on < ${c.d}::date OR (listed_on = ${c.d}::date AND id > ${c.id}))))`;
  if (sort === "trending") return Prisma.sql`AND (trend < ${c.k}::float8 OR (trend = ${c.k}::float8 AND id > ${c.id}))`;
  return Prisma.sql`AND (upvotes < ${c.k} OR (upvotes = ${c.k} AND id > ${c.id}))`;
}

function orderBy(sort: SearchSort, alias = ""): Prisma.Sql {
  const a = Prisma.raw(alias ? `${alias}.` : "");
  if (sort === "relevance") return Prisma.sql`${a}rank DESC, ${a}listed_on DESC, ${a}id ASC`;
  if (sort === "trending") return Prisma.sql`${a}trend DESC, ${a}id ASC`;
  if (sort === "top") return Prisma.sql`${a}upvotes DESC, ${a}id ASC`;
  return Prisma.sql`${a}listed_on DESC, ${a}published_at DESC, ${a}id ASC`;
}

/** Sizes windows from the corpus statistics, and estimates totals from what a window held. */
class SearchPlan {
  readonly target: number;
  readonly headTarget: number;
  readonly hardCap: number;
  /** Upper bound of the share of papers that match (from the rarest word or tag). */
  readonly frequency: number;
  readonly headFrequency: number | null;
  /** The query has words to rank by (not only tags and exclusions). */
  readonly ranked: boolean;
  readonly highlighter: Highlighter | null;
  /** One word the statistics know, no tags: its frequency sizes the window well enough without counting. */
  readonly reliable: boolean;
  /** Year windows are allowed (the query's rarest word or tag is rare enough). */
  readonly allowYears: boolean;

  constructor(
    readonly stats: CorpusStats,
    readonly built: BuiltQuery | null,
    readonly tags: string[],
    readonly rangeFrom: Day,
    options: SearchOptions,
    /** What to mark in titles and snippets; null for a light search or a search by tags. */
    terms: HighlightTerms | null,
  ) {
    this.highlighter = terms ? createHighlighter(terms) : null;
    this.target = options.targetCandidates ?? TARGET_CANDIDATES;
    this.headTarget = options.targetHeadCandidates ?? TARGET_HEAD_CANDIDATES;
    this.hardCap = options.hardCap ?? HARD_CAP;
    const tagFrequency = Math.min(1, ...tags.map((tag) => lexemeFrequency(stats, `#${tag}`)));
    this.frequency = Math.min(tagFrequency, built ? clauseFrequency(stats, built.positive, "") : 1);
    this.headFrequency = built?.head ? Math.min(this.frequency, clauseFrequency(stats, built.positive, "^")) : null;
    this.ranked = (built?.positive.length ?? 0) > 0;
    // A year's list is long: intersecting it is cheap only next to a short one.
    this.allowYears = this.frequency * stats.totalPapers <= YEAR_WINDOW_MAX_MATCHES;
    const only = built?.positive.length === 1 && built.positive[0]!.length === 1 ? built.positive[0]![0]! : null;
    this.reliable = tags.length === 0 && !built?.hasPhrase && only !== null && only.some((lexeme) => stats.frequencies?.has(lexeme));
  }

  bodyWindow(end: Day): Window {
    return recentWindow(this.stats, this.rangeFrom, end, this.target / Math.max(this.frequency, 1e-9), this.allowYears);
  }

  headWindow(end: Day): Window | null {
    if (this.headFrequency === null || !this.built?.head) return null;
    return recentWindow(this.stats, this.rangeFrom, end, this.headTarget / Math.max(this.headFrequency, 1e-9), this.allowYears);
  }

  /**
   * The head window is worth its index scans only when it reaches well before the body
   * window (head matches inside the body window are body matches already), and it is kept
   * to two conditions: a condition per month or year costs an intersection of its own.
   */
  worthwhileHead(body: Window, candidate: Window | null): Window | null {
    if (!candidate || !body.tokens) return null;
    let head = candidate;
    // "All of the range" because no token window was long enough: only if that stays small.
    const rangePapers = papersBetween(this.stats, this.rangeFrom, head.end);
    if (!head.tokens && (this.headFrequency ?? 1) * rangePapers > HEAD_CAP) head = longestWindow(this.stats, this.rangeFrom, head.end, this.allowYears);
    const bodyPapers = papersBetween(this.stats, body.start, body.end);
    const headPapers = papersBetween(this.stats, head.start, head.end);
    if (head.tokens && (head.start >= body.start || headPapers < HEAD_REACH * bodyPapers)) return null;
    if (head.tokens && head.tokens.length > 2) return { ...head, tokens: [eitherOf(...head.tokens)] };
    return head;
  }

  /**
   * The statistics estimate one lexeme well; several words, tags or a phrase can be far off
   * (words that always go together, or never). Then one cheap count on a sample, the latest
   * day with enough papers (a single required lexeme: the index skips straight through),
   * gives the density the window is sized from.
   */
  async fitWindow(window: Window, end: Day): Promise<Window> {
    if (this.reliable || !window.tokens) return window;
    const sample = sampleWindow(this.stats, end);
    if (!sample) return window;
    const found = await countCandidates(this, sample);
    const density = Math.max(found, 0.5) / Math.max(1, papersBetween(this.stats, sample.start, sample.end));
    // A phrase is checked paper by paper: never read more than hardCap of the estimated kind.
    const affordable = this.built?.hasPhrase ? this.hardCap / Math.max(this.frequency, 1e-9) : Number.POSITIVE_INFINITY;
    return recentWindow(this.stats, this.rangeFrom, end, Math.min(this.target / density, affordable), this.allowYears);
  }

  /** After the ranked query: a window that held far too few or too many candidates, resized once. */
  correctedWindow(window: Window, result: CandidateRow, end: Day): Window | null {
    if (!window.tokens && result.candidates < this.hardCap) return null;
    const papers = Math.max(1, papersBetween(this.stats, window.start, window.end));
    if (result.candidates >= this.hardCap) return this.narrowerWindow(window, result.candidates);
    if (result.body_candidates >= this.target / 4) return null;
    const density = Math.max(result.body_candidates, 0.5) / papers;
    const affordable = this.built?.hasPhrase ? this.hardCap / Math.max(this.frequency, 1e-9) : Number.POSITIVE_INFINITY;
    return this.resized(end, Math.max(papers * 2, Math.min(this.target / density, affordable)), (w) => w.tokens === null || w.start < window.start);
  }

  private resized(end: Day, papers: number, accept: (w: Window) => boolean): Window | null {
    const next = recentWindow(this.stats, this.rangeFrom, end, Math.max(1, papers), this.allowYears);
    return accept(next) ? next : null;
  }

  /** For "newest first": the window before this one, sized from what this one held. */
  previousWindow(current: Window, found: number): Window | null {
    const end = addDays(current.start, -1);
    if (end < this.rangeFrom) return null;
    const papers = Math.max(1, papersBetween(this.stats, current.start, current.end));
    return recentWindow(this.stats, this.rangeFrom, end, Math.max(papers, (this.target * papers) / Math.max(found, 1)), this.allowYears);
  }

  /** A smaller window when this one held more than hardCap matches (the cap cut it arbitrarily). */
  narrowerWindow(current: Window, found: number): Window | null {
    const papers = Math.max(1, papersBetween(this.stats, current.start, current.end));
    return this.resized(current.end, (this.target * papers) / Math.max(found, 1), (w) => w.tokens !== null && w.start > current.start);
  }

  total(result: CandidateRow, body: Window, rangeTo: Day, complete: boolean): SearchPage["total"] {
    if (complete) return { count: result.candidates, exact: true };
    const inWindow = Math.max(1, papersBetween(this.stats, body.start, body.end));
    const inRange = papersBetween(this.stats, this.rangeFrom, rangeTo);
    const estimate = Math.round((result.body_candidates / inWindow) * inRange);
    return { count: Math.max(estimate, result.candidates), exact: false };
  }

  facets(result: CandidateRow, body: Window, rangeTo: Day, complete: boolean): TagFacet[] {
    const counts = new Map<string, number>();
    // "cs-lg,llm,,cs-cv,…": the slugs of every candidate (slugs never contain a comma).
    for (const slug of (result.slugs ?? "").split(",")) if (slug) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    const scale = complete || result.candidates === 0 ? 1 : this.total(result, body, rangeTo, complete).count / result.candidates;
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, FACET_LIMIT)
      .map(([slug, n]) => ({ ...this.tagRef(slug), count: Math.max(1, Math.round(n * scale)) }));
  }

  /** Name and kind of a tag, from the statistics' copy of the tags table. */
  tagRef(slug: string): TagRef {
    // A tag created since the statistics were read shows its slug until the next refresh.
    return this.stats.tags.get(slug) ?? { slug, name: slug, kind: "category" };
  }
}

/** Papers a sample day needs for its density to mean something. */
const SAMPLE_MIN_PAPERS = 200;

/** The latest day with enough papers (its own token), else the month of the latest day. */
function sampleWindow(stats: CorpusStats, end: Day): Window | null {
  for (let i = stats.days.length - 1; i >= 0 && i >= stats.days.length - 30; i -= 1) {
    const { day, count } = stats.days[i]!;
    if (day > end) continue;
    if (count >= SAMPLE_MIN_PAPERS) return { start: day, end: day, tokens: [anyOf([dayToken(day)])] };
  }
  const latest = stats.days.findLast((d) => d.day <= end)?.day;
  if (!latest) return null;
  const month = latest.slice(0, 7);
  return { start: `${month}-01`, end: latest, tokens: [anyOf([monthToken(month)])] };
}

/** Upper bound of the share of papers matching every clause: per clause, the sum over its alternatives of their rarest lexeme. */
function clauseFrequency(stats: CorpusStats, positive: string[][][], prefix: string): number {
  let frequency = 1;
  for (const alternatives of positive) {
    let clause = 0;
    for (const lexemes of alternatives) clause += Math.min(...lexemes.map((lexeme) => lexemeFrequency(stats, prefix + lexeme)));
    frequency = Math.min(frequency, clause);
  }
  return frequency;
}

interface PageSpec {
  sort: SearchSort;
  limit: number;
  keyset: Prisma.Sql;
  reference: Date;
}

/**
 * Index conditions, ORed: the query and tags in each group of a window, each group its own
 * condition so the GIN scan can skip through its required lexemes (a BitmapOr).
 */
function windowConditions(plan: SearchPlan, window: Window, extra: string | null = null): Prisma.Sql {
  const base = [plan.built?.text ?? null, tagQuery(plan.tags), extra];
  const queries = window.tokens ? window.tokens.map((group) => allOf(...base, group)!) : [allOf(...base)!];
  return Prisma.sql`(${Prisma.join(queries.map((q) => Prisma.sql`p.search_vector @@ ${q}::tsquery`), " OR ")})`;
}

/**
 * Matching papers in a window: sizes windows. A bare count(*) lets the bitmap scan skip the
 * table for pages the visibility map marks all-visible, so for words (not phrases, which
 * need the positions) it costs the index scan alone. Only windows sized to hold about the
 * target are counted, so the count is small.
 */
async function countCandidates(plan: SearchPlan, window: Window): Promise<number> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM papers p WHERE ${windowConditions(plan, window)}`;
  return rows[0]?.n ?? 0;
}

async function runCandidates(plan: SearchPlan, body: Window, head: Window | null, page: PageSpec, options: SearchOptions): Promise<CandidateRow> {
  const db = await getDb();
  const text = plan.ranked ? plan.built!.text : null;
  const rank = text ? Prisma.sql`ts_rank(p.search_vector, ${text}::tsquery)::float8` : Prisma.sql`0::float8`;
  const light = options.light === true;
  // Tag counts are added up here from one string of slugs: unnest and GROUP BY in SQL took
  // ten times as long for a thousand candidates, and array_to_string is 2.5 times faster
  // than the array's text form (no quoting to decide).
  const slugs = light ? Prisma.sql`NULL::text` : Prisma.sql`string_agg(array_to_string(c.tag_slugs, ','), ',')`;

  const columns = Prisma.sql`p.id, p.listed_on, p.published_at, p.upvotes, p.tag_slugs,
    ${page.sort === "relevance" ? rank : Prisma.sql`0::float8`} AS rank, ${page.sort === "trending" ? trendingScoreSql(page.reference) : Prisma.sql`0::float8`} AS trend`;
  const inRange = Prisma.sql`p.listed_on BETWEEN ${plan.rangeFrom}::date AND ${body.end}::date`;
  // Head matches come in their own scan with their own cap, so a head window that holds more
  // than expected cannot crowd out the recent matches. The head branch keeps only papers
  // listed before the body window (the body branch has the others), so the branches are
  // disjoint and UNION ALL needs no deduplication: a UNION hashing every column of a
  // thousand rows cost 3-8 ms.
  const headText = plan.built?.head ?? null;
  const headBranch =
    body.tokens && head && headText
      ? Prisma.sql`UNION ALL (SELECT ${columns} FROM papers p WHERE ${windowConditions(plan, head, headText)}
          AND p.listed_on >= ${plan.rangeFrom}::date AND p.listed_on < ${body.start}::date LIMIT ${HEAD_CAP})`
      : Prisma.empty;
  const rows = await db.$queryRaw<CandidateRow[]>`
    WITH c AS MATERIALIZED (
      (SELECT ${columns} FROM papers p WHERE ${windowConditions(plan, body)} AND ${inRange} LIMIT ${plan.hardCap})
      ${headBranch}
    ), pg AS (
      SELECT * FROM c WHERE true ${page.keyset} ORDER BY ${orderBy(page.sort)} LIMIT ${page.limit + 1}
    )
    SELECT a.candidates, a.body_candidates, a.slugs,
      (SELECT coalesce(json_agg(r ORDER BY r.ord), '[]'::json) FROM (
        SELECT row_number() OVER (ORDER BY ${orderBy(page.sort, "pg")}) AS ord, pg.id,
               ${page.sort === "relevance" ? Prisma.sql`pg.rank` : rank} AS rank, pg.trend, pg.upvotes, pg.listed_on::text AS day, (extract(epoch FROM pg.published_at) * 1000)::float8 AS published_ms,
               p.version, p.title, p.abstract, p.authors, p.published_at, p.updated_at, p.primary_category, p.categories,
               p.comment_count, p.github_repo, p.github_stars, p.project_page, p.doi, pg.tag_slugs,
               p.published_at_exact, p.organization, o.full_name AS org_full_name, o.avatar_url AS org_avatar_url,
               p.media_urls, p.ai_summary, p.on_hugging_face
        FROM pg JOIN papers p ON p.id = pg.id LEFT JOIN organizations o ON o.name = p.organization
      ) r) AS page
    FROM (SELECT count(*)::int AS candidates, (count(*) FILTER (WHERE listed_on >= ${body.start}::date))::int AS body_candidates, ${slugs} AS slugs FROM c) a`;
  return rows[0]!;
}

/** Newest first: windows walk back in time from the cursor, so every match is reachable. */
async function searchNewest(plan: SearchPlan, request: SearchRequest, cursor: z.infer<typeof newCursor> | null, rangeTo: Day, reference: Date, options: SearchOptions): Promise<SearchPage> {
  if (cursor && (cursor.d < plan.rangeFrom || cursor.d > rangeTo)) throw new InvalidCursorError();
  const limit = request.limit;
  const keyset = (c: { d: string; p: number; id: string } | null) =>
    c
      ? Prisma.sql`AND (listed_on < ${c.d}::date OR (listed_on = ${c.d}::date AND ((extract(epoch FROM published_at) * 1000)::float8 < ${c.p}::float8
          OR ((extract(epoch FROM published_at) * 1000)::float8 = ${c.p}::float8 AND id > ${c.id}))))`
      : Prisma.empty;

  let window = plan.bodyWindow(cursor?.d ?? rangeTo);
  let after: { d: string; p: number; id: string } | null = cursor;
  const rows: PageRow[] = [];
  let first: { result: CandidateRow; window: Window } | null = null;
  // Each round reads one window, newest first. A window that held more than hardCap matches
  // was cut arbitrarily, so it is read again smaller; one that runs out before the page is
  // full is followed by the window just before it. No tokens means the rest of the range.
  for (let round = 0; round < 8; round += 1) {
    const result = await runCandidates(plan, window, null, { sort: "new", limit: limit - rows.length, keyset: keyset(after), reference }, options);
    const smaller = result.candidates >= plan.hardCap ? plan.narrowerWindow(window, result.candidates) : null;
    if (smaller) {
      window = smaller;
      continue;
    }
    first ??= { result, window };
    rows.push(...result.page);
    if (rows.length > limit || !window.tokens) break;
    const previous = plan.previousWindow(window, result.body_candidates);
    if (!previous) break;
    // Every row read so far is newer than the next window: no keyset needed there.
    after = null;
    window = previous;
  }

  const { result, window: firstWindow } = first!;
  const complete = !cursor && !firstWindow.tokens && result.candidates < plan.hardCap;
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1) : undefined;
  const offset = pageOffset(cursor);
  return {
    hits: page.map((row) => toHit(row, reference, plan)),
    total: plan.total(result, firstWindow, rangeTo, complete),
    facets: plan.facets(result, firstWindow, rangeTo, complete),
    nextCursor: last ? encodeCursor({ s: "new", d: last.day, p: last.published_ms, id: last.id, r: reference.getTime(), o: nextOffset(offset, limit) } satisfies SearchCursor) : null,
    offset,
    complete,
    since: null,
    empty: null,
  };
}

/** Words to mark in results: the positive words and phrases (exclusions are not in results). */
export function highlightTerms(clauses: AnalyzedClause[]): HighlightTerms {
  const items = clauses.filter((c) => !c.negated).flatMap((c) => c.items);
  return {
    stems: [...new Set(items.flatMap((i) => i.english.map((l) => l.lexeme)))],
    words: [...new Set(items.flatMap((i) => i.simple.map((l) => l.lexeme)))],
    cjk: [...new Set(items.flatMap((i) => i.cjk))],
  };
}

function toHit(row: PageRow, reference: Date, plan: SearchPlan): SearchHit {
  const { ranked, highlighter } = plan;
  const summary = {
    id: row.id,
    version: row.version,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    publishedAt: row.published_at_exact ? new Date(row.published_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    listedOn: row.day,
    primaryCategory: row.primary_category,
    categories: row.categories,
    upvotes: row.upvotes,
    commentCount: row.comment_count,
    githubRepo: row.github_repo,
    githubStars: row.github_stars,
    projectPage: row.project_page,
    doi: row.doi,
    tags: sortTagRefs((row.tag_slugs ?? []).map((slug) => plan.tagRef(slug))),
    organization: row.organization ? { name: row.organization, fullName: row.org_full_name ?? row.organization, avatarUrl: row.org_avatar_url } : null,
    thumbnailUrl: row.media_urls?.[0] ?? null,
    aiSummary: row.ai_summary,
    onHuggingFace: row.on_hugging_face,
  };
  return {
    ...summary,
    trending: explainTrendingScore(summary, reference),
    rank: ranked ? row.rank : null,
    highlights: {
      // Highlighted in the text readers see (TeX as Unicode, math linearised), not the source.
      title: highlighter ? highlighter.text(plainTextFromTex(row.title)) : [{ text: plainTextFromTex(row.title), match: false }],
      abstract: highlighter ? highlighter.snippet(plainTextFromTex(row.abstract)) : [],
    },
  };
}


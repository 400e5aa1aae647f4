import { cacheTagsForChanges, type ChangedContent } from "@/lib/cache/cache-tags";
import { recordContentChange } from "@/lib/cache/content-changes";
import { getDatabaseHandle, getDb, Prisma } from "@/lib/db";
import { type Day, todayUtc } from "@/lib/papers/dates";
import { indexedText } from "@/lib/search/indexed-text";
import { tagsForPaper } from "@/lib/tags";
import { mergePaper, type PaperChange, type PaperRow, rowsEqual } from "./merge-paper";
import type { PaperInput, PaperSourceName } from "./paper-input";
import { replacePaperTags, tagDefinitionsFor, upsertTagRows } from "./paper-tags";

// The only code that writes papers. Each batch is one transaction: a batch lands whole or
// not at all, so an import killed midway leaves no half-written paper, and re-running it
// finishes the job. Rows are locked in id order, so concurrent imports of the same papers
// serialise instead of losing each other's updates.

export const UPSERT_BATCH_SIZE = 500;
/** First key of the per-paper advisory locks ("PAPR"), so they cannot meet another module's. */
const PAPER_LOCK_CLASS = 0x50415052;
/** Batches in flight at once on PostgreSQL (see upsertPapers). */
export const UPSERT_CONCURRENCY = 2;

export interface UpsertResult {
  new: number;
  updated: number;
  unchanged: number;
  /** Update-only records (see UpsertOptions.updateOnly) for papers we do not have: nothing written. */
  skipped: number;
  /** Listed days, paper ids and tag slugs whose pages must be refreshed. */
  touchedDays: Day[];
  touchedPaperIds: string[];
  touchedTags: string[];
  /** True when a listed day appeared that had no papers before. */
  addedDays: boolean;
}

export interface UpsertOptions {
  /** The day new papers without a listed day go on, and the day of upvote snapshots. */
  today?: Day;
  /**
   * Records (by identity) that may update a stored paper but never create one: an arXiv RSS
   * replacement of a paper we never had is old news and must not land on today's feed.
   */
  updateOnly?: ReadonlySet<PaperInput>;
  onBatch?: (done: number, total: number) => void;
}

export async function upsertPapers(inputs: readonly PaperInput[], options: UpsertOptions = {}): Promise<UpsertResult> {
  const today = options.today ?? todayUtc();
  const updateOnly = options.updateOnly ?? new Set<PaperInput>();
  const result: UpsertResult = { new: 0, updated: 0, unchanged: 0, skipped: 0, touchedDays: [], touchedPaperIds: [], touchedTags: [], addedDays: false };
  const days = new Set<Day>();
  const tags = new Set<string>();

  // The same paper twice in one payload (a cross-listing and a replacement in one RSS file):
  // its records are merged in payload order, exactly as if they had come in two imports.
  const groups = new Map<string, PaperInput[]>();
  for (const input of inputs) {
    const group = groups.get(input.id);
    if (group) group.push(input);
    else groups.set(input.id, [input]);
  }
  const grouped = [...groups.values()];

  const batches: PaperInput[][][] = [];
  for (let offset = 0; offset < grouped.length; offset += UPSERT_BATCH_SIZE) batches.push(grouped.slice(offset, offset + UPSERT_BATCH_SIZE));

  // Two batches in flight on PostgreSQL: while the database computes one batch's search
  // vectors and index entries, this process merges and tags the next. Batches hold disjoint
  // papers, and every shared row (tags, words) is written in sorted order, so they wait
  // for each other at worst and never deadlock. PGlite has one connection: one at a time.
  const concurrency = (await getDatabaseHandle()).kind === "postgres" ? UPSERT_CONCURRENCY : 1;
  let nextBatch = 0;
  let done = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && nextBatch < batches.length) {
      const batch = batches[nextBatch++]!;
      let batchResult: BatchOutcome[];
      try {
        batchResult = await upsertBatch(batch, today, updateOnly);
      } catch (error) {
        stopped = true;
        throw error;
      }
      for (const outcome of batchResult) result[outcome.change] += 1;
      const changed = changedContentOf(batchResult);
      for (const day of changed.touchedDays) days.add(day);
      result.touchedPaperIds.push(...changed.touchedPaperIds);
      for (const slug of changed.touchedTags) tags.add(slug);
      if (changed.addedDays) result.addedDays = true;
      done += batch.length;
      options.onBatch?.(done, grouped.length);
    }
  };
  const workers = Array.from({ length: Math.min(concurrency, batches.length) }, worker);
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
  if (failure) throw failure.reason;
  if (result.new + result.updated > 0) await flushSearchIndex();
  result.touchedPaperIds.sort();
  result.touchedDays = [...days].sort();
  result.touchedTags = [...tags].sort();
  return result;
}

/**
 * Merges the search index's pending list (the entries of the papers just written) into the
 * index. The index takes new entries there (fastupdate, migration 20261129030000) because
 * one sorted merge per import is several times cheaper than inserting about a hundred
 * entries per paper one by one; merging at the end of the import means searches do not
 * keep reading a pending list until autovacuum gets to it. Also after `npm run tags:rebuild`.
 */
export async function flushSearchIndex(): Promise<void> {
  const db = await getDb();
  await db.$queryRaw`SELECT gin_clean_pending_list('papers_search_vector_idx'::regclass)::int AS merged`;
}

interface BatchOutcome {
  id: string;
  change: PaperChange | "skipped";
  listedOn: Day;
  /** Tags before and after, so tag pages the paper left are refreshed too. */
  tagSlugs: string[];
  addedDay: boolean;
}

/** The pages a batch changed: its new and updated papers, their days and tags (before and after). */
function changedContentOf(outcomes: readonly BatchOutcome[]): ChangedContent {
  const touched = outcomes.filter((outcome) => outcome.change === "new" || outcome.change === "updated");
  return {
    touchedDays: [...new Set(touched.map((outcome) => outcome.listedOn))],
    touchedPaperIds: touched.map((outcome) => outcome.id),
    touchedTags: [...new Set(touched.flatMap((outcome) => outcome.tagSlugs))],
    addedDays: touched.some((outcome) => outcome.addedDay),
  };
}

interface Merged {
  inputs: PaperInput[];
  row: PaperRow;
  change: PaperChange;
}

function mergeGroup(stored: PaperRow | null, inputs: PaperInput[], today: Day, updateOnly: ReadonlySet<PaperInput>): Merged | null {
  let row = stored;
  const applied: PaperInput[] = [];
  for (const input of inputs) {
    if (row === null && updateOnly.has(input)) continue;
    row = mergePaper(row, input, today).row;
    applied.push(input);
  }
  if (row === null) return null;
  const change: PaperChange = stored === null ? "new" : rowsEqual(stored, row) ? "unchanged" : "updated";
  return { inputs: applied, row, change };
}

async function upsertBatch(batch: PaperInput[][], today: Day, updateOnly: ReadonlySet<PaperInput>): Promise<BatchOutcome[]> {
  const db = await getDb();
  const ids = batch.map((group) => group[0]!.id).sort();
  return db.$transaction(
    async (tx) => {
      // Papers that do not exist yet have no row to lock: a transaction-scoped advisory lock
      // per id (taken in id order) makes a second import of the same new papers wait, then
      // read and merge what the first one stored, instead of overwriting it.
      await tx.$queryRaw`SELECT count(*)::int AS n FROM (
        SELECT pg_advisory_xact_lock(${PAPER_LOCK_CLASS}::int, hashtext(id)) FROM unnest(${ids}::text[]) AS id ORDER BY id) AS locked`;
      // Lock and read in one statement, in id order (see the top of this file).
      const stored = await tx.$queryRaw<StoredRow[]>`
        SELECT id, version, title, abstract, authors, published_at, updated_at, listed_on::text AS listed_on, primary_category,
          categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords, source::text AS source
        FROM papers WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const storedById = new Map(stored.map((row) => [row.id, rowFromSql(row)]));

      const merged = batch.map((group) => ({ id: group[0]!.id, merged: mergeGroup(storedById.get(group[0]!.id) ?? null, group, today, updateOnly) }));
      const changed = merged.flatMap((m) => (m.merged && m.merged.change !== "unchanged" ? [m.merged] : []));

      // Tags before the change: a paper that loses a tag must leave that tag's page.
      const updatedIds = changed.filter((m) => m.change === "updated").map((m) => m.row.id);
      const oldTagRows = updatedIds.length
        ? await tx.$queryRaw<{ paper_id: string; slug: string }[]>`
            SELECT pt.paper_id, t.slug FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = ANY(${updatedIds}::text[])`
        : [];
      const oldTags = new Map<string, string[]>();
      for (const { paper_id: paperId, slug } of oldTagRows) oldTags.set(paperId, [...(oldTags.get(paperId) ?? []), slug]);

      const tagged = changed.map((m) => ({ ...m, tags: tagsForPaper(m.row), before: oldTags.get(m.row.id) ?? [] }));
      // Only papers whose tag set moved get their links rewritten; an upvote refresh writes none.
      const retagged = tagged.filter((t) => t.change === "new" || !sameSlugs(t.before, t.tags.map((tag) => tag.slug)));

      const newDays = [...new Set(changed.filter((m) => m.change === "new").map((m) => m.row.listedOn))];
      const existingDays = newDays.length
        ? await tx.$queryRaw<{ day: string }[]>`SELECT DISTINCT listed_on::text AS day FROM papers WHERE listed_on = ANY(${newDays}::date[])`
        : [];
      const knownDays = new Set(existingDays.map((d) => d.day));

      // Written in id order too: two imports inserting the same new papers then wait for each other instead of deadlocking.
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      if (changed.length > 0) await writePapers(tx, changed.map((m) => m.row).sort(byId), new Map(tagged.map((t) => [t.row.id, t.tags.map((tag) => tag.slug)])));
      if (retagged.length > 0) {
        await upsertTagRows(tx, tagDefinitionsFor(retagged.map((t) => ({ id: t.row.id, categories: t.row.categories, tags: t.tags }))));
        await replacePaperTags(
          tx,
          retagged.map((t) => ({ id: t.row.id, slugs: t.tags.map((tag) => tag.slug) })),
          retagged.some((t) => t.change !== "new"),
        );
      }
      // Upvotes seen today, even when nothing else changed, so the history has no gaps.
      const snapshots = merged.flatMap((m) => (m.merged && m.merged.inputs.some((input) => input.upvotes !== undefined) ? [m.merged.row] : []));
      if (snapshots.length > 0) await writeSnapshots(tx, snapshots.sort(byId), today);

      const tagsById = new Map(tagged.map((t) => [t.row.id, [...new Set([...t.before, ...t.tags.map((tag) => tag.slug)])]]));
      const outcomes = merged.map(({ id, merged: m }): BatchOutcome => {
        if (m === null) return { id, change: "skipped", listedOn: today, tagSlugs: [], addedDay: false };
        return { id, change: m.change, listedOn: m.row.listedOn, tagSlugs: tagsById.get(id) ?? [], addedDay: m.change === "new" && !knownDays.has(m.row.listedOn) };
      });
      // In this transaction: the batch's pages are logged as changed exactly when it commits.
      await recordContentChange(tx, cacheTagsForChanges(changedContentOf(outcomes)), "import");
      return outcomes;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** The columns mergePaper reads, as SQL returns them; not the search vector or other derived ones. */
interface StoredRow {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string[] | null;
  published_at: Date;
  updated_at: Date;
  listed_on: string;
  primary_category: string | null;
  categories: string[] | null;
  comment: string | null;
  doi: string | null;
  journal_ref: string | null;
  github_repo: string | null;
  github_stars: number | null;
  project_page: string | null;
  upvotes: number;
  comment_count: number;
  keywords: string[] | null;
  source: PaperSourceName;
}

function rowFromSql(row: StoredRow): PaperRow {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors ?? [],
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    listedOn: row.listed_on,
    primaryCategory: row.primary_category,
    categories: row.categories ?? [],
    comment: row.comment,
    doi: row.doi,
    journalRef: row.journal_ref,
    githubRepo: row.github_repo,
    githubStars: row.github_stars,
    projectPage: row.project_page,
    upvotes: row.upvotes,
    commentCount: row.comment_count,
    keywords: row.keywords ?? [],
    source: row.source,
  };
}

function sameSlugs(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((slug) => set.has(slug));
}

type Tx = Prisma.TransactionClient;

/**
 * `tagSlugs`: each paper's tag slugs. They are written to papers.tag_slugs here, sorted as
 * the database sorts them, so the paper_tags trigger that keeps that column in step (for the
 * search index) finds it current and does not rewrite every new paper a second time.
 */
async function writePapers(tx: Tx, rows: PaperRow[], tagSlugs: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const json = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      version: row.version,
      title: row.title,
      abstract: row.abstract,
      authors: row.authors,
      published_at: row.publishedAt.toISOString(),
      updated_at: row.updatedAt.toISOString(),
      listed_on: row.listedOn,
      primary_category: row.primaryCategory,
      categories: row.categories,
      comment: row.comment,
      doi: row.doi,
      journal_ref: row.journalRef,
      github_repo: row.githubRepo,
      github_stars: row.githubStars,
      project_page: row.projectPage,
      upvotes: row.upvotes,
      comment_count: row.commentCount,
      keywords: row.keywords,
      source: row.source,
      tag_slugs: [...(tagSlugs.get(row.id) ?? [])].sort(),
      // Derived, not merged: what the search index reads for the title and abstract (TeX as
      // Unicode, accent-free spellings), null when that is the text itself.
      title_search_text: indexedText(row.title),
      abstract_search_text: indexedText(row.abstract),
    })),
  );
  // One statement per batch: jsonb_to_recordset turns the JSON array into rows, arrays included.
  await tx.$executeRaw`
    INSERT INTO papers (id, version, title, abstract, authors, published_at, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords, source, tag_slugs, modified_at,
      title_search_text, abstract_search_text)
    SELECT id, version, title, abstract, authors, published_at, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords,
      source::"PaperSource", tag_slugs, now(),
      title_search_text, abstract_search_text
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id varchar(64), version int, title text, abstract text, authors text[],
      published_at timestamptz, updated_at timestamptz, listed_on date, primary_category varchar(32), categories text[],
      comment text, doi text, journal_ref text, github_repo text, github_stars int, project_page text, upvotes int,
      comment_count int, keywords text[], source text, tag_slugs text[],
      title_search_text text, abstract_search_text text)
    ON CONFLICT (id) DO UPDATE SET
      version = EXCLUDED.version, title = EXCLUDED.title, abstract = EXCLUDED.abstract, authors = EXCLUDED.authors,
      published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, listed_on = EXCLUDED.listed_on,
      primary_category = EXCLUDED.primary_category, categories = EXCLUDED.categories, comment = EXCLUDED.comment,
      doi = EXCLUDED.doi, journal_ref = EXCLUDED.journal_ref, github_repo = EXCLUDED.github_repo,
      github_stars = EXCLUDED.github_stars, project_page = EXCLUDED.project_page, upvotes = EXCLUDED.upvotes,
      comment_count = EXCLUDED.comment_count, keywords = EXCLUDED.keywords, tag_slugs = EXCLUDED.tag_slugs, modified_at = now(),
      title_search_text = EXCLUDED.title_search_text, abstract_search_text = EXCLUDED.abstract_search_text`;
}

async function writeSnapshots(tx: Tx, rows: PaperRow[], day: Day): Promise<void> {
  const json = JSON.stringify(rows.map((r) => ({ paper_id: r.id, upvotes: r.upvotes, github_stars: r.githubStars, comment_count: r.commentCount })));
  await tx.$executeRaw`
    INSERT INTO paper_snapshots (paper_id, day, upvotes, github_stars, comment_count)
    SELECT paper_id, ${day}::date, upvotes, github_stars, comment_count
    FROM jsonb_to_recordset(${json}::jsonb) AS x(paper_id text, upvotes int, github_stars int, comment_count int)
    ON CONFLICT (paper_id, day) DO UPDATE SET
      upvotes = EXCLUDED.upvotes, github_stars = EXCLUDED.github_stars, comment_count = EXCLUDED.comment_count`;
}

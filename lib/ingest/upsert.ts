import { cacheTagsForChanges, type ChangedContent } from "@/lib/cache/cache-tags";
import { recordContentChange } from "@/lib/cache/content-changes";
import { getDatabaseHandle, getDb, Prisma } from "@/lib/db";
import { type Day, todayUtc } from "@/lib/papers/dates";
import { indexedText } from "@/lib/search/indexed-text";
import { tagsForPaper } from "@/lib/tags";
import { mergePaper, type PaperChange, type PaperRow, rowsEqual } from "./merge-paper";
import type { OrganizationInput, PaperInput, PaperSourceName } from "./paper-input";
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
  /** Hugging Face organizations whose pages list a changed paper, or whose name or avatar changed. */
  touchedOrgs: string[];
  /** True when a listed day appeared that had no papers before. */
  addedDays: boolean;
}

export interface UpsertOptions {
  /** The day new papers without a listed day go on, and the day of live upvote snapshots. */
  today?: Day;
  /**
   * Which day an upvote snapshot describes. "today" (default): the counts were just fetched.
   * "listed": a saved payload imported later, whose counts describe the day it lists the
   * paper on (an HF daily list), not the day of the import; never later than today.
   */
  snapshotDay?: "today" | "listed";
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
  const result: UpsertResult = { new: 0, updated: 0, unchanged: 0, skipped: 0, touchedDays: [], touchedPaperIds: [], touchedTags: [], touchedOrgs: [], addedDays: false };
  const days = new Set<Day>();
  const tags = new Set<string>();
  const orgs = new Set<string>();
  const snapshotDay = options.snapshotDay ?? "today";

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
        batchResult = await upsertBatch(batch, today, updateOnly, snapshotDay);
      } catch (error) {
        stopped = true;
        throw error;
      }
      for (const outcome of batchResult) result[outcome.change] += 1;
      for (const outcome of batchResult) for (const name of outcome.orgs) orgs.add(name);
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
  result.touchedOrgs = [...orgs].sort();
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
  /** Organization pages to refresh: the paper's organization before and after, and any whose row changed. */
  orgs: string[];
  addedDay: boolean;
}

/** The pages a batch changed: its new and updated papers, their days and tags (before and after). */
function changedContentOf(outcomes: readonly BatchOutcome[]): ChangedContent {
  const touched = outcomes.filter((outcome) => outcome.change === "new" || outcome.change === "updated");
  return {
    touchedDays: [...new Set(touched.map((outcome) => outcome.listedOn))],
    touchedPaperIds: touched.map((outcome) => outcome.id),
    touchedTags: [...new Set(touched.flatMap((outcome) => outcome.tagSlugs))],
    // An organization's page changes with its papers and with its own name or avatar.
    touchedOrgs: [...new Set(outcomes.flatMap((outcome) => outcome.orgs))],
    addedDays: touched.some((outcome) => outcome.addedDay),
  };
}

interface Merged {
  inputs: PaperInput[];
  row: PaperRow;
  change: PaperChange;
}

/** One record as the merge sees it: counts older than what is stored are taken out (see upsertBatch). */
interface IncomingRecord {
  input: PaperInput;
  merged: PaperInput;
  /** The day its counts describe. */
  observedOn: Day;
}

function mergeGroup(stored: PaperRow | null, records: IncomingRecord[], today: Day, updateOnly: ReadonlySet<PaperInput>): (Merged & { records: IncomingRecord[] }) | null {
  let row = stored;
  const applied: PaperInput[] = [];
  const appliedRecords: IncomingRecord[] = [];
  for (const record of records) {
    if (row === null && updateOnly.has(record.input)) continue;
    row = mergePaper(row, record.merged, today).row;
    applied.push(record.input);
    appliedRecords.push(record);
  }
  if (row === null) return null;
  const change: PaperChange = stored === null ? "new" : rowsEqual(stored, row) ? "unchanged" : "updated";
  return { inputs: applied, row, change, records: appliedRecords };
}

/** The day a record's upvotes describe (UpsertOptions.snapshotDay), never after today. */
function observedOn(input: PaperInput, today: Day, snapshotDay: "today" | "listed"): Day {
  return snapshotDay === "listed" && input.listedOn !== undefined && input.listedOn < today ? input.listedOn : today;
}

async function upsertBatch(batch: PaperInput[][], today: Day, updateOnly: ReadonlySet<PaperInput>, snapshotDay: "today" | "listed"): Promise<BatchOutcome[]> {
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
        SELECT id, version, title, abstract, authors, published_at, published_at_exact, updated_at, listed_on::text AS listed_on, primary_category,
          categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords,
          organization, media_urls, ai_summary, on_hugging_face, subject_classes, source::text AS source
        FROM papers WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const storedById = new Map(stored.map((row) => [row.id, rowFromSql(row)]));

      // A saved file's counts are as old as the day they describe: they always go into that
      // day's snapshot, but replace the paper's current counts only when nothing newer was seen.
      const latestSeen = snapshotDay === "listed" ? await readLatestSnapshotDays(tx, ids) : new Map<string, Day>();
      const records = batch.map((group) =>
        group.map((input): IncomingRecord => {
          const day = observedOn(input, today, snapshotDay);
          const latest = latestSeen.get(input.id);
          const stale = input.upvotes !== undefined && latest !== undefined && day < latest;
          return { input, observedOn: day, merged: stale ? { ...input, upvotes: undefined, githubStars: undefined, commentCount: undefined } : input };
        }),
      );
      const merged = records.map((group) => ({ id: group[0]!.input.id, merged: mergeGroup(storedById.get(group[0]!.input.id) ?? null, group, today, updateOnly) }));
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

      // Organizations first (papers reference them), from every record that names one: a
      // renamed or re-avatared organization is updated even when none of its papers changed.
      const changedOrgs = await upsertOrganizations(tx, merged.flatMap((m) => m.merged?.inputs ?? []));

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
      // Upvotes seen, even when nothing else changed, so the history has no gaps: one row per
      // paper and day the counts describe, the last record of that day winning.
      const snapshots = merged.flatMap((m) => {
        if (!m.merged) return [];
        const row = m.merged.row;
        const byDay = new Map<Day, Snapshot>();
        for (const { input, observedOn: day } of m.merged.records) {
          if (input.upvotes === undefined) continue;
          byDay.set(day, { paperId: row.id, day, upvotes: input.upvotes, githubStars: input.githubStars ?? row.githubStars, commentCount: input.commentCount ?? row.commentCount });
        }
        return [...byDay.values()];
      });
      if (snapshots.length > 0) await writeSnapshots(tx, snapshots.sort((a, b) => (a.paperId === b.paperId ? (a.day < b.day ? -1 : 1) : a.paperId < b.paperId ? -1 : 1)));

      const storedOrgs = new Map(stored.map((row) => [row.id, row.organization]));

      const tagsById = new Map(tagged.map((t) => [t.row.id, [...new Set([...t.before, ...t.tags.map((tag) => tag.slug)])]]));
      const outcomes = merged.map(({ id, merged: m }): BatchOutcome => {
        if (m === null) return { id, change: "skipped", listedOn: today, tagSlugs: [], orgs: [], addedDay: false };
        const paperOrgs = m.change === "unchanged" ? [] : [storedOrgs.get(id), m.row.organization].filter((name): name is string => Boolean(name));
        const orgs = [...new Set([...paperOrgs, ...changedOrgs])];
        return { id, change: m.change, listedOn: m.row.listedOn, tagSlugs: tagsById.get(id) ?? [], orgs, addedDay: m.change === "new" && !knownDays.has(m.row.listedOn) };
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
  published_at_exact: boolean;
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
  organization: string | null;
  media_urls: string[] | null;
  ai_summary: string | null;
  on_hugging_face: boolean;
  subject_classes: string[] | null;
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
    publishedAtExact: row.published_at_exact,
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
    organization: row.organization,
    mediaUrls: row.media_urls ?? [],
    aiSummary: row.ai_summary,
    onHuggingFace: row.on_hugging_face,
    subjectClasses: row.subject_classes ?? [],
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
      published_at_exact: row.publishedAtExact,
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
      organization: row.organization,
      media_urls: row.mediaUrls,
      ai_summary: row.aiSummary,
      on_hugging_face: row.onHuggingFace,
      subject_classes: row.subjectClasses,
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
    INSERT INTO papers (id, version, title, abstract, authors, published_at, published_at_exact, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords,
      organization, media_urls, ai_summary, on_hugging_face, subject_classes, source, tag_slugs, modified_at,
      title_search_text, abstract_search_text)
    SELECT id, version, title, abstract, authors, published_at, published_at_exact, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords,
      organization, media_urls, ai_summary, on_hugging_face, subject_classes, source::"PaperSource", tag_slugs, now(),
      title_search_text, abstract_search_text
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id varchar(64), version int, title text, abstract text, authors text[],
      published_at timestamptz, published_at_exact boolean, updated_at timestamptz, listed_on date, primary_category varchar(32), categories text[],
      comment text, doi text, journal_ref text, github_repo text, github_stars int, project_page text, upvotes int,
      comment_count int, keywords text[], organization varchar(100), media_urls text[], ai_summary text, on_hugging_face boolean,
      subject_classes text[], source text, tag_slugs text[], title_search_text text, abstract_search_text text)
    ON CONFLICT (id) DO UPDATE SET
      version = EXCLUDED.version, title = EXCLUDED.title, abstract = EXCLUDED.abstract, authors = EXCLUDED.authors,
      published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, listed_on = EXCLUDED.listed_on,
      primary_category = EXCLUDED.primary_category, categories = EXCLUDED.categories, comment = EXCLUDED.comment,
      doi = EXCLUDED.doi, journal_ref = EXCLUDED.journal_ref, github_repo = EXCLUDED.github_repo,
      github_stars = EXCLUDED.github_stars, project_page = EXCLUDED.project_page, upvotes = EXCLUDED.upvotes,
      comment_count = EXCLUDED.comment_count, keywords = EXCLUDED.keywords, published_at_exact = EXCLUDED.published_at_exact,
      organization = EXCLUDED.organization, media_urls = EXCLUDED.media_urls, ai_summary = EXCLUDED.ai_summary,
      on_hugging_face = EXCLUDED.on_hugging_face, subject_classes = EXCLUDED.subject_classes, tag_slugs = EXCLUDED.tag_slugs, modified_at = now(),
      title_search_text = EXCLUDED.title_search_text, abstract_search_text = EXCLUDED.abstract_search_text`;
}

interface Snapshot {
  paperId: string;
  day: Day;
  upvotes: number;
  githubStars: number | null;
  commentCount: number;
}

/** The newest day each paper's counts were seen on. */
async function readLatestSnapshotDays(tx: Tx, ids: readonly string[]): Promise<Map<string, Day>> {
  const rows = await tx.$queryRaw<{ paper_id: string; day: string }[]>`
    SELECT paper_id, max(day)::text AS day FROM paper_snapshots WHERE paper_id = ANY(${ids}::text[]) GROUP BY paper_id`;
  return new Map(rows.map((row) => [row.paper_id, row.day]));
}

async function writeSnapshots(tx: Tx, snapshots: Snapshot[]): Promise<void> {
  const json = JSON.stringify(snapshots.map((s) => ({ paper_id: s.paperId, day: s.day, upvotes: s.upvotes, github_stars: s.githubStars, comment_count: s.commentCount })));
  await tx.$executeRaw`
    INSERT INTO paper_snapshots (paper_id, day, upvotes, github_stars, comment_count)
    SELECT paper_id, day, upvotes, github_stars, comment_count
    FROM jsonb_to_recordset(${json}::jsonb) AS x(paper_id text, day date, upvotes int, github_stars int, comment_count int)
    ON CONFLICT (paper_id, day) DO UPDATE SET
      upvotes = EXCLUDED.upvotes, github_stars = EXCLUDED.github_stars, comment_count = EXCLUDED.comment_count`;
}

/**
 * Writes the organizations the records name (the last record's version of each wins), in
 * name order like every shared row, and returns the names whose row is new or changed.
 */
async function upsertOrganizations(tx: Tx, inputs: PaperInput[]): Promise<string[]> {
  const byName = new Map<string, OrganizationInput>();
  for (const input of inputs) if (input.organization) byName.set(input.organization.name, input.organization);
  if (byName.size === 0) return [];
  const json = JSON.stringify(
    [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((org) => ({ name: org.name, full_name: org.fullName, avatar_url: org.avatarUrl })),
  );
  const written = await tx.$queryRaw<{ name: string }[]>`
    INSERT INTO organizations (name, full_name, avatar_url, modified_at)
    SELECT name, full_name, avatar_url, now() FROM jsonb_to_recordset(${json}::jsonb) AS x(name varchar(100), full_name text, avatar_url text)
    ON CONFLICT (name) DO UPDATE SET full_name = EXCLUDED.full_name, avatar_url = EXCLUDED.avatar_url, modified_at = now()
      WHERE (organizations.full_name, organizations.avatar_url) IS DISTINCT FROM (EXCLUDED.full_name, EXCLUDED.avatar_url)
    RETURNING name`;
  return written.map((row) => row.name).sort();
}

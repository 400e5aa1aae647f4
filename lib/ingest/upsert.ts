import { getDb, Prisma } from "@/lib/db";
import { type Day, todayUtc } from "@/lib/papers/dates";
import { allTopicTags, categoryTag, type PaperTagRef, tagsForPaper } from "@/lib/tags";
import { mergePaper, type PaperChange, type PaperRow, rowFromStored } from "./merge-paper";
import type { PaperInput } from "./paper-input";

// The only code that writes papers. Each batch is one transaction: a batch lands whole or
// not at all, so an import killed midway leaves no half-written paper, and re-running it
// finishes the job. Rows are locked in id order, so concurrent imports of the same papers
// serialise instead of losing each other's updates.

export const UPSERT_BATCH_SIZE = 500;

export interface UpsertResult {
  new: number;
  updated: number;
  unchanged: number;
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
  onBatch?: (done: number, total: number) => void;
}

export async function upsertPapers(inputs: PaperInput[], options: UpsertOptions = {}): Promise<UpsertResult> {
  const today = options.today ?? todayUtc();
  const result: UpsertResult = { new: 0, updated: 0, unchanged: 0, touchedDays: [], touchedPaperIds: [], touchedTags: [], addedDays: false };
  const days = new Set<Day>();
  const tags = new Set<string>();

  // The same paper twice in one payload (a cross-listing and a replacement in one RSS
  // file): the last record wins, merged like any other.
  const deduped = [...new Map(inputs.map((input) => [input.id, input])).values()];

  for (let offset = 0; offset < deduped.length; offset += UPSERT_BATCH_SIZE) {
    const batch = deduped.slice(offset, offset + UPSERT_BATCH_SIZE);
    const batchResult = await upsertBatch(batch, today);
    for (const { change, row, tagSlugs } of batchResult) {
      result[change] += 1;
      if (change === "unchanged") continue;
      days.add(row.listedOn);
      result.touchedPaperIds.push(row.id);
      for (const slug of tagSlugs) tags.add(slug);
    }
    if (batchResult.some((r) => r.addedDay)) result.addedDays = true;
    options.onBatch?.(Math.min(offset + batch.length, deduped.length), deduped.length);
  }
  result.touchedDays = [...days].sort();
  result.touchedTags = [...tags].sort();
  return result;
}

interface BatchOutcome {
  change: PaperChange;
  row: PaperRow;
  tagSlugs: string[];
  addedDay: boolean;
}

async function upsertBatch(batch: PaperInput[], today: Day): Promise<BatchOutcome[]> {
  const db = await getDb();
  const ids = batch.map((input) => input.id).sort();
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM papers WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
      const stored = await tx.paper.findMany({ where: { id: { in: ids } } });
      const storedById = new Map(stored.map((paper) => [paper.id, rowFromStored(paper)]));

      const outcomes = batch.map((input) => {
        const { row, change } = mergePaper(storedById.get(input.id) ?? null, input, today);
        const tags = change === "unchanged" ? [] : tagsForPaper(row);
        return { input, row, change, tags };
      });
      const changed = outcomes.filter((o) => o.change !== "unchanged");

      const newDays = [...new Set(changed.filter((o) => o.change === "new").map((o) => o.row.listedOn))];
      const existingDays = newDays.length
        ? await tx.$queryRaw<{ day: string }[]>`SELECT DISTINCT listed_on::text AS day FROM papers WHERE listed_on = ANY(${newDays}::date[])`
        : [];
      const knownDays = new Set(existingDays.map((d) => d.day));

      if (changed.length > 0) {
        await writePapers(tx, changed.map((o) => o.row));
        await writeTags(tx, changed.map((o) => ({ paper: o.row, tags: o.tags })));
      }
      // Upvotes seen today, even when nothing else changed, so the history has no gaps.
      const snapshots = outcomes.filter((o) => o.input.upvotes !== undefined).map((o) => o.row);
      if (snapshots.length > 0) await writeSnapshots(tx, snapshots, today);

      return outcomes.map((o) => ({ change: o.change, row: o.row, tagSlugs: o.tags.map((t) => t.slug), addedDay: o.change === "new" && !knownDays.has(o.row.listedOn) }));
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Tx = Prisma.TransactionClient;

async function writePapers(tx: Tx, rows: PaperRow[]): Promise<void> {
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
    })),
  );
  // One statement per batch: jsonb_to_recordset turns the JSON array into rows, arrays included.
  await tx.$executeRaw`
    INSERT INTO papers (id, version, title, abstract, authors, published_at, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords, source, modified_at)
    SELECT id, version, title, abstract, authors, published_at, updated_at, listed_on, primary_category,
      categories, comment, doi, journal_ref, github_repo, github_stars, project_page, upvotes, comment_count, keywords,
      source::"PaperSource", now()
    FROM jsonb_to_recordset(${json}::jsonb) AS x(id varchar(64), version int, title text, abstract text, authors text[],
      published_at timestamptz, updated_at timestamptz, listed_on date, primary_category varchar(32), categories text[],
      comment text, doi text, journal_ref text, github_repo text, github_stars int, project_page text, upvotes int,
      comment_count int, keywords text[], source text)
    ON CONFLICT (id) DO UPDATE SET
      version = EXCLUDED.version, title = EXCLUDED.title, abstract = EXCLUDED.abstract, authors = EXCLUDED.authors,
      published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, listed_on = EXCLUDED.listed_on,
      primary_category = EXCLUDED.primary_category, categories = EXCLUDED.categories, comment = EXCLUDED.comment,
      doi = EXCLUDED.doi, journal_ref = EXCLUDED.journal_ref, github_repo = EXCLUDED.github_repo,
      github_stars = EXCLUDED.github_stars, project_page = EXCLUDED.project_page, upvotes = EXCLUDED.upvotes,
      comment_count = EXCLUDED.comment_count, keywords = EXCLUDED.keywords, modified_at = now()`;
}

const TOPIC_DESCRIPTIONS = new Map(allTopicTags().map((t) => [t.slug, t.description]));

function describeTag(tag: PaperTagRef, paper: PaperRow): string | null {
  if (tag.kind === "topic") return TOPIC_DESCRIPTIONS.get(tag.slug) ?? null;
  const code = paper.categories.find((c) => categoryTag(c)?.slug === tag.slug);
  return code ? (categoryTag(code)?.description ?? null) : null;
}

async function writeTags(tx: Tx, items: { paper: PaperRow; tags: PaperTagRef[] }[]): Promise<void> {
  const definitions = new Map<string, { slug: string; name: string; kind: string; description: string | null }>();
  for (const { paper, tags } of items) {
    for (const tag of tags) if (!definitions.has(tag.slug)) definitions.set(tag.slug, { ...tag, description: describeTag(tag, paper) });
  }
  const tagList = [...definitions.values()];
  if (tagList.length > 0) {
    // Names and descriptions follow lib/tags, so renaming a topic there renames it here.
    await tx.$executeRaw`
      INSERT INTO tags (slug, name, kind, description)
      SELECT slug, name, kind::"TagKind", description
      FROM jsonb_to_recordset(${JSON.stringify(tagList)}::jsonb) AS t(slug text, name text, kind text, description text)
      ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description
      WHERE (tags.name, tags.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)`;
  }
  const paperIds = items.map((i) => i.paper.id);
  await tx.$executeRaw`DELETE FROM paper_tags WHERE paper_id = ANY(${paperIds}::text[])`;
  const pairs = items.flatMap(({ paper, tags }) => tags.map((tag) => ({ paper_id: paper.id, slug: tag.slug })));
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO paper_tags (paper_id, tag_id)
    SELECT x.paper_id, t.id FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS x(paper_id text, slug text)
    JOIN tags t ON t.slug = x.slug
    ON CONFLICT DO NOTHING`;
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

import { cacheTagsForChanges } from "@/lib/cache/cache-tags";
import { recordContentChange } from "@/lib/cache/content-changes";
import { getDb } from "@/lib/db";
import { replacePaperTags, tagDefinitionsFor, upsertTagRows } from "@/lib/ingest/paper-tags";
import { flushSearchIndex } from "@/lib/ingest/upsert";
import { allCategoryTags, allTopicTags, tagsForPaper, TOPIC_RULES } from "./index";

// `npm run tags:rebuild`: re-tags every stored paper with the current rules after
// lib/tags/topic-rules.ts or the category names change (docs/tags.md, "Editing the rules").
// Batches of papers in id order, each batch one transaction that locks its papers in the
// same order as the upsert, so an import running at the same time waits instead of racing.
// Only papers whose tag set changes are rewritten; a second run changes nothing.

export const REBUILD_BATCH_SIZE = 1_000;

export interface RebuildTagsResult {
  papers: number;
  /** Papers whose tag set changed. */
  retagged: number;
  linksAdded: number;
  linksRemoved: number;
  /** Tag rows that did not exist yet (new topics, categories); renamed ones are updated too. */
  tagRowsAdded: number;
  /** Topic tags whose rule is gone: deleted with their links. */
  removedTopics: string[];
  /** For the cache: every paper and tag whose pages show different tags now. */
  changes: { touchedDays: string[]; touchedPaperIds: string[]; touchedTags: string[]; addedDays: boolean };
}

interface PaperTextRow {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  categories: string[];
  slugs: string[];
}

export async function rebuildAllTags(options: { batchSize?: number; onBatch?: (done: number, total: number) => void } = {}): Promise<RebuildTagsResult> {
  const db = await getDb();
  const batchSize = options.batchSize ?? REBUILD_BATCH_SIZE;
  const result: RebuildTagsResult = {
    papers: 0,
    retagged: 0,
    linksAdded: 0,
    linksRemoved: 0,
    tagRowsAdded: 0,
    removedTopics: [],
    changes: { touchedDays: [], touchedPaperIds: [], touchedTags: [], addedDays: false },
  };
  const touchedTags = new Set<string>();

  // Every topic and known category gets its row (new topics, renamed ones, new descriptions).
  result.tagRowsAdded = await db.$transaction(async (tx) => {
    const before = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM tags`;
    await upsertTagRows(tx, [...allTopicTags(), ...allCategoryTags()]);
    const after = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM tags`;
    return (after[0]?.n ?? 0) - (before[0]?.n ?? 0);
  });

  const total = await db.paper.count();
  let lastId = "";
  for (;;) {
    const done = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<PaperTextRow[]>`
          WITH batch AS (
            SELECT id, title, abstract, keywords, categories FROM papers
            WHERE id > ${lastId} ORDER BY id LIMIT ${batchSize} FOR UPDATE
          )
          SELECT b.id, b.title, b.abstract, b.keywords, b.categories,
                 COALESCE(array_agg(t.slug) FILTER (WHERE t.slug IS NOT NULL), '{}') AS slugs
          FROM batch b LEFT JOIN paper_tags pt ON pt.paper_id = b.id LEFT JOIN tags t ON t.id = pt.tag_id
          GROUP BY b.id, b.title, b.abstract, b.keywords, b.categories ORDER BY b.id`;
        if (rows.length === 0) return 0;
        lastId = rows[rows.length - 1]!.id;

        const changed = rows.flatMap((row) => {
          const tags = tagsForPaper(row);
          const next = tags.map((tag) => tag.slug);
          const before = new Set(row.slugs);
          const added = next.filter((slug) => !before.has(slug));
          const removed = row.slugs.filter((slug) => !next.includes(slug));
          if (added.length === 0 && removed.length === 0) return [];
          return [{ row, tags, added, removed }];
        });
        if (changed.length > 0) {
          await upsertTagRows(tx, tagDefinitionsFor(changed.map((c) => ({ id: c.row.id, categories: c.row.categories, tags: c.tags }))));
          await replacePaperTags(tx, changed.map((c) => ({ id: c.row.id, slugs: c.tags.map((tag) => tag.slug) })));
          // Feed pages show tag chips and filters: a retagged paper changes all of them.
          const slugs = [...new Set(changed.flatMap((c) => [...c.added, ...c.removed]))];
          await recordContentChange(tx, cacheTagsForChanges({ touchedDays: [], touchedPaperIds: changed.map((c) => c.row.id), touchedTags: slugs, addedDays: true }), "tags:rebuild");
        }
        for (const c of changed) {
          result.retagged += 1;
          result.linksAdded += c.added.length;
          result.linksRemoved += c.removed.length;
          result.changes.touchedPaperIds.push(c.row.id);
          for (const slug of [...c.added, ...c.removed]) touchedTags.add(slug);
        }
        return rows.length;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    if (done === 0) break;
    result.papers += done;
    options.onBatch?.(result.papers, Math.max(total, result.papers));
  }

  // Retagged papers got new search vectors (their tag markers): merge them into the index.
  if (result.retagged > 0) await flushSearchIndex();

  // A topic removed from the rules: its page would stay empty forever, so its row goes too.
  const ruleSlugs = TOPIC_RULES.map((rule) => rule.slug);
  result.removedTopics = await db.$transaction(async (tx) => {
    const removed = await tx.$queryRaw<{ slug: string }[]>`
      DELETE FROM tags WHERE kind = 'topic' AND NOT (slug = ANY(${ruleSlugs}::text[])) RETURNING slug`;
    const slugs = removed.map((row) => row.slug).sort();
    await recordContentChange(tx, cacheTagsForChanges({ touchedDays: [], touchedPaperIds: [], touchedTags: slugs, addedDays: slugs.length > 0 }), "tags:rebuild");
    return slugs;
  });
  for (const slug of result.removedTopics) touchedTags.add(slug);

  result.changes.touchedTags = [...touchedTags].sort();
  // Feed pages show tag chips and filters: any change refreshes all of them.
  result.changes.addedDays = result.retagged > 0 || result.removedTopics.length > 0;
  return result;
}

import { CACHE_TAGS, cacheTagsForChanges } from "@/lib/cache/cache-tags";
import { recordContentChange } from "@/lib/cache/content-changes";
import { getDb } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { addDays, type Day, dayToDate, daysBetween } from "@/lib/papers/dates";
import { DEMO_SETTING } from "@/lib/papers/queries";
import { buildDemoPapers } from "./demo-papers";

/**
 * Loads the demo set and gives each paper an upvote history from its listed day to today,
 * so the paper page's chart has something to draw. Returns the number of papers.
 */
export async function loadDemoPapers(today: Day): Promise<number> {
  const papers = buildDemoPapers(dayToDate(today));
  await upsertPapers(papers, { today });
  const db = await getDb();
  const snapshots = papers.flatMap((paper) => {
    const listed = paper.listedOn ?? today;
    const days = Math.max(0, daysBetween(listed, today));
    const final = paper.upvotes ?? 0;
    // Most upvotes arrive in the first days after listing.
    return Array.from({ length: days + 1 }, (_, i) => ({
      paperId: paper.id,
      day: dayToDate(addDays(listed, i)),
      upvotes: Math.round(final * (1 - Math.exp(-(i + 1) / 1.5)) / (1 - Math.exp(-(days + 1) / 1.5))),
      githubStars: paper.githubStars ?? null,
      commentCount: 0,
    }));
  });
  await db.paperSnapshot.createMany({ data: snapshots, skipDuplicates: true });
  await db.$transaction(async (tx) => {
    await tx.appSetting.upsert({ where: { key: DEMO_SETTING }, create: { key: DEMO_SETTING, value: true }, update: { value: true } });
    // The demo banner and the upvote charts: every page may show it differently.
    await recordContentChange(tx, [CACHE_TAGS.everything], "demo");
  });
  return papers.length;
}

/**
 * Removes the demo set once real papers have arrived, and clears the flag, in one
 * transaction: both happen or neither. Returns the removed paper ids (their cached pages
 * must go), or null when the demo set is not loaded. lib/ingest/run-ingest.ts calls it
 * after real papers are stored, so the feed is never empty in between.
 */
export async function removeDemoPapers(): Promise<string[] | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    // FOR UPDATE: two imports finishing together remove the set once.
    const flag = await tx.$queryRaw<{ value: unknown }[]>`SELECT value FROM app_settings WHERE key = ${DEMO_SETTING} FOR UPDATE`;
    if (flag[0]?.value !== true) return null;
    const removed = await tx.$queryRaw<{ id: string }[]>`DELETE FROM papers WHERE source = 'demo' RETURNING id`;
    await tx.appSetting.deleteMany({ where: { key: DEMO_SETTING } });
    const ids = removed.map((row) => row.id).sort();
    // Their days empty out and the banner goes: every feed, and each removed paper's page (now a 404).
    await recordContentChange(tx, cacheTagsForChanges({ touchedDays: [], touchedPaperIds: ids, touchedTags: [], addedDays: true }), "demo");
    return ids;
  });
}

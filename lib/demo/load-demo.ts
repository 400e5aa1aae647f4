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
  await db.appSetting.upsert({ where: { key: DEMO_SETTING }, create: { key: DEMO_SETTING, value: true }, update: { value: true } });
  return papers.length;
}

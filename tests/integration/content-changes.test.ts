import { beforeEach, describe, expect, it } from "vitest";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { deleteOldContentChanges, latestContentChangeId, listContentChangesAfter, recordContentChange } from "@/lib/cache/content-changes";
import { catchUpWithContentChanges } from "@/lib/cache/page-cache-sync";
import { getDb, withSqlSession } from "@/lib/db";
import { loadDemoPapers } from "@/lib/demo/load-demo";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { runIngest } from "@/lib/ingest/run-ingest";
import { runHousekeeping } from "@/lib/jobs/housekeeping";
import { rebuildAllTags } from "@/lib/tags/rebuild";
import { readFixture } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";
import { testDbMode } from "./helpers/test-database";

// The content change log that every app instance follows to keep its page cache current
// (lib/cache/content-changes.ts): every write that changes a page logs its cache tags in its
// own transaction. The servers' side (following it, expiring pages) runs against real
// servers in tests/e2e/fresh-content.spec.ts.

const TODAY = "2026-06-15";
const HF = "ingest/hf-daily-papers-current.json";

function importPayload(body: string, source = "file:test") {
  return runIngest({ source, trigger: "cli", today: TODAY, load: async () => parsePayload(body) });
}

async function loggedTags(): Promise<string[][]> {
  return (await listContentChangesAfter(0n, 1000)).map((change) => [...change.tags].sort());
}

beforeEach(async () => {
  await truncateAll();
});

describe("writes log the pages they change", () => {
  it("an import logs its papers, its new day and their tags; a re-import that changes nothing logs nothing", async () => {
    await importPayload(readFixture(HF));
    const [change, ...rest] = await loggedTags();
    expect(rest).toEqual([]);
    // A day that had no papers: every feed's navigation changes.
    expect(change).toEqual(expect.arrayContaining([CACHE_TAGS.allFeeds, "paper:2606.07777", "paper:2606.08101", "paper:2606.09001"]));
    const db = await getDb();
    const slugs = (await db.tag.findMany({ where: { papers: { some: {} } }, select: { slug: true } })).map((t) => CACHE_TAGS.tag(t.slug));
    expect(change).toEqual(expect.arrayContaining(slugs));

    await importPayload(readFixture(HF));
    expect(await loggedTags()).toHaveLength(1);
  });

  it("an upvote change logs that paper, its day, its tags' pages and the latest feed, not every feed", async () => {
    await importPayload(readFixture(HF));
    const first = await latestContentChangeId();
    const items = JSON.parse(readFixture(HF)) as { paper: { id: string; upvotes: number } }[];
    items[0]!.paper.upvotes += 20;
    await importPayload(JSON.stringify(items));
    const [change] = await listContentChangesAfter(first, 10);
    const db = await getDb();
    const tags = (await db.paperTag.findMany({ where: { paperId: items[0]!.paper.id }, include: { tag: true } })).map((link) => CACHE_TAGS.tag(link.tag.slug));
    expect(tags.length).toBeGreaterThan(0);
    expect([...change!.tags].sort()).toEqual([CACHE_TAGS.latest, CACHE_TAGS.day("2026-06-12"), CACHE_TAGS.paper(items[0]!.paper.id), ...tags].sort());
  });

  it("the demo set arriving logs everything; leaving, every feed and each removed paper", async () => {
    const demoPapers = await loadDemoPapers(TODAY);
    expect((await loggedTags()).at(-1)).toEqual([CACHE_TAGS.everything]);
    const before = await latestContentChangeId();

    const demoIds = (await (await getDb()).paper.findMany({ where: { source: "demo" }, select: { id: true } })).map((p) => p.id);
    expect(demoIds).toHaveLength(demoPapers);

    await importPayload(readFixture(HF));
    const removal = (await listContentChangesAfter(before, 10)).find((change) => change.tags.includes(CACHE_TAGS.paper(demoIds[0]!)));
    expect(removal?.tags).toEqual(expect.arrayContaining([CACHE_TAGS.allFeeds, ...demoIds.map(CACHE_TAGS.paper)]));
  });

  it("a tag rebuild logs the papers it re-tagged, and nothing when there is nothing to do", async () => {
    await importPayload(readFixture(HF));
    const db = await getDb();
    // A link lib/tags would not make: the rebuild removes it.
    const stray = await db.tag.findFirstOrThrow({ where: { kind: "topic", papers: { none: { paperId: "2606.07777" } } } });
    await db.paperTag.create({ data: { paperId: "2606.07777", tagId: stray.id } });
    const before = await latestContentChangeId();

    await rebuildAllTags();
    const [change, ...rest] = await listContentChangesAfter(before, 10);
    expect(rest).toEqual([]);
    expect(change!.tags).toEqual(expect.arrayContaining([CACHE_TAGS.allFeeds, CACHE_TAGS.paper("2606.07777"), CACHE_TAGS.tag(stray.slug)]));

    const after = await latestContentChangeId();
    await rebuildAllTags();
    expect(await latestContentChangeId()).toBe(after);
  });

  it("a change too big to list expires everything", async () => {
    const db = await getDb();
    await db.$transaction((tx) => recordContentChange(tx, Array.from({ length: 5000 }, (_, i) => `paper:2606.${String(i).padStart(5, "0")}`), "test"));
    expect(await loggedTags()).toEqual([[CACHE_TAGS.everything]]);
  });
});

describe("the log itself", () => {
  it.runIf(testDbMode() === "postgres")("appends in commit order: an append waits for an open one to commit", async () => {
    const db = await getDb();
    let commitFirst!: () => void;
    let firstAppended!: () => void;
    const appended = new Promise<void>((resolve) => (firstAppended = resolve));
    const first = db.$transaction(async (tx) => {
      await recordContentChange(tx, ["feed:latest"], "first");
      firstAppended();
      await new Promise<void>((release) => (commitFirst = release));
    });
    await appended;
    const second = db.$transaction((tx) => recordContentChange(tx, ["feeds"], "second"));
    // The second append waits on the log's lock while the first is open…
    await expect
      .poll(() => withSqlSession(async (sql) => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`))[0]!.n))
      .toBe(1);
    expect(await listContentChangesAfter(0n, 10)).toEqual([]);
    commitFirst();
    await Promise.all([first, second]);
    // …so once both committed, ids follow commit order and a cursor never skips one.
    expect((await listContentChangesAfter(0n, 10)).map((c) => c.tags)).toEqual([["feed:latest"], ["feeds"]]);
  });

  it("housekeeping deletes changes older than a day and keeps the newest", async () => {
    const db = await getDb();
    for (const tags of [["a"], ["b"], ["c"]]) await db.$transaction((tx) => recordContentChange(tx, tags, "test"));
    const [oldest, middle] = await listContentChangesAfter(0n, 10);
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await db.contentChange.updateMany({ data: { createdAt: twoDaysAgo } });
    expect(await runHousekeeping()).toMatchObject({ oldContentChanges: 2 });
    expect((await listContentChangesAfter(0n, 10)).map((c) => c.tags)).toEqual([["c"]]);
    expect(oldest!.id < middle!.id).toBe(true);
    expect(await deleteOldContentChanges()).toBe(0);
  });

  it("a process that serves no pages has no page cache to catch up", async () => {
    await importPayload(readFixture(HF));
    expect(await catchUpWithContentChanges()).toBe(0);
  });
});

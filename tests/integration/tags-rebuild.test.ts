import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { runIngest } from "@/lib/ingest/run-ingest";
import { allCategoryTags, allTopicTags, tagsForPaper } from "@/lib/tags";
import { rebuildAllTags } from "@/lib/tags/rebuild";
import { readFixture } from "../support/fake-upstream";
import { truncateAll } from "./helpers/reset";
import { testDbMode } from "./helpers/test-database";

// `npm run tags:rebuild` re-tags every paper with the current rules: it repairs links that
// differ from what lib/tags computes, renames tag rows to lib/tags' names, and removes
// topics that left the rules.

async function importFixtures() {
  for (const file of ["ingest/hf-daily-papers-current.json", "arxiv-api/cat-cs.CL.xml", "ingest/arxiv-atom-sample.xml"]) {
    await runIngest({ source: `file:${file}`, trigger: "cli", today: "2026-06-15", load: async () => parsePayload(readFixture(file)) });
  }
}

async function storedSlugs(): Promise<Record<string, string[]>> {
  const db = await getDb();
  const papers = await db.paper.findMany({ include: { tags: { include: { tag: true } } }, orderBy: { id: "asc" } });
  return Object.fromEntries(papers.map((p) => [p.id, p.tags.map((t) => t.tag.slug).sort()]));
}

async function expectedSlugs(): Promise<Record<string, string[]>> {
  const db = await getDb();
  const papers = await db.paper.findMany({ orderBy: { id: "asc" } });
  return Object.fromEntries(papers.map((p) => [p.id, tagsForPaper(p).map((t) => t.slug).sort()]));
}

beforeEach(async () => {
  await truncateAll();
});

describe("rebuilding tags", () => {
  it("repairs links, renames tag rows, removes topics that left the rules, and then has nothing to do", async () => {
    await importFixtures();
    const db = await getDb();
    const correct = await storedSlugs();
    expect(correct).toEqual(await expectedSlugs());

    // What a rule change looks like from the database's side.
    const robotics = await db.tag.findUniqueOrThrow({ where: { slug: "robotics" } });
    await db.paperTag.deleteMany({ where: { paperId: "2606.07777" } });
    await db.paperTag.create({ data: { paperId: "2606.08101", tagId: robotics.id } });
    await db.tag.update({ where: { slug: "robotics" }, data: { name: "Robots (old name)" } });
    const obsolete = await db.tag.create({ data: { slug: "old-topic", name: "Old Topic", kind: "topic" } });
    await db.paperTag.create({ data: { paperId: "2606.09001", tagId: obsolete.id } });

    const progress: [number, number][] = [];
    const result = await rebuildAllTags({ batchSize: 2, onBatch: (done, total) => progress.push([done, total]) });
    const paperCount = Object.keys(correct).length;
    expect(result).toMatchObject({
      papers: paperCount,
      retagged: 3,
      linksAdded: correct["2606.07777"]!.length,
      linksRemoved: 2,
      removedTopics: ["old-topic"],
    });
    expect(result.changes.touchedPaperIds.sort()).toEqual(["2606.07777", "2606.08101", "2606.09001"]);
    expect(result.changes.touchedTags).toEqual([...new Set([...correct["2606.07777"]!, "robotics", "old-topic"])].sort());
    expect(result.changes.addedDays).toBe(true);
    expect(progress.at(-1)).toEqual([paperCount, paperCount]);
    expect(progress).toHaveLength(Math.ceil(paperCount / 2));

    expect(await storedSlugs()).toEqual(correct);
    expect((await db.tag.findUniqueOrThrow({ where: { slug: "robotics" } })).name).toBe("Robotics");
    expect(await db.tag.findUnique({ where: { slug: "old-topic" } })).toBeNull();
    // Every topic and every known category has its row, with the name lib/tags gives it.
    expect(await db.tag.count({ where: { kind: "topic" } })).toBe(allTopicTags().length);
    expect(await db.tag.count({ where: { kind: "category" } })).toBeGreaterThanOrEqual(allCategoryTags().length);
    expect((await db.tag.findUniqueOrThrow({ where: { slug: "cs-cl" } })).name).toBe("Computation and Language");

    const again = await rebuildAllTags();
    expect(again).toMatchObject({ papers: paperCount, retagged: 0, linksAdded: 0, linksRemoved: 0, tagRowsAdded: 0, removedTopics: [] });
    expect(again.changes.addedDays).toBe(false);
  });

  it.runIf(testDbMode() === "postgres")("runs as npm run tags:rebuild and prints what it did (a second process, so PostgreSQL only)", async () => {
    await importFixtures();
    const db = await getDb();
    await db.paperTag.deleteMany({ where: { paperId: "2606.09001" } });
    const lost = (await expectedSlugs())["2606.09001"]!.length;
    const papers = await db.paper.count();

    const result = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/tags-rebuild.ts"], {
      env: { ...process.env, LOG_LEVEL: "", CRON_SECRET: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(new RegExp(`^${papers} papers checked, 1 re-tagged \\(\\+${lost} / -0 tag links\\) in \\d+\\.\\d s\\.$`));
    expect(lines).toContain("Running servers pick the changes up from the database within a few seconds (set CRON_SECRET to have them refreshed before this command returns).");
    expect(await storedSlugs()).toEqual(await expectedSlugs());
  });
});

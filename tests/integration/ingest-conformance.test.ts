import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { importPayload, payloadTarget } from "@/lib/ingest/import-payload";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { dateToDay } from "@/lib/papers/dates";
import { tagsForPaper } from "@/lib/tags";
import { truncateAll } from "./helpers/reset";

// Conformance: every real payload saved in ../shared/fixtures (present in CI; see its
// README) is imported into PostgreSQL through the CLI's path, and every field the parser
// read must arrive in the database. Without that folder the suite is skipped and its name
// says why; the same cases in the repository's own fixtures run in ingest-run.test.ts.

const dir = path.resolve(process.cwd(), "../shared/fixtures");
const available = existsSync(dir);
const files = available ? readdirSync(dir).filter((name) => /\.(json|xml)$/.test(name)).sort() : [];
const SKIP_REASON = `skipped: ${dir} does not exist (real saved payloads are not copied into the repository)`;

if (!available) console.warn(`ingest-conformance: ${SKIP_REASON}`);

describe.skipIf(!available)(`importing every real payload in ../shared/fixtures into the database${available ? "" : `, ${SKIP_REASON}`}`, () => {
  it("has payloads to import", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)("%s", (name) => {
    const file = path.join(dir, name);
    const parsed = parsePayload(readFileSync(file, "utf8"));

    beforeAll(async () => {
      // Each file on an empty database, so what arrives is this file's doing.
      await truncateAll();
    });

    it("imports without errors and every parsed field arrives", async () => {
      const summary = await importPayload(payloadTarget(file), { trigger: "cli", today: "2026-06-15" });
      expect(summary).toMatchObject({ status: "succeeded", failed: 0, errors: [] });
      expect(summary.format).toBe(parsed.format);
      expect(summary.new + summary.updated + summary.unchanged).toBe(new Set(parsed.items.map((item) => item.input.id)).size);

      const db = await getDb();
      for (const { input } of parsed.items) {
        const stored = await db.paper.findUniqueOrThrow({ where: { id: input.id }, include: { tags: { include: { tag: true } } } });
        expect(stored.version).toBeGreaterThanOrEqual(input.version);
        expect(stored.title).toBe(input.title);
        expect(stored.abstract).toBe(input.abstract);
        expect(stored.authors).toEqual(input.authors);
        if (input.publishedAt) expect(stored.publishedAt.getTime()).toBeLessThanOrEqual(input.publishedAt.getTime());
        else expect(stored.publishedAtExact).toBe(false);
        if (input.listedOn) expect(dateToDay(stored.listedOn)).toBe(input.listedOn);
        if (input.categories?.length) expect(stored.categories).toEqual(input.categories);
        if (input.primaryCategory) expect(stored.primaryCategory).toBe(input.primaryCategory);
        for (const key of ["comment", "doi", "journalRef"] as const) if (input[key] !== undefined) expect(stored[key]).toBe(input[key]);
        for (const key of ["upvotes", "commentCount", "githubStars"] as const) if (input[key] !== undefined) expect(stored[key]).toBe(input[key]);
        if (input.githubRepo) expect(stored.githubRepo).toBe(input.githubRepo);
        if (input.projectPage) expect(stored.projectPage).toBe(input.projectPage);
        if (input.keywords?.length) expect(stored.keywords).toEqual(input.keywords);
        expect(stored.tags.map((t) => t.tag.slug).sort()).toEqual(tagsForPaper(stored).map((t) => t.slug).sort());
      }
    });

    it("imports again without a single change", async () => {
      const again = await importPayload(payloadTarget(file), { trigger: "cli", today: "2026-06-16" });
      expect(again).toMatchObject({ status: "succeeded", new: 0, updated: 0, unchanged: new Set(parsed.items.map((item) => item.input.id)).size });
    });
  });
});

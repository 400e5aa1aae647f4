import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { withScratchDatabase } from "./helpers/scratch-database";
import { testDbMode } from "./helpers/test-database";

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

function copyMigrations(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-migrations-"));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("npm run db:migrate (applyMigrations)", () => {
  it("applies every migration once and records it the way prisma migrate deploy does", async () => {
    await withScratchDatabase(async ({ connect }) => {
      const sql = await connect();
      const first = await applyMigrations(sql);
      expect(first).toEqual({ applied: migrationNames, alreadyApplied: 0, warnings: [] });

      const second = await applyMigrations(sql);
      expect(second).toEqual({ applied: [], alreadyApplied: migrationNames.length, warnings: [] });

      const rows = await sql.query<{ migration_name: string; checksum: string; finished: boolean; applied_steps_count: number; rolled_back_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows).toEqual(
        migrationNames.map((name) => ({
          migration_name: name,
          checksum: createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
          finished: true,
          applied_steps_count: 1,
          rolled_back_at: null,
        })),
      );
      const tables = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'papers'`);
      expect(tables[0]?.n).toBe(1);
      await sql.close();
    });
  });

  it.runIf(testDbMode() === "postgres")("is safe when several processes start at once: each migration runs exactly once", async () => {
    await withScratchDatabase(async ({ connect }) => {
      const sessions = await Promise.all([connect(), connect(), connect(), connect()]);
      const reports = await Promise.all(sessions.map((s) => applyMigrations(s)));
      expect(reports.flatMap((r) => r.applied).sort()).toEqual(migrationNames);
      const count = await sessions[0]!.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
      expect(count[0]?.n).toBe(migrationNames.length);
      await Promise.all(sessions.map((s) => s.close()));
    });
  });

  it("leaves nothing behind when a migration fails, and names it", async () => {
    const dir = copyMigrations();
    const broken = path.join(dir, "29990101000000_broken");
    cpSync(path.join(dir, migrationNames[0]!), broken, { recursive: true });
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT no_such_function();\n`);
    await withScratchDatabase(async ({ connect }) => {
      const sql = await connect();
      await expect(applyMigrations(sql, dir)).rejects.toThrow(/Migration 29990101000000_broken failed: .*no_such_function/);
      const halfDone = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'half_done'`);
      expect(halfDone[0]?.n).toBe(0);
      const recorded = await sql.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations ORDER BY 1`);
      expect(recorded.map((r) => r.migration_name)).toEqual(migrationNames);
      await sql.close();
    });
  });

  it("re-indexes papers stored before the indexed-text migration: their TeX and accented words are found", async () => {
    // The migrations up to the one before 20261204130000_search_indexed_text, then papers as an
    // older version stored them, then the rest: the same path as an existing installation.
    const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-migrations-"));
    const TEXT_MIGRATION = "20261204130000_search_indexed_text";
    for (const name of migrationNames.filter((n) => n < TEXT_MIGRATION)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    await withScratchDatabase(async ({ connect }) => {
      const sql = await connect();
      await applyMigrations(sql, dir);
      await sql.query(
        `INSERT INTO papers (id, title, abstract, authors, published_at, updated_at, listed_on, categories, keywords, source)
         VALUES ($1, $2, $3, ARRAY['Ana Silva'], now(), now(), '2026-11-20', ARRAY['cond-mat.mes-hall'], ARRAY[]::text[], 'arxiv_api'),
                ('2611.00902', 'Plain title', 'Plain abstract.', ARRAY['Kofi Okafor'], now(), now(), '2026-11-20', ARRAY['cs.LG'], ARRAY[]::text[], 'arxiv_api')`,
        ["2611.00901", `Landauer-B\\"uttiker transport`, `We extend the Poincar\\'e map \\emph{exactly}.`],
      );
      const found = async (words: string) =>
        (await sql.query<{ id: string }>(`SELECT id FROM papers WHERE search_vector @@ plainto_tsquery('english', $1) ORDER BY id`, [words])).map((r) => r.id);
      expect(await found("Büttiker")).toEqual([]);

      for (const name of migrationNames.filter((n) => n >= TEXT_MIGRATION)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
      const report = await applyMigrations(sql, dir);
      expect(report.applied[0]).toBe(TEXT_MIGRATION);
      for (const words of ["Büttiker", "Buttiker", "buttiker", "Landauer-Büttiker", "Poincaré", "Poincare", "exactly"]) expect(await found(words), words).toEqual(["2611.00901"]);
      expect(await found("plain")).toEqual(["2611.00902"]);
      const rows = await sql.query<{ id: string; title: string; title_search_text: string | null; abstract_search_text: string | null }>(
        `SELECT id, title, title_search_text, abstract_search_text FROM papers ORDER BY id`,
      );
      // The source is kept; only the paper with TeX has a derived text.
      expect(rows).toEqual([
        { id: "2611.00901", title: `Landauer-B\\"uttiker transport`, title_search_text: "Landauer-Büttiker transport\n\nLandauer-Buttiker", abstract_search_text: "We extend the Poincaré map exactly.\n\nPoincare" },
        { id: "2611.00902", title: "Plain title", title_search_text: null, abstract_search_text: null },
      ]);
      await sql.close();
    });
  });

  it("warns when an applied migration was edited afterwards", async () => {
    const dir = copyMigrations();
    await withScratchDatabase(async ({ connect }) => {
      const sql = await connect();
      await applyMigrations(sql, dir);
      const file = path.join(dir, migrationNames[0]!, "migration.sql");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited\n`);
      const report = await applyMigrations(sql, dir);
      expect(report.warnings).toEqual([`Migration ${migrationNames[0]} was edited after it was applied (checksum differs).`]);
      await sql.close();
    });
  });
});

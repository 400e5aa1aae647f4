import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { syntheticHfDailyPapers } from "@/bench/lib/synthetic-hf-papers";
import { createFaultDatabase, dropFaultDatabase, runIngestCli, type ScenarioResult, type SuiteContext, withClient } from "./lib/harness";
import { seededRandom, sleep } from "./lib/processes";

// Ingest killed mid-import: `npm run ingest -- <files>` (synthetic Hugging Face payloads) is
// SIGKILLed at random moments, then run again to the end. The result must equal a clean
// import of the same files into a second database, paper for paper (every field, the tag
// links, the denormalised tag_slugs, snapshots, tags and search-word counts): no duplicate
// and no half-written paper. Each batch is one transaction (lib/ingest/upsert.ts), so a
// kill can only leave whole batches behind.

interface Fingerprint {
  papers: number;
  paperHashes: Map<string, string>;
  tagLinks: string;
  tags: string;
  snapshots: string;
  searchWords: string;
  /** Papers whose tag_slugs disagree with their paper_tags rows. */
  tagMismatches: number;
  /** Papers missing a title, abstract, author, or search vector. */
  incomplete: number;
  runs: Record<string, number>;
}

async function fingerprint(url: string): Promise<Fingerprint> {
  return withClient(url, async (client) => {
    const one = async (sql: string) => (await client.query<{ v: string | null }>(sql)).rows[0]?.v ?? "";
    const papers = await client.query<{ id: string; h: string }>(`SELECT id, md5((to_jsonb(p) - 'created_at' - 'modified_at')::text) AS h FROM papers p ORDER BY id`);
    const runs = await client.query<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM ingest_runs GROUP BY status`);
    return {
      papers: papers.rows.length,
      paperHashes: new Map(papers.rows.map((r) => [r.id, r.h])),
      tagLinks: await one(`SELECT md5(string_agg(pt.paper_id || ':' || t.slug, ',' ORDER BY pt.paper_id, t.slug)) AS v FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id`),
      tags: await one(`SELECT md5(string_agg(slug || '|' || name || '|' || kind::text || '|' || coalesce(description, ''), ',' ORDER BY slug)) AS v FROM tags`),
      snapshots: await one(`SELECT md5(string_agg(to_jsonb(s)::text, ',' ORDER BY paper_id, day)) AS v FROM paper_snapshots s`),
      searchWords: await one(`SELECT md5(string_agg(word || ':' || ndoc, ',' ORDER BY word)) AS v FROM search_words`),
      tagMismatches: Number(
        await one(`SELECT count(*)::text AS v FROM papers p
          WHERE (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(p.tag_slugs) x)
             IS DISTINCT FROM (SELECT coalesce(array_agg(t.slug::text ORDER BY t.slug), '{}') FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.paper_id = p.id)`),
      ),
      incomplete: Number(await one(`SELECT count(*)::text AS v FROM papers WHERE title = '' OR abstract = '' OR cardinality(authors) = 0 OR search_vector IS NULL`)),
      runs: Object.fromEntries(runs.rows.map((r) => [r.status, r.n])),
    };
  });
}

export async function ingestKill(ctx: SuiteContext, size: { papers: number; perFile: number; kills: number }): Promise<ScenarioResult> {
  const started = Date.now();
  const random = seededRandom(ctx.seed + 5);
  const violations: string[] = [];
  const notes: string[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-faults-ingest-"));
  const logFile = path.join(ctx.logDir, "ingest-kill.log");
  let kills = 0;
  let passed = false;
  try {
    const files: string[] = [];
    for (let offset = 0, day = 0; offset < size.papers; offset += size.perFile, day += 1) {
      const date = new Date(Date.UTC(2026, 5, 1 + day)).toISOString().slice(0, 10);
      const file = path.join(dir, `hf-${date}.json`);
      writeFileSync(file, JSON.stringify(syntheticHfDailyPapers({ count: Math.min(size.perFile, size.papers - offset), day: date, seed: ctx.seed + day, firstNumber: 10_000 + offset })));
      files.push(file);
    }
    const controlUrl = await createFaultDatabase(ctx, "paperpulse_faults_ingest_control");
    const controlStarted = Date.now();
    const control = await runIngestCli(controlUrl, files, logFile).done;
    const controlMs = Date.now() - controlStarted;
    if (control.code !== 0) throw new Error(`the clean import failed (exit ${control.code}): ${control.output.slice(-400)}`);
    notes.push(`${size.papers} papers in ${files.length} files; a clean import takes ${(controlMs / 1000).toFixed(1)} s`);

    const url = await createFaultDatabase(ctx, "paperpulse_faults_ingest");
    const moments: string[] = [];
    const countPapers = () => withClient(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM papers`)).rows[0]!.n);
    for (let k = 0; k < size.kills; k += 1) {
      // A random point of the import: once a random share (10-60 %) of the papers still to
      // come has landed, plus a random moment (batches of 500 land whole, two at a time, so
      // the kill meets one or two batches mid-transaction).
      const before = await countPapers();
      const target = before + Math.floor((0.1 + random() * 0.5) * (size.papers - before));
      const { done, pid } = runIngestCli(url, files, logFile);
      let finished = false;
      void done.then(() => (finished = true));
      while (!finished && (await countPapers()) < target) await sleep(25);
      await sleep(Math.floor(random() * 100));
      if (finished) {
        // A kill that missed tests nothing: that is a failure of the scenario, not a pass.
        violations.push(`kill ${k + 1} came too late: the import had finished`);
        continue;
      }
      process.kill(-pid, "SIGKILL");
      const result = await done;
      if (result.signal !== "SIGKILL") notes.push(`kill ${k + 1}: the import ended by itself (exit ${result.code})`);
      else kills += 1;
      moments.push(`${await countPapers()} of ${size.papers} papers in`);
    }
    notes.push(`killed at ${moments.join(", ")}`);
    const rerun = await runIngestCli(url, files, logFile).done;
    if (rerun.code !== 0) violations.push(`the re-run failed (exit ${rerun.code}): ${rerun.output.slice(-300)}`);
    notes.push(`re-run: ${rerun.output.trim().split("\n").at(-1)}`);

    const [expected, actual] = await Promise.all([fingerprint(controlUrl), fingerprint(url)]);
    if (actual.papers !== size.papers) violations.push(`${actual.papers} papers after the re-run, expected ${size.papers}`);
    let differing = 0;
    for (const [id, hash] of expected.paperHashes) if (actual.paperHashes.get(id) !== hash) differing += 1;
    if (differing > 0) violations.push(`${differing} papers differ from a clean import`);
    for (const key of ["tagLinks", "tags", "snapshots", "searchWords"] as const) {
      if (expected[key] !== actual[key]) violations.push(`${key} differ from a clean import`);
    }
    if (actual.tagMismatches > 0) violations.push(`${actual.tagMismatches} papers have tag_slugs that disagree with their tag links`);
    if (actual.incomplete > 0) violations.push(`${actual.incomplete} papers are missing a title, abstract, author or search vector`);
    if (expected.tagMismatches + expected.incomplete > 0) violations.push("the clean import itself has inconsistent papers");
    notes.push(`ingest runs after the kills: ${Object.entries(actual.runs).map(([s, n]) => `${n} ${s}`).join(", ")}`);
    passed = violations.length === 0;
    if (passed) {
      await dropFaultDatabase(ctx, "paperpulse_faults_ingest");
      await dropFaultDatabase(ctx, "paperpulse_faults_ingest_control");
    } else notes.push("databases paperpulse_faults_ingest and paperpulse_faults_ingest_control kept for inspection");
  } catch (error) {
    violations.push(`scenario aborted: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: "ingest-kill", passed, violations, kills, faultsInjected: kills, messages: 0, lost: 0, duplicated: 0, uncertain: 0, seconds: (Date.now() - started) / 1000, notes };
}

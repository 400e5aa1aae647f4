// npm run bench:ingest [-- --papers 10000 --per-file 2000]
// Imports synthetic papers in the real Hugging Face daily-papers JSON shape (see
// bench/lib/synthetic-hf-papers.ts) into the PostgreSQL database at DATABASE_URL through the
// path `npm run ingest` takes (lib/ingest/import-payload.ts: read, detect, parse, upsert,
// tag, snapshot, run record), then imports the same files again. Prints the seconds and
// papers per second of both. It empties the paper tables first: use a database of its own,
// e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/paperpulse_bench_ingest.
// Payloads are capped at 20 MB each (MAX_PAYLOAD_BYTES), so the papers are spread over
// files of --per-file papers, one HF day each, as real HF data is.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = "error";

const { values } = parseArgs({
  options: {
    papers: { type: "string", default: "10000" },
    "per-file": { type: "string", default: "2000" },
  },
});
const total = Number(values.papers);
const perFile = Number(values["per-file"]);
if (!Number.isInteger(total) || total < 1 || !Number.isInteger(perFile) || perFile < 1) throw new Error("--papers and --per-file must be positive whole numbers");
if (!process.env.DATABASE_URL) {
  console.error("bench:ingest needs DATABASE_URL (a PostgreSQL database of its own). Example: DATABASE_URL=postgres://postgres@127.0.0.1:5432/paperpulse_bench_ingest");
  process.exit(1);
}

const { closeDb, withSqlSession } = await import("@/lib/db");
const { importPayload, payloadTarget } = await import("@/lib/ingest/import-payload");
const { syntheticHfDailyPapers } = await import("./lib/synthetic-hf-papers");

async function importAll(files: string[]): Promise<{ seconds: number; new: number; updated: number; unchanged: number; failed: number }> {
  const started = performance.now();
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const file of files) {
    const summary = await importPayload(payloadTarget(file), { trigger: "bench", today: "2026-06-20" });
    if (summary.status === "failed") throw new Error(`${file}: ${summary.errors[0]?.message}`);
    for (const key of ["new", "updated", "unchanged", "failed"] as const) counts[key] += summary[key];
  }
  return { seconds: (performance.now() - started) / 1000, ...counts };
}

const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-bench-ingest-"));
try {
  const files: string[] = [];
  let bytes = 0;
  for (let offset = 0, day = 0; offset < total; offset += perFile, day += 1) {
    const date = new Date(Date.UTC(2026, 5, 1 + day)).toISOString().slice(0, 10);
    const body = JSON.stringify(syntheticHfDailyPapers({ count: Math.min(perFile, total - offset), day: date, seed: 7 + day, firstNumber: 10_000 + offset }));
    const file = path.join(dir, `hf-${String(day).padStart(3, "0")}.json`);
    writeFileSync(file, body);
    bytes += Buffer.byteLength(body);
    files.push(file);
  }

  await withSqlSession((sql) => sql.exec("TRUNCATE papers, paper_tags, paper_snapshots, tags, ingest_runs RESTART IDENTITY CASCADE"));
  console.log(`${total.toLocaleString("en-US")} papers in ${files.length} HF JSON files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
  for (const [label, run] of [["first import", await importAll(files)], ["re-import", await importAll(files)]] as const) {
    console.log(
      `${label.padEnd(13)} ${run.seconds.toFixed(2)} s  ${Math.round(total / run.seconds).toLocaleString("en-US")} papers/s  (${run.new} new, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed} failed)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
}

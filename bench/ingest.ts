// npm run bench:ingest [-- --papers 10000 --per-file 2000]
// Imports synthetic papers in the real Hugging Face daily-papers JSON shape (see
// bench/lib/synthetic-hf-papers.ts) into the PostgreSQL database at DATABASE_URL through the
// path `npm run ingest` takes (lib/ingest/import-payload.ts: read, detect, parse, upsert,
// tag, snapshot, run record), then imports the same files again. Prints the seconds and
// papers per second of both. It empties the paper tables first: use a database of its own,
// e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/paperpulse_bench_ingest.
// Payloads are capped at 20 MB each (MAX_PAYLOAD_BYTES), so the papers are spread over
// files of --per-file papers, one HF day each, as real HF data is.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * CPU seconds of the PostgreSQL backends serving this database (Linux, server on this
 * machine; null otherwise). On a shared machine the wall time depends on everyone else's
 * load; the CPU time of this import's own processes much less.
 */
function backendCpuSeconds(database: string): number | null {
  let total = 0;
  let found = false;
  for (const pid of readdirSafe("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = readSafe(`/proc/${pid}/cmdline`);
    if (!cmdline?.startsWith("postgres: ") || !cmdline.includes(` ${database} `)) continue;
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command: utime, stime in clock ticks.
    const fields = readSafe(`/proc/${pid}/stat`)?.split(") ")[1]?.split(" ");
    if (!fields) continue;
    total += (Number(fields[11]) + Number(fields[12])) / 100;
    found = true;
  }
  return found ? total : null;
}

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** A process may exit between listing and reading: that is not an error here. */
function readSafe(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ESRCH") return null;
    throw error;
  }
}

const database = new URL(process.env.DATABASE_URL).pathname.slice(1);

async function importAll(files: string[]): Promise<{ seconds: number; nodeCpu: number; dbCpu: number | null; new: number; updated: number; unchanged: number; failed: number }> {
  const cpuBefore = process.cpuUsage();
  const dbBefore = backendCpuSeconds(database);
  const started = performance.now();
  const counts = { new: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const file of files) {
    const summary = await importPayload(payloadTarget(file), { trigger: "bench", today: "2026-06-20" });
    if (summary.status === "failed") throw new Error(`${file}: ${summary.errors[0]?.message}`);
    for (const key of ["new", "updated", "unchanged", "failed"] as const) counts[key] += summary[key];
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const dbAfter = backendCpuSeconds(database);
  return { seconds, nodeCpu: (cpu.user + cpu.system) / 1e6, dbCpu: dbAfter === null ? null : dbAfter - (dbBefore ?? 0), ...counts };
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
  console.log(`${total.toLocaleString("en-US")} papers in ${files.length} HF JSON files, ${(bytes / 1024 / 1024).toFixed(1)} MB · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  for (const [label, run] of [["first import", await importAll(files)], ["re-import", await importAll(files)]] as const) {
    console.log(
      `${label.padEnd(13)} ${run.seconds.toFixed(2)} s  ${Math.round(total / run.seconds).toLocaleString("en-US")} papers/s  (${run.new} new, ${run.updated} updated, ${run.unchanged} unchanged, ${run.failed} failed)` +
        `  CPU: Node ${run.nodeCpu.toFixed(2)} s, PostgreSQL ${run.dbCpu === null ? "n/a" : `${run.dbCpu.toFixed(2)} s`}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
}

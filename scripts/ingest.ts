// npm run ingest -- <file-or-url>...: imports saved Hugging Face daily papers JSON, arXiv
// API (Atom) or arXiv RSS (RSS 2.0 or Atom) payloads, detecting the format of each. One ingest run per file.
// Shows a progress bar on a terminal, plain lines otherwise, and ends with the line
// "N new, N updated, N unchanged, N failed". Exits 1 when a file could not be imported at
// all, 2 on bad usage. On the embedded database the web server must be stopped (it owns
// the data folder); with PostgreSQL the running server is told to refresh its cache.
import path from "node:path";
import { SingleBar } from "cli-progress";

// Before lib/log is loaded: the CLI prints its own report, JSON logs would only clutter it.
if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = "error";

const { closeDb } = await import("@/lib/db");
const { EmbeddedDatabaseBusyError } = await import("@/lib/db/embedded-lock");
const { importPayload, payloadTarget } = await import("@/lib/ingest/import-payload");
const { describeErrorItem } = await import("@/lib/ingest/ingest-runs");
const { notifyRunningServer } = await import("@/lib/ingest/notify-server");
const { mergeChanges } = await import("@/lib/ingest/scheduled-ingest");
type Summary = Awaited<ReturnType<typeof importPayload>>;

const ERRORS_PRINTED = 10;
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const interactive = process.stderr.isTTY === true;

if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
  console.error("Usage: npm run ingest -- <file-or-url>...\n  Imports Hugging Face daily papers JSON, arXiv API Atom or arXiv RSS (rss.arxiv.org/rss or /atom) payloads (format detected per file).");
  process.exit(args.length === 0 ? 2 : 0);
}

function describeCounts(s: Pick<Summary, "new" | "updated" | "unchanged" | "failed">): string {
  return `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
}

/** "hf.json" for a file, the last 40 characters of a URL. */
function barLabel(argument: string): string {
  return /^https?:\/\//i.test(argument) ? argument.slice(-40) : path.basename(argument);
}

async function importOne(argument: string): Promise<Summary> {
  const target = payloadTarget(argument);
  const bar = interactive
    ? new SingleBar({ format: `${barLabel(argument)} [{bar}] {value}/{total} papers`, hideCursor: true, clearOnComplete: true, stream: process.stderr })
    : null;
  let started = false;
  let lastLine = 0;
  try {
    return await importPayload(target, {
      trigger: "cli",
      onProgress: (done, total) => {
        if (total === 0) return;
        if (bar) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        } else if (total > done && done - lastLine >= 1000) {
          // Plain progress for logs and pipes: a line per thousand papers of a big file.
          lastLine = done;
          console.log(`${argument}: ${done}/${total} papers`);
        }
      },
    });
  } finally {
    if (started) bar?.stop();
  }
}

function report(argument: string, summary: Summary): void {
  const mark = summary.status === "failed" ? "✗" : summary.status === "partial" ? "!" : "✓";
  const extras = [
    summary.format ?? "unknown format",
    `${(summary.durationMs / 1000).toFixed(1)} s`,
    summary.skipped > 0 ? `${summary.skipped} replacements of papers not in PaperPulse skipped` : null,
    summary.demoRemoved > 0 ? `${summary.demoRemoved} demo papers removed` : null,
  ].filter((part): part is string => part !== null);
  console.log(`${mark} ${argument}: ${describeCounts(summary)} (${extras.join(", ")})`);
  for (const error of summary.errors.slice(0, ERRORS_PRINTED)) {
    const item = error.index === undefined ? "" : describeErrorItem(error);
    const where = item ? `${item}: ` : "";
    console.log(`    ${where}${error.message}`);
  }
  if (summary.failed > ERRORS_PRINTED) console.log(`    … ${summary.failed - ERRORS_PRINTED} more; run ${summary.runId} in ingest_runs keeps up to 200`);
}

async function main(): Promise<number> {
  const summaries: Summary[] = [];
  let filesFailed = 0;
  for (const argument of args) {
    const summary = await importOne(argument);
    report(argument, summary);
    summaries.push(summary);
    if (summary.status === "failed") filesFailed += 1;
  }
  const notified = await notifyRunningServer(mergeChanges(summaries.map((s) => s.changes)));
  if (!notified.notified) console.log(notified.message);
  if (filesFailed > 0) console.log(`${filesFailed} of ${args.length} ${args.length === 1 ? "file" : "files"} could not be imported.`);
  const total = (key: "new" | "updated" | "unchanged" | "failed") => summaries.reduce((sum, s) => sum + s[key], 0);
  console.log(describeCounts({ new: total("new"), updated: total("updated"), unchanged: total("unchanged"), failed: total("failed") }));
  return filesFailed > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof EmbeddedDatabaseBusyError) {
    console.error(`Cannot import now: ${error.message}`);
  } else {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
} finally {
  await closeDb();
}

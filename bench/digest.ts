// npm run bench:digest -- [--subscribers 100000] [--workers 2] [--papers 20000] [--seed 7] [--profile dir]
// Sends one digest run (daily and weekly) to synthetic active subscribers with mixed topics
// and frequencies, through `npm run worker` processes, to a local SMTP sink that accepts and
// discards (bench/lib/smtp-sink.ts, its own process). Prints the total time, messages per
// second and the time per stage (fan-out, select, render, send).
//
// Needs DATABASE_URL (PostgreSQL). It empties the subscriber and digest tables of that
// database; papers come from `npm run bench:seed`, run first when fewer than --papers exist.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { runnerForPgClient } from "@/lib/db/sql-runner";
import { TOPICS } from "./lib/synthetic-corpus";
import { createSeededRandom } from "@/lib/seeded-random";

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "100000" },
    workers: { type: "string", default: "2" },
    papers: { type: "string", default: "20000" },
    seed: { type: "string", default: "7" },
    "pool-size": { type: "string", default: "10" },
    concurrency: { type: "string", default: "2" },
    /** Write a V8 CPU profile of each worker process into this folder. */
    profile: { type: "string" },

  },
});

const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("bench:digest needs DATABASE_URL (a PostgreSQL server), e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/paperpulse_bench");
  process.exit(1);
}
const benchDatabase = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
const SUBSCRIBERS = Number(values.subscribers);
const WORKERS = Number(values.workers);
const APP_URL = "https://paperpulse.example";

/** Seeded, so two runs send the same digests. */
const random = createSeededRandom;

/** 40 % all topics, then one to three topics, popular ones more often (Zipf-like). */
function topicsFor(next: () => number): string[] {
  const r = next();
  const count = r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(TOPICS[Math.floor(TOPICS.length * next() ** 2)]!.slug);
  return [...chosen].sort();
}

async function seedSubscribers(client: pg.Client): Promise<{ daily: number; weekly: number; distinctTopicSets: number }> {
  await client.query("TRUNCATE subscribers, digest_runs, digest_deliveries, digest_delivery_papers CASCADE");
  const next = random(Number(values.seed));
  const sets = new Set<string>();
  let daily = 0;
  for (let start = 0; start < SUBSCRIBERS; start += 10_000) {
    const emails: string[] = [];
    const frequencies: string[] = [];
    const topics: string[] = [];
    const ages: number[] = [];
    for (let i = start; i < Math.min(SUBSCRIBERS, start + 10_000); i += 1) {
      emails.push(`reader${i}@bench.example`);
      const weekly = next() < 0.3;
      frequencies.push(weekly ? "weekly" : "daily");
      if (!weekly) daily += 1;
      const chosen = topicsFor(next);
      sets.add(chosen.join(","));
      topics.push(chosen.join(","));
      ages.push(1 + Math.floor(next() * 90));
    }
    await client.query(
      `INSERT INTO subscribers (id, email, status, frequency, topics, confirmed_at, created_at, updated_at)
       SELECT gen_random_uuid(), e, 'active', f::"DigestFrequency", CASE WHEN t = '' THEN ARRAY[]::text[] ELSE string_to_array(t, ',') END,
              now() - make_interval(days => a), now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS x(e, f, t, a)`,
      [emails, frequencies, topics, ages],
    );
  }
  await client.query("VACUUM ANALYZE subscribers");
  return { daily, weekly: SUBSCRIBERS - daily, distinctTopicSets: sets.size };
}

function startSink(): Promise<{ child: ChildProcess; port: number; count: () => number; bytes: () => number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/lib/smtp-sink.ts"], { cwd: root, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
    let count = 0;
    let bytes = 0;
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const [word, value] = line.split(" ");
        if (word === "PORT") resolve({ child, port: Number(value), count: () => count, bytes: () => bytes });
        if (word === "COUNT") count = Number(value);
        if (word === "BYTES") bytes = Number(value);
      }
    });
    child.on("error", reject);
  });
}

function startWorker(smtpPort: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const profile = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values.profile)}`] : [];
    const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/worker.ts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        SCHEDULER: "off",
        APP_URL,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SMTP_POOL_SIZE: values["pool-size"],
        DIGEST_CONCURRENCY: values.concurrency,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes("worker process ready")) resolve(child);
      for (const line of text.split("\n")) if (/"level":(40|50|60)/.test(line)) process.stderr.write(`[worker] ${line}\n`);
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Server-wide WAL counters (PostgreSQL 14+), or null where pg_stat_wal is missing. */
async function walStats(client: pg.Client): Promise<{ bytes: number; fpi: number } | null> {
  try {
    const row = (await client.query<{ bytes: string; fpi: string }>("SELECT wal_bytes::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal")).rows[0];
    return row ? { bytes: Number(row.bytes), fpi: Number(row.fpi) } : null;
  } catch (error) {
    console.warn(`pg_stat_wal is not available: ${(error as Error).message}`);
    return null;
  }
}

/** CPU seconds a process has used (Linux /proc), or null elsewhere. */
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
}

/**
 * CPU seconds used so far by PostgreSQL server processes on this machine (Linux /proc): all of
 * them, and the backends serving this benchmark's database (their title names it), which is
 * the figure to trust while other work uses the same server.
 */
function postgresCpuSeconds(database: string): { all: number; bench: number } | null {
  if (!existsSync("/proc")) return null;
  let all = 0;
  let bench = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.replace(/^.*\) /, "").split(" ");
      const cpu = (Number(fields[11]) + Number(fields[12])) / 100;
      all += cpu;
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(` ${database} `)) bench += cpu;
    } catch (error) {
      // A process that exited between readdir and read is simply not counted.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return { all, bench };
}

/** CPU seconds the whole machine has spent busy (Linux /proc/stat), or null elsewhere. */
function machineBusySeconds(): number | null {
  if (!existsSync("/proc/stat")) return null;
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / 100;
}

async function main() {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  await applyMigrations(runnerForPgClient(client));

  const papers = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM papers WHERE listed_on >= current_date - 35")).rows[0]?.n ?? 0);
  if (papers < Number(values.papers) / 2) {
    console.log(`Only ${papers} recent papers: running npm run bench:seed -- --papers ${values.papers}`);
    const seeded = spawnSync("npm", ["run", "bench:seed", "--", "--papers", values.papers], { cwd: root, stdio: "inherit", env: process.env });
    if (seeded.status !== 0) throw new Error("bench:seed failed");
  }
  const recent = (await client.query<{ n: string }>("SELECT count(*) AS n FROM papers WHERE listed_on >= current_date - 35")).rows[0]?.n;

  let started = Date.now();
  const population = await seedSubscribers(client);
  console.log(`Seeded ${SUBSCRIBERS.toLocaleString("en-US")} subscribers (${population.daily} daily, ${population.weekly} weekly, ${population.distinctTopicSets} distinct topic sets) in ${seconds(Date.now() - started)}; ${recent} papers in the last 35 days.`);
  // Chunk jobs of earlier benchmark runs would only confuse the stage figures.
  const queueTable = (await client.query<{ table: string | null }>("SELECT to_regclass('pgboss.job')::text AS table")).rows[0]?.table;
  if (queueTable) await client.query("DELETE FROM pgboss.job WHERE name = 'digest-chunk'");

  const sink = await startSink();
  const workers = await Promise.all(Array.from({ length: WORKERS }, () => startWorker(sink.port)));
  console.log(`SMTP sink on port ${sink.port}; ${WORKERS} worker processes; ${os.cpus().length} CPUs.`);

  // The bench process plays the web server: it takes the cron call (the fan-out) and, with
  // --workers 0, sends as well.
  Object.assign(process.env, { APP_URL, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_POOL_SIZE: values["pool-size"], DIGEST_CONCURRENCY: values.concurrency, SCHEDULER: "off", LOG_LEVEL: "warn" });
  const { startDigestRuns } = await import("@/lib/digest/runs");
  const { getQueue, stopQueue } = await import("@/lib/jobs/queue");
  const { closeDb } = await import("@/lib/db");
  if (WORKERS === 0) {
    const { startWorkers } = await import("@/lib/jobs/workers");
    await startWorkers(await getQueue(), { workers: true, schedule: false });
  }

  const walBefore = await walStats(client);
  const cpuBefore = { postgres: postgresCpuSeconds(benchDatabase), machine: machineBusySeconds(), bench: process.cpuUsage(), sink: processCpuSeconds(sink.child.pid), workers: workers.map((w) => processCpuSeconds(w.pid)) };
  started = Date.now();
  const runs = await startDigestRuns({ trigger: "bench", frequencies: ["daily", "weekly"] });
  const fanOutMs = Date.now() - started;
  const runIds = runs.map((r) => r.runId);
  const total = runs.reduce((sum, r) => sum + r.progress.total, 0);
  console.log(`Fan-out: ${runs.map((r) => `${r.key} ${r.progress.total} deliveries in ${r.chunks} chunks`).join(", ")} (${seconds(fanOutMs)})`);

  // Poll the runs' own progress (the workers keep it) rather than counting deliveries: a
  // count over the run every few hundred milliseconds would be a load of its own.
  let lastPrint = 0;
  for (;;) {
    const { rows } = await client.query<{ status: string; sent: number; pending: number; finished: Date | null }>(
      `SELECT status::text, sent_count AS sent, pending_count AS pending, finished_at AS finished FROM digest_runs WHERE id = ANY($1::uuid[])`,
      [runIds],
    );
    if (Date.now() - lastPrint > 10_000) {
      lastPrint = Date.now();
      console.log(`  ${seconds(Date.now() - started)}: ${rows.reduce((n, r) => n + r.sent, 0)} sent (as last recounted), sink has ${sink.count()}`);
    }
    if (rows.every((r) => r.status === "completed")) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const finishedAt = Math.max(...(await client.query<{ finished: Date }>(`SELECT finished_at AS finished FROM digest_runs WHERE id = ANY($1::uuid[])`, [runIds])).rows.map((r) => r.finished.getTime()));
  // From the cron call to the moment the last run was recorded complete.
  const totalMs = finishedAt - started;
  const walAfter = await walStats(client);
  const cpuAfter = { postgres: postgresCpuSeconds(benchDatabase), machine: machineBusySeconds(), bench: process.cpuUsage(cpuBefore.bench), sink: processCpuSeconds(sink.child.pid), workers: workers.map((w) => processCpuSeconds(w.pid)) };
  await new Promise((resolve) => setTimeout(resolve, 300));

  const counts = (await client.query<{ status: string; n: string }>(`SELECT status::text, count(*) AS n FROM digest_deliveries WHERE run_id = ANY($1::uuid[]) GROUP BY status`, [runIds])).rows;
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
  const stages = (
    await client.query<{ chunks: string; selectMs: number; renderMs: number; sendMs: number; recordMs: number }>(
      `SELECT count(*) AS chunks, sum((output->'timings'->>'select')::float8) AS "selectMs", sum((output->'timings'->>'render')::float8) AS "renderMs",
              sum((output->'timings'->>'send')::float8) AS "sendMs", sum((output->'timings'->>'record')::float8) AS "recordMs"
       FROM pgboss.job WHERE name = 'digest-chunk' AND output ? 'timings' AND data->>'runId' = ANY($1::text[])`,
      [runIds],
    )
  ).rows[0]!;
  const sent = byStatus.sent ?? 0;
  const perMessage = (ms: number) => `${(ms / Math.max(1, sent)).toFixed(3)} ms/message`;

  console.log("");
  console.log(`Deliveries:      ${total.toLocaleString("en-US")} (sent ${sent}, skipped ${byStatus.skipped ?? 0}, failed ${byStatus.failed ?? 0}); sink accepted ${sink.count()}`);
  console.log(`Total time:      ${seconds(totalMs)} from the cron call until the runs were recorded complete`);
  console.log(`Throughput:      ${Math.round(sent / (totalMs / 1000))} messages/s`);
  console.log(`Message size:    ${(sink.bytes() / Math.max(1, sink.count()) / 1024).toFixed(1)} KB average as the sink received it`);
  console.log(`Stages:`);
  console.log(`  fan-out        ${seconds(fanOutMs)}: the cron call, run rows and ${total} delivery rows (one transaction per run)`);
  console.log(`  select         ${seconds(stages.selectMs ?? 0)} summed over ${stages.chunks} chunks (${perMessage(stages.selectMs ?? 0)}): choose papers, claim, load`);
  console.log(`  render         ${seconds(stages.renderMs ?? 0)} of CPU (${perMessage(stages.renderMs ?? 0)}): react-email shell and blocks, personal links, MIME`);
  console.log(`  send           ${((stages.sendMs ?? 0) / Math.max(1, sent)).toFixed(1)} ms average SMTP latency per message (${seconds(stages.sendMs ?? 0)} summed over concurrent sends)`);
  console.log(`  record         ${((stages.recordMs ?? 0) / Math.max(1, sent)).toFixed(1)} ms average to record each outcome (${seconds(stages.recordMs ?? 0)} summed)`);

  if (cpuBefore.machine !== null && cpuAfter.machine !== null) {
    const machine = cpuAfter.machine - cpuBefore.machine;
    const sinkCpu = (cpuAfter.sink ?? 0) - (cpuBefore.sink ?? 0);
    const workerCpu = cpuAfter.workers.reduce<number>((sum, after, i) => sum + (after ?? 0) - (cpuBefore.workers[i] ?? 0), 0);
    const benchCpu = (cpuAfter.bench.user + cpuAfter.bench.system) / 1e6;
    const perMessage = (cpu: number) => `${((cpu * 1000) / Math.max(1, sent)).toFixed(2)} ms/message`;
    console.log(`CPU during the run (${os.cpus().length} cores, ${seconds(totalMs)} wall = ${((os.cpus().length * totalMs) / 1000).toFixed(0)} core-seconds):`);
    console.log(`  machine        ${machine.toFixed(1)} s busy`);
    console.log(`  workers        ${workerCpu.toFixed(1)} s (${perMessage(workerCpu)})`);
    console.log(`  SMTP sink      ${sinkCpu.toFixed(1)} s (${perMessage(sinkCpu)})`);
    console.log(`  fan-out + poll ${benchCpu.toFixed(1)} s (this process)`);
    const postgresCpu = cpuAfter.postgres !== null && cpuBefore.postgres !== null ? cpuAfter.postgres.all - cpuBefore.postgres.all : 0;
    const benchBackends = cpuAfter.postgres !== null && cpuBefore.postgres !== null ? cpuAfter.postgres.bench - cpuBefore.postgres.bench : 0;
    console.log(`  PostgreSQL     ${postgresCpu.toFixed(1)} s (every postgres process on the machine); ${benchBackends.toFixed(1)} s (${perMessage(benchBackends)}) in the backends of ${benchDatabase}`);
    console.log(`  the rest       ${(machine - workerCpu - sinkCpu - benchCpu - postgresCpu).toFixed(1)} s (other programs on the machine, the kernel)`);
  }

  if (walBefore && walAfter) {
    const bytes = walAfter.bytes - walBefore.bytes;
    console.log(`PostgreSQL WAL:  ${(bytes / 1e6).toFixed(0)} MB (${((bytes / Math.max(1, sent)) / 1024).toFixed(1)} KB/message), ${walAfter.fpi - walBefore.fpi} full-page images`);
  }

  for (const worker of workers) worker.kill("SIGTERM");
  sink.child.kill("SIGTERM");
  await stopQueue();
  await closeDb();
  await client.end();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

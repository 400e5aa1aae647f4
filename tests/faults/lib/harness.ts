import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { syntheticHfDailyPapers } from "@/bench/lib/synthetic-hf-papers";
import { applyMigrations } from "@/lib/db/migrate";
import { runnerForPgClient } from "@/lib/db/sql-runner";
import { todayUtc } from "@/lib/papers/dates";
import { ManagedProcess, type ProcessSpec, ROOT, sleep, type UnexpectedExit } from "./processes";

// What every fault scenario shares: its own PostgreSQL database (paperpulse_faults_<name>),
// papers and subscribers to send to, a set of app and worker processes, the cron call, and
// the wait for a run to finish.

export interface SuiteContext {
  adminUrl: string;
  seed: number;
  logDir: string;
  basePort: number;
  cronSecret: string;
  /** Terminate every connection to the scenario's database (default), or restart the cluster. */
  dbFault: "terminate" | "restart";
}

export interface FaultEvent {
  at: number;
  what: string;
}

export interface ScenarioResult {
  name: string;
  passed: boolean;
  violations: string[];
  kills: number;
  faultsInjected: number;
  messages: number;
  lost: number;
  duplicated: number;
  uncertain: number;
  seconds: number;
  notes: string[];
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export const PAPERS_TEMPLATE = "paperpulse_faults_template";
let papersTemplate: Promise<void> | undefined;

/**
 * A fresh database for one digest scenario: a copy of a template made once per suite run,
 * migrated and holding today's papers (imported through `npm run ingest`).
 */
export async function createDigestDatabase(ctx: SuiteContext, name: string): Promise<string> {
  papersTemplate ??= (async () => {
    const url = await createFaultDatabase(ctx, PAPERS_TEMPLATE);
    await seedTodayPapers(url, 24, ctx.seed);
  })();
  await papersTemplate;
  return createFaultDatabase(ctx, name, PAPERS_TEMPLATE);
}

/** A fresh, migrated database (or a copy of `template`). */
export async function createFaultDatabase(ctx: SuiteContext, name: string, template?: string): Promise<string> {
  const admin = new pg.Client(ctx.adminUrl);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(ctx.adminUrl, name);
  if (template) return url;
  const client = new pg.Client(url);
  await client.connect();
  try {
    await applyMigrations(runnerForPgClient(client));
  } finally {
    await client.end();
  }
  return url;
}

export async function dropFaultDatabase(ctx: SuiteContext, name: string): Promise<void> {
  const admin = new pg.Client(ctx.adminUrl);
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs `npm run ingest -- <files>` to the end; resolves with its exit code and output. */
export function runIngestCli(url: string, files: string[], logFile?: string): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>; pid: number } {
  const child = spawn("npm", ["run", "--silent", "ingest", "--", ...files], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error", NODE_ENV: "production", DATABASE_POOL_SIZE: "4" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("exit", (code, signal) => {
      if (logFile) writeFileSync(logFile, output, { flag: "a" });
      resolve({ code, signal, output });
    }),
  );
  return { done, pid: child.pid! };
}

/** Today's papers through the real importer, so digests have something to say. */
export async function seedTodayPapers(url: string, count: number, seed: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "paperpulse-faults-papers-"));
  try {
    const file = path.join(dir, "today.json");
    writeFileSync(file, JSON.stringify(syntheticHfDailyPapers({ count, day: todayUtc(), seed, firstNumber: 20_000 })));
    const { done } = runIngestCli(url, [file]);
    const result = await done;
    if (result.code !== 0) throw new Error(`seeding papers failed (exit ${result.code}): ${result.output.slice(-500)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SeededSubscribers {
  due: number;
  /** Addresses that must receive nothing (unsubscribed, never confirmed). */
  notDue: string[];
}

/**
 * `due` active daily subscribers (all topics, confirmed an hour ago), plus 1 % unsubscribed
 * and 1 % still pending, who must get nothing.
 */
export async function seedSubscribers(url: string, due: number, prefix: string): Promise<SeededSubscribers> {
  const others = Math.max(2, Math.round(due / 100));
  return withClient(url, async (client) => {
    await client.query(
      `INSERT INTO subscribers (id, email, status, frequency, topics, confirmed_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1 || i || '@example.org', 'active', 'daily', '{}', now() - interval '1 hour', now(), now()
       FROM generate_series(1, $2::int) AS i`,
      [prefix, due],
    );
    const gone = await client.query<{ email: string }>(
      `INSERT INTO subscribers (id, email, status, frequency, topics, confirmed_at, unsubscribed_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1 || 'gone' || i || '@example.org', 'unsubscribed', 'daily', '{}', now() - interval '2 days', now() - interval '1 day', now(), now()
       FROM generate_series(1, $2::int) AS i RETURNING email`,
      [prefix, others],
    );
    const pending = await client.query<{ email: string }>(
      `INSERT INTO subscribers (id, email, status, frequency, topics, confirm_nonce, confirm_expires_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1 || 'pending' || i || '@example.org', 'pending', 'daily', '{}', md5(i::text), now() + interval '7 days', now(), now()
       FROM generate_series(1, $2::int) AS i RETURNING email`,
      [prefix, others],
    );
    return { due, notDue: [...gone.rows, ...pending.rows].map((r) => r.email) };
  });
}

export interface ClusterOptions {
  ctx: SuiteContext;
  scenario: string;
  databaseUrl: string;
  smtpUrl: string;
  apps: number;
  workers: number;
  workersInApp: boolean;
  /** Digest settings for every process (chunk size, pool size, …). */
  env?: Record<string, string>;
}

/** nodemailer takes options from the URL's query: `name` is the EHLO name, so the server can tell who sent each message. */
function senderUrl(smtpUrl: string, processName: string): string {
  return `${smtpUrl}/?name=${processName}.faults.test`;
}

/** The app instances and worker processes of one scenario, on one database and one mail server. */
export class Cluster {
  readonly apps: ManagedProcess[] = [];
  readonly workers: ManagedProcess[] = [];
  readonly unexpectedExits: UnexpectedExit[] = [];
  readonly events: FaultEvent[] = [];
  kills = 0;

  constructor(private readonly options: ClusterOptions) {
    const { ctx } = options;
    const common: Record<string, string> = {
      DATABASE_URL: options.databaseUrl,
      DATABASE_POOL_SIZE: "4",
      SMTP_URL: options.smtpUrl,
      SMTP_FROM: "PaperPulse Faults <digest@paperpulse.faults.test>",
      APP_URL: "http://paperpulse.faults.test",
      CRON_SECRET: ctx.cronSecret,
      APP_SECRET: "fault-suite-signing-secret-0123456789abcdef",
      SCHEDULER: "off",
      SEED_FROM_HF: "false",
      LOG_LEVEL: "info",
      DIGEST_RETRY_DELAY_SECONDS: "1",
      ...options.env,
    };
    const logDir = path.join(ctx.logDir, options.scenario);
    for (let i = 0; i < options.apps; i += 1) {
      const port = ctx.basePort + i;
      const spec: ProcessSpec = { name: `app-${i + 1}`, kind: "app", port, env: { ...common, PORT: String(port), WORKERS_IN_APP: String(options.workersInApp), SMTP_URL: senderUrl(options.smtpUrl, `app-${i + 1}`) } };
      this.apps.push(new ManagedProcess(spec, logDir, this.unexpectedExits));
    }
    for (let i = 0; i < options.workers; i += 1) {
      this.workers.push(new ManagedProcess({ name: `worker-${i + 1}`, kind: "worker", env: { ...common, SMTP_URL: senderUrl(options.smtpUrl, `worker-${i + 1}`) } }, logDir, this.unexpectedExits));
    }
  }

  get all(): ManagedProcess[] {
    return [...this.apps, ...this.workers];
  }

  async start(): Promise<void> {
    for (const p of this.all) p.start();
    await Promise.all(this.all.map((p) => p.ready));
  }

  async kill(p: ManagedProcess): Promise<void> {
    this.events.push({ at: Date.now(), what: `SIGKILL ${p.name}` });
    await p.kill();
    this.kills += 1;
  }

  /** POST /api/cron/digest?frequency=daily on an app, as a scheduler would. */
  async fireCron(app: ManagedProcess): Promise<CronAnswer> {
    const response = await fetch(`http://127.0.0.1:${app.spec.port}/api/cron/digest?frequency=daily`, {
      method: "POST",
      headers: { authorization: `Bearer ${this.options.ctx.cronSecret}` },
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await response.json()) as { runs?: CronRun[] };
    return { status: response.status, runs: body.runs ?? [] };
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((p) => p.stop()));
    for (const p of this.all) p.close();
  }
}

export interface CronRun {
  key: string;
  runId: string;
  created: boolean;
  status: string;
}

export interface CronAnswer {
  status: number;
  runs: CronRun[];
}

export interface RunRow {
  id: string;
  status: string;
  total_count: number;
  sent_count: number;
  failed_count: number;
  pending_count: number;
}

export async function listRuns(url: string): Promise<RunRow[]> {
  return withClient(url, async (client) => (await client.query<RunRow>(`SELECT id, status::text, total_count, sent_count, failed_count, pending_count FROM digest_runs ORDER BY started_at`)).rows);
}

/** Waits until every delivery of the run is terminal and the run says completed. */
export async function waitForRunDone(url: string, timeoutMs: number, onTick?: () => Promise<void>): Promise<RunRow | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const runs = await withClient(url, async (client) =>
      (await client.query<RunRow & { open: number }>(
        `SELECT r.id, r.status::text, r.total_count, r.sent_count, r.failed_count, r.pending_count,
                (SELECT count(*)::int FROM digest_deliveries d WHERE d.run_id = r.id AND d.status IN ('pending', 'sending')) AS open
         FROM digest_runs r WHERE r.frequency = 'daily'`,
      )).rows,
    ).catch((error: unknown) => {
      // The database may be down for a moment in the restart scenario: ask again.
      if (error instanceof Error && /terminat|ECONNREFUSED|starting up|shutting down|Connection terminated/i.test(error.message)) return [];
      throw error;
    });
    const run = runs[0];
    if (run && run.open === 0 && run.status === "completed") return run;
    await onTick?.();
    await sleep(500);
  }
  return null;
}

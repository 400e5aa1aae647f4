// The one way benchmarks start the app: PaperPulse's own server (`npm run start:server`,
// scripts/server.ts) from the existing build (build first: `npm run build`; benches never
// build, so they need no build lock) on its own port, against
// the database at DATABASE_URL (default: the 100k-paper paperpulse_bench seeded with
// `npm run bench:seed -- --papers 100000`). The scheduler, HF seeding and the outbox are
// kept out of the way: emails go to a throw-away DATA_DIR.
// BENCH_APP_DIR (default: this checkout) runs the app from another folder, e.g. a copy of
// .next next to symlinks to node_modules, lib, scripts, prisma, public, package.json,
// tsconfig.json and next.config.ts, so a `next build` elsewhere in a shared checkout cannot swap the files
// under a running benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/paperpulse_bench";

export interface BenchServer {
  base: string;
  databaseUrl: string;
  /** Stops the server and removes the throw-away data folder. */
  stop: () => Promise<void>;
}

export async function startBenchServer(options: { port: number; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<BenchServer> {
  const appDir = process.env.BENCH_APP_DIR ?? ".";
  if (!existsSync(join(appDir, ".next/BUILD_ID"))) throw new Error(`No build found in ${appDir}: run \`npm run build\` first.`);
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  const base = `http://127.0.0.1:${options.port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "paperpulse-bench-"));
  const cronSecret = randomBytes(24).toString("hex");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: appDir,
    // Its own process group, so stop() also reaches anything the server started.
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      APP_URL: base,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      SEED_FROM_HF: "false",
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
      CRON_SECRET: cronSecret,
      ...options.env,
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!killed) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(base, child, options.readyTimeoutMs ?? 600_000);
    await expireCachedPages(base, cronSecret);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, databaseUrl, stop };
}

async function waitUntilReady(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} (is the port in use?)`);
    // The first request also applies pending migrations: allow minutes on a large database.
    last = await fetch(`${base}/api/papers?limit=1`).then(
      (response) => (response.ok ? null : `HTTP ${response.status}`),
      (error: unknown) => error, // not listening yet
    );
    if (last === null) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The server did not answer within ${timeoutMs / 1000} s (last: ${String(last)})`);
}

/**
 * Next keeps rendered pages in .next on disk, and a build is shared: pages another run
 * rendered from another database (e2e, a demo start) would be served as they are. The app's
 * own revalidation route expires every feed, tag and paper page, so the benchmark measures
 * pages of its database, rendered by its first visitors.
 */
async function expireCachedPages(base: string, cronSecret: string): Promise<void> {
  const response = await fetch(`${base}/api/cron/revalidate`, {
    method: "POST",
    headers: { authorization: `Bearer ${cronSecret}`, "content-type": "application/json" },
    body: JSON.stringify({ addedDays: true }),
  });
  if (!response.ok) throw new Error(`POST /api/cron/revalidate: HTTP ${response.status} ${await response.text()}`);
}

/** The most recent listed day, from the public API: the benches' feed URLs hang off it. */
export async function fetchLatestDay(base: string): Promise<string> {
  const latest = (await (await fetch(`${base}/api/papers?limit=1`)).json()) as { period: { key: string } | null };
  if (!latest.period) throw new Error("The database has no papers; seed it with npm run bench:seed -- --papers 100000.");
  return latest.period.key;
}

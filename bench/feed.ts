// npm run bench:feed [-- --seconds 20 --connections 64 --port 3231]
// Throughput of the cached feed page against a static page of the same server. Starts
// `next start` (build first: `npm run build`) on the database at DATABASE_URL (default: the
// 100k-paper paperpulse_bench, `npm run bench:seed -- --papers 100000`), waits until it
// answers, warms the feed's cache entry, then loads /papers/date/<latest day> and /about for
// the same time at the same concurrency with autocannon, one after the other, and prints
// requests per second, p99 latency and the ratio. Targets: feed ≥ 50 % of the static page's
// requests per second, feed p99 < 100 ms.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "20" }, connections: { type: "string", default: "64" }, port: { type: "string", default: "3231" } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/paperpulse_bench";

function startServer(): ChildProcess {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No build found: run `npm run build` first.");
  return spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      APP_URL: base,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_MANUAL_SIG_HANDLE: "true",
      SEED_FROM_HF: "false",
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
    },
  });
}

async function waitUntilReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
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

async function load(path: string) {
  const result = await autocannon({ url: `${base}${path}`, connections, duration: seconds });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return { path, rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, requests: result.requests.total, failed: non2xx };
}

async function main() {
  const server = startServer();
  const stop = () => {
    // The whole process group: `next start` runs the server in a child process.
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  };
  try {
    await waitUntilReady(600_000);
    const latest = (await (await fetch(`${base}/api/papers?limit=1`)).json()) as { period: { key: string } | null };
    if (!latest.period) throw new Error("The database has no papers; seed it with npm run bench:seed -- --papers 100000.");
    const feedPath = `/papers/date/${latest.period.key}`;
    // Warm-up: the first request renders the page into the cache, as the first visitor would.
    for (const path of [feedPath, "/about"]) for (let i = 0; i < 20; i += 1) await (await fetch(`${base}${path}`)).text();

    console.log(`${connections} connections, ${seconds} s each, ${base} on ${new URL(databaseUrl).pathname.slice(1)}\n`);
    const feed = await load(feedPath);
    const page = await load("/about");
    console.log(`${"page".padEnd(28)} ${"req/s".padStart(9)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"requests".padStart(10)} ${"non-2xx".padStart(8)}`);
    for (const r of [feed, page]) {
      console.log(`${r.path.padEnd(28)} ${r.rps.toFixed(0).padStart(9)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${String(r.requests).padStart(10)} ${String(r.failed).padStart(8)}`);
    }
    console.log(`\nfeed / static: ${((feed.rps / page.rps) * 100).toFixed(0)} % of the static page's req/s (target ≥ 50 %) · feed p99 ${feed.p99} ms (target < 100 ms)`);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

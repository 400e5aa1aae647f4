// npm run bench:feed [-- --seconds 20 --connections 64 --port 3231 --gzip]
// Throughput of the cached feed page against a static page of the same server. Starts
// the app's server (build first: `npm run build`) through bench/lib/next-server.ts on the
// database at DATABASE_URL (default: the 100k-paper paperpulse_bench), warms the feed's cache
// entry, then loads /papers/date/<latest day> and /about for the same time at the same
// concurrency with autocannon, one after the other, and prints each page's weight (HTML,
// and gzip as served to browsers), requests per second, p50/p99 latency and the ratio.
// Targets: feed ≥ 50 % of the static page's requests per second, feed p99 < 100 ms.
// autocannon sends no Accept-Encoding, so by default the load measures uncompressed
// responses (as behind a proxy that compresses); --gzip asks for gzip like a browser, and
// Next then compresses every response anew.
import { get } from "node:http";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { fetchLatestDay, startBenchServer } from "./lib/next-server";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "20" }, connections: { type: "string", default: "64" }, port: { type: "string", default: "3231" }, gzip: { type: "boolean", default: false } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(values.port);
const headers: Record<string, string> = values.gzip ? { "accept-encoding": "gzip" } : {};

async function load(base: string, path: string) {
  const result = await autocannon({ url: `${base}${path}`, connections, duration: seconds, headers });
  // autocannon's errors include its timeouts.
  const failed = result.non2xx + result.errors;
  return { path, rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, requests: result.requests.total, failed };
}

/** Bytes of the page as sent without and with gzip (what Next's server does for browsers). */
async function weigh(base: string, path: string) {
  const plain = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity" } });
  const html = await plain.text();
  const payload = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((sum, m) => sum + (m[1]?.length ?? 0), 0);
  const gzipped = await rawGet(`${base}${path}`, { "accept-encoding": "gzip" });
  return { html: Buffer.byteLength(html), payload, gzipped };
}

/** fetch() always decompresses; node:http gives the bytes on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ encoding: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ encoding: String(response.headers["content-encoding"] ?? "none"), bytes }));
      response.on("error", reject);
    }).on("error", reject);
  });
}

async function main() {
  const server = await startBenchServer({ port });
  try {
    const feedPath = `/papers/date/${await fetchLatestDay(server.base)}`;
    // Warm-up: the first request renders the page into the cache, as the first visitor would.
    for (const path of [feedPath, "/about"]) for (let i = 0; i < 20; i += 1) await (await fetch(`${server.base}${path}`)).text();

    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    for (const path of [feedPath, "/about"]) {
      const w = await weigh(server.base, path);
      console.log(`${path.padEnd(28)} HTML ${kb(w.html)} (inline RSC payload ${kb(w.payload)}), ${w.gzipped.encoding} ${kb(w.gzipped.bytes)}`);
    }
    console.log(`\n${connections} connections, ${seconds} s each, ${values.gzip ? "gzip" : "uncompressed"}, ${server.base} on ${new URL(server.databaseUrl).pathname.slice(1)}\n`);
    const feed = await load(server.base, feedPath);
    const page = await load(server.base, "/about");
    console.log(`${"page".padEnd(28)} ${"req/s".padStart(9)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"requests".padStart(10)} ${"non-2xx".padStart(8)}`);
    for (const r of [feed, page]) {
      console.log(`${r.path.padEnd(28)} ${r.rps.toFixed(0).padStart(9)} ${`${r.p50} ms`.padStart(8)} ${`${r.p99} ms`.padStart(8)} ${String(r.requests).padStart(10)} ${String(r.failed).padStart(8)}`);
    }
    console.log(`\nfeed / static: ${((feed.rps / page.rps) * 100).toFixed(0)} % of the static page's req/s (target ≥ 50 %) · feed p99 ${feed.p99} ms (target < 100 ms)`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

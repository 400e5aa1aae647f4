// npm run bench:load [-- --seconds 60 --clients 200 --rate 1 --warmup 0 --port 3232]
// Mixed load on the whole app: the app's server (build first: `npm run build`) through
// bench/lib/next-server.ts on the database at DATABASE_URL (default: the 100k-paper
// paperpulse_bench). The clients are split over four routes, all at once, each share run by
// its own autocannon instance so every route gets its own figures:
// - feed (45 %): /, recent days, weeks and months, with ?sort= and ?tags= variants, the
//   recent ones more often, as visitors do; a view nobody asked for yet renders on first use;
// - paper pages (25 %): mostly papers of the last two weeks, some from months ago;
// - search (20 %): words, phrases, exclusions, OR, typos, author names, tag filters, sorts;
// - subscribe (10 %): the sign-up form as a browser without JavaScript posts it (the server
//   action's multipart form), a new address each time.
// Each client sends --rate requests a second (default 1: a click a second, far busier than a
// reader), so the figures are latencies at a known offered load (clients × rate); --rate 0
// makes every client send its next request the moment the last one is answered, which
// measures saturation: latency then only says how many clients wait for one server.
// The server starts with every cached page expired (the worst case: right after a deploy);
// --warmup <s> first runs the same mix for that long, uncounted, to measure the steady state.
// Every request carries its own X-Forwarded-For address, and the server is started with
// TRUSTED_PROXY_HOPS=1, as behind one reverse proxy (the bench plays that proxy), so the
// per-client sign-up limit of 10 an hour sees 200 clients, not one (with the default 0 the
// server would ignore the header and see one client: the bench's own socket); a sign-up turned away by that limit would be counted apart as "limited". An error is
// a socket error, a timeout, a non-2xx answer, or a sign-up answered without its
// confirmation message. Prints errors, req/s and p50/p99 per route. Target: 0 errors,
// p99 < 500 ms.
import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { addDays, isoWeekOf } from "@/lib/papers/dates";
import { fetchLatestDay, startBenchServer } from "./lib/next-server";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, clients: { type: "string", default: "200" }, port: { type: "string", default: "3232" }, rate: { type: "string", default: "1" }, warmup: { type: "string", default: "0" } },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const port = Number(values.port);
const rate = Number(values.rate);
const warmup = Number(values.warmup);

const SIGNED_UP = "Almost done: check your inbox";
const LIMITED = "Too many sign-ups";

/** A small deterministic generator, so two runs send the same mix. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    /** Earlier items more often (about 1/(i+1)): the latest day, the top papers. */
    pickSkewed: <T>(items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(Math.exp(next() * Math.log(items.length + 1)) - 1))]!,
  };
}

interface ApiPaper {
  id: string;
  title: string;
  authors: string[];
  tags: { slug: string; kind: string }[];
}

async function fetchPapers(base: string, query: string): Promise<ApiPaper[]> {
  const response = await fetch(`${base}/api/papers?${query}`);
  if (!response.ok) throw new Error(`GET /api/papers?${query}: HTTP ${response.status}`);
  return ((await response.json()) as { papers: ApiPaper[] }).papers;
}

/** What a browser without JavaScript posts for the sign-up form: its hidden action fields. */
async function discoverSubscribeForm(base: string): Promise<{ path: string; fields: [string, string][]; topics: string[] }> {
  const html = await (await fetch(`${base}/subscribe`)).text();
  const form = /<form[^>]*>[\s\S]*?<\/form>/.exec(html.slice(html.indexOf("<main")))?.[0];
  if (!form) throw new Error("No form on /subscribe");
  const fields: [string, string][] = [];
  for (const input of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? "";
    if (name?.startsWith("$ACTION")) fields.push([decodeEntities(name), decodeEntities(value)]);
  }
  if (fields.length === 0) throw new Error("The /subscribe form has no server action fields");
  const topics = [...form.matchAll(/<input[^>]*name="topics"[^>]*value="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
  return { path: "/subscribe", fields, topics };
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function multipart(fields: [string, string][], boundary: string): string {
  return `${fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("")}--${boundary}--\r\n`;
}

// A random start: runs an hour apart or less would otherwise reuse the same addresses, and
// the per-client sign-up limit (stored in the database) would remember the earlier run.
let addressCounter = randomInt(1 << 24);
/** A different client address for every request: 10.x.y.z. */
function nextClientAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

type BenchRequest = { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string };
type Route = { name: string; share: number; setup: () => BenchRequest };

async function main() {
  const server = await startBenchServer({ port, env: { TRUSTED_PROXY_HOPS: "1" } });
  try {
    const base = server.base;
    const latest = await fetchLatestDay(base);
    const random = createRandom(42);

    // Feed views: the last 14 days, 4 weeks, 2 months; sorts and a topic filter now and then.
    const days = Array.from({ length: 14 }, (_, i) => addDays(latest, -i));
    const weeks = [...new Set(Array.from({ length: 4 }, (_, i) => isoWeekOf(addDays(latest, -7 * i)).key))];
    const months = [latest.slice(0, 7), addDays(`${latest.slice(0, 7)}-01`, -1).slice(0, 7)];
    const recent = (await Promise.all(days.map((day) => fetchPapers(base, `date=${day}&limit=30`)))).flat();
    const older = await fetchPapers(base, `month=${addDays(`${latest.slice(0, 7)}-01`, -90).slice(0, 7)}&limit=100`);
    if (recent.length === 0) throw new Error("No papers in the last 14 days; seed the database again.");
    const topics = [...new Set(recent.flatMap((p) => p.tags.filter((t) => t.kind === "topic").map((t) => t.slug)))];
    const feedPaths = [
      "/",
      ...days.map((day) => `/papers/date/${day}`),
      ...weeks.map((week) => `/papers/week/${week}`),
      ...months.map((month) => `/papers/month/${month}`),
    ];
    const feedPath = () => {
      const path = random.pickSkewed(feedPaths);
      const variant = random.next();
      if (variant < 0.7) return path;
      if (variant < 0.8) return `${path}?sort=top`;
      if (variant < 0.9) return `${path}?sort=new`;
      return `${path}?tags=${random.pick(topics)}`;
    };
    const paperPath = () => `/papers/${random.next() < 0.8 ? random.pickSkewed(recent).id : random.pick(older.length > 0 ? older : recent).id}`;

    const titleWords = [...new Set(recent.flatMap((p) => p.title.toLowerCase().split(/[^a-z-]+/)).filter((w) => w.length > 5))];
    const authors = [...new Set(recent.flatMap((p) => p.authors.slice(0, 2)))];
    const fixedQueries = ["quantization", "graph neural network", '"message passing"', "diffusion -survey", "transformer OR attention", "quantizaton", "Tranformer", "reinforcement learning", "llm", "kv cache"];
    const searchPath = () => {
      const kind = random.next();
      const q =
        kind < 0.4 ? random.pick(fixedQueries) : kind < 0.7 ? random.pick(titleWords) : kind < 0.85 ? `${random.pick(titleWords)} ${random.pick(titleWords)}` : random.pick(authors);
      const extra = random.next();
      const suffix = extra < 0.75 ? "" : extra < 0.85 ? "&sort=new" : extra < 0.92 ? "&sort=trending" : `&tags=${random.pick(topics)}`;
      return `/search?q=${encodeURIComponent(q)}${suffix}`;
    };

    // autocannon sends only the headers a request names once it names any: Host included.
    const host = new URL(base).host;
    const clientHeaders = () => ({ host, "x-forwarded-for": nextClientAddress() });

    const form = await discoverSubscribeForm(base);
    const boundary = "----paperpulse-bench-boundary";
    let signUps = 0;
    const subscribeRequest = (): BenchRequest => {
      signUps += 1;
      const fields: [string, string][] = [...form.fields, ["email", `load-${Date.now().toString(36)}-${signUps}@bench.example`], ["frequency", random.next() < 0.7 ? "daily" : "weekly"], ["website", ""]];
      if (random.next() < 0.4 && form.topics.length > 0) fields.push(["topics", random.pick(form.topics)]);
      return {
        method: "POST",
        path: form.path,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: base, ...clientHeaders() },
        body: multipart(fields, boundary),
      };
    };

    const routes: Route[] = [
      { name: "feed", share: 0.45, setup: () => ({ method: "GET", path: feedPath(), headers: { ...clientHeaders() } }) },
      { name: "paper", share: 0.25, setup: () => ({ method: "GET", path: paperPath(), headers: { ...clientHeaders() } }) },
      { name: "search", share: 0.2, setup: () => ({ method: "GET", path: searchPath(), headers: { ...clientHeaders() } }) },
      { name: "subscribe", share: 0.1, setup: subscribeRequest },
    ];

    // A few requests per route first, so start-up work (first compilation of each route's
    // code, pools) is not counted against the first seconds.
    for (const route of routes) {
      for (let i = 0; i < 3; i += 1) {
        const request = route.setup();
        const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== "host"));
        await (await fetch(`${base}${request.path}`, { method: request.method, headers, body: request.body })).text();
      }
    }

    const outcomes = new Map(routes.map((route) => [route.name, { limited: 0, rejected: 0, example: "" }]));
    const runMix = (duration: number) => {
      let assigned = 0;
      return Promise.all(
        routes.map((route, index) => {
          const connections = index === routes.length - 1 ? clients - assigned : Math.round(clients * route.share);
          assigned += connections;
          const outcome = outcomes.get(route.name)!;
          const onResponse =
            route.name === "subscribe"
              ? (status: number, body: string) => {
                  if (status !== 200) return;
                  if (body.includes(LIMITED)) outcome.limited += 1;
                  else if (!body.includes(SIGNED_UP)) {
                    outcome.rejected += 1;
                    outcome.example ||= /role="alert"[^>]*>([^<]*)/.exec(body)?.[1] ?? body.slice(0, 200);
                  }
                }
              : undefined;
          return autocannon({
            url: base,
            connections,
            duration,
            timeout: 10,
            // autocannon paces whole requests per connection per second; a slower reader
            // (--rate below 1, a think time over a second) is paced across the route's clients.
            ...(rate >= 1 ? { connectionRate: rate } : rate > 0 ? { overallRate: Math.max(1, Math.round(connections * rate)) } : {}),
            // A new request object each time, built from the mix above.
            requests: [{ setupRequest: () => route.setup(), ...(onResponse ? { onResponse } : {}) }],
          }).then((result) => ({ route: route.name, connections, result }));
        }),
      );
    };
    const pace = rate > 0 ? `${rate} request/s each (${clients * rate} req/s offered)` : "each as fast as answered";
    if (warmup > 0) {
      // Steady state: the same mix first, not counted, so the page caches hold what this
      // traffic asks for (as on a server that has been up), not an empty cache after a deploy.
      console.log(`warm-up: ${clients} clients, ${pace}, for ${warmup} s (not counted)`);
      await runMix(warmup);
      for (const outcome of outcomes.values()) Object.assign(outcome, { limited: 0, rejected: 0, example: "" });
    }
    console.log(`${clients} clients, ${pace}, for ${seconds} s, ${base} on ${new URL(server.databaseUrl).pathname.slice(1)}${warmup > 0 ? `, after ${warmup} s of warm-up` : ", cold page caches"}`);
    const results = await runMix(seconds);

    console.log(`\n${"route".padEnd(10)} ${"clients".padStart(7)} ${"requests".padStart(9)} ${"req/s".padStart(7)} ${"p50".padStart(8)} ${"p99".padStart(8)} ${"errors".padStart(7)} ${"limited".padStart(8)}`);
    let totalErrors = 0;
    let totalRequests = 0;
    let worstP99 = 0;
    for (const { route, connections, result } of results) {
      const outcome = outcomes.get(route)!;
      // autocannon's errors include its timeouts.
      const errors = result.errors + result.non2xx + outcome.rejected;
      totalErrors += errors;
      totalRequests += result.requests.total;
      worstP99 = Math.max(worstP99, result.latency.p99);
      console.log(
        `${route.padEnd(10)} ${String(connections).padStart(7)} ${String(result.requests.total).padStart(9)} ${result.requests.average.toFixed(0).padStart(7)} ${`${result.latency.p50} ms`.padStart(8)} ${`${result.latency.p99} ms`.padStart(8)} ${String(errors).padStart(7)} ${String(outcome.limited).padStart(8)}`,
      );
      const codes = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith("2"));
      if (codes.length > 0 || result.errors + outcome.rejected > 0) {
        console.log(`${"".padEnd(10)} ${codes.map(([code, stat]) => `HTTP ${code}: ${stat.count}`).join(", ")} connection errors ${result.errors - result.timeouts}, timeouts (10 s) ${result.timeouts}, sign-ups without confirmation ${outcome.rejected}${outcome.example ? ` (e.g. "${outcome.example}")` : ""}`);
      }
    }
    console.log(`\nall routes: ${totalRequests} requests, ${(totalRequests / seconds).toFixed(0)} req/s, ${totalErrors} errors (target 0), worst p99 ${worstP99} ms (target < 500 ms)`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

// A real HTTP server on loopback standing in for huggingface.co and arxiv.org, the network
// edge tests cannot reach. It serves payloads in the services' real formats from
// tests/fixtures and records every request (headers, time) so tests can assert politeness.
// Used by the integration tests and, through tests/e2e/fixture-server.ts, by Playwright.

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (timeouts). */
  delayMs?: number;
}

export type Responder = (request: RecordedRequest) => Reply | Promise<Reply>;

export interface FakeUpstream {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeUpstream(responder: Responder, port = 0): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const recorded: RecordedRequest = { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, at: Date.now() };
    requests.push(recorded);
    Promise.resolve(responder(recorded))
      .then(async (reply) => {
        if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, reply.headers ?? {});
        res.end(reply.body ?? "");
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(`fake upstream failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");
const ATOM = "application/atom+xml; charset=utf-8";

export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), "utf8");
}

export interface FixtureRoutes {
  /** HF day -> fixture path (relative to tests/fixtures); other days answer [] like HF on a day without papers. */
  hfDays?: Record<string, string>;
  /** arXiv RSS path after /rss/ ("cs.CL+cs.LG") -> fixture path. */
  rss?: Record<string, string>;
}

/**
 * The services as the app sees them, under one host:
 * - GET /api/daily_papers?date=YYYY-MM-DD (HF_API_URL=<url>/api/daily_papers)
 * - GET /api/query?id_list=<id> or ?search_query=cat:<cat> (ARXIV_API_URL=<url>/api/query):
 *   tests/fixtures/arxiv-api/<id, "/" as "_">.xml or cat-<cat>.xml; anything else gets
 *   the zero-result feed, as arXiv answers for an id it does not have
 * - GET /rss/<cats> (ARXIV_RSS_URL=<url>/rss)
 * - GET /health
 */
export function fixtureResponder(routes: FixtureRoutes = {}): Responder {
  return (request) => {
    if (request.path === "/health") return { body: "ok", headers: { "Content-Type": "text/plain" } };
    if (request.path === "/api/daily_papers") {
      const file = routes.hfDays?.[request.query.get("date") ?? ""];
      return { headers: { "Content-Type": "application/json; charset=utf-8" }, body: file ? readFixture(file) : "[]" };
    }
    if (request.path === "/api/query") {
      const ids = request.query.get("id_list");
      const search = request.query.get("search_query");
      const name = ids ? ids.replace(/\//g, "_") : search?.startsWith("cat:") ? `cat-${search.slice(4)}` : null;
      const file = name && /^[\w.-]+$/.test(name) && existsSync(path.join(FIXTURES, "arxiv-api", `${name}.xml`)) ? `arxiv-api/${name}.xml` : "arxiv-api/empty.xml";
      return { headers: { "Content-Type": ATOM }, body: readFixture(file) };
    }
    if (request.path.startsWith("/rss/")) {
      const file = routes.rss?.[decodeURIComponent(request.path.slice("/rss/".length))];
      if (file) return { headers: { "Content-Type": "application/rss+xml; charset=utf-8" }, body: readFixture(file) };
    }
    return { status: 404, headers: { "Content-Type": "text/html" }, body: "<html><body>Not found</body></html>" };
  };
}

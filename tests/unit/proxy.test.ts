import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { encodeCursor } from "@/lib/papers/cursor";
import { config, proxy } from "@/proxy";

// proxy.ts as Next calls it: which responses carry Strict-Transport-Security, which page
// POSTs are screened, which cursors never reach a cached page. The same behaviour against a
// running server: tests/e2e/https-and-startup.spec.ts and the bad-input corpus.

const savedAppUrl = process.env.APP_URL;
afterEach(() => {
  if (savedAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedAppUrl;
  resetEnvForTests();
});

function siteAt(appUrl: string) {
  process.env.APP_URL = appUrl;
  resetEnvForTests();
}

const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  proxy(new NextRequest(new URL(path, "http://127.0.0.1:3210"), { method: init.method, headers: { host: "127.0.0.1:3210", ...init.headers }, body: init.body }));

/** Where a rewrite sends the request, or null. */
const rewrittenTo = (response: Response) => {
  const target = response.headers.get("x-middleware-rewrite");
  return target === null ? null : new URL(target).pathname;
};

describe("Strict-Transport-Security", () => {
  it("is on every response when APP_URL is https: pages, rewrites, API, refusals", async () => {
    siteAt("https://paperpulse.example");
    const responses = [
      await call("/"),
      await call("/about"),
      await call("/papers/2606.00467"),
      await call("/tags/llm"),
      await call("/api/health"),
      await call("/papers/week/0000-W01"),
      await call("/api/papers/%E0%A4%A"),
      await call("/subscribe", { method: "POST", headers: { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }, body: "--x--" }),
    ];
    for (const response of responses) expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("is never sent when the site is plain http", async () => {
    siteAt("http://localhost:3000");
    for (const path of ["/", "/about", "/api/health", "/papers/week/0000-W01"]) expect((await call(path)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("page POSTs", () => {
  it("are screened on every page, including pages the old matcher never saw", async () => {
    for (const path of ["/", "/submit", "/about", "/api-docs", "/search", "/papers/2606.00467", "/tags/llm", "/admin", "/manage", "/subscribe"]) {
      const garbage = await call(path, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=xx" }, body: "--xx\r\ngarbage" });
      expect(garbage.status, path).toBe(400);
      const foreign = await call(path, { method: "POST", headers: { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=xx" }, body: "--xx--" });
      expect(foreign.status, path).toBe(403);
    }
  });

  it("leave route handlers to themselves (they answer their own methods and bodies)", async () => {
    for (const path of ["/api/unsubscribe?token=x", "/api/cron/ingest", "/feeds/trending.rss", "/papers/go"]) {
      const response = await call(path, { method: "POST", headers: { origin: "https://mail.example", "content-type": "text/plain" }, body: "x" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
    }
  });

  it("matches every path but Next's build assets", () => {
    const matcher = new RegExp(`^${config.matcher[0]!}$`);
    for (const path of ["/", "/submit", "/about", "/api/papers", "/papers/2606.00467", "/robots.txt"]) expect(matcher.test(path), path).toBe(true);
    for (const path of ["/_next/static/chunks/main.js", "/_next/image"]) expect(matcher.test(path), path).toBe(false);
  });
});

describe("cursors on cached pages", () => {
  const feedCursor = encodeCursor({ s: 1.5, id: "2606.00467", r: 1_780_000_000_000 });
  const searchCursor = encodeCursor({ s: "trending", e: "2026-06-12", b: null, h: null, k: 1.5, d: "2026-06-10", id: "2606.00467", r: 1_780_000_000_000 });

  it("send a cursor that is not one the app wrote to the 404 page before any render", async () => {
    for (const path of ["/?cursor=abc", "/papers/week/2026-W49?cursor=abc", "/papers/date/2026-06-12?sort=top&cursor=" + feedCursor, "/tags/llm?cursor=abc", "/tags/llm?cursor=" + feedCursor, "/tags/llm?sort=new&cursor=" + searchCursor]) {
      expect(rewrittenTo(await call(path)), path).toBe("/_not-found-page");
    }
  });

  it("let the app's own cursors through to the cached page", async () => {
    expect(rewrittenTo(await call(`/?cursor=${feedCursor}`))).toBe(`/feed/latest/today/${encodeURIComponent(`cursor=${feedCursor}`)}`);
    expect(rewrittenTo(await call(`/tags/llm?cursor=${searchCursor}`))).toBe(`/tags/llm/${encodeURIComponent(`cursor=${searchCursor}`)}`);
  });
});

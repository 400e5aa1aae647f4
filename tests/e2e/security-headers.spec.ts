import { type APIResponse, expect, type Page, test } from "@playwright/test";

// The security headers (lib/http/security-headers.ts, set by next.config.ts headers() and
// proxy.ts) on the three kinds of response: a cached page (a nonce is impossible there), a
// page rendered per request (a fresh nonce and 'strict-dynamic'), and an API route. Then,
// in the browser, that the policies let the app work (hydration, KaTeX, the search box,
// the forms) without a single violation.

function policyOf(response: APIResponse): Record<string, string> {
  const all = response.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  // One policy: two would both apply, and the proxy's must replace next.config.ts's.
  expect(all).toHaveLength(1);
  return Object.fromEntries(
    all[0]!.value.split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

/** Pages whose URL holds a token, or that list such links: no Referer ever leaves them. */
const TOKEN_PAGES = ["/subscribe/confirm?token=x", "/manage?token=x", "/unsubscribe?token=x", "/outbox", "/admin"];
const isTokenPage = (path: string) => TOKEN_PAGES.some((page) => path.split("?")[0] === page.split("?")[0]);

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  const path = new URL(response.url()).pathname;
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe(isTokenPage(path) ? "no-referrer" : "strict-origin-when-cross-origin");
  // The browser tests' server is plain http: HSTS only ever goes out with an https APP_URL
  // (tests/e2e/https-and-startup.spec.ts).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  const policy = policyOf(response);
  expect(policy["frame-ancestors"]).toBe("'none'");
  expect(policy["object-src"]).toBe("'none'");
  expect(policy["base-uri"]).toBe("'none'");
  expect(policy["default-src"]).toBe("'self'");
  expect(policy["form-action"]).toBe("'self'");
  return policy;
}

test.describe("security headers", () => {
  test("a cached page gets the policy without a nonce", async ({ request }) => {
    for (const path of ["/", "/about", "/submit"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const policy = expectCommonHeaders(response);
      expect(policy["script-src"], path).toBe("'self' 'unsafe-inline'");
    }
  });

  test("a page rendered per request gets a fresh nonce that every script carries", async ({ request }) => {
    const nonces: string[] = [];
    for (const path of ["/search?q=quantization", "/search?q=quantization", "/subscribe", "/unsubscribe?token=x"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const policy = expectCommonHeaders(response);
      const nonce = /^'self' 'nonce-([A-Za-z0-9+/=]{20,})' 'strict-dynamic'$/.exec(policy["script-src"] ?? "")?.[1];
      expect(nonce, `${path}: ${policy["script-src"]}`).toBeDefined();
      nonces.push(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  test("token pages send Referrer-Policy: no-referrer as a header, one value only", async ({ request }) => {
    for (const path of TOKEN_PAGES) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expect(response.headersArray().filter((h) => h.name.toLowerCase() === "referrer-policy").map((h) => h.value), path).toEqual(["no-referrer"]);
      expectCommonHeaders(response);
    }
    // Their neighbours keep the site-wide policy.
    for (const path of ["/subscribe", "/search?q=x", "/"]) expect((await request.get(path)).headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  });

  test("API routes and feeds get the headers too, and never X-Powered-By", async ({ request }) => {
    for (const path of ["/api/papers?limit=1", "/api/health", "/api/papers/2611.99999", "/feeds/trending.rss", "/api/cron/digest"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBeLessThan(500);
      expectCommonHeaders(response);
    }
  });

  test("the app works under the policies: no violations while browsing", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => console.error(`Refused to run: ${event.violatedDirective} ${event.blockedURI}`));
    });
    const hydrated = async (p: Page) => expect(p.getByRole("combobox", { name: "Search papers" })).toBeEditable();

    // A cached page: hydrated (a client component answers), KaTeX styles applied.
    await page.goto("/");
    await hydrated(page);
    await page.getByRole("article").first().getByRole("button", { name: /Why this rank/ }).click();
    await expect(page.getByRole("dialog", { name: "Why this paper ranks here" }).first()).toBeVisible();
    // A cached paper page with TeX in its abstract: KaTeX renders (its CSS and fonts load).
    const papers: { id: string; abstract: string }[] = [];
    for (const days of [0, 20]) {
      const month = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 7);
      papers.push(...((await (await page.request.get(`/api/papers?month=${month}&limit=100`)).json()) as { papers: { id: string; abstract: string }[] }).papers);
    }
    const withMath = papers.find((p) => p.abstract.includes("$"))!;
    await page.goto(`/papers/${withMath.id}`);
    await expect(page.locator(".katex").first()).toBeVisible();
    expect(await page.locator(".katex").first().evaluate((node) => getComputedStyle(node).fontFamily)).toContain("KaTeX");

    // A nonce page: the search box suggests (client code runs), navigation works.
    await page.goto("/search?q=quantization");
    const box = page.getByRole("combobox", { name: "Search papers" });
    await box.fill("quant");
    await expect(page.getByRole("listbox", { name: "Search suggestions" })).toBeVisible();

    // A form posting a server action from a nonce page.
    await page.goto("/subscribe");
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Enter a valid email address");

    // And from a prerendered page.
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill("nope");
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("is not an arXiv id");

    expect(violations).toEqual([]);
  });
});

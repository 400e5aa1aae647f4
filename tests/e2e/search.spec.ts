import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// Search as you type, the search page, tag filters that live in the URL (back and forward
// work), tag pages and the feeds every view announces. Runs on the demo data set.

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

const tagParam = (page: Page) => new URL(page.url()).searchParams.get("tags");

test.describe("search", () => {
  test("suggests while typing and the keyboard picks a suggestion", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search papers" });
    await box.fill("quant");
    const list = page.getByRole("listbox", { name: "Search suggestions" });
    await expect(list).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expect(list.getByRole("group", { name: "Search" }).getByRole("option").first()).toHaveText("quantization");
    await expect(list.getByRole("group", { name: "Papers" }).getByRole("option").first()).toContainText(/Quantization/i);
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=quantization$/);
    await expect(page.getByRole("status").first()).toContainText(/\d+ papers?/);
    const results = page.getByRole("region", { name: "Results" });
    await expect(results.getByRole("article").first().locator("mark").first()).toHaveText(/quantization/i);
  });

  test("Escape closes the suggestions, and a paper suggestion opens the paper", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search papers" });
    await box.fill("diffusion");
    const papers = page.getByRole("listbox", { name: "Search suggestions" }).getByRole("group", { name: "Papers" }).getByRole("option");
    await expect(papers.first()).toBeVisible();
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("ArrowDown");
    const title = await papers.first().locator("span").first().textContent();
    await papers.first().click();
    await expect(page).toHaveURL(/\/papers\/\d{4}\.\d{5}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title!.slice(0, 20));
    await expect(page.getByRole("region", { name: "Similar papers" })).toBeVisible();
  });

  test("corrects a typo, opens an arXiv id, and works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/search?q=quantizaton");
    await expect(page.getByText("Showing results for")).toContainText("quantization");
    await expect(page.getByRole("link", { name: "quantizaton" })).toHaveAttribute("href", /exact=1/);
    await page.goto("/");
    await page.getByRole("combobox", { name: "Search papers" }).fill("speech recognition");
    await page.getByRole("combobox", { name: "Search papers" }).press("Enter");
    await expect(page).toHaveURL(/\/search\?q=speech\+recognition$/);
    await expect(page.getByRole("region", { name: "Results" }).getByRole("article").first()).toContainText(/Speech Recognition/i);
    const href = await page.getByRole("region", { name: "Results" }).getByRole("article").first().getByRole("link").first().getAttribute("href");
    await page.goto(`/search?q=${encodeURIComponent(`https://arxiv.org/abs/${href!.replace("/papers/", "")}v1`)}`);
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await context.close();
  });

  test("filters search results by tags and offers the search as a feed", async ({ page, request }) => {
    await page.goto("/search?q=language");
    const filter = page.getByRole("region", { name: "Filter by tag" });
    const first = filter.getByRole("list", { name: "Tags in these results" }).getByRole("link").first();
    await first.click();
    await expect(page).toHaveURL(/[?&]tags=[a-z0-9-]+/);
    await expect(filter.getByRole("list", { name: "Selected tags" }).getByRole("link")).toHaveCount(1);
    const feed = page.getByRole("navigation", { name: "Subscribe to this search" }).getByRole("link", { name: "RSS" });
    const feedUrl = await feed.getAttribute("href");
    expect(feedUrl).toMatch(/^\/feeds\/search\.rss\?q=language&tags=[a-z0-9-]+&sort=new$/);
    const rss = await request.get(feedUrl!);
    expect(rss.status()).toBe(200);
    expect(rss.headers()["content-type"]).toContain("application/rss+xml");
    expect(await rss.text()).toContain("<item>");
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feeds\/search\.atom\?q=language/);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("tag filters on feeds", () => {
  test("toggle in the URL, with back and forward, and clear", async ({ page }) => {
    await page.goto("/papers/month/latest");
    const filter = page.getByRole("region", { name: "Filter by tag" });
    const available = filter.getByRole("list", { name: "Tags in these results" }).getByRole("link");
    await available.first().click();
    await expect(page).toHaveURL(/\?tags=[a-z0-9-]+$/);
    const one = tagParam(page);
    const firstCount = await page.getByRole("region", { name: "Papers" }).getByRole("article").count();
    expect(firstCount).toBeGreaterThan(0);
    await available.first().click();
    await expect(page).toHaveURL(/\?tags=[a-z0-9-]+,[a-z0-9-]+$/);
    const two = tagParam(page);
    expect(two!.split(",")).toContain(one);
    expect(await page.getByRole("region", { name: "Papers" }).getByRole("article").count()).toBeLessThanOrEqual(firstCount);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`\\?tags=${one}$`));
    await expect(filter.getByRole("list", { name: "Selected tags" }).getByRole("link")).toHaveCount(1);
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`\\?tags=${two}$`));
    await expect(filter.getByRole("list", { name: "Selected tags" }).getByRole("link")).toHaveCount(2);

    await filter.getByRole("link", { name: new RegExp(`^Remove tag filter`) }).first().click();
    await expect(filter.getByRole("list", { name: "Selected tags" }).getByRole("link")).toHaveCount(1);
    await filter.getByRole("link", { name: "Clear all tag filters" }).click();
    await expect(page).toHaveURL(/\/papers\/month\/\d{4}-\d{2}$/);
    await expect(filter.getByRole("list", { name: "Selected tags" })).toHaveCount(0);
  });
});

test.describe("feeds and tag pages", () => {
  test("every feed view links its RSS, Atom and JSON feeds, and they parse", async ({ page, request }) => {
    await page.goto("/");
    for (const [type, href] of [
      ["application/rss+xml", "/feeds/trending.rss"],
      ["application/atom+xml", "/feeds/trending.atom"],
      ["application/feed+json", "/feeds/trending.json"],
    ]) {
      // Metadata links are absolute (APP_URL).
      await expect(page.locator(`head link[rel="alternate"][type="${type}"]`)).toHaveAttribute("href", new RegExp(`^http://[^/]+${href!.replace(".", "\\.")}$`));
    }
    const nav = page.getByRole("navigation", { name: "Subscribe to the trending papers" });
    await expect(nav.getByRole("link", { name: "RSS" })).toHaveAttribute("href", "/feeds/trending.rss");
    const json = await (await request.get("/feeds/trending.json")).json();
    expect(json.items.length).toBeGreaterThan(0);
    const atom = await request.get("/feeds/trending.atom");
    expect(atom.headers()["content-type"]).toContain("application/atom+xml");
    expect(await atom.text()).toContain("<entry>");
  });

  test("a tag page lists the tag's papers with its own feeds", async ({ page, request }) => {
    await page.goto("/");
    const tag = page.getByRole("list", { name: "Tags" }).first().getByRole("link").first();
    const href = await tag.getAttribute("href");
    await tag.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.getByRole("region", { name: "Papers" }).getByRole("article").count()).toBeGreaterThan(0);
    const slug = href!.replace("/tags/", "");
    await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", new RegExp(`/feeds/tags/${slug}\\.rss$`));
    await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: "Newest" }).click();
    await expect(page).toHaveURL(new RegExp(`${href}\\?sort=new$`));
    const rss = await request.get(`/feeds/tags/${slug}.rss`);
    expect(rss.status()).toBe(200);
    expect(await rss.text()).toContain("<item>");
    expect((await request.get("/feeds/tags/no-such-tag.rss")).status()).toBe(404);
    expect((await request.get("/tags/no-such-tag")).status()).toBe(404);
    await expectNoSeriousA11yViolations(page);
  });

  test("the API documentation and the about page are reachable from the footer", async ({ page, request }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "API" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("PaperPulse API");
    await expect(page.getByRole("heading", { name: "GET /api/papers", exact: true })).toBeVisible();
    const doc = await (await request.get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "About and ranking" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("About PaperPulse");
    await expect(page.getByText(/score\s+= points/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

test.describe("the trending feed", () => {
  test("shows the latest day's papers with everything a card promises", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("note", { name: "Demo data" })).toContainText("demo data");
    const cards = page.getByRole("article");
    expect(await cards.count()).toBeGreaterThan(2);
    const first = cards.first();
    await expect(first.getByRole("heading", { level: 2 }).getByRole("link")).toHaveAttribute("href", /^\/papers\/\d{4}\.\d{5}$/);
    await expect(first).toContainText(/listed \d{1,2} \w{3} \d{4}/);
    await expect(first).toContainText(/\d+\s?upvotes/);
    await expect(first.getByRole("list", { name: "Tags" }).getByRole("link").first()).toHaveAttribute("href", /^\/tags\//);
    // The trending order is explained, and follows the scores.
    const scores = await cards.evaluateAll((nodes) =>
      nodes.map((n) => Number(/score ([\d.,]+)/.exec(n.textContent ?? "")?.[1]?.replace(",", "") ?? "NaN")),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await first.getByRole("button", { name: /Why this rank/ }).click();
    await expect(page.getByRole("dialog", { name: "Why this paper ranks here" }).first()).toContainText("GitHub stars");
  });

  test("navigates between days, skipping empty ones, and back", async ({ page }) => {
    await page.goto("/");
    const latestTitle = await page.getByRole("heading", { level: 1 }).textContent();
    const previous = page.getByRole("navigation", { name: "Previous and next" }).getByRole("link", { name: /←/ });
    await previous.click();
    await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(latestTitle ?? "");
    expect(await page.getByRole("article").count()).toBeGreaterThan(0);
    await page.getByRole("navigation", { name: "Previous and next" }).getByRole("link", { name: /→/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(latestTitle ?? "");
  });

  test("switches to week and month views and sorts by upvotes", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Week" }).click();
    await expect(page).toHaveURL(/\/papers\/week\/\d{4}-W\d{2}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Week");
    await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: "Most upvoted" }).click();
    await expect(page).toHaveURL(/\?sort=top$/);
    const upvotes = await page.getByRole("article").evaluateAll((nodes) => nodes.map((n) => Number(n.querySelector(".card-votes b")?.textContent)));
    expect(upvotes.length).toBeGreaterThan(3);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
    await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Month" }).click();
    await expect(page).toHaveURL(/\/papers\/month\/\d{4}-\d{2}\?sort=top$/);
  });

  test("jumps to a day from the calendar and the date picker", async ({ page }) => {
    await page.goto("/papers/month/latest");
    const dayLink = page.getByRole("region", { name: /\w+ \d{4}/ }).getByRole("link", { name: /papers$/ }).first();
    const label = await dayLink.getAttribute("aria-label");
    await dayLink.click();
    await expect(page).toHaveURL(/\/papers\/date\/\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(label!.split(":")[0]!);
    const day = page.url().slice(-10);
    await page.goto("/");
    await page.getByLabel("Go to date").fill(day);
    await page.getByRole("button", { name: "Go" }).click();
    await expect(page).toHaveURL(new RegExp(`/papers/date/${day}$`));
  });

  test("has no serious accessibility violations, in light and dark", async ({ page }) => {
    await page.goto("/");
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/papers/week/latest");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(250, 250, 249)");
    await expectNoSeriousA11yViolations(page);
  });

  test("fits a 360 px screen and works from the keyboard", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});

test.describe("the paper page", () => {
  test("shows the full paper with rendered math, links and metadata", async ({ page }) => {
    // A demo paper listed before today (so it has an upvote history) whose abstract has TeX in it.
    const today = new Date().toISOString().slice(0, 10);
    const months = [today.slice(0, 7), new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 7)];
    const papers: { id: string; abstract: string; authors: string[]; listedOn: string }[] = [];
    for (const month of new Set(months)) papers.push(...(await (await page.request.get(`/api/papers?month=${month}&limit=100`)).json()).papers);
    const paper = papers.find((p) => p.abstract.includes("$") && p.listedOn < today)!;
    await page.goto(`/papers/${paper.id}`);
    await expect(page.getByRole("heading", { level: 2, name: "Abstract" })).toBeVisible();
    await expect(page.locator(".katex").first()).toBeVisible();
    await expect(page.getByText(paper.authors.at(-1)!, { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "arXiv" })).toHaveAttribute("href", `https://arxiv.org/abs/${paper.id}`);
    await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", new RegExp(`^https://arxiv.org/pdf/${paper.id.replace(".", "\\.")}v\\d+$`));
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /.+/);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", new RegExp(`/papers/${paper.id.replace(".", "\\.")}$`));
    await expect(page.getByRole("figure").getByRole("img")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("answers unknown and malformed addresses with the site's 404 page", async ({ page }) => {
    for (const path of ["/papers/2611.00000", "/papers/date/2026-13-45", "/papers/week/2026-W60", "/papers/date/../../etc/passwd", "/?sort=sideways"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "This page is not here" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Today’s papers" })).toBeVisible();
    }
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

// The feed views as a reader moves through them: the period switch, the calendar, later
// pages, each view's own feeds, the score popover, the upvote chart, the 404 page, /tags, and
// a 360 px phone. Runs on the demo data set (84 papers over the 14 days ending today).

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "item" || name === "entry" });
const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The ISO week key of a day (the week belongs to the year of its Thursday). */
function isoWeekKey(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(date.getTime() + (4 - (((date.getUTCDay() + 6) % 7) + 1)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

const paperLinks = (page: Page) => page.getByRole("region", { name: "Papers" }).getByRole("article").getByRole("heading", { level: 2 }).getByRole("link");

test.describe("period switch and calendar", () => {
  test("Day from a week goes to the week's latest day with papers, not its Monday", async ({ page, request }) => {
    const lastWeek = isoWeekKey(isoDay(Date.now() - 7 * DAY_MS));
    const { papers } = await (await request.get(`/api/papers?week=${lastWeek}&sort=new&limit=100`)).json();
    const latestDay = (papers as { listedOn: string }[]).map((p) => p.listedOn).sort().at(-1);
    await page.goto(`/papers/week/${lastWeek}?sort=top`);
    const day = page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Day" });
    await expect(day).toHaveAttribute("href", `/papers/date/${latestDay}?sort=top`);
    await day.click();
    expect(await page.getByRole("article").count()).toBeGreaterThan(0);
    await page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "Week" }).click();
    await expect(page).toHaveURL(new RegExp(`/papers/week/${lastWeek}\\?sort=top$`));
  });

  test("the calendar offers no month after the last listed day, and a future month is a 404", async ({ page }) => {
    await page.goto("/papers/month/latest");
    const calendar = page.getByRole("region", { name: /\w+ \d{4}/ });
    // The demo's first day is 13 days ago: the previous month has papers only if that is in it.
    const today = new Date();
    const monthStart = isoDay(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    await expect(calendar.getByRole("link", { name: "Previous month" })).toHaveCount(isoDay(Date.now() - 13 * DAY_MS) < monthStart ? 1 : 0);
    await expect(calendar.getByRole("link", { name: "Next month" })).toHaveCount(0);
    const month = new Date();
    const next = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 2, 1)).toISOString().slice(0, 7);
    const response = await page.goto(`/papers/month/${next}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page is not here" })).toBeVisible();
  });
});

test.describe("later pages and feeds", () => {
  test("page 2 of a view numbers its papers from 31", async ({ page }) => {
    // 84 papers over 14 days lie in at most two months: one of them has more than 30.
    const now = new Date();
    const months = [0, -1].map((delta) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + delta, 1)).toISOString().slice(0, 7));
    let paged = false;
    for (const month of months) {
      await page.goto(`/papers/month/${month}`);
      const more = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: /More papers/ });
      if ((await more.count()) === 0) continue;
      await expect(page.getByRole("region", { name: "Papers" }).getByRole("heading", { level: 2 }).first()).toHaveText(/^1\./);
      await more.click();
      await expect(page).toHaveURL(/cursor=/);
      const headings = page.getByRole("region", { name: "Papers" }).getByRole("heading", { level: 2 });
      await expect(headings.first()).toHaveText(/^31\./);
      await expect(page.getByRole("region", { name: "Papers" }).locator("ol")).toHaveAttribute("start", "31");
      paged = true;
      break;
    }
    expect(paged).toBe(true);
  });

  test("week, month, past-day and top views offer their own feeds, which list what the page lists", async ({ page, request }) => {
    const lastWeek = isoWeekKey(isoDay(Date.now() - 7 * DAY_MS));
    const pastDay = isoDay(Date.now() - 3 * DAY_MS);
    for (const [path, feed] of [
      [`/papers/week/${lastWeek}`, `/feeds/week/${lastWeek}`],
      [`/papers/date/${pastDay}`, `/feeds/date/${pastDay}`],
      ["/papers/month/latest?sort=top", "/feeds/month/latest"],
      ["/?sort=top", "/feeds/date/latest"],
    ] as const) {
      await page.goto(path);
      const query = path.includes("?") ? `?${path.split("?")[1]}` : "";
      const nav = page.getByRole("navigation", { name: "Subscribe to this view" });
      await expect(nav.getByRole("link", { name: "RSS" })).toHaveAttribute("href", `${feed}.rss${query}`);
      await expect(nav.getByRole("link", { name: "Atom" })).toHaveAttribute("href", `${feed}.atom${query}`);
      await expect(nav.getByRole("link", { name: "JSON Feed" })).toHaveAttribute("href", `${feed}.json${query}`);
      await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", new RegExp(`${feed.replace(".", "\\.")}\\.rss${query.replace("?", "\\?")}$`));

      const shown = (await paperLinks(page).evaluateAll((links) => links.map((a) => a.getAttribute("href")))).slice(0, 30);
      const rss = await request.get(`${feed}.rss${query}`);
      expect(rss.status(), feed).toBe(200);
      expect(rss.headers()["content-type"]).toContain("application/rss+xml");
      const items = xml.parse(await rss.text()).rss.channel.item as { link: string }[];
      expect(items.map((i) => new URL(i.link).pathname), path).toEqual(shown);
      const atom = xml.parse(await (await request.get(`${feed}.atom${query}`)).text()).feed;
      expect(atom.entry.length).toBe(shown.length);
      const json = await (await request.get(`${feed}.json${query}`)).json();
      expect(json.items.map((i: { url: string }) => new URL(i.url).pathname)).toEqual(shown);
    }
    expect((await request.get("/feeds/month/2099-12.rss")).status()).toBe(404);
  });
});

test.describe("details", () => {
  test("the score popover opens at its button", async ({ page }) => {
    await page.goto("/");
    const card = page.getByRole("article").nth(2);
    await card.scrollIntoViewIfNeeded();
    const button = card.getByRole("button", { name: /Why this rank/ });
    await button.click();
    const popover = page.locator(`[id="${await button.getAttribute("popovertarget")}"]`);
    await expect(popover).toBeVisible();
    const b = (await button.boundingBox())!;
    const p = (await popover.boundingBox())!;
    // Just below the button (or above it, near the bottom of the screen), starting where it starts.
    const gapBelow = p.y - (b.y + b.height);
    const gapAbove = b.y - (p.y + p.height);
    expect(Math.min(Math.abs(gapBelow), Math.abs(gapAbove))).toBeLessThan(16);
    expect(Math.abs(p.x - b.x)).toBeLessThan(8);
    await page.keyboard.press("Escape");
    await expect(popover).toBeHidden();
  });

  test("the upvote chart has a date axis", async ({ page, request }) => {
    const { papers } = await (await request.get(`/api/papers?date=${isoDay(Date.now() - 10 * DAY_MS)}&limit=1`)).json();
    await page.goto(`/papers/${papers[0].id}`);
    const figure = page.getByRole("figure");
    const labels = figure.locator('[data-axis="date"] text');
    expect(await labels.count()).toBeGreaterThanOrEqual(2);
    const days = await labels.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-day")));
    expect(days[0]).toBe(isoDay(Date.now() - 10 * DAY_MS));
    expect(days.at(-1)).toBe(isoDay(Date.now()));
    const first = new Date(`${days[0]}T00:00:00Z`);
    await expect(labels.first()).toHaveText(new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(first));
  });

  test("the 404 page says so in its title", async ({ page }) => {
    for (const path of ["/papers/date/2026-13-45", "/no-such-page", "/papers/2611.00000"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page, path).toHaveTitle(/not found/i);
    }
    await expectNoSeriousA11yViolations(page);
  });

  test("/tags names topics without repeating 'Topic:' under the Topics heading", async ({ page }) => {
    await page.goto("/tags");
    const topics = page.getByRole("region", { name: "Topics" }).getByRole("link");
    expect(await topics.count()).toBeGreaterThan(3);
    for (const text of await topics.allTextContents()) expect(text).not.toMatch(/^Topic:/);
    const categories = page.getByRole("region", { name: "arXiv categories" }).getByRole("link");
    await expect(categories.first()).toHaveText(/\(([a-z-]+\.[A-Z]{2}|[a-z-]+)\)$/);
    await expectNoSeriousA11yViolations(page);
  });
});

test.describe("a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("shows the first paper above the fold despite the demo notice", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("note", { name: "Demo data" })).toContainText("demo data");
    // The card's top within the viewport, and its title whole: a card whose top edge peeks
    // in at the bottom (as behind the full notice, 693 px down) does not show a paper yet.
    const card = page.getByRole("article").first();
    expect((await card.boundingBox())!.y).toBeLessThan(740);
    const title = (await card.getByRole("heading", { level: 2 }).boundingBox())!;
    expect(title.y + title.height).toBeLessThanOrEqual(740);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("shows the active tag filters above the list, where Clear all works", async ({ page }) => {
    await page.goto("/papers/month/latest");
    const slug = (await page.getByRole("article").first().getByRole("list", { name: "Tags" }).getByRole("link").first().getAttribute("href"))!.replace("/tags/", "");
    await page.goto(`/papers/month/latest?tags=${slug}`);
    const active = page.getByRole("region", { name: "Active tag filters" });
    await expect(active).toBeVisible();
    await expect(active.getByRole("list", { name: "Selected tags" }).getByRole("link")).toHaveCount(1);
    const activeBox = (await active.boundingBox())!;
    const firstCard = (await page.getByRole("article").first().boundingBox())!;
    expect(activeBox.y).toBeLessThan(firstCard.y);
    expect(activeBox.y).toBeLessThan(740);
    await expectNoSeriousA11yViolations(page);
    await active.getByRole("link", { name: "Clear all tag filters" }).click();
    await expect(page).toHaveURL(/\/papers\/month\/\d{4}-\d{2}$/);
    await expect(page.getByRole("region", { name: "Active tag filters" })).toHaveCount(0);
  });
});

import { expect, type Page, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

// Stored XSS: a paper whose title, abstract (with TeX), authors, categories and comment hold
// script payloads comes in through the real importer (/submit fetches it from the fake
// arXiv: tests/fixtures/arxiv-api/2606.06666.xml). Then every page that shows it is opened
// in the browser: no payload may run (they set window.__xss, call alert, or load an iframe),
// the Content-Security-Policy reports no violation (a blocked payload would still be a bug
// in the escaping), and the payloads are shown as the text they are.
// Runs last (file order): the paper stays in the database.

const ID = "2606.06666";
const TITLE_TEXT = `<script>window.__xss="title"</script>`;

interface Watch {
  dialogs: string[];
  errors: string[];
}

function watch(page: Page): Watch {
  const seen: Watch = { dialogs: [], errors: [] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (message.type() === "error" || /Content Security Policy/i.test(message.text())) seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  return seen;
}

async function expectNothingRan(page: Page, seen: Watch) {
  const state = await page.evaluate(() => {
    const w = window as unknown as { __xss?: unknown; __csp?: string[] };
    return { xss: w.__xss ?? null, csp: w.__csp ?? [], iframes: document.querySelectorAll("iframe").length, svgOnload: document.querySelectorAll("svg[onload], img[onerror], a[href^='javascript:']").length };
  });
  expect(state).toEqual({ xss: null, csp: [], iframes: 0, svgOnload: 0 });
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}

test.describe("stored script payloads", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (event) => w.__csp.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
  });

  test("come in through the importer and run nowhere they are shown", async ({ page, request }) => {
    const seen = watch(page);
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill(ID);
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Added Storedxss");
    await expectNothingRan(page, seen);

    // Stored as the text it spells (the API shows what the pages render).
    const paper = (await (await request.get(`/api/papers/${ID}`)).json()) as { title: string; authors: string[]; tags: string[]; abstract: string };
    expect(paper.title).toContain(TITLE_TEXT);
    expect(paper.authors).toContain(`Eve <script>window.__xss='author2'</script>`);

    // The paper page: title, authors, abstract with KaTeX, comment, categories, links.
    await page.goto(`/papers/${ID}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE_TEXT);
    await expect(page.getByText(`Eve <script>window.__xss='author2'</script>`, { exact: false }).first()).toBeVisible();
    await expect(page.locator(".katex").first()).toBeVisible();
    await expectNothingRan(page, seen);

    // The feed (cached page) it is listed on, and the search page and suggestions.
    await page.goto("/");
    await expect(page.getByRole("article").filter({ hasText: "Storedxss" }).getByRole("heading", { level: 2 })).toContainText(TITLE_TEXT);
    await expectNothingRan(page, seen);

    await page.goto("/search?q=storedxss");
    await expect(page.getByRole("article").filter({ hasText: "Storedxss" }).first()).toContainText(TITLE_TEXT);
    await expectNothingRan(page, seen);
    const box = page.getByRole("combobox", { name: "Search papers" });
    await box.fill("Storedxss");
    await expect(page.getByRole("listbox", { name: "Search suggestions" }).getByRole("option").filter({ hasText: "Storedxss" }).first()).toContainText("<script>");
    await expectNothingRan(page, seen);

    // A tag page that lists it.
    expect(paper.tags.length).toBeGreaterThan(0);
    await page.goto(`/tags/${paper.tags[0]}`);
    await expect(page.getByRole("article").filter({ hasText: "Storedxss" }).first()).toContainText(TITLE_TEXT);
    await expectNothingRan(page, seen);

    // A search payload reflected into the dynamic page, too.
    await page.goto(`/search?q=${encodeURIComponent(`"><img src=x onerror=alert(1)><script>window.__xss=1</script>`)}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>window.__xss=1</script>");
    await expectNothingRan(page, seen);
  });

  test("are escaped in the RSS, Atom and JSON feeds", async ({ request }) => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
    const text = (node: string | { "#text": string }) => (typeof node === "string" ? node : node["#text"]);
    for (const file of ["trending.rss", "trending.atom", "search.rss?q=storedxss", "search.atom?q=storedxss"]) {
      const body = await (await request.get(`/feeds/${file}`)).text();
      expect(body, file).toContain("Storedxss");
      // In XML the payload is character data (escaped or CDATA), never markup.
      expect(body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ""), file).not.toMatch(/<script>|<img src=x|<svg/);
      // Readers render RSS titles and descriptions and Atom type="html" fields as HTML: parsed
      // back, those hold no markup either (the payload arrives as escaped text).
      const doc = xml.parse(body);
      const items: Record<string, string | { "#text": string }>[] = file.includes(".rss") ? [doc.rss.channel.item].flat() : [doc.feed.entry].flat();
      const item = items.find((i) => text(i.title!).includes("Storedxss"))!;
      for (const field of file.includes(".rss") ? ["title", "description"] : ["title", "summary"]) {
        expect(text(item[field]!), `${file} ${field}`).toMatch(/Storedxss|We study language models/);
        expect(text(item[field]!), `${file} ${field}`).not.toMatch(/</);
      }
    }
    const json = (await (await request.get("/feeds/search.json?q=storedxss")).json()) as { items: { title: string; content_html?: string }[] };
    const item = json.items.find((i) => i.title.includes("Storedxss"))!;
    expect(item.title).toContain(TITLE_TEXT);
    if (item.content_html) expect(item.content_html).not.toMatch(/<script>|<img src=x|<svg\/onload/);
  });
});

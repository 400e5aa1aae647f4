import { expect, test } from "@playwright/test";

// TeX as readers see it: a paper whose title and abstract carry TeX outside math (as arXiv
// metadata does: tests/fixtures/arxiv-api/2606.05555.xml) comes in through /submit, and its
// page, its card, its metadata, the search and the feeds show text ("Büttiker"), formulas
// rendered by KaTeX, and the abstract's URLs as links.

const ID = "2606.05555";
const TITLE = "Landauer-Büttiker Transport in O(n log n) Time for Poincaré Sections of Attention Graphs";
const RAW = /B\\"uttiker|Poincar\\'e|\\emph|\\&|\\%|Erd\\H|\\url/;

test.describe("TeX in titles and abstracts", () => {
  test("shows as text on the paper page, in its metadata and on its card", async ({ page }) => {
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill(ID);
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`Added ${TITLE}.`);

    await page.goto(`/papers/${ID}`);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText("Landauer-Büttiker Transport in");
    await expect(heading).toContainText("Time for Poincaré Sections of Attention Graphs");
    await expect(heading.locator(".katex")).toHaveCount(1);
    const abstract = page.locator("section[aria-labelledby='abstract-heading'] p").first();
    await expect(abstract).toContainText("We extend the Landauer-Büttiker formalism to attention graphs of Erdős–Rényi type & prove an");
    await expect(abstract).toContainText(/Fig\.\s2 shows 50% less noise than “plain” transport\./);
    await expect(abstract.locator(".katex")).toHaveCount(2);
    expect(await page.locator("main").innerText()).not.toMatch(RAW);

    // The abstract's URLs are links (the full stop after the first one is not part of it).
    const code = abstract.getByRole("link", { name: "https://github.com/example-lab/buttiker-transport" });
    await expect(code).toHaveAttribute("href", "https://github.com/example-lab/buttiker-transport");
    await expect(code).toHaveAttribute("rel", "noopener noreferrer nofollow");
    await expect(abstract.getByRole("link", { name: "https://example-lab.github.io/bt/~data/" })).toHaveAttribute("href", "https://example-lab.github.io/bt/~data/");

    // Page title, Open Graph and description: plain text, no TeX.
    await expect(page).toHaveTitle(`${TITLE} · PaperPulse`);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", TITLE);
    const description = await page.locator('meta[name="description"]').getAttribute("content");
    expect(description).toContain("We extend the Landauer-Büttiker formalism to attention graphs of Erdős–Rényi type & prove an α-stable limit for L_(CE).");
    expect(description).not.toMatch(/[\\$]/);

    // Today's feed: the card.
    await page.goto("/");
    const card = page.getByRole("article").filter({ hasText: "Attention Graphs" });
    await expect(card.getByRole("heading", { level: 2 })).toContainText("Landauer-Büttiker Transport in");
    await expect(card).toContainText("Erdős–Rényi type & prove");
    expect(await card.innerText()).not.toMatch(RAW);
  });

  test("is found by the word with or without accents, and shown as text in search and feeds", async ({ page, request }) => {
    for (const q of ["Büttiker", "Buttiker", "Poincare"]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      const hit = page.getByRole("article").filter({ hasText: "Attention Graphs" });
      await expect(hit, q).toHaveCount(1);
      await expect(hit.getByRole("heading", { level: 2 })).toContainText(TITLE);
    }

    const rss = await (await request.get("/feeds/trending.rss")).text();
    expect(rss).toContain(TITLE);
    expect(rss).not.toMatch(RAW);
    const json = (await (await request.get("/feeds/trending.json")).json()) as { items: { title: string; summary: string }[] };
    const item = json.items.find((i) => i.title === TITLE);
    expect(item?.summary).toContain("Landauer-Büttiker formalism");
  });
});

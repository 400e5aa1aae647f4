import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_CRON_SECRET } from "../support/e2e-secrets";
import pg from "pg";

// What Hugging Face adds to a paper, in the browser: the organization (on the card, the paper
// page and its own page /orgs/<name>), the figure on the card (lazy, with its box reserved
// before the image arrives: these machines are offline, so it never does), the
// machine-written summary, the comment count and the link to the HF page; and a paper only
// arXiv RSS announced, whose submission month is shown instead of an invented date.
// The papers are planted in PostgreSQL on the latest listed day, the server is told to
// refresh those pages as an import would, and they are removed afterwards.

const DATABASE_URL = process.env.E2E_DATABASE_URL;
const CRON_SECRET = E2E_CRON_SECRET;
const HF_PAPER = "2612.90001";
const RSS_PAPER = "2612.90002";
const ORG = "e2e-lab";
const FIGURE = "https://cdn-uploads.huggingface.co/production/uploads/e2e/figure.png";

test.skip(!DATABASE_URL, "plants papers through PostgreSQL (E2E_DATABASE_URL); the embedded database belongs to the server process");

async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function revalidate(request: APIRequestContext, day: string) {
  const response = await request.post("/api/cron/revalidate", {
    headers: { Authorization: `Bearer ${CRON_SECRET}`, "Content-Type": "application/json" },
    data: { touchedDays: [day], touchedPaperIds: [HF_PAPER, RSS_PAPER], touchedOrgs: [ORG], addedDays: false },
  });
  expect(response.status()).toBe(200);
}

let day = "";

test.beforeAll(async ({ request }) => {
  day = await withDb(async (db) => {
    const latest = (await db.query<{ day: string }>(`SELECT max(listed_on)::text AS day FROM papers`)).rows[0]?.day;
    expect(latest, "the e2e database has papers").toBeTruthy();
    await db.query(`INSERT INTO organizations (name, full_name, avatar_url) VALUES ($1, 'End-to-End Research Lab', NULL) ON CONFLICT (name) DO NOTHING`, [ORG]);
    const insert = `INSERT INTO papers (id, version, title, abstract, authors, published_at, published_at_exact, updated_at, listed_on, primary_category,
        categories, upvotes, comment_count, keywords, source, organization, media_urls, ai_summary, on_hugging_face, tag_slugs)
      VALUES ($1, 1, $2, $3, ARRAY['Ada Planted'], $4::text::date, $5, $4::text::date, $4::text::date, $6, $7, $8, $9, '{}', $10, $11, $12, $13, $14, '{}')`;
    await db.query(insert, [HF_PAPER, "Planted Figures for Testing Cards", "An abstract about cards that carry a figure.", latest, true, null, [], 9999, 7, "huggingface", ORG, [FIGURE], "A planted paper shows its figure and a one-line summary.", true]);
    await db.query(insert, [RSS_PAPER, "A Paper Only arXiv RSS Announced", "Its submission time is unknown.", latest, false, "cs.LG", ["cs.LG"], 0, 0, "arxiv_rss", null, [], null, false]);
    return latest!;
  });
  await revalidate(request, day);
});

test.afterAll(async ({ request }) => {
  await withDb(async (db) => {
    await db.query(`DELETE FROM papers WHERE id = ANY($1)`, [[HF_PAPER, RSS_PAPER]]);
    await db.query(`DELETE FROM organizations WHERE name = $1`, [ORG]);
  });
  if (!day) return;
  await revalidate(request, day);
  // Render the pages again now, so the copies Next keeps on disk no longer show the planted
  // papers: a later run's server starts from those files without this run's revalidation.
  for (const path of ["/", `/papers/date/${day}`, `/papers/${HF_PAPER}`, `/papers/${RSS_PAPER}`, `/orgs/${ORG}`]) await request.get(path);
});

test("a card shows the organization, the machine-written summary and a lazy figure whose space is reserved before it loads", async ({ page }) => {
  await page.goto("/");
  const card = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Planted Figures for Testing Cards" }) });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link", { name: "End-to-End Research Lab" })).toHaveAttribute("href", `/orgs/${ORG}`);
  await expect(card).toContainText("Machine-written summary");
  await expect(card).toContainText("A planted paper shows its figure and a one-line summary.");

  const figure = card.locator("img.card-thumb");
  await expect(figure).toHaveAttribute("src", FIGURE);
  await expect(figure).toHaveAttribute("loading", "lazy");
  await expect(figure).toHaveAttribute("width", "160");
  await expect(figure).toHaveAttribute("height", "100");
  const box = await figure.evaluate((img: HTMLImageElement) => ({
    loaded: img.complete && img.naturalWidth > 0,
    aspectRatio: getComputedStyle(img).aspectRatio,
    width: img.getBoundingClientRect().width,
    height: img.getBoundingClientRect().height,
  }));
  // Not loaded (no network here), and still its full box: nothing moves when it arrives.
  expect(box.loaded).toBe(false);
  expect(box.aspectRatio).toBe("8 / 5");
  expect(box.width).toBeGreaterThan(100);
  expect(box.height).toBeCloseTo((box.width * 5) / 8, 0);
});

test("the paper page shows the comment count, the Hugging Face link, the organization, no 'uncategorised'", async ({ page }) => {
  await page.goto(`/papers/${HF_PAPER}`);
  const header = page.getByRole("article").locator("header");
  await expect(header).not.toContainText("uncategorised");
  await expect(header.locator("p").first()).toHaveText(/^arXiv:2612\.90001v1 · listed /);
  await expect(header.getByRole("link", { name: "End-to-End Research Lab" })).toHaveAttribute("href", `/orgs/${ORG}`);
  await expect(header.getByText("Comments on Hugging Face")).toBeVisible();
  await expect(header.getByRole("link", { name: "7", exact: true })).toHaveAttribute("href", `https://huggingface.co/papers/${HF_PAPER}`);
  await expect(page.getByRole("navigation", { name: "Links" }).getByRole("link", { name: "Hugging Face" })).toHaveAttribute("href", `https://huggingface.co/papers/${HF_PAPER}`);
  const figure = page.getByRole("region", { name: "Figures" }).getByRole("img");
  await expect(figure).toHaveAttribute("width", "640");
  await expect(figure).toHaveAttribute("height", "400");
});

test("a paper whose submission time no source gave shows the month its id says, not the announce day", async ({ page }) => {
  await page.goto(`/papers/${RSS_PAPER}`);
  const dates = page.getByRole("article").locator("header dl");
  await expect(dates).toContainText("Submitted December 2026");
  await expect(dates).not.toContainText("Published");
  await expect(page.getByRole("navigation", { name: "Links" }).getByRole("link", { name: "Hugging Face" })).toHaveCount(0);
});

test("the organization page lists its papers, and an unknown organization is a 404", async ({ page }) => {
  const response = await page.goto(`/orgs/${ORG}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("End-to-End Research Lab");
  await expect(page).toHaveTitle(/End-to-End Research Lab: papers/);
  await expect(page.getByRole("region", { name: "Papers" }).getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Planted Figures for Testing Cards" })).toHaveAttribute("href", `/papers/${HF_PAPER}`);
  // The card's new parts (organization link, summary label, figure) pass axe too.
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole("navigation", { name: "Sort" }).getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(new RegExp(`/orgs/${ORG}\\?sort=new$`));
  await expect(page.getByRole("region", { name: "Papers" }).getByRole("article")).toHaveCount(1);

  expect((await page.goto("/orgs/no-such-org-e2e"))?.status()).toBe(404);
  expect((await page.goto("/orgs/..%2Fadmin"))?.status()).toBe(404);
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

// /submit against the fake arXiv of tests/e2e/fixture-server.ts (the app's ARXIV_API_URL
// points at it): it serves tests/fixtures/arxiv-api/2606.07777.xml for that id and a
// zero-result feed for any other, exactly as arXiv answers an id it does not have.

test.describe("submitting a paper", () => {
  test("explains a malformed id and keeps what was typed", async ({ page }) => {
    await page.goto("/submit");
    await expect(page.getByRole("heading", { level: 1, name: "Submit a paper" })).toBeVisible();
    const field = page.getByLabel("arXiv id or link");
    await field.fill("2606.0777");
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "“2606.0777” is not an arXiv id. Use an id such as 2606.00467 or hep-th/9901001, optionally with a version (2606.00467v2), or an arxiv.org/abs or /pdf link.",
    );
    await expect(field).toHaveValue("2606.0777");
    await expect(field).toHaveAttribute("aria-invalid", "true");
  });

  test("says when arXiv has no such paper", async ({ page }) => {
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill("2606.99999");
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("arXiv has no paper 2606.99999. Check the id and try again.");
  });

  test("adds a paper from its arXiv link; it shows on its page and today's feed, and a repeat is recognised", async ({ page }) => {
    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill("https://arxiv.org/abs/2606.07777v1");
    await page.getByRole("button", { name: "Submit paper" }).click();
    const status = page.getByRole("main").getByRole("status");
    await expect(status).toContainText("Added Lattice Lanterns: Sparse Probing of Retrieval Heads in Long-Context Language Models. It is listed on today’s feed.");
    await expect(page.getByLabel("arXiv id or link")).toHaveValue("");

    await status.getByRole("link", { name: /Lattice Lanterns/ }).click();
    await expect(page).toHaveURL(/\/papers\/2606\.07777$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lattice Lanterns: Sparse Probing of Retrieval Heads in Long-Context Language Models");
    await expect(page.getByText("Ilse Marchetti, Tomasz Wróbel, Ngozi Adeyemi")).toBeVisible();
    await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", "https://arxiv.org/pdf/2606.07777v2");
    const today = new Date().toISOString().slice(0, 10);
    await expect(page.locator(`time[datetime="${today}"]`).first()).toBeVisible();

    await page.goto("/");
    await expect(page.locator('a[href="/papers/2606.07777"]').first()).toBeVisible();

    await page.goto("/submit");
    await page.getByLabel("arXiv id or link").fill("2606.07777");
    await page.getByRole("button", { name: "Submit paper" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText(`Already on PaperPulse: Lattice Lanterns: Sparse Probing of Retrieval Heads in Long-Context Language Models, listed on ${today}. Nothing was changed.`);
  });

  test("has no serious accessibility violations and fits a 360 px screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/submit");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});

test.describe("GET|POST /api/cron/ingest on the running server", () => {
  const secret = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-0123456789abcdef0123";

  test("answers 401 without the secret or with a wrong one", async ({ request }) => {
    for (const headers of [{}, { Authorization: `Bearer ${secret}-wrong` }] as Record<string, string>[]) {
      const response = await request.get("/api/cron/ingest", { headers });
      expect(response.status()).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  test("ingests the configured sources from the fake Hugging Face and answers a summary", async ({ request }) => {
    // The fixture server has no Hugging Face papers for these days, so nothing changes here.
    const response = await request.post("/api/cron/ingest", { headers: { Authorization: `Bearer ${secret}` } });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { ok: boolean; runs: { source: string; status: string; new: number }[] };
    expect(body.ok).toBe(true);
    const day = (back: number) => new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    expect(body.runs.map((run) => [run.source, run.status, run.new])).toEqual([0, 1, 2].map((back) => [`huggingface:${day(back)}`, "succeeded", 0]));
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// The digest flow in a browser, on the server's default transport (no SMTP_URL): emails go
// to the outbox, which /outbox lists. Sign up, open the confirmation email, confirm with
// the button, manage, get a digest from the cron, unsubscribe from its link.

const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-0123456789abcdef0123";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

/** Opens the newest outbox message to `email` whose subject matches, waiting for the worker to send it. */
async function openOutboxMessage(page: Page, email: string, subject: RegExp) {
  await expect(async () => {
    await page.goto("/outbox");
    const item = page
      .getByRole("list", { name: "Messages" })
      .getByRole("listitem")
      .filter({ hasText: `to ${email}` })
      .filter({ has: page.getByRole("link", { name: subject }) });
    await expect(item.first()).toBeVisible({ timeout: 1000 });
    await item.first().getByRole("link").click();
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
}

test.describe("the email digest", () => {
  test("sign up, confirm, manage, receive a digest and unsubscribe", async ({ page, request }) => {
    // The whole journey (four axe scans, two outbox round trips, a digest run) in one test.
    test.setTimeout(90_000);
    const email = `e2e-${Date.now()}@example.org`;

    // The form validates before anything is stored.
    await page.goto("/subscribe");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get trending papers in your inbox");
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Email").fill("not an address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Enter a valid email address");

    await page.getByLabel("Email").fill(email);
    await page.getByRole("radio", { name: "Weekly" }).check();
    await page.getByRole("checkbox", { name: "Robotics" }).check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("check your inbox");

    // The confirmation email opens a page that asks; only the button confirms.
    await openOutboxMessage(page, email, /^Confirm your PaperPulse digest subscription$/);
    await expect(page.getByRole("region", { name: "Links in this message" })).toBeVisible();
    await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Confirm your subscription" }).first().click();
    await expect(page).toHaveURL(/\/subscribe\/confirm\?token=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are subscribed");

    // Manage: the choices made at sign-up, then changed.
    await page.getByRole("link", { name: "Manage your digest" }).click();
    await expect(page).toHaveURL(/\/manage\?token=/);
    const manageUrl = page.url();
    await expect(page.getByText(`Digest for ${email}: active.`)).toBeVisible();
    await expect(page.getByRole("radio", { name: "Weekly" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Robotics" })).toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("radio", { name: "Daily" }).check();
    await page.getByRole("checkbox", { name: "Robotics" }).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Saved. You will get the daily digest with every topic.");
    await page.reload();
    await expect(page.getByRole("radio", { name: "Daily" })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Robotics" })).not.toBeChecked();

    // Unsubscribe and come back, from the manage page.
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are unsubscribed");
    await expect(page.getByText(`Digest for ${email}: unsubscribed`)).toBeVisible();
    await page.getByRole("button", { name: "Subscribe again" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Welcome back");

    // The cron sends today's digest; it arrives in the outbox with its list headers.
    const cron = await request.post("/api/cron/digest", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
    expect(cron.status()).toBe(200);
    expect((await request.post("/api/cron/digest")).status()).toBe(401);
    await openOutboxMessage(page, email, /^PaperPulse, \d{1,2} \w{3} \d{4}: .+/);
    const headers = page.getByRole("region", { name: "Headers" });
    await expect(headers).toContainText("List-Unsubscribe-PostList-Unsubscribe=One-Click");
    await expect(headers).toContainText(/List-Unsubscribe<http:\/\/127\.0\.0\.1:\d+\/api\/unsubscribe\?token=/);
    const links = page.getByRole("region", { name: "Links in this message" });
    await expect(links.locator('a[href*="/papers/"]').first()).toBeVisible();
    await expect(links.getByRole("link", { name: "Manage your digest" })).toHaveAttribute("href", /\/manage\?token=/);

    // The footer's Unsubscribe link asks first: opening it changes nothing.
    await links.getByRole("link", { name: "Unsubscribe", exact: true }).click();
    await expect(page).toHaveURL(/\/unsubscribe\?token=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe from PaperPulse digests?");
    await expectNoSeriousA11yViolations(page);
    const unsubscribeUrl = page.url();
    await page.goto(manageUrl);
    await expect(page.getByText(`Digest for ${email}: active.`)).toBeVisible();
    await page.goto(unsubscribeUrl);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are unsubscribed");
    await page.goto(manageUrl);
    await expect(page.getByText(`Digest for ${email}: unsubscribed`)).toBeVisible();
  });

  test("the footer form signs up from any page and fits a small screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/");
    const form = page.getByRole("form", { name: "Email digest sign-up" });
    await expect(form).toBeVisible();
    await form.getByLabel("Email").fill(`footer-${Date.now()}@example.org`);
    await form.getByRole("button", { name: "Subscribe" }).click();
    await expect(form.getByRole("status")).toContainText("check your inbox");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("bad links get a clear page, not an error", async ({ page }) => {
    await page.goto("/manage?token=nonsense");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is not valid");
    await page.goto("/subscribe/confirm");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not complete or not valid");
    await page.goto("/unsubscribe?token=0b7c2a4e-1f7d-4c2b-9a47-5d1e2f3a4b5c.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This unsubscribe link is not valid");
  });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, test } from "@playwright/test";

// The digest flow in a browser, on the server's default transport (no SMTP_URL): emails go
// to the outbox, which /outbox lists. Sign up, open the confirmation email, confirm with
// the button, manage, get a digest from the cron, unsubscribe from its link.

const CRON_SECRET = process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-0123456789abcdef0123";

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);
}

/**
 * Opens the newest outbox message to `email` whose subject matches, waiting for the worker to
 * send it (and, with `count`, until that many such messages are there).
 */
async function openOutboxMessage(page: Page, email: string, subject: RegExp, count = 1) {
  await expect(async () => {
    await page.goto("/outbox");
    const item = page
      .getByRole("list", { name: "Messages" })
      .getByRole("listitem")
      .filter({ hasText: `to ${email}` })
      .filter({ has: page.getByRole("link", { name: subject }) });
    await expect(item).toHaveCount(count, { timeout: 1000 });
    await item.first().getByRole("link").click();
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
}

const CONFIRMATION = /^Confirm your PaperPulse digest subscription$/;

/** From an open confirmation email to its confirmation page. */
async function followConfirmationLink(page: Page) {
  await expect(page.getByRole("region", { name: "Links in this message" })).toBeVisible();
  await page.getByRole("region", { name: "Links in this message" }).getByRole("link", { name: "Confirm your subscription" }).first().click();
  await expect(page).toHaveURL(/\/subscribe\/confirm\?token=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
}

/** Clicks a button scrolled just into sight at the bottom of the screen, where a reader stops scrolling. */
async function pressAtTheBottomOfTheScreen(button: Locator) {
  await button.evaluate((element) => element.scrollIntoView({ block: "end" }));
  await button.click();
}

const topic = (page: Page, name: string) => page.getByRole("checkbox", { name, exact: true });

test.describe("the email digest", () => {
  test("sign up, confirm, manage, receive a digest, unsubscribe, and come back only by confirming again", async ({ page, request }) => {
    // The whole journey (five axe scans, four outbox round trips, a digest run) in one test.
    test.setTimeout(120_000);
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
    await topic(page, "Robotics").check();
    await page.getByRole("button", { name: "Subscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("check your inbox");

    // The confirmation email opens a page that asks, showing the sign-up's choices; only the button confirms.
    await openOutboxMessage(page, email, CONFIRMATION);
    await followConfirmationLink(page);
    const confirmUrl = page.url();
    await expect(page.getByRole("radio", { name: "Weekly" })).toBeChecked();
    await expect(topic(page, "Robotics")).toBeChecked();
    await expect(topic(page, "Agents")).not.toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are subscribed");
    const manageLink = page.getByRole("main").getByRole("link", { name: "Manage your digest" });
    const manageUrl = new URL((await manageLink.getAttribute("href"))!, page.url()).toString();

    // The used link says it is confirmed: no button, and no manage link handed out again.
    await page.goto(confirmUrl);
    await expect(page.getByRole("main").getByRole("status")).toContainText("already confirmed");
    await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "Manage your digest" })).toHaveCount(0);

    // Manage: the choices made at sign-up, then changed; the form shows what was saved, and a
    // second save keeps the first one's changes.
    await page.goto(manageUrl);
    await expect(page.getByText(`Digest for ${email}: active.`)).toBeVisible();
    await expect(page.getByRole("radio", { name: "Weekly" })).toBeChecked();
    await expect(topic(page, "Robotics")).toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await topic(page, "Agents").check();
    await topic(page, "Reasoning").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Saved. You will get the weekly digest on 3 topics.");
    for (const name of ["Robotics", "Agents", "Reasoning"]) await expect(topic(page, name)).toBeChecked();
    await page.getByRole("radio", { name: "Daily" }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Saved. You will get the daily digest on 3 topics.");
    await page.reload();
    await expect(page.getByRole("radio", { name: "Daily" })).toBeChecked();
    for (const name of ["Robotics", "Agents", "Reasoning"]) await expect(topic(page, name)).toBeChecked();
    // Every topic, so today's digest has papers whatever the demo data holds.
    for (const name of ["Robotics", "Agents", "Reasoning"]) await topic(page, name).uncheck();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("Saved. You will get the daily digest with every topic.");
    for (const name of ["Robotics", "Agents", "Reasoning"]) await expect(topic(page, name)).not.toBeChecked();
    await page.reload();

    // Unsubscribe from the manage page. Coming back takes a new confirmation: the manage link
    // alone does not turn digests on again.
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are unsubscribed");
    await expect(page.getByText(`Digest for ${email}: unsubscribed`)).toBeVisible();
    await page.getByRole("button", { name: "Subscribe again" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("we are emailing a confirmation link");
    await expect(page.getByText(`Digest for ${email}: waiting for confirmation`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(`Digest for ${email}: waiting for confirmation`)).toBeVisible();
    await openOutboxMessage(page, email, CONFIRMATION, 2);
    await followConfirmationLink(page);
    // It carries the subscription's own choices.
    await expect(page.getByRole("radio", { name: "Daily" })).toBeChecked();
    await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are subscribed");
    const newManageUrl = new URL((await page.getByRole("main").getByRole("link", { name: "Manage your digest" }).getAttribute("href"))!, page.url()).toString();
    // The manage link from before this opt-in no longer works.
    await page.goto(manageUrl);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is not valid");

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
    await expect(links.getByRole("link", { name: "Manage your digest" })).toHaveAttribute("href", newManageUrl);

    // The footer's Unsubscribe link asks first: opening it changes nothing.
    await links.getByRole("link", { name: "Unsubscribe", exact: true }).click();
    await expect(page).toHaveURL(/\/unsubscribe\?token=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe from PaperPulse digests?");
    await expectNoSeriousA11yViolations(page);
    const unsubscribeUrl = page.url();
    await page.goto(newManageUrl);
    await expect(page.getByText(`Digest for ${email}: active.`)).toBeVisible();
    await page.goto(unsubscribeUrl);
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("status")).toContainText("You are unsubscribed");
    await page.goto(newManageUrl);
    await expect(page.getByText(`Digest for ${email}: unsubscribed`)).toBeVisible();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 360, height: 740 },
  ]) {
    test(`after Subscribe the answer is focused and in view at ${viewport.width} px, on /subscribe and in the footer of any page`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/subscribe");
      await page.getByLabel("Email").fill(`focus-${viewport.width}-${Date.now()}@example.org`);
      await pressAtTheBottomOfTheScreen(page.getByRole("button", { name: "Subscribe" }));
      const answer = page.getByRole("main").getByRole("status");
      await expect(answer).toContainText("check your inbox");
      await expect(answer).toBeFocused();
      await expect(answer).toBeInViewport();

      await page.goto("/");
      const form = page.getByRole("form", { name: "Email digest sign-up" });
      await form.getByLabel("Email").fill(`footer-focus-${viewport.width}-${Date.now()}@example.org`);
      await pressAtTheBottomOfTheScreen(form.getByRole("button", { name: "Subscribe" }));
      const footerAnswer = form.getByRole("status");
      await expect(footerAnswer).toContainText("check your inbox");
      await expect(footerAnswer).toBeFocused();
      await expect(footerAnswer).toBeInViewport();
      // The footer's form fits a small screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("bad links get a clear page, not an error", async ({ page }) => {
    await page.goto("/manage?token=nonsense");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is not valid");
    await page.goto("/subscribe/confirm");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not complete or not valid");
    // A well-formed but forged link is refused on opening, before any button.
    await page.goto("/subscribe/confirm?token=0b7c2a4e-1f7d-4c2b-9a47-5d1e2f3a4b5c.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&frequency=weekly");
    await expect(page.getByRole("main").getByRole("alert")).toContainText("not complete or not valid");
    await expect(page.getByRole("button", { name: "Confirm subscription" })).toHaveCount(0);
    await page.goto("/unsubscribe?token=0b7c2a4e-1f7d-4c2b-9a47-5d1e2f3a4b5c.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This unsubscribe link is not valid");
  });
});

import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { requestFrom, serverActionBody } from "../support/http-client";

// The local outbox on a 360 px phone: a real confirmation email (a sign-up through the
// form's server action, sent by the queue worker), its list and its page. The page must
// not be wider than the screen (long links with tokens wrap) and its HTML part must be
// drawn: in a full-page capture, the frame's area differs from the same frame emptied.

test.use({ viewport: { width: 360, height: 800 } });

function subscribeActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
  return Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "subscribeAction")![0];
}

test("a confirmation email in the outbox fits a 360 px screen and shows its HTML part", async ({ page, baseURL }) => {
  const email = `outbox-phone-${Date.now()}@example.org`;
  // A client address of its own (a loopback source address), so the sign-up budget of the
  // other specs, which share 127.0.0.1, is left alone.
  const { body, contentType } = serverActionBody([
    ["email", email],
    ["frequency", "daily"],
  ]);
  const signUp = await requestFrom(`${baseURL}/subscribe`, {
    localAddress: `127.0.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`,
    body,
    headers: { "content-type": contentType, "next-action": subscribeActionId(), origin: baseURL!, accept: "text/x-component" },
  });
  expect(signUp.text).toContain("check your inbox");

  const entry = page.getByRole("listitem").filter({ hasText: email });
  await expect(async () => {
    await page.goto("/outbox");
    await expect(entry).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await entry.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Confirm");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const frame = page.frameLocator('iframe[title="HTML part of the message"]');
  await expect(frame.getByRole("link", { name: "Confirm your subscription" })).toBeVisible();
  const box = (await page.locator('iframe[title="HTML part of the message"]').boundingBox())!;
  const clip = { x: box.x, y: box.y + (await page.evaluate(() => window.scrollY)), width: box.width, height: box.height };
  await page.evaluate(() => window.scrollTo(0, 0));
  const drawn = await page.screenshot({ fullPage: true, clip });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const iframe = document.querySelector<HTMLIFrameElement>('iframe[title="HTML part of the message"]')!;
        iframe.addEventListener("load", () => resolve(), { once: true });
        iframe.srcdoc = "<!doctype html><title>empty</title>";
      }),
  );
  const empty = await page.screenshot({ fullPage: true, clip });
  expect(drawn.equals(empty), "the HTML part looks the same as an empty frame").toBe(false);
});

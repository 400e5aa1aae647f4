import { readFileSync } from "node:fs";
import { type Browser, expect, type Request, test } from "@playwright/test";
import { FORM_ACTION_ID_PREFIX, FORM_ACTION_PART_PREFIX, FORM_ACTION_REF_PREFIX } from "@/lib/http/form-encoding";

// lib/http/server-action-guard.ts reads React's form encoding, which is not a public API. This
// pins it: the sign-up form is submitted by Chromium with and without JavaScript, and the
// request it sends must still look exactly as the guard expects (field names, descriptor,
// argument lists). An upgrade of next/react that changes the encoding fails here, not in
// production. Each captured request is then replayed through the real server: verbatim it
// reaches the action, with one part corrupted or from another site the guard refuses it.
// An invalid address is submitted, so nothing is stored and no sign-up budget is spent.

const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName: string }> };
const SUBSCRIBE_ACTION = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "subscribeAction")![0];

async function submitSignUp(browser: Browser, javaScriptEnabled: boolean): Promise<{ request: Request; fields: [string, string][] }> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto("/subscribe");
  const form = page.getByRole("main").locator("form");
  await form.getByLabel("Email").fill("not an address");
  const posted = page.waitForRequest((r) => r.method() === "POST");
  await form.getByRole("button", { name: "Subscribe" }).click();
  const request = await posted;
  await expect(page.getByRole("main")).toContainText("Enter a valid email address");
  const body = new Response(new Uint8Array(request.postDataBuffer()!), { headers: { "content-type": request.headers()["content-type"]! } });
  const fields = [...(await body.formData()).entries()].map(([name, value]): [string, string] => [name, String(value)]);
  await context.close();
  return { request, fields };
}

function multipart(fields: [string, string][]): { body: Buffer; type: string } {
  const boundary = "----pinnedEncoding0123456789";
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body: Buffer.from(body, "utf8"), type: `multipart/form-data; boundary=${boundary}` };
}

const names = (fields: [string, string][]) => fields.map(([name]) => name);
const value = (fields: [string, string][], name: string) => fields.find(([n]) => n === name)?.[1];

test.describe("the form encodings the page-POST guard reads (next 16.4.6, React 19.3.1)", () => {
  test("without JavaScript: $ACTION_REF_1, a descriptor bound to $@1, JSON bound arguments", async ({ browser, request: api }) => {
    const { request, fields } = await submitSignUp(browser, false);
    expect(request.headers()["next-action"]).toBeUndefined();
    expect(request.headers()["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(names(fields)).toEqual([`${FORM_ACTION_REF_PREFIX}1`, `${FORM_ACTION_PART_PREFIX}1:0`, `${FORM_ACTION_PART_PREFIX}1:1`, "$ACTION_KEY", "email", "frequency", "website"]);
    expect(JSON.parse(value(fields, "$ACTION_1:0")!)).toEqual({ id: SUBSCRIBE_ACTION, bound: "$@1" });
    expect(JSON.parse(value(fields, "$ACTION_1:1")!)).toEqual([{ status: "idle" }]);
    expect(names(fields).filter((name) => name.startsWith(FORM_ACTION_ID_PREFIX))).toEqual([]);

    // Replayed as the browser sent it: the action answers (the page, with its message).
    const origin = new URL(request.url()).origin;
    const replay = (parts: [string, string][], headers: Record<string, string> = {}) => {
      const { body, type } = multipart(parts);
      return api.post("/subscribe", { headers: { origin, "content-type": type, ...headers }, data: body, maxRedirects: 0 });
    };
    const verbatim = await replay(fields);
    expect(verbatim.status()).toBe(200);
    expect(await verbatim.text()).toContain("Enter a valid email address");
    // Corrupted where the guard looks, or from another site: refused before Next decodes it.
    const corrupted = await replay(fields.map(([n, v]): [string, string] => [n, n === "$ACTION_1:1" ? '[{"status":"idle"},"$Q9"]' : v]));
    expect(corrupted.status()).toBe(400);
    expect((await corrupted.json()).error.message).toContain('unsupported reference "$Q9"');
    expect((await replay(fields, { origin: "https://evil.example" })).status()).toBe(403);
  });

  test("with JavaScript: a Next-Action call, the form under _1_, the argument list in part 0", async ({ browser, request: api }) => {
    const { request, fields } = await submitSignUp(browser, true);
    expect(request.headers()["next-action"]).toBe(SUBSCRIBE_ACTION);
    expect(request.headers()["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(names(fields)).toEqual(["_1_$ACTION_REF_1", "_1_$ACTION_1:0", "_1_$ACTION_1:1", "_1_$ACTION_KEY", "_1_email", "_1_frequency", "_1_website", "0"]);
    expect(JSON.parse(value(fields, "0")!)).toEqual([{ status: "idle" }, "$K1"]);

    const origin = new URL(request.url()).origin;
    const replay = (parts: [string, string][], headers: Record<string, string> = {}) => {
      const { body, type } = multipart(parts);
      return api.post("/subscribe", { headers: { origin, "content-type": type, "next-action": SUBSCRIBE_ACTION, accept: "text/x-component", ...headers }, data: body, maxRedirects: 0 });
    };
    const verbatim = await replay(fields);
    expect(verbatim.status()).toBe(200);
    expect(await verbatim.text()).toContain("Enter a valid email address");
    const corrupted = await replay(fields.map(([n, v]): [string, string] => [n, n === "0" ? '[{"status":"idle"},"$@3"]' : v]));
    expect(corrupted.status()).toBe(400);
    expect((await corrupted.json()).error.message).toContain('unsupported reference "$@3"');
    expect((await replay(fields, { "sec-fetch-site": "cross-site" })).status()).toBe(403);
  });
});

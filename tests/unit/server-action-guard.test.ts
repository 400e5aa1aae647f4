import { describe, expect, it } from "vitest";
import { SERVER_ACTION_MAX_BYTES, screenPagePost } from "@/lib/http/server-action-guard";

// The page-POST guard on requests shaped like the ones Chromium sends from the sign-up form
// (captured from next 16.4.6 / React 19.3.1; tests/e2e/form-encoding.spec.ts checks against a
// live browser that they still look like this) and on the ways a hand-made request breaks them.

const ORIGIN = "http://127.0.0.1:3210";
const ACTION_ID = "60a062ea637fedb5d1172cb1311e6ad26bdd28f027";
const DESCRIPTOR = `{"id":"${ACTION_ID}","bound":"$@1"}`;

/** The fields of the no-JavaScript form post, in the browser's order. */
const NO_JS_FIELDS: [string, string][] = [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", DESCRIPTOR],
  ["$ACTION_1:1", '[{"status":"idle"}]'],
  ["$ACTION_KEY", "ka07ec2a125a92bfe51ca049759c4843f"],
  ["email", "reader@example.org"],
  ["frequency", "daily"],
  ["website", ""],
];
/** The same form posted by React with JavaScript: fields under "_1_", the argument list in "0". */
const JS_FIELDS: [string, string][] = [...NO_JS_FIELDS.map(([name, value]): [string, string] => [`_1_${name}`, value]), ["0", '[{"status":"idle"},"$K1"]']];

function multipart(fields: [string, string][]): { body: string; type: string } {
  const boundary = "----WebKitFormBoundary7nkdSLSFVAKxdeox";
  const body = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

function post(fields: [string, string][], headers: Record<string, string> = {}, path = "/subscribe"): Request {
  const { body, type } = multipart(fields);
  return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { host: "127.0.0.1:3210", origin: ORIGIN, "content-type": type, ...headers } });
}

async function refusal(request: Request): Promise<{ status: number; message: string } | null> {
  const response = await screenPagePost(request);
  if (response === null) return null;
  return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
}

const withField = (fields: [string, string][], name: string, value: string) => fields.map(([n, v]): [string, string] => [n, n === name ? value : v]);
const without = (fields: [string, string][], name: string) => fields.filter(([n]) => n !== name);

describe("a genuine form post", () => {
  it("passes in both encodings, with Sec-Fetch-Site or without", async () => {
    expect(await refusal(post(NO_JS_FIELDS))).toBeNull();
    expect(await refusal(post(NO_JS_FIELDS, { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(await refusal(post(JS_FIELDS, { "next-action": ACTION_ID, accept: "text/x-component" }))).toBeNull();
    // An action with no bound arguments, and a descriptor without any.
    expect(await refusal(post([[`$ACTION_ID_${ACTION_ID}`, ""], ["token", "x"]]))).toBeNull();
    expect(await refusal(post(withField(without(NO_JS_FIELDS, "$ACTION_1:1"), "$ACTION_1:0", `{"id":"${ACTION_ID}","bound":null}`)))).toBeNull();
    // Behind a proxy that rewrites Host and says what the public host was.
    expect(await refusal(post(NO_JS_FIELDS, { origin: "https://paperpulse.example", "x-forwarded-host": "paperpulse.example" }))).toBeNull();
  });

  it("leaves other methods alone", async () => {
    expect(await screenPagePost(new Request(`${ORIGIN}/subscribe`, { headers: { origin: "https://evil.example" } }))).toBeNull();
  });
});

describe("refused before Next decodes it", () => {
  it.each([
    ["another site's Origin", { origin: "https://evil.example" }],
    ["an opaque Origin", { origin: "null" }],
    ["a look-alike host", { origin: "http://127.0.0.1:3210.evil.example" }],
    ["Sec-Fetch-Site cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site same-site", { "sec-fetch-site": "same-site" }],
  ])("403 for %s, in both encodings", async (_label, headers) => {
    for (const request of [post(NO_JS_FIELDS, headers), post(JS_FIELDS, { "next-action": ACTION_ID, ...headers })]) {
      expect(await refusal(request)).toEqual({ status: 403, message: "Forms and operator actions are accepted from this site only." });
    }
  });

  it("413 over 1 MB, declared or not", async () => {
    const big = withField(NO_JS_FIELDS, "email", "e".repeat(SERVER_ACTION_MAX_BYTES));
    expect((await refusal(post(big)))?.status).toBe(413);
    expect((await refusal(post(NO_JS_FIELDS, { "content-length": String(2 * SERVER_ACTION_MAX_BYTES) })))?.status).toBe(413);
  });

  it("415 for anything but multipart/form-data, with or without Next-Action", async () => {
    for (const [type, body] of [["application/x-www-form-urlencoded", "email=x"], ["text/plain", "{{{"], ["application/json", "{}"]]) {
      for (const extra of [{}, { "next-action": ACTION_ID }] as Record<string, string>[]) {
        const request = new Request(`${ORIGIN}/`, { method: "POST", body, headers: { host: "127.0.0.1:3210", origin: ORIGIN, "content-type": type!, ...extra } });
        expect((await refusal(request))?.status).toBe(415);
      }
    }
    expect((await refusal(new Request(`${ORIGIN}/`, { method: "POST", headers: { host: "127.0.0.1:3210" } })))?.status).toBe(415);
  });

  it.each([
    ["garbage multipart", () => new Request(`${ORIGIN}/`, { method: "POST", body: "--xx\r\ngarbage", headers: { host: "127.0.0.1:3210", "content-type": "multipart/form-data; boundary=xx" } }), /multipart body cannot be read/],
    ["no form action", () => post([["email", "x"]]), /names no form action/],
    ["descriptor missing", () => post(without(NO_JS_FIELDS, "$ACTION_1:0")), /exactly one descriptor/],
    ["descriptor twice", () => post([...NO_JS_FIELDS, ["$ACTION_1:0", DESCRIPTOR]]), /exactly one descriptor/],
    ["descriptor not JSON", () => post(withField(NO_JS_FIELDS, "$ACTION_1:0", "{id:")), /descriptor is not JSON/],
    ["descriptor without id", () => post(withField(NO_JS_FIELDS, "$ACTION_1:0", '{"bound":"$@1"}')), /not one React writes/],
    ["descriptor with another reference", () => post(withField(NO_JS_FIELDS, "$ACTION_1:0", `{"id":"${ACTION_ID}","bound":"$Q1"}`)), /not one React writes/],
    ["bound arguments missing", () => post(without(NO_JS_FIELDS, "$ACTION_1:1")), /bound argument list is missing/],
    ["bound arguments not JSON", () => post(withField(NO_JS_FIELDS, "$ACTION_1:1", "[{")), /bound argument list is not JSON/],
    ["a dangling map in the bound arguments", () => post(withField(NO_JS_FIELDS, "$ACTION_1:1", '[{"status":"idle"},"$Q5"]')), /unsupported reference "\$Q5"/],
    ["a promise in a later part", () => post([...NO_JS_FIELDS, ["$ACTION_1:2", '["$@7"]']]), /unsupported reference "\$@7"/],
    ["a server reference, nested", () => post(withField(NO_JS_FIELDS, "$ACTION_1:1", '[{"a":{"b":["$h1"]}}]')), /unsupported reference "\$h1"/],
    ["argument list missing (JS)", () => post(without(JS_FIELDS, "0"), { "next-action": ACTION_ID }), /argument list is missing/],
    ["argument list not a list (JS)", () => post(withField(JS_FIELDS, "0", '{"a":1}'), { "next-action": ACTION_ID }), /not a list/],
    ["a blob reference (JS)", () => post(withField(JS_FIELDS, "0", '[{"status":"idle"},"$B1"]'), { "next-action": ACTION_ID }), /unsupported reference "\$B1"/],
  ] as const)("400 for %s, with a message", async (_label, make, message) => {
    const result = await refusal(make());
    expect(result?.status).toBe(400);
    expect(result?.message).toMatch(/^This form request cannot be read: /);
    expect(result?.message).toMatch(message);
  });
});

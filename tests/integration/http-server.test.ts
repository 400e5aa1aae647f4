import { createServer, request as proxyRequest, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { composeMessage } from "@/lib/mail/mime";
import { OUTBOX_PAGE_SIZE, outboxIdFor, writeOutboxMessage } from "@/lib/mail/outbox";
import { actionIds, type AppServer, startAppServer } from "../support/app-server";
import { requestFrom, serverActionBody } from "../support/http-client";

// The real server process (scripts/server.ts, what `npm start` runs) decides who the client
// is from the socket. Forged X-Forwarded-For headers change nothing without a proxy
// (TRUSTED_PROXY_HOPS=0, the default); behind one (TRUSTED_PROXY_HOPS=1) the entry the proxy
// appended counts and those the client wrote do not. Distinct clients are distinct loopback
// source addresses (127.x.y.z), and a client on another machine is this machine's own
// non-loopback address. Needs the build (`npm run build`; npm test builds first).

const TOKEN = "http-server-test-admin-token-0123456789abcdef";
const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), "paperpulse-http-server-"));
const ownsDataDir = process.env.DATA_DIR === undefined;
const baseEnv = () => ({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, HOSTNAME: "0.0.0.0", DATABASE_URL: process.env.DATABASE_URL ?? "" });
const actions = actionIds();

/** This machine's address on its network: requests to it come from a non-loopback socket address. */
function networkAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
  if (!address) throw new Error("This test needs a non-loopback IPv4 interface (e.g. eth0) to play a client on another machine.");
  return address;
}

const randomIp = (i: number) => `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;

async function signUp(base: string, from: string, email: string, headers: Record<string, string> = {}): Promise<"accepted" | "limited" | string> {
  const { body, contentType } = serverActionBody([
    ["email", email],
    ["frequency", "daily"],
  ]);
  const response = await requestFrom(`${base}/subscribe`, {
    localAddress: from,
    body,
    headers: { "content-type": contentType, "next-action": actions.subscribeAction!, origin: base, accept: "text/x-component", ...headers },
  });
  if (response.text.includes("check your inbox")) return "accepted";
  if (response.text.includes("Too many sign-ups")) return "limited";
  return `${response.status} ${response.text.slice(0, 300)}`;
}

afterAll(() => {
  if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("without a proxy (TRUSTED_PROXY_HOPS=0, the default): the socket is the client", () => {
  let app: AppServer;

  beforeAll(async () => {
    app = await startAppServer({ ...baseEnv(), TRUSTED_PROXY_HOPS: "0" });
  });

  afterAll(async () => {
    expect(await app.stop()).toBe(0);
    // Secrets never in the log, wrong tokens included.
    expect(app.output()).not.toContain(TOKEN);
  });

  it("serves the feed through proxy.ts's internal rewrites, on the address it listens on", async () => {
    for (const page of ["/", "/?sort=top"]) {
      const response = await requestFrom(`${app.base}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.text).toContain('href="/papers/');
    }
  });

  it("limits 200 sign-ups from one client however it forges X-Forwarded-For", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 200; i += 1) {
      outcomes.push(await signUp(app.base, "127.10.0.1", `forged-${i}@example.org`, { "x-forwarded-for": randomIp(i), "x-real-ip": randomIp(i + 1), "x-paperpulse-client": randomIp(i + 2) }));
    }
    expect(outcomes.filter((o) => o === "accepted")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "limited")).toHaveLength(190);
    // Another client (another socket address) has its own budget.
    expect(await signUp(app.base, "127.10.0.2", "other-client@example.org")).toBe("accepted");
    const overview = await requestFrom(`${app.base}/api/admin/overview`, { localAddress: "127.10.0.3", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(overview.status).toBe(200);
    expect((JSON.parse(overview.text) as { subscribers: { byStatus: { pending: number } } }).subscribers.byStatus.pending).toBe(11);
  });

  it("limits 25 paper submissions from one client however it forges X-Forwarded-For", async () => {
    const latest = JSON.parse((await requestFrom(`${app.base}/api/papers?limit=1`)).text) as { papers: { id: string }[] };
    const id = latest.papers[0]!.id; // a paper already here: no arXiv request is needed
    const outcomes: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const { body, contentType } = serverActionBody([["arxivId", id]]);
      const response = await requestFrom(`${app.base}/submit`, {
        localAddress: "127.11.0.1",
        body,
        headers: { "content-type": contentType, "next-action": actions.submitPaperAction!, origin: app.base, accept: "text/x-component", "x-forwarded-for": randomIp(i) },
      });
      outcomes.push(response.text.includes("Too many submissions from your address") ? "limited" : response.text.includes(`"status":"exists"`) ? "exists" : response.text.slice(0, 200));
    }
    expect(outcomes).toEqual([...Array<string>(20).fill("exists"), ...Array<string>(5).fill("limited")]);
  });

  it("locks out the client that sends 30 wrong admin tokens, not another client with the right one", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      const response = await requestFrom(`${app.base}/api/admin/overview`, {
        localAddress: "127.12.0.1",
        headers: { authorization: `Bearer wrong-token-${i}`, "x-forwarded-for": randomIp(i) },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(25).fill(429)]);
    const sender = await requestFrom(`${app.base}/api/admin/overview`, { localAddress: "127.12.0.1", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(sender.status).toBe(429);
    expect(Number(sender.headers["retry-after"])).toBeGreaterThan(60);
    // The operator, on another address (forging the attacker's changes nothing either way).
    const operator = await requestFrom(`${app.base}/api/admin/overview`, { localAddress: "127.12.0.2", headers: { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "127.12.0.1" } });
    expect(operator.status).toBe(200);
  });

  describe("the outbox", () => {
    const ids: string[] = [];

    beforeAll(async () => {
      process.env.DATA_DIR = dataDir;
      resetEnvForTests();
      for (let i = 0; i < OUTBOX_PAGE_SIZE + 5; i += 1) {
        const message = composeMessage({
          from: { name: "PaperPulse", address: "digest@paperpulse.test" },
          to: `outbox-${i}@example.org`,
          subject: `Outbox test ${i}`,
          messageId: `<outbox-test.${i}@paperpulse.test>`,
          date: new Date(),
          text: `Manage: http://localhost/manage?token=secret-${i}`,
          html: `<p><a href="http://localhost/manage?token=secret-${i}">Manage</a></p>`,
        });
        await writeOutboxMessage(message);
        ids.push(outboxIdFor(message.messageId));
      }
    });

    it("is shown to this machine, a page at a time", async () => {
      const first = await requestFrom(`${app.base}/outbox`);
      expect(first.status).toBe(200);
      expect(first.text).toContain("Outbox test");
      expect(first.text).toContain('href="/outbox?page=2"');
      const pageCount = Number(/Page 1 of (\d+)/.exec(first.text)?.[1]);
      expect(pageCount).toBeGreaterThanOrEqual(2);
      expect((first.text.match(/href="\/outbox\/[0-9a-f]{32}"/g) ?? []).length).toBe(OUTBOX_PAGE_SIZE);
      const last = await requestFrom(`${app.base}/outbox?page=${pageCount}`);
      expect(last.status).toBe(200);
      expect(last.text).toContain('rel="prev"');
      expect((await requestFrom(`${app.base}/outbox?page=${pageCount + 1}`)).status).toBe(404);
      expect((await requestFrom(`${app.base}/outbox?page=abc`)).status).toBe(404);
      expect((await requestFrom(`${app.base}/outbox/${ids[0]}`)).status).toBe(200);
    });

    it("is a 404 for a client on another machine, whatever Host or forwarding headers it sends", async () => {
      const remote = `http://${networkAddress()}:${app.port}`;
      const forged = { host: `localhost:${app.port}`, "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1", "x-paperpulse-client": "127.0.0.1", forwarded: "for=127.0.0.1" };
      for (const target of ["/outbox", `/outbox/${ids[0]}`]) {
        const plain = await requestFrom(`${remote}${target}`);
        expect(plain.status).toBe(404);
        expect(plain.text).not.toContain("secret-0");
        expect((await requestFrom(`${remote}${target}`, { headers: forged })).status).toBe(404);
        expect((await requestFrom(`${remote}${target}`, { headers: { host: "203.0.113.9" } })).status).toBe(404);
      }
    });

    it("is a 404 on this machine too when the Host header names another site (DNS rebinding)", async () => {
      expect((await requestFrom(`${app.base}/outbox`, { headers: { host: "203.0.113.9" } })).status).toBe(404);
      expect((await requestFrom(`${app.base}/outbox`, { headers: { host: `attacker.example:${app.port}` } })).status).toBe(404);
      expect((await requestFrom(`${app.base}/outbox`, { headers: { host: `localhost:${app.port}` } })).status).toBe(200);
    });
  });
});

describe("behind one proxy (TRUSTED_PROXY_HOPS=1): the address the proxy appended is the client", () => {
  let app: AppServer;
  let proxy: Server;
  let proxyBase: string;

  beforeAll(async () => {
    app = await startAppServer({ ...baseEnv(), TRUSTED_PROXY_HOPS: "1" });
    // A reverse proxy as nginx with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`.
    proxy = createServer((req, res) => {
      const forwarded = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
      const upstream = proxyRequest(`${app.base}${req.url}`, { method: req.method, headers: { ...req.headers, host: `127.0.0.1:${app.port}`, "x-forwarded-for": forwarded } }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      upstream.on("error", () => {
        res.statusCode = 502;
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyBase = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    expect(await app.stop()).toBe(0);
  });

  it("counts sign-ups per address the proxy saw, not per address the client wrote", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i += 1) outcomes.push(await signUp(proxyBase, "127.20.0.1", `proxied-${i}@example.org`, { origin: `http://127.0.0.1:${app.port}`, "x-forwarded-for": randomIp(i) }));
    expect(outcomes).toEqual([...Array<string>(10).fill("accepted"), "limited", "limited"]);
    expect(await signUp(proxyBase, "127.20.0.2", "proxied-other@example.org", { origin: `http://127.0.0.1:${app.port}`, "x-forwarded-for": "127.20.0.1" })).toBe("accepted");
  });

  it("keeps the outbox closed: behind a proxy every request comes from the proxy's socket", async () => {
    expect((await requestFrom(`${proxyBase}/outbox`)).status).toBe(404);
    expect((await requestFrom(`${app.base}/outbox`)).status).toBe(404);
  });
});

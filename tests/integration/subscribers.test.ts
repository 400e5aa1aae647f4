import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import {
  confirmSubscription,
  expirePendingSignUps,
  requestSubscription,
  resumeSubscription,
  SUBSCRIBE_LIMITS,
  suspendSubscriber,
  unsubscribe,
  updatePreferences,
} from "@/lib/subscribers/commands";
import { sendNotice } from "@/lib/subscribers/notices";
import { findSubscriberByToken } from "@/lib/subscribers/queries";
import { forgetSigningKeyForTests, getSigningKey } from "@/lib/subscribers/signing-key";
import { createToken } from "@/lib/subscribers/tokens";
import { configureMail, startMailWorkers, stopMailWorkers, insertActiveSubscribers, waitFor } from "./helpers/digest";
import { truncateAll } from "./helpers/reset";
import type { TestSmtpServer } from "./helpers/smtp-server";

// Sign-up, double opt-in, manage and unsubscribe, on real PostgreSQL with confirmation
// emails going through the queue worker to a real SMTP server.

let smtp: TestSmtpServer;
const APP_URL = "https://paperpulse.example";

beforeAll(async () => {
  smtp = await startMailWorkers({}, { APP_URL });
});

afterAll(async () => {
  await stopMailWorkers(smtp);
});

beforeEach(async () => {
  await truncateAll();
  delete process.env.APP_SECRET;
  configureMail(smtp.url, { APP_URL });
  smtp.messages.length = 0;
});

const signUp = (email: string, clientIp = "198.51.100.7", extra: { frequency?: "daily" | "weekly"; topics?: string[]; website?: string } = {}) =>
  requestSubscription({ email, frequency: extra.frequency ?? "daily", topics: extra.topics ?? [], website: extra.website }, { clientIp });

async function subscriber(email: string) {
  const db = await getDb();
  return db.subscriber.findUniqueOrThrow({ where: { email } });
}

/** Waits until the notice queue is idle for this address (sent or skipped). */
async function settle(expectedMessages: number) {
  await smtp.waitForMessages(expectedMessages);
  const db = await getDb();
  await waitFor(async () => {
    const rows = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'subscriber-notice' AND state::text IN ('created', 'retry', 'active')`;
    return rows[0]?.n === 0;
  }, "notice queue to drain");
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(smtp.messages).toHaveLength(expectedMessages);
}

describe("signing up", () => {
  it("answers the same for new, pending, active and unsubscribed addresses; the email differs", async () => {
    await insertActiveSubscribers([{ email: "active@example.org" }]);
    const db = await getDb();
    await db.subscriber.create({ data: { email: "gone@example.org", status: "unsubscribed", topics: [], confirmedAt: new Date(Date.now() - 86_400_000), unsubscribedAt: new Date() } });

    const answers = [await signUp("new@example.org"), await signUp("new@example.org"), await signUp("active@example.org"), await signUp("gone@example.org")];
    expect(answers).toEqual(Array(4).fill({ kind: "accepted" }));
    await settle(3);

    const byRecipient = new Map(smtp.messages.map((m) => [m.to, m]));
    expect(byRecipient.get("new@example.org")?.parsed.subject).toBe("Confirm your PaperPulse digest subscription");
    expect(byRecipient.get("gone@example.org")?.parsed.subject).toBe("Confirm your PaperPulse digest subscription");
    const active = byRecipient.get("active@example.org")!;
    expect(active.parsed.subject).toBe("You are already subscribed to PaperPulse digests");
    expect(active.parsed.text).toMatch(/https:\/\/paperpulse\.example\/manage\?token=[0-9a-f-]{36}\.[\w-]{43}/);
    // Nobody's choices or text appear in a confirmation email: only our words and links.
    const confirmation = byRecipient.get("new@example.org")!.parsed.text ?? "";
    expect(confirmation).not.toMatch(/daily|new@example\.org/);
    // Like every email, it carries the signed manage link (a pending sign-up can be cancelled).
    const manage = /https:\/\/paperpulse\.example\/manage\?token=(\S+)/.exec(confirmation)?.[1];
    expect(await findSubscriberByToken(["manage"], manage ?? "")).toMatchObject({ email: "new@example.org", status: "pending" });

    expect((await subscriber("new@example.org")).status).toBe("pending");
    expect((await subscriber("active@example.org")).status).toBe("active");
    expect((await subscriber("gone@example.org")).status).toBe("pending");
  });

  it("sends at most one confirmation per address per hour, and the latest choices win until confirmed", async () => {
    await signUp("reader@example.org", "198.51.100.1", { frequency: "daily" });
    await settle(1);
    await signUp("reader@example.org", "198.51.100.2", { frequency: "weekly", topics: ["robotics"] });
    await settle(1);
    const row = await subscriber("reader@example.org");
    expect(row).toMatchObject({ frequency: "weekly", topics: ["robotics"], status: "pending" });
    // An hour later the next sign-up may send again, with the same (still valid) link.
    const later = new Date(row.lastNoticeAt!.getTime() + 3_600_001);
    expect(await sendNotice(row.id, later)).toBe("confirmation");
    expect(await sendNotice(row.id, new Date(later.getTime() + 1000))).toBe("skipped");
    await smtp.waitForMessages(2);
    const links = smtp.messages.map((m) => /\/subscribe\/confirm\?token=(\S+)/.exec(m.parsed.text ?? "")?.[1]);
    expect(links[0]).toBeDefined();
    expect(links[1]).toBe(links[0]);
  });

  it("rate-limits per client address (visibly) and per email address (silently)", async () => {
    for (let i = 0; i < SUBSCRIBE_LIMITS.perClient.limit; i += 1) expect(await signUp(`client${i}@example.org`, "203.0.113.9")).toEqual({ kind: "accepted" });
    const limited = await signUp("one-more@example.org", "203.0.113.9");
    expect(limited.kind).toBe("rate_limited");
    expect(limited.kind === "rate_limited" && limited.retryAfterSeconds).toBeGreaterThan(3500);
    const db = await getDb();
    expect(await db.subscriber.count({ where: { email: "one-more@example.org" } })).toBe(0);

    for (let i = 0; i < SUBSCRIBE_LIMITS.perAddress.limit; i += 1) expect(await signUp("target@example.org", `192.0.2.${i}`, { frequency: "daily" })).toEqual({ kind: "accepted" });
    expect(await signUp("target@example.org", "192.0.2.200", { frequency: "weekly" })).toEqual({ kind: "accepted" });
    expect((await subscriber("target@example.org")).frequency).toBe("daily");
  });

  it("ignores a filled honeypot but answers as usual", async () => {
    expect(await signUp("bot@example.org", "198.51.100.50", { website: "https://spam.example" })).toEqual({ kind: "accepted" });
    const db = await getDb();
    expect(await db.subscriber.count()).toBe(0);
  });
});

describe("confirming", () => {
  async function confirmationToken(email: string): Promise<string> {
    await signUp(email);
    await smtp.waitForMessages(1);
    return /\/subscribe\/confirm\?token=(\S+)/.exec(smtp.messages[0]!.parsed.text ?? "")![1]!;
  }

  it("confirms with the emailed token only, once, within 7 days", async () => {
    const token = await confirmationToken("reader@example.org");
    const row = await subscriber("reader@example.org");
    const [id, signature] = token.split(".") as [string, string];
    const tampered = `${id}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect(await confirmSubscription(tampered)).toEqual({ kind: "invalid" });
    expect(await confirmSubscription(await createToken("manage", id))).toEqual({ kind: "invalid" });
    expect(await confirmSubscription(token, new Date(row.confirmExpiresAt!.getTime() + 1))).toEqual({ kind: "expired" });

    const confirmed = await confirmSubscription(token);
    expect(confirmed.kind).toBe("confirmed");
    expect((await subscriber("reader@example.org")).status).toBe("active");
    expect((await confirmSubscription(token)).kind).toBe("already_active");
    if (confirmed.kind === "confirmed") expect((await findSubscriberByToken(["manage"], confirmed.manageToken))?.email).toBe("reader@example.org");
  });

  it("forgets sign-ups not confirmed within 7 days; a returning subscriber goes back to unsubscribed", async () => {
    const stale = await confirmationToken("stale@example.org");
    const db = await getDb();
    await db.subscriber.create({
      data: { email: "returning@example.org", status: "pending", topics: [], confirmedAt: new Date("2026-01-01T00:00:00Z"), confirmNonce: "n", confirmExpiresAt: new Date(Date.now() + 86_400_000) },
    });
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await expirePendingSignUps(new Date())).toBe(0);
    expect(await expirePendingSignUps(eightDaysOn)).toBe(2);
    expect(await db.subscriber.count({ where: { email: "stale@example.org" } })).toBe(0);
    expect(await subscriber("returning@example.org")).toMatchObject({ status: "unsubscribed", confirmNonce: null });
    expect(await confirmSubscription(stale)).toEqual({ kind: "invalid" });
  });

  it("voids the old link when a sign-up starts over after an unsubscribe", async () => {
    const first = await confirmationToken("again@example.org");
    expect((await confirmSubscription(first)).kind).toBe("confirmed");
    const manage = await createToken("manage", (await subscriber("again@example.org")).id);
    expect(await unsubscribe(manage)).toEqual({ kind: "done", email: "again@example.org" });
    await signUp("again@example.org", "198.51.100.99");
    expect((await subscriber("again@example.org")).status).toBe("pending");
    expect(await confirmSubscription(first)).toEqual({ kind: "invalid" });
  });
});

describe("managing", () => {
  it("changes preferences, unsubscribes at once, and resumes, each only with the right token", async () => {
    const [id] = await insertActiveSubscribers([{ email: "manage@example.org" }]);
    const manage = await createToken("manage", id!);
    const unsubscribeToken = await createToken("unsubscribe", id!);

    expect(await updatePreferences(unsubscribeToken, { frequency: "weekly", topics: [] })).toEqual({ kind: "invalid" });
    expect(await updatePreferences(manage, { frequency: "weekly", topics: ["agents", "llm"] })).toEqual({ kind: "done", email: "manage@example.org" });
    expect(await subscriber("manage@example.org")).toMatchObject({ frequency: "weekly", topics: ["agents", "llm"] });
    expect(await findSubscriberByToken(["manage"], unsubscribeToken)).toBeNull();

    expect(await unsubscribe(unsubscribeToken)).toEqual({ kind: "done", email: "manage@example.org" });
    expect(await unsubscribe(unsubscribeToken)).toEqual({ kind: "done", email: "manage@example.org" });
    expect((await subscriber("manage@example.org")).status).toBe("unsubscribed");
    expect(await resumeSubscription(unsubscribeToken)).toEqual({ kind: "invalid" });
    expect(await resumeSubscription(manage)).toEqual({ kind: "done", email: "manage@example.org" });
    expect((await subscriber("manage@example.org")).status).toBe("active");

    expect(await suspendSubscriber(id!, "hard bounce (SMTP 550)")).toBe(true);
    expect(await subscriber("manage@example.org")).toMatchObject({ status: "suspended", suspendedReason: "hard bounce (SMTP 550)" });
    expect(await resumeSubscription(manage)).toEqual({ kind: "done", email: "manage@example.org" });
    expect(await subscriber("manage@example.org")).toMatchObject({ status: "active", suspendedReason: null });
  });

  it("signs links with a key made once and kept in the database, or with APP_SECRET", async () => {
    const db = await getDb();
    const first = await getSigningKey();
    forgetSigningKeyForTests();
    expect((await getSigningKey()).equals(first)).toBe(true);
    const stored = await db.appSetting.findUniqueOrThrow({ where: { key: "link_signing_key" } });
    expect(Buffer.from(stored.value as string, "utf8").equals(first)).toBe(true);

    const [id] = await insertActiveSubscribers([{ email: "keys@example.org" }]);
    const withStoredKey = await createToken("manage", id!);
    process.env.APP_SECRET = "an operator supplied secret of decent length";
    resetEnvForTests();
    forgetSigningKeyForTests();
    expect(await findSubscriberByToken(["manage"], withStoredKey)).toBeNull();
    expect((await findSubscriberByToken(["manage"], await createToken("manage", id!)))?.email).toBe("keys@example.org");
  });
});

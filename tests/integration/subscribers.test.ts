import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import {
  confirmSubscription,
  expirePendingSignUps,
  liftSuspension,
  requestSubscription,
  resumeSubscription,
  SUBSCRIBE_LIMITS,
  suspendSubscriber,
  unsubscribe,
  updatePreferences,
} from "@/lib/subscribers/commands";
import { sendNotice } from "@/lib/subscribers/notices";
import { findSubscriberByToken, inspectConfirmation } from "@/lib/subscribers/queries";
import { forgetSigningKeyForTests, getSigningKey } from "@/lib/subscribers/signing-key";
import { createToken, linkNonce } from "@/lib/subscribers/tokens";
import { configureMail, confirmFromLink, startMailWorkers, stopMailWorkers, insertActiveSubscribers, waitFor } from "./helpers/digest";
import { truncateAll } from "./helpers/reset";
import { startTestSmtpServer, type TestSmtpServer } from "./helpers/smtp-server";

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

const CONFIRM_LINK = /https:\/\/paperpulse\.example\/subscribe\/confirm\?\S+/;

/** The confirmation link of the n-th message received. */
function confirmLinkIn(index: number): string {
  const link = CONFIRM_LINK.exec(smtp.messages[index]?.parsed.text ?? "")?.[0];
  if (!link) throw new Error(`message ${index} has no confirmation link`);
  return link;
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;

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
    // Nobody's free text appears in a confirmation email: only our words and links.
    const confirmation = byRecipient.get("new@example.org")!.parsed.text ?? "";
    expect(confirmation).not.toMatch(/new@example\.org/);
    // Like every email, it carries the signed manage link (a pending sign-up can be cancelled).
    const manage = /https:\/\/paperpulse\.example\/manage\?token=(\S+)/.exec(confirmation)?.[1];
    expect(await findSubscriberByToken(["manage"], manage ?? "")).toMatchObject({ email: "new@example.org", status: "pending" });

    expect((await subscriber("new@example.org")).status).toBe("pending");
    expect((await subscriber("active@example.org")).status).toBe("active");
    expect((await subscriber("gone@example.org")).status).toBe("pending");
  });

  it("sends at most one confirmation per mailbox per hour; each link carries the choices of the sign-up that sent it", async () => {
    await signUp("reader@example.org", "198.51.100.1", { frequency: "daily", topics: ["llm"] });
    await settle(1);
    await signUp("reader@example.org", "198.51.100.2", { frequency: "weekly", topics: ["robotics"] });
    await settle(1);
    const first = new URL(confirmLinkIn(0));
    expect(first.searchParams.get("frequency")).toBe("daily");
    expect(first.searchParams.getAll("topic")).toEqual(["llm"]);
    const row = await subscriber("reader@example.org");
    const db = await getDb();
    const claimed = await db.mailboxNotice.findFirstOrThrow();
    // An hour later the next sign-up may send again: the same (still valid) token, its own choices.
    const later = new Date(claimed.lastNoticeAt.getTime() + 3_600_001);
    expect(await sendNotice({ subscriberId: row.id, choices: { frequency: "weekly", topics: ["robotics"] } }, later)).toBe("confirmation");
    expect(await sendNotice({ subscriberId: row.id }, new Date(later.getTime() + 1000))).toBe("skipped");
    await smtp.waitForMessages(2);
    const second = new URL(confirmLinkIn(1));
    expect(second.searchParams.get("token")).toBe(first.searchParams.get("token"));
    expect(second.searchParams.get("frequency")).toBe("weekly");
    expect(second.searchParams.getAll("topic")).toEqual(["robotics"]);
  });

  it("counts +tag variants of one mailbox as one: 25 variants get one email and at most 5 sign-ups", async () => {
    const answers = [];
    for (let i = 1; i <= 25; i += 1) answers.push(await signUp(`target+${i}@example.org`, `192.0.2.${i}`));
    expect(answers).toEqual(Array(25).fill({ kind: "accepted" }));
    await settle(1);
    expect(smtp.messages[0]!.to).toMatch(/^target\+[1-5]@example\.org$/);
    // The per-mailbox sign-up limit dropped the rest silently; each accepted one is its own subscriber.
    const db = await getDb();
    const rows = await db.subscriber.findMany({ orderBy: { createdAt: "asc" }, select: { email: true } });
    expect(rows.map((r) => r.email).sort()).toEqual(Array.from({ length: SUBSCRIBE_LIMITS.perMailbox.limit }, (_, i) => `target+${i + 1}@example.org`).sort());
    // The bare mailbox shares the budget too.
    expect(await signUp("target@example.org", "192.0.2.99")).toEqual({ kind: "accepted" });
    expect(await db.subscriber.count({ where: { email: "target@example.org" } })).toBe(0);
  });

  it("sends an already-subscribed note and a confirmation to one mailbox at most once an hour between them", async () => {
    await insertActiveSubscribers([{ email: "me@example.org" }]);
    await signUp("me+papers@example.org", "198.51.100.3");
    await signUp("me@example.org", "198.51.100.4");
    await settle(1);
  });

  it("gives the mailbox's hour back when the email cannot be sent, so the retry sends it", async () => {
    const refusing = await startTestSmtpServer({ onRecipient: () => ({ code: 451, message: "try again later" }) });
    try {
      const [id] = await insertActiveSubscribers([{ email: "flaky@example.org" }]);
      configureMail(refusing.url, { APP_URL });
      await expect(sendNotice({ subscriberId: id! })).rejects.toThrow();
      const db = await getDb();
      expect(await db.mailboxNotice.count()).toBe(0);
      configureMail(smtp.url, { APP_URL });
      expect(await sendNotice({ subscriberId: id! })).toBe("already-subscribed");
      expect(await db.mailboxNotice.count()).toBe(1);
    } finally {
      await refusing.close();
    }
  });

  it("rate-limits per client address (visibly)", async () => {
    for (let i = 0; i < SUBSCRIBE_LIMITS.perClient.limit; i += 1) expect(await signUp(`client${i}@example.org`, "203.0.113.9")).toEqual({ kind: "accepted" });
    const limited = await signUp("one-more@example.org", "203.0.113.9");
    expect(limited.kind).toBe("rate_limited");
    expect(limited.kind === "rate_limited" && limited.retryAfterSeconds).toBeGreaterThan(3500);
    const db = await getDb();
    expect(await db.subscriber.count({ where: { email: "one-more@example.org" } })).toBe(0);
  });

  it("ignores a filled honeypot but answers as usual", async () => {
    expect(await signUp("bot@example.org", "198.51.100.50", { website: "https://spam.example" })).toEqual({ kind: "accepted" });
    const db = await getDb();
    expect(await db.subscriber.count()).toBe(0);
  });
});

describe("choices are applied only on confirmation", () => {
  it("a stranger's sign-ups change nothing: confirming the owner's link applies the owner's choices", async () => {
    await signUp("owner@example.org", "198.51.100.10", { frequency: "daily", topics: ["llm"] });
    await settle(1);
    const ownersLink = confirmLinkIn(0);
    // A stranger signs the same address up again and again with other choices.
    for (let i = 0; i < 4; i += 1) await signUp("owner@example.org", `203.0.113.${40 + i}`, { frequency: "weekly", topics: ["robotics"] });
    await settle(1);
    expect(await subscriber("owner@example.org")).toMatchObject({ status: "pending", frequency: "daily", topics: [] });

    expect((await confirmFromLink(ownersLink)).kind).toBe("confirmed");
    expect(await subscriber("owner@example.org")).toMatchObject({ status: "active", frequency: "daily", topics: ["llm"] });
    // Once active, sign-ups leave the subscription exactly as it is.
    await signUp("owner@example.org", "203.0.113.50", { frequency: "weekly", topics: ["robotics"] });
    expect(await subscriber("owner@example.org")).toMatchObject({ status: "active", frequency: "daily", topics: ["llm"] });
  });

  it("keeps a returning address's choices until its new sign-up is confirmed, and applies what the page submits", async () => {
    const db = await getDb();
    await db.subscriber.create({
      data: { email: "back@example.org", status: "unsubscribed", frequency: "weekly", topics: ["agents"], confirmedAt: new Date(Date.now() - 86_400_000), unsubscribedAt: new Date() },
    });
    await signUp("back@example.org", "198.51.100.11", { frequency: "daily", topics: [] });
    await settle(1);
    expect(await subscriber("back@example.org")).toMatchObject({ status: "pending", frequency: "weekly", topics: ["agents"] });
    // The confirmation page lets the reader change the choices before pressing the button.
    const token = tokenOf(confirmLinkIn(0));
    expect(await confirmSubscription(token, { frequency: "hourly", topics: [] })).toEqual({ kind: "invalid_choices", message: "frequency: Choose daily or weekly." });
    expect((await confirmSubscription(token, { frequency: "daily", topics: ["robotics", "llm"] })).kind).toBe("confirmed");
    expect(await subscriber("back@example.org")).toMatchObject({ status: "active", frequency: "daily", topics: ["llm", "robotics"] });
  });
});

describe("confirming", () => {
  async function confirmationLink(email: string): Promise<string> {
    await signUp(email);
    await smtp.waitForMessages(1);
    return confirmLinkIn(0);
  }

  it("confirms with the emailed token only, once, within 7 days; a used link says so and hands out nothing", async () => {
    const link = await confirmationLink("reader@example.org");
    const token = tokenOf(link);
    const row = await subscriber("reader@example.org");
    const [id, signature] = token.split(".") as [string, string];
    const tampered = `${id}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const choices = { frequency: "daily", topics: [] };
    expect(await confirmSubscription(tampered, choices)).toEqual({ kind: "invalid" });
    expect(await confirmSubscription(await createToken("manage", id), choices)).toEqual({ kind: "invalid" });
    // The link is judged before the choices: a stale link says so whatever came with it.
    expect(await confirmSubscription(tampered, { frequency: "hourly" })).toEqual({ kind: "invalid" });
    expect(await confirmFromLink(link, new Date(row.confirmExpiresAt!.getTime() + 1))).toEqual({ kind: "expired" });
    expect(await inspectConfirmation(token, new Date(row.confirmExpiresAt!.getTime() + 1))).toEqual({ kind: "expired" });
    expect((await inspectConfirmation(token)).kind).toBe("confirmable");

    const confirmed = await confirmFromLink(link);
    expect(confirmed.kind).toBe("confirmed");
    expect((await subscriber("reader@example.org")).status).toBe("active");
    if (confirmed.kind === "confirmed") expect((await findSubscriberByToken(["manage"], confirmed.manageToken))?.email).toBe("reader@example.org");
    // Used: the page and the button both say so, and neither hands out the manage link.
    expect(await inspectConfirmation(token)).toEqual({ kind: "already_confirmed" });
    expect(await confirmFromLink(link)).toEqual({ kind: "already_confirmed" });
  });

  it("forgets sign-ups not confirmed within 7 days; a returning subscriber goes back to unsubscribed", async () => {
    const stale = await confirmationLink("stale@example.org");
    const db = await getDb();
    await db.subscriber.create({
      data: { email: "returning@example.org", status: "pending", topics: [], confirmedAt: new Date("2026-01-01T00:00:00Z"), confirmNonce: "n", confirmExpiresAt: new Date(Date.now() + 86_400_000) },
    });
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await expirePendingSignUps(new Date())).toBe(0);
    expect(await expirePendingSignUps(eightDaysOn)).toBe(2);
    expect(await db.subscriber.count({ where: { email: "stale@example.org" } })).toBe(0);
    expect(await subscriber("returning@example.org")).toMatchObject({ status: "unsubscribed", confirmNonce: null });
    expect(await confirmFromLink(stale)).toEqual({ kind: "invalid" });
  });

  it("voids the old link when a sign-up starts over after an unsubscribe", async () => {
    const first = await confirmationLink("again@example.org");
    const confirmed = await confirmFromLink(first);
    expect(confirmed.kind).toBe("confirmed");
    expect(await unsubscribe(confirmed.kind === "confirmed" ? confirmed.manageToken : "")).toEqual({ kind: "done", email: "again@example.org" });
    // The used link of an ended subscription confirms nothing and says it is not valid.
    expect(await inspectConfirmation(tokenOf(first))).toEqual({ kind: "invalid" });
    await signUp("again@example.org", "198.51.100.99");
    expect((await subscriber("again@example.org")).status).toBe("pending");
    expect(await confirmFromLink(first)).toEqual({ kind: "invalid" });
  });
});

describe("managing", () => {
  it("changes preferences and unsubscribes at once, each only with the right token; links sent before versions keep working", async () => {
    const [id] = await insertActiveSubscribers([{ email: "manage@example.org" }]);
    // Version 0: the signature links had before link versions existed.
    expect(linkNonce(0)).toBe("");
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
  });

  it("after an unsubscribe, the manage link's resume asks the mailbox to confirm again; links from before that opt-in stop working", async () => {
    await signUp("back@example.org", "198.51.100.20", { frequency: "weekly", topics: ["robotics"] });
    await settle(1);
    const confirmed = await confirmFromLink(confirmLinkIn(0));
    if (confirmed.kind !== "confirmed") throw new Error(`not confirmed: ${confirmed.kind}`);
    const manage = confirmed.manageToken;
    const row = await subscriber("back@example.org");
    const oneClick = await createToken("unsubscribe", row.id, linkNonce(row.linkVersion));
    expect(await unsubscribe(oneClick)).toEqual({ kind: "done", email: "back@example.org" });

    // The old manage link still opens the page, but cannot turn digests back on by itself.
    expect(await resumeSubscription(manage)).toEqual({ kind: "confirmation_sent", email: "back@example.org" });
    expect((await subscriber("back@example.org")).status).toBe("pending");
    await settle(2);
    expect(smtp.messages[1]).toMatchObject({ to: "back@example.org" });
    expect(smtp.messages[1]!.parsed.subject).toBe("Confirm your PaperPulse digest subscription");
    const again = new URL(confirmLinkIn(1));
    expect(again.searchParams.get("frequency")).toBe("weekly");
    expect(again.searchParams.getAll("topic")).toEqual(["robotics"]);
    // Asking again within the hour sends nothing new; the link already sent stays valid.
    expect(await resumeSubscription(manage)).toEqual({ kind: "confirmation_sent", email: "back@example.org" });
    await settle(2);
    expect((await subscriber("back@example.org")).status).toBe("pending");

    const reconfirmed = await confirmFromLink(again.toString());
    expect(reconfirmed.kind).toBe("confirmed");
    expect((await subscriber("back@example.org")).status).toBe("active");
    // Links from before this opt-in are dead; the new ones work.
    expect(await findSubscriberByToken(["manage"], manage)).toBeNull();
    expect(await updatePreferences(manage, { frequency: "daily", topics: [] })).toEqual({ kind: "invalid" });
    expect(await unsubscribe(oneClick)).toEqual({ kind: "invalid" });
    expect(await resumeSubscription(manage)).toEqual({ kind: "invalid" });
    if (reconfirmed.kind === "confirmed") expect((await findSubscriberByToken(["manage"], reconfirmed.manageToken))?.status).toBe("active");
  });

  it("lifts a suspension only by the operator or a fresh opt-in", async () => {
    const [bounced, lifted] = await insertActiveSubscribers([{ email: "bounced@example.org" }, { email: "lifted@example.org" }]);
    const manage = await createToken("manage", bounced!);
    expect(await suspendSubscriber(bounced!, "hard bounce (SMTP 550)")).toBe(true);
    expect(await subscriber("bounced@example.org")).toMatchObject({ status: "suspended", suspendedReason: "hard bounce (SMTP 550)" });

    expect(await resumeSubscription(manage)).toEqual({ kind: "confirmation_sent", email: "bounced@example.org" });
    expect((await subscriber("bounced@example.org")).status).toBe("pending");
    await settle(1);
    expect((await confirmFromLink(confirmLinkIn(0))).kind).toBe("confirmed");
    expect(await subscriber("bounced@example.org")).toMatchObject({ status: "active", suspendedReason: null });

    expect(await suspendSubscriber(lifted!, "3 digests in a row failed")).toBe(true);
    expect(await liftSuspension(lifted!)).toBe(true);
    expect(await subscriber("lifted@example.org")).toMatchObject({ status: "active", suspendedAt: null, suspendedReason: null });
    expect(await liftSuspension(lifted!)).toBe(false);
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

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startDigestRuns } from "@/lib/digest/runs";
import { upsertPapers } from "@/lib/ingest/upsert";
import { addDays, todayUtc } from "@/lib/papers/dates";
import { configureMail, startMailWorkers, stopMailWorkers, insertActiveSubscribers, waitForRunCompleted } from "./helpers/digest";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";
import { type SmtpReply, type TestSmtpServer } from "./helpers/smtp-server";

// What the sender does when the mail server says no: 4xx is retried with backoff until it
// goes through, 5xx fails the delivery for good, hard bounces and repeated failures suspend
// the subscriber, and our own server being down never blames the subscriber.

let smtp: TestSmtpServer;
let onRecipient: (address: string) => SmtpReply | null = () => null;
let onMessage: (to: string, attempt: number) => SmtpReply | null = () => null;
const today = todayUtc();

beforeAll(async () => {
  smtp = await startMailWorkers({ onRecipient: (address) => onRecipient(address), onMessage: (message, attempt) => onMessage(message.to, attempt) }, { DIGEST_MAX_ATTEMPTS: "3", DIGEST_SUSPEND_AFTER_FAILURES: "3" });
});

afterAll(async () => {
  await stopMailWorkers(smtp);
});

beforeEach(async () => {
  await truncateAll();
  configureMail(smtp.url, { DIGEST_MAX_ATTEMPTS: "3", DIGEST_SUSPEND_AFTER_FAILURES: "3" });
  smtp.messages.length = 0;
  smtp.attempts.clear();
  onRecipient = () => null;
  onMessage = () => null;
  await upsertPapers([makePaper({ id: "2611.20001", upvotes: 10, listedOn: today }), makePaper({ id: "2611.20002", upvotes: 3, listedOn: today })], { today });
});

async function runDaily(day = today) {
  const now = day === today ? new Date() : new Date(`${day}T07:00:00Z`);
  const [run] = await startDigestRuns({ trigger: "test", now, frequencies: ["daily"] });
  return waitForRunCompleted(run!.runId, 60_000);
}

describe("digest sending failures", () => {
  it("retries 451 answers with backoff and delivers every digest exactly once", async () => {
    const emails = Array.from({ length: 30 }, (_, i) => `reader${i}@example.org`);
    await insertActiveSubscribers(emails.map((email) => ({ email })));
    // Every third recipient is refused with 451 on its first two tries.
    onMessage = (to, attempt) => (Number(/\d+/.exec(to)![0]) % 3 === 0 && attempt <= 2 ? { code: 451, message: "4.3.0 Try again later" } : null);
    const run = await runDaily();
    expect(run).toMatchObject({ sentCount: 30, failedCount: 0, pendingCount: 0 });
    expect(smtp.messages.map((m) => m.to).sort()).toEqual([...emails].sort());
    const db = await getDb();
    const deliveries = await db.digestDelivery.findMany({ where: { runId: run.id }, include: { subscriber: true } });
    for (const delivery of deliveries) {
      const retried = Number(/\d+/.exec(delivery.subscriber.email)![0]) % 3 === 0;
      expect(delivery).toMatchObject({ status: "sent", attempts: retried ? 3 : 1, claimedBy: null });
      expect(smtp.attempts.get(delivery.messageId)).toBe(retried ? 3 : 1);
    }
  });

  it("fails a delivery for good on 5xx: a hard bounce suspends at once, a refused message does not", async () => {
    await insertActiveSubscribers([{ email: "gone@example.org" }, { email: "refused@example.org" }, { email: "fine@example.org" }]);
    onRecipient = (address) => (address === "gone@example.org" ? { code: 550, message: "5.1.1 No such user" } : null);
    onMessage = (to) => (to === "refused@example.org" ? { code: 554, message: "5.7.1 Message refused" } : null);
    const run = await runDaily();
    expect(run).toMatchObject({ sentCount: 1, failedCount: 2 });
    const db = await getDb();
    const rows = await db.digestDelivery.findMany({ where: { runId: run.id }, include: { subscriber: true, papers: true } });
    const byEmail = new Map(rows.map((r) => [r.subscriber.email, r]));
    expect(byEmail.get("gone@example.org")).toMatchObject({ status: "failed", failureKind: "hard_bounce", smtpCode: 550, attempts: 1, papers: [] });
    expect(byEmail.get("gone@example.org")!.subscriber).toMatchObject({ status: "suspended", suspendedReason: "hard bounce (SMTP 550)" });
    expect(byEmail.get("refused@example.org")).toMatchObject({ status: "failed", failureKind: "rejected", smtpCode: 554, attempts: 1, papers: [] });
    expect(byEmail.get("refused@example.org")!.subscriber.status).toBe("active");
    expect(byEmail.get("fine@example.org")).toMatchObject({ status: "sent", attempts: 1 });
    expect(smtp.messages.map((m) => m.to)).toEqual(["fine@example.org"]);
  });

  it("suspends after three digests in a row fail, and the next run leaves the address out", async () => {
    await insertActiveSubscribers([{ email: "full@example.org", confirmedAt: new Date(`${today}T00:00:01Z`) }]);
    onMessage = () => ({ code: 552, message: "5.2.2 Mailbox full" });
    const db = await getDb();
    for (const [index, day] of [addDays(today, 1), addDays(today, 2), addDays(today, 3)].entries()) {
      const run = await runDaily(day);
      // The papers were never received, so each run offers them again.
      expect(run).toMatchObject({ failedCount: 1, skippedCount: 0 });
      expect((await db.subscriber.findUniqueOrThrow({ where: { email: "full@example.org" } })).status).toBe(index < 2 ? "active" : "suspended");
    }
    const fourth = await runDaily(addDays(today, 4));
    expect(fourth.totalCount).toBe(0);
  });

  it("gives up after the last attempt when our mail server is unreachable, without blaming the subscriber", async () => {
    await insertActiveSubscribers([{ email: "patient@example.org" }]);
    configureMail("smtp://127.0.0.1:9", { DIGEST_MAX_ATTEMPTS: "2" });
    const run = await runDaily();
    const db = await getDb();
    const delivery = await db.digestDelivery.findFirstOrThrow({ where: { runId: run.id }, include: { subscriber: true, papers: true } });
    expect(delivery).toMatchObject({ status: "failed", failureKind: "transport", attempts: 2, papers: [] });
    expect(delivery.lastError).toMatch(/ECONNREFUSED|connect/);
    expect(delivery.subscriber.status).toBe("active");
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as cronPost, GET as cronGet } from "@/app/api/cron/digest/route";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/unsubscribe/route";
import { getDb } from "@/lib/db";
import { startDigestRuns } from "@/lib/digest/runs";
import { upsertPapers } from "@/lib/ingest/upsert";
import { addDays, formatDayShort, todayUtc } from "@/lib/papers/dates";
import { requestSubscription, resumeSubscription } from "@/lib/subscribers/commands";
import { findSubscriberByToken } from "@/lib/subscribers/queries";
import { configureMail, confirmFromLink, insertActiveSubscribers, startMailWorkers, stopMailWorkers, waitForRunCompleted } from "./helpers/digest";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";
import { type ReceivedMessage, type TestSmtpServer } from "./helpers/smtp-server";

// The whole digest flow on real PostgreSQL and a real SMTP server: sign-up, confirmation
// email, confirmation, cron, digest content and headers, no second send, one-click
// unsubscribe. Queue workers run in this process, exactly as in the web server.

const CRON_SECRET = "digest-flow-cron-secret-0123456789abcdef";
const APP_URL = "https://paperpulse.example";
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startMailWorkers({}, { CRON_SECRET, APP_URL, DIGEST_MAX_PAPERS: "3" });
});

afterAll(async () => {
  await stopMailWorkers(smtp);
});

beforeEach(async () => {
  await truncateAll();
  configureMail(smtp.url, { CRON_SECRET, APP_URL, DIGEST_MAX_PAPERS: "3" });
  smtp.messages.length = 0;
});

function cron(method: "GET" | "POST", headers: Record<string, string> = { authorization: `Bearer ${CRON_SECRET}` }, query = "") {
  const request = new Request(`http://localhost/api/cron/digest${query}`, { method, headers });
  return (method === "GET" ? cronGet : cronPost)(request, undefined as never);
}

interface CronBody {
  runs: { key: string; runId: string; created: boolean; status: string; progress: { total: number } }[];
}

async function runCron(): Promise<CronBody> {
  const response = await cron("POST");
  expect(response.status).toBe(200);
  return (await response.json()) as CronBody;
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`${APP_URL.replace(/\./g, "\\.")}${path.replace(/\?/g, "\\?")}[^\\s\\]<>"]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return match[0];
}

function paperIdsIn(message: ReceivedMessage): string[] {
  return [...(message.parsed.text ?? "").matchAll(/\/papers\/(\d{4}\.\d{5})/g)].map((m) => m[1]!);
}

async function seedPapers(today: string) {
  await upsertPapers(
    [
      makePaper({ id: "2611.10001", title: "Robot manipulation with learned grasping policies", upvotes: 50, listedOn: today }),
      makePaper({ id: "2611.10002", title: "Speech recognition for low-resource languages", abstract: "Automatic speech recognition with little data.", upvotes: 80, listedOn: today }),
      makePaper({ id: "2611.10003", title: "Humanoid robot locomotion learned from video", upvotes: 20, listedOn: today }),
      makePaper({ id: "2611.10004", title: "Robot navigation in dense crowds", upvotes: 99, listedOn: addDays(today, -1) }),
    ],
    { today },
  );
  const db = await getDb();
  const robotics = await db.paperTag.findMany({ where: { tag: { slug: "robotics" } }, select: { paperId: true }, orderBy: { paperId: "asc" } });
  // The topic rules tag the papers as the test assumes.
  expect(robotics.map((r) => r.paperId)).toEqual(["2611.10001", "2611.10003", "2611.10004"]);
}

describe("the digest flow, end to end", () => {
  it("signs up, confirms, sends the right digest once, and stops after a one-click unsubscribe", async () => {
    const today = todayUtc();
    await seedPapers(today);
    const db = await getDb();

    // 1. Sign up: a confirmation email, carrying nothing the visitor typed: the address it goes
    //    to, and the choices only as known topic slugs in the link (applied when confirmed).
    expect(await requestSubscription({ email: "reader@example.org", frequency: "daily", topics: ["robotics"] }, { clientIp: "203.0.113.5" })).toEqual({ kind: "accepted" });
    await smtp.waitForMessages(1);
    const confirmation = smtp.messages[0]!;
    expect(confirmation.to).toBe("reader@example.org");
    expect(confirmation.parsed.subject).toBe("Confirm your PaperPulse digest subscription");
    expect(confirmation.parsed.text).not.toMatch(/reader@example\.org/i);
    const confirmLink = linkIn(confirmation.parsed.text ?? "", "/subscribe/confirm?token=");
    expect(confirmation.parsed.text?.replaceAll(confirmLink, "")).not.toMatch(/robotics/i);
    expect(new URL(confirmLink).searchParams.getAll("topic")).toEqual(["robotics"]);
    expect(confirmation.parsed.html).toContain(confirmLink.replaceAll("&", "&amp;"));
    // Nothing is confirmed by receiving or opening the link; the page's button (a POST) does it.
    expect((await db.subscriber.findUniqueOrThrow({ where: { email: "reader@example.org" } })).status).toBe("pending");

    // 2. Confirm.
    expect((await confirmFromLink(confirmLink)).kind).toBe("confirmed");
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { email: "reader@example.org" } });
    expect(subscriber.status).toBe("active");

    // 3. The cron: one daily run with one delivery.
    const body = await runCron();
    const daily = body.runs.find((r) => r.key === `daily:${today}`)!;
    expect(daily).toMatchObject({ created: true, progress: { total: 1 } });
    await waitForRunCompleted(daily.runId);
    await smtp.waitForMessages(2);
    const digest = smtp.messages[1]!;

    // Today's robotics papers, by trending score; not the speech paper, not yesterday's.
    expect(digest.to).toBe("reader@example.org");
    expect(paperIdsIn(digest)).toEqual(["2611.10001", "2611.10003"]);
    expect(digest.parsed.subject).toBe(`PaperPulse, ${formatDayShort(today)}: Robot manipulation with learned grasping policies`);
    expect(digest.parsed.text).toContain("Topics: Robotics.");
    expect(digest.messageId).toBe(`<digest.daily-${today}.${subscriber.id}@paperpulse.example>`);
    const list = digest.parsed.headers.get("list") as { id: { id: string; name: string }; unsubscribe: { url: string; mail?: string }; "unsubscribe-post": { name: string } };
    expect(list.id).toEqual({ name: "PaperPulse daily digest", id: "daily.digest.paperpulse.example" });
    expect(list["unsubscribe-post"]).toEqual({ name: "List-Unsubscribe=One-Click" });
    expect(list.unsubscribe.mail).toBeUndefined();
    const oneClick = list.unsubscribe.url;
    expect(oneClick).toMatch(/^https:\/\/paperpulse\.example\/api\/unsubscribe\?token=[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(digest.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    const manageLink = linkIn(digest.parsed.text ?? "", "/manage?token=");
    expect(digest.parsed.html).toContain(manageLink);
    expect(digest.parsed.html).toContain(`${APP_URL}/papers/2611.10001`);

    const delivery = await db.digestDelivery.findFirstOrThrow({ where: { runId: daily.runId }, include: { papers: { orderBy: { position: "asc" } } } });
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, paperCount: 2, messageId: digest.messageId });
    expect(delivery.papers.map((p) => p.paperId)).toEqual(["2611.10001", "2611.10003"]);
    expect(await db.digestRun.findUniqueOrThrow({ where: { id: daily.runId } })).toMatchObject({ status: "completed", totalCount: 1, sentCount: 1, pendingCount: 0 });

    // 4. The cron again: the same run, nothing sent.
    const again = await runCron();
    expect(again.runs.find((r) => r.key === `daily:${today}`)).toMatchObject({ runId: daily.runId, created: false, status: "completed" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.messages).toHaveLength(2);

    // 5. The next day: only what is new since, never a paper already sent.
    const tomorrow = addDays(today, 1);
    await upsertPapers([makePaper({ id: "2611.10005", title: "Robot learning from human play data", upvotes: 5, listedOn: tomorrow })], { today: tomorrow });
    await upsertPapers([makePaper({ id: "2611.10006", title: "Dexterous robot hands with tactile sensing", upvotes: 60, listedOn: today })], { today });
    const [nextDay] = await startDigestRuns({ trigger: "test", now: new Date(`${tomorrow}T07:00:00Z`), frequencies: ["daily"] });
    await waitForRunCompleted(nextDay!.runId);
    await smtp.waitForMessages(3);
    expect(paperIdsIn(smtp.messages[2]!)).toEqual(["2611.10006", "2611.10005"]);

    // 6. GET on the List-Unsubscribe URL only shows the confirmation page.
    const get = await unsubscribeGet(new Request(oneClick, { method: "GET" }));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`${APP_URL}/unsubscribe?token=${new URL(oneClick).searchParams.get("token")}`);
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe("active");

    // 7. One-click POST, as a mailbox provider sends it: no cookies, 200, no redirect, at once.
    const post = await unsubscribePost(
      new Request(oneClick, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      undefined as never,
    );
    expect(post.status).toBe(200);
    expect(post.headers.get("location")).toBeNull();
    expect(await post.json()).toEqual({ ok: true, unsubscribed: true });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe("unsubscribed");

    // 8. The run after that skips them.
    const dayAfter = addDays(today, 2);
    await upsertPapers([makePaper({ id: "2611.10007", title: "Robot swarms for warehouse logistics", upvotes: 9, listedOn: dayAfter })], { today: dayAfter });
    const [third] = await startDigestRuns({ trigger: "test", now: new Date(`${dayAfter}T07:00:00Z`), frequencies: ["daily"] });
    expect(third!.progress.total).toBe(0);
    expect(third!.status).toBe("completed");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.messages).toHaveLength(3);

    // 9. The digest's manage link cannot turn digests back on by itself: "Subscribe again"
    //    sends a new confirmation, and until it is used the address gets nothing.
    const oldManageToken = new URL(manageLink).searchParams.get("token")!;
    expect(await resumeSubscription(oldManageToken)).toEqual({ kind: "confirmation_sent", email: "reader@example.org" });
    expect((await db.subscriber.findUniqueOrThrow({ where: { id: subscriber.id } })).status).toBe("pending");
    await smtp.waitForMessages(4);
    const reconfirmation = smtp.messages[3]!;
    expect(reconfirmation.parsed.subject).toBe("Confirm your PaperPulse digest subscription");
    const dayThree = addDays(today, 3);
    await upsertPapers([makePaper({ id: "2611.10008", title: "Robot arms that fold laundry", upvotes: 12, listedOn: dayThree })], { today: dayThree });
    const [fourth] = await startDigestRuns({ trigger: "test", now: new Date(`${dayThree}T07:00:00Z`), frequencies: ["daily"] });
    expect(fourth!.progress.total).toBe(0);

    // 10. Confirming it brings the digests back, with the choices it carries; the links sent
    //     before this opt-in stop working, the new digest's links work.
    const reconfirmLink = linkIn(reconfirmation.parsed.text ?? "", "/subscribe/confirm?token=");
    expect(new URL(reconfirmLink).searchParams.getAll("topic")).toEqual(["robotics"]);
    expect((await confirmFromLink(reconfirmLink)).kind).toBe("confirmed");
    expect(await findSubscriberByToken(["manage"], oldManageToken)).toBeNull();
    expect(await resumeSubscription(oldManageToken)).toEqual({ kind: "invalid" });
    const dayFour = addDays(today, 4);
    await upsertPapers([makePaper({ id: "2611.10009", title: "Robot hands that tie knots", upvotes: 7, listedOn: dayFour })], { today: dayFour });
    const [fifth] = await startDigestRuns({ trigger: "test", now: new Date(`${dayFour}T07:00:00Z`), frequencies: ["daily"] });
    await waitForRunCompleted(fifth!.runId);
    await smtp.waitForMessages(5);
    const back = smtp.messages[4]!;
    expect(back.to).toBe("reader@example.org");
    const newManageToken = new URL(linkIn(back.parsed.text ?? "", "/manage?token=")).searchParams.get("token")!;
    expect(newManageToken).not.toBe(oldManageToken);
    expect((await findSubscriberByToken(["manage"], newManageToken))?.status).toBe("active");
    const stale = await unsubscribePost(new Request(oneClick, { method: "POST" }), undefined as never);
    expect(stale.status).toBe(400);
  });

  it("sends a title's TeX as text and its encoded-word look-alike as the characters it is", async () => {
    const today = todayUtc();
    // A real arXiv title carries TeX; a hostile one spells an RFC 2047 encoded word, which a
    // mail client would decode ("Free money") if the subject carried it as it is.
    const title = `=?utf-8?q?Free_money?= for Landauer-B\\"uttiker transport in $O(n \\log n)$`;
    await upsertPapers(
      [makePaper({ id: "2611.10011", title, abstract: `Poincar\\'e maps \\emph{beat} baselines -- by 50\\%.`, upvotes: 70, listedOn: today })],
      { today },
    );
    await insertActiveSubscribers([{ email: "tex@example.org" }]);
    const daily = (await runCron()).runs.find((r) => r.key === `daily:${today}`)!;
    await waitForRunCompleted(daily.runId);
    await smtp.waitForMessages(1);
    const digest = smtp.messages[0]!;
    expect(digest.parsed.subject).toBe(`PaperPulse, ${formatDayShort(today)}: =?utf-8?q?Free_money?= for Landauer-Büttiker transport in O(n log n)`);
    expect(digest.parsed.text).toContain("=?utf-8?q?Free_money?= for Landauer-Büttiker transport in O(n log n)");
    expect(digest.parsed.text).toContain("Poincaré maps beat baselines – by 50%.");
    expect(digest.parsed.html).toContain("Landauer-Büttiker");
    expect(`${digest.parsed.text}${digest.parsed.html}`).not.toMatch(/B\\"uttiker|\\emph/);
  });

  it("answers 401 without the cron secret, 400 on an unknown parameter, and a bad unsubscribe token with 400", async () => {
    expect((await cron("POST", {})).status).toBe(401);
    expect((await cron("GET", { authorization: "Bearer wrong" })).status).toBe(401);
    const bad = await cron("GET", { authorization: `Bearer ${CRON_SECRET}` }, "?frequency=hourly");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    const forged = await unsubscribePost(new Request(`${APP_URL}/api/unsubscribe?token=00000000-0000-4000-8000-000000000000.${"A".repeat(43)}`, { method: "POST" }), undefined as never);
    expect(forged.status).toBe(400);
    const malformed = await unsubscribePost(new Request(`${APP_URL}/api/unsubscribe?token=nope`, { method: "POST" }), undefined as never);
    expect(malformed.status).toBe(400);
  });

  it("sends no email to a subscriber with nothing new, and records the delivery as skipped", async () => {
    const today = todayUtc();
    await seedPapers(today);
    const db = await getDb();
    await db.subscriber.create({ data: { email: "quiet@example.org", status: "active", frequency: "daily", topics: ["graph-neural-networks"], confirmedAt: new Date(Date.now() - 60_000) } });
    const body = await runCron();
    const daily = body.runs.find((r) => r.key === `daily:${today}`)!;
    await waitForRunCompleted(daily.runId);
    const delivery = await db.digestDelivery.findFirstOrThrow({ where: { runId: daily.runId } });
    expect(delivery).toMatchObject({ status: "skipped", paperCount: 0, lastError: "nothing new for this subscriber" });
    expect(smtp.messages).toHaveLength(0);
  });

  it("makes one run when the cron fires twice at once", async () => {
    const today = todayUtc();
    await seedPapers(today);
    const db = await getDb();
    await db.subscriber.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({ email: `twice${i}@example.org`, status: "active" as const, frequency: "daily" as const, topics: [], confirmedAt: new Date(Date.now() - 60_000) })),
    });
    const [a, b] = await Promise.all([runCron(), runCron()]);
    const runA = a.runs.find((r) => r.key === `daily:${today}`)!;
    const runB = b.runs.find((r) => r.key === `daily:${today}`)!;
    expect(runA.runId).toBe(runB.runId);
    expect([runA.created, runB.created].sort()).toEqual([false, true]);
    expect(await db.digestRun.count({ where: { frequency: "daily" } })).toBe(1);
    await waitForRunCompleted(runA.runId);
    await smtp.waitForMessages(40);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const recipients = smtp.messages.map((m) => m.to).sort();
    expect(recipients).toEqual(Array.from({ length: 40 }, (_, i) => `twice${i}@example.org`).sort());
    expect(await db.digestDelivery.count({ where: { runId: runA.runId, status: "sent" } })).toBe(40);
  });

  it("waits for the run's papers: one ingested after the run started goes into the next digest", async () => {
    const today = todayUtc();
    await seedPapers(today);
    const db = await getDb();
    await db.subscriber.create({ data: { email: "early@example.org", status: "active", frequency: "daily", topics: [], confirmedAt: new Date(Date.now() - 60_000) } });
    const [run] = await startDigestRuns({ trigger: "test", now: new Date(Date.now() - 5_000), frequencies: ["daily"] });
    await waitForRunCompleted(run!.runId);
    const delivery = await db.digestDelivery.findFirstOrThrow({ where: { runId: run!.runId }, include: { papers: { orderBy: { position: "asc" } } } });
    // Papers were created a moment after the run's start time: none qualify yet.
    expect(delivery).toMatchObject({ status: "skipped", paperCount: 0 });
    expect(delivery.papers).toEqual([]);
    expect(smtp.messages).toHaveLength(0);
    // The next run has them (not yesterday's paper: a first digest starts at the period of confirmation).
    const [next] = await startDigestRuns({ trigger: "test", now: new Date(`${addDays(today, 1)}T07:00:00Z`), frequencies: ["daily"] });
    await waitForRunCompleted(next!.runId);
    await smtp.waitForMessages(1);
    expect(paperIdsIn(smtp.messages[0]!)).toEqual(["2611.10002", "2611.10001", "2611.10003"]);
  });
});

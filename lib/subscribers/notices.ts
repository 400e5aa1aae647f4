import { createElement } from "react";
import type { PgBoss } from "pg-boss";
import { ConfirmationEmail } from "@/emails/confirmation-email";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ensureQueue, getQueue } from "@/lib/jobs/queue";
import type { WorkerDefinition } from "@/lib/jobs/workers";
import { mailDomain } from "@/lib/mail/list-headers";
import { composeMessage, parseMailAddress } from "@/lib/mail/mime";
import { renderEmail } from "@/lib/mail/render-email";
import { getMailTransport } from "@/lib/mail/transport";
import { describeError, log } from "@/lib/log";
import { confirmUrl, manageUrl } from "./links";
import { createToken } from "./tokens";

// Confirmation emails ("notices"), sent by a queue worker rather than inside the sign-up
// request: the form then answers in the same time whatever the address's state, and a slow
// mail server never slows the page. A pending address gets the confirmation link; an active
// one gets a note with its manage link. At most one notice per address per hour, whatever
// the number of sign-ups: the hour is claimed in the database before sending.

export const NOTICE_QUEUE = "subscriber-notice";
const NOTICE_INTERVAL_SECONDS = 3600;

let queueReady: Promise<void> | undefined;

async function noticeQueue(): Promise<PgBoss> {
  const boss = await getQueue();
  // `short`: one queued notice per subscriber; repeated sign-ups collapse into it.
  queueReady ??= ensureQueue(boss, NOTICE_QUEUE, { policy: "short", retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 300 });
  await queueReady.catch((error: unknown) => {
    queueReady = undefined;
    throw error;
  });
  return boss;
}

export async function enqueueNotice(subscriberId: string): Promise<void> {
  const boss = await noticeQueue();
  await boss.send(NOTICE_QUEUE, { subscriberId }, { singletonKey: subscriberId });
}

export type NoticeOutcome = "confirmation" | "already-subscribed" | "skipped";

interface ClaimedNotice extends Record<string, unknown> {
  email: string;
  status: "pending" | "active";
  confirm_nonce: string | null;
  previous: Date | null;
}

export async function sendNotice(subscriberId: string, now: Date = new Date()): Promise<NoticeOutcome> {
  const db = await getDb();
  // Claim this hour's notice. Pending sign-ups past their expiry get nothing.
  const claimed = await db.$queryRaw<ClaimedNotice[]>`
    WITH previous AS (SELECT id, last_notice_at FROM subscribers WHERE id = ${subscriberId}::uuid FOR UPDATE)
    UPDATE subscribers s SET last_notice_at = ${now}
    FROM previous
    WHERE s.id = previous.id
      AND (s.status = 'active' OR (s.status = 'pending' AND s.confirm_expires_at > ${now}))
      AND (previous.last_notice_at IS NULL OR previous.last_notice_at <= ${now}::timestamptz - make_interval(secs => ${NOTICE_INTERVAL_SECONDS}))
    RETURNING s.email, s.status::text AS status, s.confirm_nonce, previous.last_notice_at AS previous`;
  const notice = claimed[0];
  if (!notice) return "skipped";

  const kind = notice.status === "pending" ? "confirmation" : "already-subscribed";
  try {
    const manage = manageUrl(await createToken("manage", subscriberId));
    const actionUrl = kind === "confirmation" ? confirmUrl(await createToken("confirm", subscriberId, notice.confirm_nonce ?? "")) : manage;
    const env = getEnv();
    const rendered = await renderEmail(createElement(ConfirmationEmail, { kind: kind === "confirmation" ? "confirm" : "already-subscribed", actionUrl, manageUrl: manage, appUrl: env.appUrl }));
    const message = composeMessage({
      from: parseMailAddress(env.SMTP_FROM),
      to: notice.email,
      subject: kind === "confirmation" ? "Confirm your PaperPulse digest subscription" : "You are already subscribed to PaperPulse digests",
      messageId: `<notice.${subscriberId}.${now.getTime()}@${mailDomain()}>`,
      date: now,
      ...rendered,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    await getMailTransport().send(message);
    return kind;
  } catch (error) {
    // Give the hour back, so the queue's retry (or the next sign-up) can send it.
    await db.$executeRaw`UPDATE subscribers SET last_notice_at = ${notice.previous} WHERE id = ${subscriberId}::uuid AND last_notice_at = ${now}`;
    throw error;
  }
}

export const subscriberNoticeWorker: WorkerDefinition = {
  name: "subscriber-notice",
  async start(boss) {
    await noticeQueue();
    await boss.work<{ subscriberId: string }>(NOTICE_QUEUE, { pollingIntervalSeconds: 1, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) {
        try {
          const outcome = await sendNotice(job.data.subscriberId);
          log.info({ subscriberId: job.data.subscriberId, outcome }, "subscriber notice");
        } catch (error) {
          log.warn({ subscriberId: job.data.subscriberId, err: describeError(error) }, "subscriber notice failed; will retry");
          throw error;
        }
      }
    });
  },
};

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
import { mailboxHash } from "./mailbox";
import type { Preferences } from "./schemas";
import { createToken, linkNonce } from "./tokens";

// Confirmation emails ("notices"), sent by a queue worker rather than inside the sign-up
// request: the form then answers in the same time whatever the address's state, and a slow
// mail server never slows the page. A pending address gets the confirmation link; an active
// one gets a note with its manage link. At most one notice per mailbox per hour, whatever the
// number of sign-ups and of +tag variants of the address (lib/subscribers/mailbox.ts): the
// hour is claimed in the database before sending, and confirming gives it back (the owner has
// answered, so a resume right after need not wait).

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

export interface NoticeJob {
  subscriberId: string;
  /**
   * The frequency and topics of the sign-up that asked for this notice. They travel in the
   * confirmation link and are applied only when it is confirmed, never stored before, so
   * sign-ups by someone else cannot change an address's choices (docs/digest.md).
   */
  choices?: Preferences;
}

export async function enqueueNotice(job: NoticeJob): Promise<void> {
  const boss = await noticeQueue();
  await boss.send(NOTICE_QUEUE, job, { singletonKey: job.subscriberId });
}

export type NoticeOutcome = "confirmation" | "already-subscribed" | "skipped";

interface NoticeRecipient extends Record<string, unknown> {
  email: string;
  status: string;
  confirm_nonce: string | null;
  confirm_expires_at: Date | null;
  link_version: number;
}

interface ClaimedNotice {
  recipient: NoticeRecipient;
  mailbox: string;
  previous: Date | null;
}

/** Claims this hour's notice for the subscriber's mailbox, or null when none is due. */
async function claimNotice(subscriberId: string, now: Date): Promise<ClaimedNotice | null> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<NoticeRecipient[]>`
      SELECT email, status::text AS status, confirm_nonce, confirm_expires_at, link_version FROM subscribers WHERE id = ${subscriberId}::uuid FOR UPDATE`;
    const recipient = rows[0];
    // Pending sign-ups past their expiry, unsubscribed and suspended addresses get nothing.
    if (!recipient) return null;
    const pending = recipient.status === "pending" && recipient.confirm_expires_at !== null && recipient.confirm_expires_at > now;
    if (recipient.status !== "active" && !pending) return null;
    const mailbox = mailboxHash(recipient.email);
    // Locks an existing claim, so `previous` is what the upsert below replaces. A first claim
    // for the mailbox has no row to lock: two at once both insert, and the loser's upsert
    // waits for the winner and then finds the hour taken.
    const before = await tx.$queryRaw<{ last_notice_at: Date }[]>`SELECT last_notice_at FROM mailbox_notices WHERE mailbox_hash = ${mailbox} FOR UPDATE`;
    const claimed = await tx.$queryRaw<{ last_notice_at: Date }[]>`
      INSERT INTO mailbox_notices (mailbox_hash, last_notice_at) VALUES (${mailbox}, ${now})
      ON CONFLICT (mailbox_hash) DO UPDATE SET last_notice_at = EXCLUDED.last_notice_at
        WHERE mailbox_notices.last_notice_at <= ${now}::timestamptz - make_interval(secs => ${NOTICE_INTERVAL_SECONDS})
      RETURNING last_notice_at`;
    if (claimed.length === 0) return null;
    return { recipient, mailbox, previous: before[0]?.last_notice_at ?? null };
  });
}

/** Gives the hour back after a failed send, so the queue's retry (or the next sign-up) can send it. */
async function releaseNotice(claim: ClaimedNotice, now: Date): Promise<void> {
  const db = await getDb();
  if (claim.previous) {
    await db.$executeRaw`UPDATE mailbox_notices SET last_notice_at = ${claim.previous} WHERE mailbox_hash = ${claim.mailbox} AND last_notice_at = ${now}`;
  } else {
    await db.$executeRaw`DELETE FROM mailbox_notices WHERE mailbox_hash = ${claim.mailbox} AND last_notice_at = ${now}`;
  }
}

/** A confirmation answers the mailbox's notice: the next one (a resume, say) need not wait the hour. */
export async function releaseMailboxHour(email: string): Promise<void> {
  const db = await getDb();
  await db.mailboxNotice.deleteMany({ where: { mailboxHash: mailboxHash(email) } });
}

/** Claims older than the hour decide nothing any more; the hourly housekeeping deletes them. */
export async function deleteExpiredNoticeClaims(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const { count } = await db.mailboxNotice.deleteMany({ where: { lastNoticeAt: { lt: new Date(now.getTime() - NOTICE_INTERVAL_SECONDS * 1000) } } });
  return count;
}

export async function sendNotice(job: NoticeJob, now: Date = new Date()): Promise<NoticeOutcome> {
  const claim = await claimNotice(job.subscriberId, now);
  if (!claim) return "skipped";
  const { recipient } = claim;
  const kind = recipient.status === "pending" ? "confirmation" : "already-subscribed";
  try {
    const manage = manageUrl(await createToken("manage", job.subscriberId, linkNonce(recipient.link_version)));
    const actionUrl = kind === "confirmation" ? confirmUrl(await createToken("confirm", job.subscriberId, recipient.confirm_nonce ?? ""), job.choices) : manage;
    const env = getEnv();
    const rendered = await renderEmail(createElement(ConfirmationEmail, { kind: kind === "confirmation" ? "confirm" : "already-subscribed", actionUrl, manageUrl: manage, appUrl: env.appUrl }));
    const message = composeMessage({
      from: parseMailAddress(env.SMTP_FROM),
      to: recipient.email,
      subject: kind === "confirmation" ? "Confirm your PaperPulse digest subscription" : "You are already subscribed to PaperPulse digests",
      messageId: `<notice.${job.subscriberId}.${now.getTime()}@${mailDomain()}>`,
      date: now,
      ...rendered,
      headers: { "Auto-Submitted": "auto-generated" },
    });
    await getMailTransport().send(message);
    return kind;
  } catch (error) {
    await releaseNotice(claim, now);
    throw error;
  }
}

export const subscriberNoticeWorker: WorkerDefinition = {
  name: "subscriber-notice",
  async start(boss) {
    await noticeQueue();
    await boss.work<NoticeJob>(NOTICE_QUEUE, { pollingIntervalSeconds: 1, batchSize: 5 }, async (jobs) => {
      for (const job of jobs) {
        try {
          const outcome = await sendNotice(job.data);
          log.info({ subscriberId: job.data.subscriberId, outcome }, "subscriber notice");
        } catch (error) {
          log.warn({ subscriberId: job.data.subscriberId, err: describeError(error) }, "subscriber notice failed; will retry");
          throw error;
        }
      }
    });
  },
};

import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { describeZodError } from "@/lib/http/api-response";
import { consumeRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";
import { mailboxHash } from "./mailbox";
import { enqueueNotice, releaseMailboxHour } from "./notices";
import { findSubscriberByToken, inspectConfirmation } from "./queries";
import { type Preferences, preferencesSchema, type SubscribeInput } from "./schemas";
import { createToken, linkNonce } from "./tokens";

// Everything that changes a subscriber. The sign-up answers the same whatever the address's
// state (new, pending, active, unsubscribed): the page never tells a visitor whether an
// address is on the list. What differs happens later, in the email (lib/subscribers/notices.ts).

export const CONFIRMATION_TTL_DAYS = 7;

export const SUBSCRIBE_LIMITS = {
  /** Sign-ups from one client address. Past it the form says so: that reveals nothing about others. */
  perClient: { name: "subscribe:client", limit: 10, windowSeconds: 3600 },
  /**
   * Sign-ups for one mailbox (the address lower-cased, +tag removed: lib/subscribers/mailbox.ts).
   * Past it attempts are dropped silently, with the usual answer.
   */
  perMailbox: { name: "subscribe:mailbox", limit: 5, windowSeconds: 3600 },
} satisfies Record<string, RateLimitRule>;

export type SubscribeOutcome = { kind: "accepted" } | { kind: "rate_limited"; retryAfterSeconds: number };

export async function requestSubscription(input: SubscribeInput, context: { clientIp: string; now?: Date }): Promise<SubscribeOutcome> {
  const now = context.now ?? new Date();
  if (input.website) {
    log.info({ clientIp: context.clientIp }, "sign-up honeypot filled; ignored");
    return { kind: "accepted" };
  }
  const client = await consumeRateLimit(SUBSCRIBE_LIMITS.perClient, context.clientIp);
  if (!client.allowed) return { kind: "rate_limited", retryAfterSeconds: client.retryAfterSeconds };
  // Keyed by a hash: the rate_limits table need not hold addresses.
  const mailbox = await consumeRateLimit(SUBSCRIBE_LIMITS.perMailbox, mailboxHash(input.email));
  if (!mailbox.allowed) return { kind: "accepted" };

  const subscriberId = await recordSignUp(input.email, now);
  // The choices ride with the confirmation link; the row keeps its own until one is confirmed.
  await enqueueNotice({ subscriberId, choices: { frequency: input.frequency, topics: input.topics } });
  return { kind: "accepted" };
}

/**
 * Creates or restarts the sign-up; an active subscription is left exactly as it is. Frequency
 * and topics are not written here: they are applied when a confirmation link is used.
 */
async function recordSignUp(email: string, now: Date): Promise<string> {
  const db = await getDb();
  const expires = confirmationExpiry(now);
  return db.$transaction(async (tx) => {
    // Insert-or-nothing, then lock: two sign-ups for one address at once cannot both insert.
    await tx.$executeRaw`
      INSERT INTO subscribers (id, email, status, topics, confirm_nonce, confirm_expires_at, created_at, updated_at)
      VALUES (gen_random_uuid(), ${email}, 'pending', '{}'::text[], ${newNonce()}, ${expires}, ${now}, ${now})
      ON CONFLICT (email) DO NOTHING`;
    const rows = await tx.$queryRaw<{ id: string; status: string; confirm_expires_at: Date | null }[]>`
      SELECT id, status::text AS status, confirm_expires_at FROM subscribers WHERE email = ${email} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new Error("sign-up row vanished inside its transaction");
    const stillPending = row.status === "pending" && row.confirm_expires_at !== null && row.confirm_expires_at > now;
    // A pending sign-up keeps its nonce: the link already emailed stays valid.
    if (!stillPending && row.status !== "active") {
      // Expired sign-up, unsubscribed or suspended: start a new sign-up (old links die with the old nonce).
      await tx.$executeRaw`
        UPDATE subscribers SET status = 'pending', confirm_nonce = ${newNonce()}, confirm_expires_at = ${expires}, updated_at = ${now}
        WHERE id = ${row.id}::uuid`;
    }
    return row.id;
  });
}

function confirmationExpiry(now: Date): Date {
  return new Date(now.getTime() + CONFIRMATION_TTL_DAYS * 86_400_000);
}

function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

export type ConfirmOutcome =
  | { kind: "confirmed"; manageToken: string }
  | { kind: "already_confirmed" }
  | { kind: "expired" }
  | { kind: "invalid" }
  | { kind: "invalid_choices"; message: string };

/**
 * Confirms a sign-up with the frequency and topics submitted with the link (the sign-up's
 * choices, as the confirmation page showed them). The link is checked before the choices, so
 * a stale link says so whatever was submitted with it. Confirming starts a new link version:
 * manage and unsubscribe links from before this opt-in stop working. A used link answers
 * `already_confirmed` and hands out nothing (the manage link is in every digest).
 */
export async function confirmSubscription(token: string, choices: unknown, now: Date = new Date()): Promise<ConfirmOutcome> {
  const state = await inspectConfirmation(token, now);
  if (state.kind !== "confirmable") return state;
  const preferences = preferencesSchema.safeParse(choices);
  if (!preferences.success) return { kind: "invalid_choices", message: describeZodError(preferences.error) };
  const { subscriber } = state;
  const db = await getDb();
  // Conditional on the same nonce and expiry: a sign-up restarted or confirmed meanwhile is
  // judged again (and then is not confirmable).
  const rows = await db.subscriber.updateManyAndReturn({
    where: { id: subscriber.id, status: "pending", confirmNonce: subscriber.nonce, confirmExpiresAt: { gt: now } },
    data: {
      status: "active",
      frequency: preferences.data.frequency,
      topics: preferences.data.topics,
      confirmedAt: now,
      unsubscribedAt: null,
      suspendedAt: null,
      suspendedReason: null,
      linkVersion: { increment: 1 },
    },
    select: { id: true, linkVersion: true },
  });
  const confirmed = rows[0];
  if (!confirmed) return confirmSubscription(token, choices, now);
  await releaseMailboxHour(subscriber.email);
  return { kind: "confirmed", manageToken: await createToken("manage", confirmed.id, linkNonce(confirmed.linkVersion)) };
}

export type TokenOutcome = { kind: "done"; email: string } | { kind: "invalid" };

export async function updatePreferences(token: string, preferences: Preferences): Promise<TokenOutcome> {
  const subscriber = await findSubscriberByToken(["manage"], token);
  if (!subscriber) return { kind: "invalid" };
  const db = await getDb();
  const rows = await db.subscriber.updateManyAndReturn({
    where: { id: subscriber.id, linkVersion: subscriber.linkVersion },
    data: { frequency: preferences.frequency, topics: preferences.topics },
    select: { email: true },
  });
  return rows[0] ? { kind: "done", email: rows[0].email } : { kind: "invalid" };
}

/**
 * Unsubscribes at once: the digest sender checks the status right before each message.
 * Idempotent; accepts the unsubscribe token (List-Unsubscribe, email footer) and the manage
 * token. A confirmation link still waiting dies with it: coming back takes a new opt-in.
 */
export async function unsubscribe(token: string, now: Date = new Date()): Promise<TokenOutcome> {
  const subscriber = await findSubscriberByToken(["unsubscribe", "manage"], token);
  if (!subscriber) return { kind: "invalid" };
  const db = await getDb();
  await db.subscriber.updateMany({
    where: { id: subscriber.id, linkVersion: subscriber.linkVersion, status: { not: "unsubscribed" } },
    data: { status: "unsubscribed", unsubscribedAt: now, confirmNonce: null, confirmExpiresAt: null },
  });
  return { kind: "done", email: subscriber.email };
}

export type ResumeOutcome = { kind: "confirmation_sent"; email: string } | { kind: "already_active"; email: string } | { kind: "invalid" };

/**
 * "Subscribe again" / "Resume digests" on the manage page. A manage link alone never turns
 * digests back on (it may be old, forwarded or leaked): an unsubscribed or suspended address
 * starts a new sign-up, and the mailbox gets a confirmation link carrying its current
 * frequency and topics (at most one notice an hour, as for every sign-up). A suspension is
 * otherwise lifted only by the operator (liftSuspension).
 */
export async function resumeSubscription(token: string, now: Date = new Date()): Promise<ResumeOutcome> {
  const subscriber = await findSubscriberByToken(["manage"], token);
  if (!subscriber) return { kind: "invalid" };
  if (subscriber.status === "active") return { kind: "already_active", email: subscriber.email };
  const id = await recordSignUp(subscriber.email, now);
  await enqueueNotice({ subscriberId: id, choices: { frequency: subscriber.frequency, topics: subscriber.topics } });
  return { kind: "confirmation_sent", email: subscriber.email };
}

/** The operator's decision that a suspended address may receive digests again (the admin view). */
export async function liftSuspension(subscriberId: string): Promise<boolean> {
  const db = await getDb();
  const updated = await db.subscriber.updateMany({ where: { id: subscriberId, status: "suspended" }, data: { status: "active", suspendedAt: null, suspendedReason: null } });
  if (updated.count > 0) log.info({ subscriberId }, "subscriber suspension lifted by the operator");
  return updated.count > 0;
}

/** Stops digests to an address that bounced or keeps failing (lib/digest/deliver.ts decides). */
export async function suspendSubscriber(id: string, reason: string, now: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const updated = await db.subscriber.updateMany({ where: { id, status: "active" }, data: { status: "suspended", suspendedAt: now, suspendedReason: reason.slice(0, 500) } });
  if (updated.count > 0) log.warn({ subscriberId: id, reason }, "subscriber suspended");
  return updated.count > 0;
}

/**
 * Housekeeping: sign-ups not confirmed within 7 days are forgotten. An address that was
 * subscribed before (and signed up again) goes back to unsubscribed instead, keeping its
 * history of papers received.
 */
export async function expirePendingSignUps(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const deleted = await db.subscriber.deleteMany({ where: { status: "pending", confirmedAt: null, confirmExpiresAt: { lt: now } } });
  const reverted = await db.subscriber.updateMany({
    where: { status: "pending", confirmedAt: { not: null }, confirmExpiresAt: { lt: now } },
    data: { status: "unsubscribed", confirmNonce: null, confirmExpiresAt: null },
  });
  return deleted.count + reverted.count;
}

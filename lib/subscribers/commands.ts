import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { consumeRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";
import { enqueueNotice } from "./notices";
import type { Preferences, SubscribeInput } from "./schemas";
import { createToken, parseToken, subscriberIdFromToken, verifyToken } from "./tokens";

// Everything that changes a subscriber. The sign-up answers the same whatever the address's
// state (new, pending, active, unsubscribed): the page never tells a visitor whether an
// address is on the list. What differs happens later, in the email (lib/subscribers/notices.ts).

export const CONFIRMATION_TTL_DAYS = 7;

export const SUBSCRIBE_LIMITS = {
  /** Sign-ups from one client address. Past it the form says so: that reveals nothing about others. */
  perClient: { name: "subscribe:client", limit: 10, windowSeconds: 3600 },
  /** Sign-ups for one email address. Past it attempts are dropped silently, with the usual answer. */
  perAddress: { name: "subscribe:address", limit: 5, windowSeconds: 3600 },
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
  const address = await consumeRateLimit(SUBSCRIBE_LIMITS.perAddress, createHash("sha256").update(input.email).digest("hex").slice(0, 40));
  if (!address.allowed) return { kind: "accepted" };

  const subscriberId = await recordSignUp(input, now);
  await enqueueNotice(subscriberId);
  return { kind: "accepted" };
}

/** Creates or refreshes the sign-up; an active subscription is left exactly as it is. */
async function recordSignUp(input: SubscribeInput, now: Date): Promise<string> {
  const db = await getDb();
  const expires = new Date(now.getTime() + CONFIRMATION_TTL_DAYS * 86_400_000);
  return db.$transaction(async (tx) => {
    // Insert-or-nothing, then lock: two sign-ups for one address at once cannot both insert.
    await tx.$executeRaw`
      INSERT INTO subscribers (id, email, status, frequency, topics, confirm_nonce, confirm_expires_at, created_at, updated_at)
      VALUES (gen_random_uuid(), ${input.email}, 'pending', ${input.frequency}::"DigestFrequency", ${input.topics}::text[], ${newNonce()}, ${expires}, ${now}, ${now})
      ON CONFLICT (email) DO NOTHING`;
    const rows = await tx.$queryRaw<{ id: string; status: string; confirm_expires_at: Date | null; created_at: Date }[]>`
      SELECT id, status::text AS status, confirm_expires_at, created_at FROM subscribers WHERE email = ${input.email} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new Error("sign-up row vanished inside its transaction");
    const stillPending = row.status === "pending" && row.confirm_expires_at !== null && row.confirm_expires_at > now;
    if (stillPending) {
      // The latest request's choices win until the address is confirmed.
      await tx.$executeRaw`UPDATE subscribers SET frequency = ${input.frequency}::"DigestFrequency", topics = ${input.topics}::text[], updated_at = ${now} WHERE id = ${row.id}::uuid`;
    } else if (row.status !== "active") {
      // Expired sign-up, unsubscribed or suspended: start a new sign-up (old links die with the old nonce).
      await tx.$executeRaw`
        UPDATE subscribers SET status = 'pending', frequency = ${input.frequency}::"DigestFrequency", topics = ${input.topics}::text[],
          confirm_nonce = ${newNonce()}, confirm_expires_at = ${expires}, updated_at = ${now}
        WHERE id = ${row.id}::uuid`;
    }
    return row.id;
  });
}

function newNonce(): string {
  return randomBytes(18).toString("base64url");
}

export type ConfirmOutcome = { kind: "confirmed" | "already_active"; manageToken: string } | { kind: "expired" } | { kind: "invalid" };

export async function confirmSubscription(token: string, now: Date = new Date()): Promise<ConfirmOutcome> {
  const parsed = parseToken(token);
  if (!parsed) return { kind: "invalid" };
  const db = await getDb();
  const subscriber = await db.subscriber.findUnique({ where: { id: parsed.subscriberId }, select: { id: true, status: true, confirmNonce: true, confirmExpiresAt: true } });
  if (!subscriber?.confirmNonce || !(await verifyToken("confirm", parsed, subscriber.confirmNonce))) return { kind: "invalid" };
  if (subscriber.status === "active") return { kind: "already_active", manageToken: await createToken("manage", subscriber.id) };
  if (subscriber.status !== "pending" || !subscriber.confirmExpiresAt || subscriber.confirmExpiresAt <= now) return { kind: "expired" };
  // Conditional on the same nonce: a sign-up that was restarted meanwhile needs its new link.
  const updated = await db.subscriber.updateMany({
    where: { id: subscriber.id, status: "pending", confirmNonce: subscriber.confirmNonce },
    data: { status: "active", confirmedAt: now, unsubscribedAt: null, suspendedAt: null, suspendedReason: null },
  });
  if (updated.count === 0) return confirmSubscription(token, now);
  return { kind: "confirmed", manageToken: await createToken("manage", subscriber.id) };
}

export type TokenOutcome = { kind: "done"; email: string } | { kind: "invalid" };

export async function updatePreferences(token: string, preferences: Preferences): Promise<TokenOutcome> {
  const id = await subscriberIdFromToken(["manage"], token);
  if (!id) return { kind: "invalid" };
  const db = await getDb();
  const rows = await db.subscriber.updateManyAndReturn({ where: { id }, data: { frequency: preferences.frequency, topics: preferences.topics }, select: { email: true } });
  return rows[0] ? { kind: "done", email: rows[0].email } : { kind: "invalid" };
}

/**
 * Unsubscribes at once: the digest sender checks the status right before each message.
 * Idempotent; accepts the unsubscribe token (List-Unsubscribe, email footer) and the manage token.
 */
export async function unsubscribe(token: string, now: Date = new Date()): Promise<TokenOutcome> {
  const id = await subscriberIdFromToken(["unsubscribe", "manage"], token);
  if (!id) return { kind: "invalid" };
  const db = await getDb();
  await db.subscriber.updateMany({ where: { id, status: { not: "unsubscribed" } }, data: { status: "unsubscribed", unsubscribedAt: now } });
  const row = await db.subscriber.findUnique({ where: { id }, select: { email: true } });
  return row ? { kind: "done", email: row.email } : { kind: "invalid" };
}

/** From the manage page: a suspended or unsubscribed address starts receiving digests again. */
export async function resumeSubscription(token: string, now: Date = new Date()): Promise<TokenOutcome> {
  const id = await subscriberIdFromToken(["manage"], token);
  if (!id) return { kind: "invalid" };
  const db = await getDb();
  const row = await db.subscriber.findUnique({ where: { id }, select: { email: true, confirmedAt: true } });
  if (!row) return { kind: "invalid" };
  await db.subscriber.updateMany({
    where: { id, status: { in: ["unsubscribed", "suspended"] } },
    data: { status: "active", unsubscribedAt: null, suspendedAt: null, suspendedReason: null, confirmedAt: row.confirmedAt ?? now },
  });
  return { kind: "done", email: row.email };
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

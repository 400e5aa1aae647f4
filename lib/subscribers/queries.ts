import { getDb } from "@/lib/db";
import type { DigestFrequency } from "./schemas";
import { linkNonce, parseToken, verifyToken, verifyTokenForAny, type TokenPurpose } from "./tokens";

// Reads of subscribers. Pages reach a subscriber only through a signed link token.

export type SubscriberStatus = "pending" | "active" | "unsubscribed" | "suspended";

export interface SubscriberView {
  id: string;
  email: string;
  status: SubscriberStatus;
  frequency: DigestFrequency;
  topics: string[];
  /** The link version the token was checked against (commands make their writes conditional on it). */
  linkVersion: number;
}

/**
 * The subscriber a manage or unsubscribe token was signed for, at the subscriber's current
 * link version; null when the token is malformed, forged, or from before the latest opt-in.
 */
export async function findSubscriberByToken(purposes: readonly TokenPurpose[], token: string): Promise<SubscriberView | null> {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const db = await getDb();
  const row = await db.subscriber.findUnique({
    where: { id: parsed.subscriberId },
    select: { id: true, email: true, status: true, frequency: true, topics: true, linkVersion: true },
  });
  if (!row || !(await verifyTokenForAny(purposes, parsed, linkNonce(row.linkVersion)))) return null;
  return row;
}

/**
 * What a confirmation link can still do. Read-only: the confirmation page shows it before
 * anyone presses a button (and link scanners open that page).
 *   - confirmable: the sign-up it was sent for is pending and within its 7 days;
 *   - already_confirmed: it was used (the subscription it confirmed has not ended since);
 *   - expired: the sign-up ran out of time;
 *   - invalid: forged, altered, or replaced by a newer sign-up's link.
 */
export type ConfirmationState =
  | { kind: "confirmable"; subscriber: { id: string; email: string; nonce: string } }
  | { kind: "already_confirmed" }
  | { kind: "expired" }
  | { kind: "invalid" };

export async function inspectConfirmation(token: string, now: Date = new Date()): Promise<ConfirmationState> {
  const parsed = parseToken(token);
  if (!parsed) return { kind: "invalid" };
  const db = await getDb();
  const subscriber = await db.subscriber.findUnique({
    where: { id: parsed.subscriberId },
    select: { id: true, email: true, status: true, confirmNonce: true, confirmExpiresAt: true },
  });
  if (!subscriber?.confirmNonce || !(await verifyToken("confirm", parsed, subscriber.confirmNonce))) return { kind: "invalid" };
  // Unsubscribing clears the nonce, so a used link of an ended subscription is invalid above.
  if (subscriber.status === "active" || subscriber.status === "suspended") return { kind: "already_confirmed" };
  if (subscriber.status !== "pending" || !subscriber.confirmExpiresAt || subscriber.confirmExpiresAt <= now) return { kind: "expired" };
  return { kind: "confirmable", subscriber: { id: subscriber.id, email: subscriber.email, nonce: subscriber.confirmNonce } };
}

export async function countSubscribersByStatus(): Promise<Record<SubscriberStatus, number>> {
  const db = await getDb();
  const groups = await db.subscriber.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<SubscriberStatus, number> = { pending: 0, active: 0, unsubscribed: 0, suspended: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

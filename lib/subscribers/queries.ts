import { getDb } from "@/lib/db";
import type { DigestFrequency } from "./schemas";
import { subscriberIdFromToken, type TokenPurpose } from "./tokens";

// Reads of subscribers. Pages reach a subscriber only through a signed link token.

export type SubscriberStatus = "pending" | "active" | "unsubscribed" | "suspended";

export interface SubscriberView {
  id: string;
  email: string;
  status: SubscriberStatus;
  frequency: DigestFrequency;
  topics: string[];
}

/** The subscriber a token was signed for, or null when the token is malformed, forged or stale. */
export async function findSubscriberByToken(purposes: readonly TokenPurpose[], token: string): Promise<SubscriberView | null> {
  const id = await subscriberIdFromToken(purposes, token);
  if (!id) return null;
  const db = await getDb();
  const row = await db.subscriber.findUnique({
    where: { id },
    select: { id: true, email: true, status: true, frequency: true, topics: true },
  });
  return row;
}

export async function countSubscribersByStatus(): Promise<Record<SubscriberStatus, number>> {
  const db = await getDb();
  const groups = await db.subscriber.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<SubscriberStatus, number> = { pending: 0, active: 0, unsubscribed: 0, suspended: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

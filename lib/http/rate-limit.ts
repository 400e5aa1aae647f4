import { getDb } from "@/lib/db";

// Fixed-window rate limits kept in PostgreSQL, so every app instance counts against the
// same budget. One atomic upsert per check: no read-then-write race between instances.

export interface RateLimitResult {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface RateLimitRule {
  /** e.g. "subscribe:ip" */
  name: string;
  limit: number;
  windowSeconds: number;
}

export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<RateLimitResult> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 200);
  const rows = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limits (key, window_start, count, expires_at)
    VALUES (${key}, now(), 1, now() + make_interval(secs => ${rule.windowSeconds}))
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.expires_at <= now() THEN now() ELSE rate_limits.window_start END,
      expires_at = CASE WHEN rate_limits.expires_at <= now() THEN now() + make_interval(secs => ${rule.windowSeconds}) ELSE rate_limits.expires_at END
    RETURNING count, window_start`;
  const row = rows[0]!;
  const elapsed = (Date.now() - new Date(row.window_start).getTime()) / 1000;
  return {
    allowed: row.count <= rule.limit,
    remaining: Math.max(0, rule.limit - row.count),
    retryAfterSeconds: Math.max(1, Math.ceil(rule.windowSeconds - elapsed)),
  };
}

/**
 * Gives back one unit consumed by consumeRateLimit, for limits that count only failures: the
 * attempt is counted first (atomically, so parallel attempts cannot slip past the limit) and
 * refunded once it turns out to have succeeded.
 */
export async function refundRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 200);
  await db.$executeRaw`UPDATE rate_limits SET count = greatest(count - 1, 0) WHERE key = ${key} AND expires_at > now()`;
}

/** Deletes expired counters; the scheduler calls it now and then. */
export async function deleteExpiredRateLimits(): Promise<number> {
  const db = await getDb();
  return db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}

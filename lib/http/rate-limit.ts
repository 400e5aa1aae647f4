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

/** Deletes expired counters; the scheduler calls it now and then. */
export async function deleteExpiredRateLimits(): Promise<number> {
  const db = await getDb();
  return db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date() } } }).then((r) => r.count);
}

/**
 * Failures with exponential backoff, for guessing a secret: the first `freeFailures` failures
 * cost nothing; after that the subject waits `firstDelaySeconds` after its last failure
 * before the next attempt, twice as long after each further one (at most `maxDelaySeconds`),
 * and failures are forgotten `memorySeconds` after the last one. Stored in rate_limits like the fixed windows: `count`
 * is the failures, `window_start` the time of the last one.
 */
export interface BackoffRule {
  name: string;
  freeFailures: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  memorySeconds: number;
}

/** Seconds to wait after `failures` failures, the last one `sinceLastSeconds` ago; 0 when free. */
export function backoffWaitSeconds(rule: Pick<BackoffRule, "freeFailures" | "firstDelaySeconds" | "maxDelaySeconds">, failures: number, sinceLastSeconds: number): number {
  if (failures === 0 || failures < rule.freeFailures) return 0;
  const delay = Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (failures - rule.freeFailures));
  return Math.max(0, Math.ceil(delay - sinceLastSeconds));
}

export type BackoffClaim = { allowed: true; failures: number } | { allowed: false; failures: number; retryAfterSeconds: number };

/**
 * Claims one attempt for `subject`, before the secret is compared. The attempt is counted as
 * a failure in advance, under a row lock, so parallel attempts queue on the row and each sees
 * the ones before it: a burst gets exactly the free failures through, never more. An attempt
 * made while the subject must wait is refused, and counted too, so hammering only lengthens
 * the wait. A success calls clearBackoff. `rule` may be tightened per call (the admin
 * lockout does when many clients fail at once).
 */
export async function claimBackoffAttempt(rule: BackoffRule, subject: string): Promise<BackoffClaim> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 200);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO rate_limits (key, window_start, count, expires_at)
      VALUES (${key}, now(), 0, now() + make_interval(secs => ${rule.memorySeconds}))
      ON CONFLICT (key) DO NOTHING`;
    const [row] = await tx.$queryRaw<{ count: number; since_last: number; expired: boolean }[]>`
      SELECT count, extract(epoch FROM now() - window_start)::float8 AS since_last, expires_at <= now() AS expired
      FROM rate_limits WHERE key = ${key} FOR UPDATE`;
    const failures = row!.expired ? 0 : row!.count;
    const wait = backoffWaitSeconds(rule, failures, row!.since_last);
    await tx.$executeRaw`
      UPDATE rate_limits SET count = ${failures + 1}, window_start = now(), expires_at = now() + make_interval(secs => ${rule.memorySeconds})
      WHERE key = ${key}`;
    if (wait > 0) return { allowed: false, failures: failures + 1, retryAfterSeconds: backoffWaitSeconds(rule, failures + 1, 0) };
    return { allowed: true, failures: failures + 1 };
  });
}

/** Forgets the subject's failures (the secret was right). */
export async function clearBackoff(rule: Pick<BackoffRule, "name">, subject: string): Promise<void> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 200);
  await db.$executeRaw`DELETE FROM rate_limits WHERE key = ${key}`;
}

/** The count of a fixed-window rule's current window, without consuming anything. */
export async function peekRateLimit(rule: RateLimitRule, subject: string): Promise<number> {
  const db = await getDb();
  const key = `${rule.name}:${subject}`.slice(0, 200);
  const rows = await db.$queryRaw<{ count: number }[]>`SELECT count FROM rate_limits WHERE key = ${key} AND expires_at > now()`;
  return rows[0]?.count ?? 0;
}

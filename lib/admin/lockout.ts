import { type BackoffRule, claimBackoffAttempt, clearBackoff, consumeRateLimit, peekRateLimit, type RateLimitRule } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";

// How many wrong admin tokens anyone may try. The lockout must hit the guesser, never the
// operator, so it is keyed on the client address from the socket (lib/http/client-ip.ts),
// which a client cannot choose:
//   - per client: 5 failures are free, then each failure doubles the wait before the next
//     attempt (2 s, 4 s, 8 s … 15 min at most); failures are forgotten a day after the last.
//     A client that must wait is refused even with the right token (otherwise a guesser
//     would still learn which guess was right), and every refused attempt counts as a
//     failure, so hammering only lengthens the wait;
//   - all clients together: past 50 failures in 15 minutes (a guesser with many addresses)
//     every client waits the full 15 minutes after a single failure. That is all the global
//     limit does: it only ever slows clients that fail. The token is compared before a
//     failure is counted globally, so the right token gets in from any client that is not
//     itself waiting, however many others are guessing.
// The counters live in the database (lib/http/rate-limit.ts), so every instance shares them.
// Logs name the client and the count, never the token.

export const ADMIN_CLIENT_BACKOFF: BackoffRule = { name: "admin-auth:client", freeFailures: 5, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60, memorySeconds: 24 * 3600 };
export const ADMIN_GLOBAL_FAILURES: RateLimitRule = { name: "admin-auth:all-clients", limit: 50, windowSeconds: 15 * 60 };
const GLOBAL_SUBJECT = "all";
/** While the global limit is exceeded: no free failures, and the longest wait after each. */
const UNDER_ATTACK: BackoffRule = { ...ADMIN_CLIENT_BACKOFF, freeFailures: 0, firstDelaySeconds: ADMIN_CLIENT_BACKOFF.maxDelaySeconds };

export type AdminTokenAttempt = "ok" | "wrong" | { retryAfterSeconds: number };

/** One attempt with a presented token from `client`; `isRight` compares it (in constant time). */
export async function attemptAdminToken(client: string, isRight: () => boolean): Promise<AdminTokenAttempt> {
  const underAttack = (await peekRateLimit(ADMIN_GLOBAL_FAILURES, GLOBAL_SUBJECT)) >= ADMIN_GLOBAL_FAILURES.limit;
  const claim = await claimBackoffAttempt(underAttack ? UNDER_ATTACK : ADMIN_CLIENT_BACKOFF, client);
  if (!claim.allowed) {
    log.warn({ client, failures: claim.failures, retryAfterSeconds: claim.retryAfterSeconds, underAttack }, "admin token attempt refused: this client must wait");
    return { retryAfterSeconds: claim.retryAfterSeconds };
  }
  if (isRight()) {
    await clearBackoff(ADMIN_CLIENT_BACKOFF, client);
    return "ok";
  }
  const global = await consumeRateLimit(ADMIN_GLOBAL_FAILURES, GLOBAL_SUBJECT);
  if (global.remaining === 0 && !underAttack) {
    log.warn({ limit: ADMIN_GLOBAL_FAILURES.limit, windowSeconds: ADMIN_GLOBAL_FAILURES.windowSeconds }, "many wrong admin tokens from all clients together: every client now waits 15 minutes after one failure");
  }
  log.warn({ client, failures: claim.failures }, "wrong admin token");
  return "wrong";
}

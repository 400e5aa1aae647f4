import { getEnv } from "@/lib/env";
import type { DigestFrequency } from "@/lib/subscribers/schemas";

// Digest settings from the environment (lib/env.ts documents each), in one place.

export interface DigestConfig {
  maxPapers: number;
  weeklyDay: number;
  chunkSize: number;
  concurrency: number;
  maxAttempts: number;
  retryDelaySeconds: number;
  suspendAfterFailures: number;
  /** How far back a digest may reach, however long ago the subscriber's last one was. */
  lookbackDays: Record<DigestFrequency, number>;
}

export function getDigestConfig(): DigestConfig {
  const env = getEnv();
  return {
    maxPapers: env.DIGEST_MAX_PAPERS,
    weeklyDay: env.DIGEST_WEEKLY_DAY,
    chunkSize: env.DIGEST_CHUNK_SIZE,
    concurrency: env.DIGEST_CONCURRENCY,
    maxAttempts: env.DIGEST_MAX_ATTEMPTS,
    retryDelaySeconds: env.DIGEST_RETRY_DELAY_SECONDS,
    suspendAfterFailures: env.DIGEST_SUSPEND_AFTER_FAILURES,
    lookbackDays: { daily: 7, weekly: 28 },
  };
}

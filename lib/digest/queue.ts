import type { PgBoss } from "pg-boss";
import { ensureQueue, getQueue } from "@/lib/jobs/queue";
import { getDigestConfig } from "./config";

// The digest fan-out queue: one job per chunk of deliveries ({ runId, chunk }).
//   - `exclusive` + singletonKey "<run>:<chunk>": at most one job per chunk is queued or
//     running, so re-running the cron never doubles the work of a chunk in flight.
//   - heartbeat 10 s: a worker killed mid-chunk is noticed within ~15 s and the chunk retried.
//   - retries with exponential backoff from DIGEST_RETRY_DELAY_SECONDS are how deliveries
//     that met a 4xx or a connection error get their next attempt (lib/digest/deliver.ts).

export const DIGEST_QUEUE = "digest-chunk";

export interface DigestChunkJob {
  runId: string;
  chunk: number;
}

export function digestQueueOptions() {
  const config = getDigestConfig();
  return {
    // Every sending attempt is one job attempt; crashes use up a few more.
    retryLimit: config.maxAttempts + 10,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: 3600,
    expireInSeconds: 900,
    heartbeatSeconds: 10,
    deleteAfterSeconds: 7 * 86_400,
  };
}

let ready: Promise<void> | undefined;

export async function digestQueue(): Promise<PgBoss> {
  const boss = await getQueue();
  ready ??= (async () => {
    await ensureQueue(boss, DIGEST_QUEUE, { policy: "exclusive", ...digestQueueOptions() });
    // Settings changed in the environment apply to a queue created by an earlier version.
    await boss.updateQueue(DIGEST_QUEUE, digestQueueOptions());
  })();
  await ready.catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return boss;
}

export function chunkSingletonKey(job: DigestChunkJob): string {
  return `${job.runId}:${job.chunk}`;
}

import type { JobResult } from "pg-boss";
import type { WorkerDefinition } from "@/lib/jobs/workers";
import { describeError, log } from "@/lib/log";
import { getDigestConfig } from "./config";
import { processDigestChunk } from "./deliver";
import { DIGEST_QUEUE, type DigestChunkJob, digestQueue } from "./queue";

// The digest sender: runs in the web server (default) and in every `npm run worker`
// process; they all take chunk jobs from the same PostgreSQL queue. pg-boss's defaults
// fetch one job every 2 s; here each fetch takes DIGEST_CONCURRENCY jobs and fetches again
// at once while batches come back full (burstWhenBatchFull), so chunks follow each other
// without pause.

export const digestWorker: WorkerDefinition = {
  name: "digest",
  async start() {
    const boss = await digestQueue();
    const { concurrency } = getDigestConfig();
    await boss.work<DigestChunkJob>(
      DIGEST_QUEUE,
      { batchSize: concurrency, burstWhenBatchFull: concurrency > 1, pollingIntervalSeconds: 1, perJobResults: true },
      async (jobs): Promise<JobResult[]> =>
        Promise.all(
          jobs.map(async (job): Promise<JobResult> => {
            try {
              const outcome = await processDigestChunk(job.data, { claimToken: `${job.id}:${job.retryCount}`, signal: job.signal });
              // Deliveries left for a retry: failing the job makes pg-boss run it again after
              // the backoff; the output keeps this attempt's figures.
              return { id: job.id, status: outcome.workLeft ? "failed" : "completed", output: outcome };
            } catch (error) {
              log.error({ runId: job.data.runId, chunk: job.data.chunk, err: describeError(error) }, "digest chunk failed; it will be retried");
              return { id: job.id, status: "failed", output: { error: describeError(error) } };
            }
          }),
        ),
    );
  },
};

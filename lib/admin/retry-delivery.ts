import { getDb } from "@/lib/db";
import { enqueueRunChunks, refreshRunProgress } from "@/lib/digest/runs";
import { log } from "@/lib/log";

// The operator's "Retry" on a failed delivery. It does not send anything itself: it puts the
// delivery back where the digest machinery (lib/digest) picks it up, so the retry goes
// through the same compose → claim → send → record path, with the same guarantees
// (docs/digest.md, "Exactly once"):
//   - only a `failed` delivery can be retried, checked under a row lock, so two clicks (or two
//     operators) requeue it once and a delivery that is sent, sending or pending is never touched;
//   - the row keeps its Message-ID (fixed when the run was created), so the retried digest is
//     recognisably the same message;
//   - it becomes `pending` with no papers chosen and a fresh set of attempts: a failed delivery
//     released its papers (they were not received), so the chunk job composes it again;
//   - its run goes back to `sending` and the chunk leaves `done_chunks`, so the run completes
//     again (recounted from the deliveries) once the retry is decided;
//   - the chunk's job is enqueued with the run's singleton key: if a job for that chunk is
//     already queued or running, no second one is made and that job picks the delivery up.
// A subscriber who is no longer active (a hard bounce suspends at once) is not retried: the
// sender would skip them anyway; a suspension is lifted by the operator (liftSuspension) or by
// the subscriber confirming their address again.

export type RetryOutcome =
  | { kind: "requeued"; deliveryId: string; runId: string; messageId: string; jobsEnqueued: number }
  | { kind: "not_found" }
  | { kind: "not_failed"; status: string }
  | { kind: "subscriber_inactive"; subscriberStatus: string };

export async function retryFailedDelivery(deliveryId: string): Promise<RetryOutcome> {
  const db = await getDb();
  const decided = await db.$transaction(async (tx): Promise<RetryOutcome> => {
    const rows = await tx.$queryRaw<{ status: string; run_id: string; chunk: number; message_id: string; subscriber_status: string; failure_kind: string | null; smtp_code: number | null }[]>`
      SELECT d.status::text AS status, d.run_id::text AS run_id, d.chunk, d.message_id, s.status::text AS subscriber_status, d.failure_kind, d.smtp_code
      FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
      WHERE d.id = ${deliveryId}::uuid
      FOR UPDATE OF d`;
    const row = rows[0];
    if (!row) return { kind: "not_found" };
    if (row.status !== "failed") return { kind: "not_failed", status: row.status };
    if (row.subscriber_status !== "active") return { kind: "subscriber_inactive", subscriberStatus: row.subscriber_status };
    // A failed delivery has already released its papers; this makes sure of it, so the new
    // composition starts clean (composition skips papers a delivery already holds).
    await tx.$executeRaw`DELETE FROM digest_delivery_papers WHERE delivery_id = ${deliveryId}::uuid`;
    await tx.$executeRaw`
      UPDATE digest_deliveries SET status = 'pending', paper_count = NULL, subject = NULL, composed_at = NULL, attempts = 0, claimed_by = NULL,
        failure_kind = NULL, smtp_code = NULL, last_error = NULL, sent_at = NULL, updated_at = now()
      WHERE id = ${deliveryId}::uuid AND status = 'failed'`;
    await tx.$executeRaw`
      UPDATE digest_runs SET status = 'sending', finished_at = NULL, done_chunks = array_remove(done_chunks, ${row.chunk}::int)
      WHERE id = ${row.run_id}::uuid`;
    log.info({ deliveryId, runId: row.run_id, previousFailure: row.failure_kind, smtpCode: row.smtp_code }, "failed digest delivery requeued by the operator");
    return { kind: "requeued", deliveryId, runId: row.run_id, messageId: row.message_id, jobsEnqueued: 0 };
  });
  if (decided.kind !== "requeued") return decided;
  // After the commit, so the job cannot start before the delivery is pending. Should this
  // fail, the delivery stays pending and the next cron call enqueues it (cron calls resume the
  // unfinished runs of the last 3 days; lib/digest/runs.ts).
  const jobsEnqueued = await enqueueRunChunks(decided.runId);
  await refreshRunProgress(decided.runId);
  return { ...decided, jobsEnqueued };
}

import { getDb, withSqlSession } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { listHeaders } from "@/lib/mail/list-headers";
import { composeMessage, parseMailAddress } from "@/lib/mail/mime";
import { classifySendError, type SendFailure } from "@/lib/mail/send-errors";
import { getMailTransport } from "@/lib/mail/transport";
import { suspendSubscriber } from "@/lib/subscribers/commands";
import { manageUrl, oneClickUnsubscribeUrl, unsubscribePageUrl } from "@/lib/subscribers/links";
import { getSigningKey } from "@/lib/subscribers/signing-key";
import { createTokenWithKey, linkNonce } from "@/lib/subscribers/tokens";
import { describeTopics } from "@/lib/subscribers/topics";
import { composeChunk } from "./compose";
import { getDigestConfig } from "./config";
import type { DigestChunkJob } from "./queue";
import { loadDigestPapers, runRenderState } from "./render-digest";
import { getRun, refreshRunProgress } from "./runs";

// Sends one chunk of a run: the heart of "exactly once". Each delivery moves
//   pending ──claim──▶ sending ──250──▶ sent
//                        │  └──5xx / attempts used up──▶ failed
//                        └──4xx / connection error──▶ pending (next job attempt, with backoff)
// A claim records which job attempt holds the delivery ("<job id>:<retry>"); every later
// write is conditional on that claim, so a stale attempt cannot overwrite a newer one. A
// delivery found in `sending` by a new attempt was held by one that died: it may or may not
// have reached the server, and it is sent again under the same Message-ID (docs/digest.md,
// "The uncertain case"). Each `sent` is recorded the moment the server accepts, so at most
// the messages in flight when a process dies are ever sent twice.

export interface ChunkOutcome {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  /** Deliveries a dead attempt had claimed, sent again here. */
  takenOver: number;
  /** Deliveries of the chunk still waiting (retries, or ones another attempt is composing). */
  workLeft: boolean;
  /**
   * Milliseconds: choosing papers, claiming and loading (per chunk); rendering and building
   * the MIME message (CPU, per message); SMTP until the reply and recording the outcome
   * (wall time per message, which overlaps across the concurrent sends).
   */
  timings: { select: number; render: number; send: number; record: number };
}

interface ClaimedDelivery {
  id: string;
  subscriber_id: string;
  message_id: string;
  subject: string;
  attempts: number;
  email: string;
  topics: string[];
  /** Signed into the manage and unsubscribe links (lib/subscribers/tokens.ts). */
  link_version: number;
}

export async function processDigestChunk(job: DigestChunkJob, attempt: { claimToken: string; signal?: AbortSignal }): Promise<ChunkOutcome> {
  const outcome: ChunkOutcome = { sent: 0, retrying: 0, failed: 0, skipped: 0, takenOver: 0, workLeft: false, timings: { select: 0, render: 0, send: 0, record: 0 } };
  const run = await getRun(job.runId);
  if (!run) return outcome; // deleted meanwhile: nothing to send
  const selectStarted = performance.now();
  const composed = await composeChunk(run, job.chunk, attempt.claimToken);
  outcome.skipped += composed.skipped;
  const claimed = await claimChunk(job, attempt.claimToken, outcome);
  const db = await getDb();
  // Deliveries composed just now come with their papers; only those composed by an earlier
  // attempt are read back (reading every chunk's papers was a tenth of the database's work).
  const papersOf = new Map<string, string[]>();
  for (const delivery of claimed) {
    const papers = composed.papers.get(delivery.id);
    if (papers) papersOf.set(delivery.id, papers);
  }
  const unread = claimed.filter((d) => !papersOf.has(d.id)).map((d) => d.id);
  const paperRows = unread.length === 0 ? [] : await db.$queryRaw<{ delivery_id: string; paper_id: string }[]>`
    SELECT delivery_id, paper_id FROM digest_delivery_papers WHERE delivery_id = ANY(${unread}::uuid[]) ORDER BY delivery_id, position`;
  for (const row of paperRows) {
    if (!papersOf.has(row.delivery_id)) papersOf.set(row.delivery_id, []);
    papersOf.get(row.delivery_id)!.push(row.paper_id);
  }
  const state = runRenderState(run);
  const missing = [...new Set([...papersOf.values()].flat())].filter((id) => !state.papers.has(id));
  for (const [id, paper] of await loadDigestPapers(missing)) state.papers.set(id, paper);
  outcome.timings.select += performance.now() - selectStarted;

  const papersFor = (delivery: ClaimedDelivery) => (papersOf.get(delivery.id) ?? []).flatMap((id) => state.papers.get(id) ?? []);
  const env = getEnv();
  const config = getDigestConfig();
  const from = parseMailAddress(env.SMTP_FROM);
  const key = await getSigningKey();
  const transport = getMailTransport();

  await state.renderer.prepare(claimed.map((delivery) => papersFor(delivery)));

  const buildMessage = (delivery: ClaimedDelivery) => {
    const manageToken = createTokenWithKey(key, "manage", delivery.subscriber_id, linkNonce(delivery.link_version));
    const unsubscribeToken = createTokenWithKey(key, "unsubscribe", delivery.subscriber_id, linkNonce(delivery.link_version));
    const rendered = state.renderer.renderPrepared({
      papers: papersFor(delivery),
      topicsLabel: describeTopics(delivery.topics),
      manageUrl: manageUrl(manageToken),
      unsubscribeUrl: unsubscribePageUrl(unsubscribeToken),
    });
    return composeMessage({
      from,
      to: delivery.email,
      subject: delivery.subject,
      messageId: delivery.message_id,
      date: new Date(),
      ...rendered,
      headers: listHeaders({ frequency: run.frequency, oneClickUrl: oneClickUnsubscribeUrl(unsubscribeToken), mailtoSubject: `unsubscribe ${unsubscribeToken}` }),
    });
  };

  const sendOne = async (delivery: ClaimedDelivery) => {
    const renderStarted = performance.now();
    let message: ReturnType<typeof buildMessage>;
    try {
      if (papersFor(delivery).length === 0) throw new Error("the papers of this digest were deleted before it was sent");
      message = buildMessage(delivery);
    } catch (error) {
      // A message we cannot build would fail every attempt the same way: it fails now,
      // without counting against the subscriber.
      await recordFailure(delivery, { kind: "transport", retryable: false, uncertain: false, smtpCode: null, message: describeError(error) }, attempt.claimToken, config.maxAttempts, outcome);
      return;
    }
    const sendStarted = performance.now();
    outcome.timings.render += sendStarted - renderStarted;
    let failure: unknown = null;
    try {
      await transport.send(message);
    } catch (error) {
      failure = error;
    }
    const recordStarted = performance.now();
    outcome.timings.send += recordStarted - sendStarted;
    if (failure !== null) {
      await recordFailure(delivery, classifySendError(failure), attempt.claimToken, config.maxAttempts, outcome);
    } else if (await recordSent(delivery.id, attempt.claimToken)) {
      outcome.sent += 1;
    } else {
      log.warn({ deliveryId: delivery.id }, "digest sent, but another attempt had taken the delivery over");
    }
    outcome.timings.record += performance.now() - recordStarted;
  };

  // Keep every pooled SMTP connection busy, plus one message each waiting its turn.
  const unsent = await runWithConcurrency(claimed, env.SMTP_POOL_SIZE * 2, sendOne, attempt.signal);
  if (unsent.length > 0) {
    // Stopped early (shutdown, expiry): hand the untouched ones back untried.
    await db.$executeRaw`
      UPDATE digest_deliveries SET status = 'pending', claimed_by = NULL, attempts = attempts - 1, updated_at = now()
      WHERE id = ANY(${unsent.map((d) => d.id)}::uuid[]) AND claimed_by = ${attempt.claimToken} AND status = 'sending'`;
  }

  const left = await db.$queryRaw<{ left: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM digest_deliveries WHERE run_id = ${job.runId}::uuid AND chunk = ${job.chunk} AND status IN ('pending', 'sending')) AS left`;
  outcome.workLeft = left[0]?.left ?? false;
  await updateRunProgress(job, outcome.workLeft);
  if (outcome.takenOver > 0) log.warn({ runId: job.runId, chunk: job.chunk, takenOver: outcome.takenOver }, "re-sent digests a stopped worker had in flight (same Message-IDs)");
  return outcome;
}

interface PendingSent {
  id: string;
  claim: string;
  resolve: (recorded: boolean) => void;
  reject: (error: unknown) => void;
}

const sentQueue: PendingSent[] = [];
let sentFlushing = false;
let sentTimer: NodeJS.Timeout | undefined;
/** How long an accepted message may wait to be recorded with others (the crash re-send window). */
const SENT_GROUP_MS = 5;
const SENT_GROUP_MAX = 200;

/**
 * Marks a delivery sent, group-commit style: messages accepted within SENT_GROUP_MS of each
 * other (or while a write is in flight) are recorded by one statement. The database sees one
 * statement per group instead of one per message, and a crash re-sends at most the messages
 * accepted in the last few milliseconds, under their own Message-IDs. Resolves false when
 * the delivery was no longer held by this attempt.
 */
function recordSent(id: string, claim: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    sentQueue.push({ id, claim, resolve, reject });
    if (sentQueue.length >= SENT_GROUP_MAX) void flushSent();
    else sentTimer ??= setTimeout(() => void flushSent(), SENT_GROUP_MS);
  });
}

async function flushSent(): Promise<void> {
  if (sentTimer) clearTimeout(sentTimer);
  sentTimer = undefined;
  if (sentFlushing) return;
  sentFlushing = true;
  try {
    while (sentQueue.length > 0) {
      const batch = sentQueue.splice(0, SENT_GROUP_MAX * 2);
      try {
        // Raw SQL on a pooled session: this statement runs once per group of messages, and
        // Prisma's per-query overhead was a measurable share of the CPU per message.
        const rows = await withSqlSession((sql) =>
          sql.query<{ id: string }>(
            `UPDATE digest_deliveries d SET status = 'sent', sent_at = now(), claimed_by = NULL, failure_kind = NULL, smtp_code = NULL, last_error = NULL, updated_at = now()
             FROM unnest($1::uuid[], $2::text[]) AS x(id, claim)
             WHERE d.id = x.id AND d.claimed_by = x.claim AND d.status = 'sending'
             RETURNING d.id`,
            [batch.map((b) => b.id), batch.map((b) => b.claim)],
          ),
        );
        const recorded = new Set(rows.map((row) => row.id));
        for (const item of batch) item.resolve(recorded.has(item.id));
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    sentFlushing = false;
  }
}

/** Claims the chunk's composed deliveries for this attempt, skipping people who left. */
async function claimChunk(job: DigestChunkJob, claimToken: string, outcome: ChunkOutcome): Promise<ClaimedDelivery[]> {
  const db = await getDb();
  // Unsubscribed (or suspended) since the run started: takes effect before the next message.
  const skipped = await db.$queryRaw<{ id: string }[]>`
    WITH gone AS (
      UPDATE digest_deliveries d SET status = 'skipped', claimed_by = NULL, last_error = 'subscriber is no longer active', updated_at = now()
      FROM subscribers s
      WHERE d.run_id = ${job.runId}::uuid AND d.chunk = ${job.chunk} AND d.status IN ('pending', 'sending') AND d.paper_count IS NOT NULL
        AND s.id = d.subscriber_id AND s.status <> 'active'
      RETURNING d.id
    ), released AS (
      DELETE FROM digest_delivery_papers WHERE delivery_id IN (SELECT id FROM gone) RETURNING delivery_id
    )
    SELECT id FROM gone`;
  outcome.skipped += skipped.length;
  // Composed earlier (a previous attempt, which may have died mid-send): claim them now.
  // Those composed just now are already claimed by this attempt.
  const taken = await db.$queryRaw<{ previous: string }[]>`
    WITH target AS (
      SELECT d.id, d.status::text AS previous
      FROM digest_deliveries d
      WHERE d.run_id = ${job.runId}::uuid AND d.chunk = ${job.chunk} AND d.status IN ('pending', 'sending') AND d.paper_count > 0
        AND d.claimed_by IS DISTINCT FROM ${claimToken}
      ORDER BY d.id
      FOR UPDATE OF d
    )
    UPDATE digest_deliveries d SET status = 'sending', claimed_by = ${claimToken}, attempts = d.attempts + 1, updated_at = now()
    FROM target WHERE d.id = target.id
    RETURNING target.previous`;
  outcome.takenOver += taken.filter((d) => d.previous === "sending").length;
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    SELECT d.id, d.subscriber_id, d.message_id, d.subject, d.attempts, s.email, s.topics, s.link_version
    FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
    WHERE d.run_id = ${job.runId}::uuid AND d.chunk = ${job.chunk} AND d.status = 'sending' AND d.claimed_by = ${claimToken}
    ORDER BY d.id`;
  return claimed;
}

/** 4xx and connection errors go back to pending (the job's retry sends them); the rest fail. */
async function recordFailure(delivery: ClaimedDelivery, failure: SendFailure, claimToken: string, maxAttempts: number, outcome: ChunkOutcome): Promise<void> {
  const db = await getDb();
  if (failure.retryable && delivery.attempts < maxAttempts) {
    await db.$executeRaw`
      UPDATE digest_deliveries SET status = 'pending', claimed_by = NULL, smtp_code = ${failure.smtpCode}, last_error = ${failure.message},
        failure_kind = ${failure.uncertain ? "uncertain" : null}, updated_at = now()
      WHERE id = ${delivery.id}::uuid AND claimed_by = ${claimToken} AND status = 'sending'`;
    outcome.retrying += 1;
    log.info({ deliveryId: delivery.id, attempt: delivery.attempts, smtpCode: failure.smtpCode, uncertain: failure.uncertain }, "digest delivery will be retried");
    return;
  }
  const failureKind = failureKindOf(failure);
  // The papers were not received: they may appear in a later digest.
  const failed = await db.$queryRaw<{ id: string }[]>`
    WITH failed AS (
      UPDATE digest_deliveries SET status = 'failed', claimed_by = NULL, failure_kind = ${failureKind}, smtp_code = ${failure.smtpCode},
        last_error = ${failure.message}, updated_at = now()
      WHERE id = ${delivery.id}::uuid AND claimed_by = ${claimToken} AND status = 'sending'
      RETURNING id
    ), released AS (
      DELETE FROM digest_delivery_papers WHERE delivery_id IN (SELECT id FROM failed) RETURNING delivery_id
    )
    SELECT id FROM failed`;
  if (failed.length === 0) return;
  outcome.failed += 1;
  log.warn({ deliveryId: delivery.id, failureKind, smtpCode: failure.smtpCode, err: failure.message }, "digest delivery failed");
  await applySuspensionPolicy(delivery.subscriber_id, failureKind, failure.smtpCode);
}

export type DeliveryFailureKind = "hard_bounce" | "rejected" | "retries_exhausted" | "transport";

function failureKindOf(failure: SendFailure): DeliveryFailureKind {
  if (failure.kind === "hard_bounce") return "hard_bounce";
  if (failure.kind === "rejected") return "rejected";
  if (failure.kind === "temporary") return "retries_exhausted";
  return "transport";
}

/** Failures that are about the address, not about our mail server. */
const COUNTED_FAILURES: readonly DeliveryFailureKind[] = ["hard_bounce", "rejected", "retries_exhausted"];

/**
 * A hard bounce suspends at once. Otherwise DIGEST_SUSPEND_AFTER_FAILURES digests in a row
 * that failed because of the address (rejected, or 4xx until the attempts ran out) suspend.
 * Failures of our own mail server (connection refused, our sender refused) never do.
 */
async function applySuspensionPolicy(subscriberId: string, failureKind: DeliveryFailureKind, smtpCode: number | null): Promise<void> {
  if (failureKind === "hard_bounce") {
    await suspendSubscriber(subscriberId, `hard bounce${smtpCode ? ` (SMTP ${smtpCode})` : ""}`);
    return;
  }
  if (!COUNTED_FAILURES.includes(failureKind)) return;
  const limit = getDigestConfig().suspendAfterFailures;
  const db = await getDb();
  const recent = await db.digestDelivery.findMany({
    where: { subscriberId, status: { in: ["sent", "failed"] } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { status: true, failureKind: true },
  });
  const allCounted = recent.length === limit && recent.every((d) => d.status === "failed" && COUNTED_FAILURES.includes(d.failureKind as DeliveryFailureKind));
  if (allCounted) await suspendSubscriber(subscriberId, `${limit} digests in a row failed`);
}

/**
 * Runs `task` over `items` with at most `limit` at once (a few lines, no library needed).
 * Stops starting new ones once `signal` aborts and returns those never started.
 */
async function runWithConcurrency<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>, signal?: AbortSignal): Promise<T[]> {
  let next = 0;
  const runner = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next]!;
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return items.slice(next);
}

const lastRefresh = new Map<string, number>();
const REFRESH_EVERY_MS = 5000;

/**
 * Keeps the run's counts fresh (at most every 5 s per process) and completes it when done.
 * A chunk with nothing left joins the run's done_chunks; the update locks the run row, so
 * of two chunks finishing at once the second sees both, and whoever completes the set
 * recounts the run from its deliveries (which is what decides completion). Checking the
 * deliveries themselves after every chunk would scan the whole run.
 */
async function updateRunProgress(job: DigestChunkJob, workLeft: boolean): Promise<void> {
  const db = await getDb();
  let allDone = false;
  if (!workLeft) {
    const rows = await db.$queryRaw<{ all_done: boolean }[]>`
      UPDATE digest_runs SET done_chunks = CASE WHEN ${job.chunk}::int = ANY(done_chunks) THEN done_chunks ELSE array_append(done_chunks, ${job.chunk}::int) END
      WHERE id = ${job.runId}::uuid
      RETURNING cardinality(done_chunks) >= chunk_count AS all_done`;
    allDone = rows[0]?.all_done ?? false;
  }
  if (!allDone && Date.now() - (lastRefresh.get(job.runId) ?? 0) < REFRESH_EVERY_MS) return;
  lastRefresh.set(job.runId, Date.now());
  await refreshRunProgress(job.runId);
}

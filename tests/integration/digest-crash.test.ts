import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startDigestRuns } from "@/lib/digest/runs";
import { upsertPapers } from "@/lib/ingest/upsert";
import { stopQueue } from "@/lib/jobs/queue";
import { todayUtc } from "@/lib/papers/dates";
import { configureMail, insertActiveSubscribers, waitFor, waitForRunCompleted } from "./helpers/digest";
import { makePaper } from "./helpers/factories";
import { startTestSmtpServer, type TestSmtpServer } from "./helpers/smtp-server";
import { testDbMode } from "./helpers/test-database";

// Exactly once under crashes: real `npm run worker` processes (tsx scripts/worker.ts) send a
// run to a real SMTP server in this process, and are killed with SIGKILL mid-run, one and
// then all of them, then restarted, and the cron is fired again. Every due subscriber must
// end with exactly one digest (one Message-ID), none lost. A message the server accepted
// just before its worker died may arrive a second time, with the same Message-ID (the
// uncertain case in docs/digest.md); the recipient's mailbox sees one message.

const SUBSCRIBERS = 300;
const root = path.resolve(import.meta.dirname, "../..");
let smtp: TestSmtpServer;
const workers = new Set<ChildProcess>();

function startWorker(): ChildProcess {
  // Node itself with tsx's loader (not the tsx CLI, which would run the worker in a child
  // process of its own, out of reach of the kill).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      SMTP_URL: smtp.url,
      SCHEDULER: "off",
      LOG_LEVEL: "error",
      DIGEST_CHUNK_SIZE: "20",
      DIGEST_CONCURRENCY: "2",
      SMTP_POOL_SIZE: "3",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[worker ${child.pid}] ${chunk.toString()}`));
  workers.add(child);
  child.on("exit", () => workers.delete(child));
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

beforeAll(async () => {
  // Each message takes a moment, so the run is still going when the workers are killed.
  smtp = await startTestSmtpServer({ delayMs: 15 });
  configureMail(smtp.url, { DIGEST_CHUNK_SIZE: "20" });
});

afterAll(async () => {
  await Promise.all([...workers].map(kill));
  await stopQueue();
  await smtp.close();
});

describe.runIf(testDbMode() === "postgres")("a digest run with worker processes killed mid-run", () => {
  it("gives every due subscriber exactly one digest, none lost", { timeout: 180_000 }, async () => {
    const today = todayUtc();
    await upsertPapers(
      Array.from({ length: 12 }, (_, i) => makePaper({ id: `2611.3${String(i).padStart(4, "0")}`, upvotes: 100 - i, listedOn: today })),
      { today },
    );
    const ids = await insertActiveSubscribers(Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `crash${i}@example.org` })));
    // A few leave before the run: they must get nothing.
    const db = await getDb();
    await db.subscriber.updateMany({ where: { email: { in: ["crash0@example.org", "crash1@example.org"] } }, data: { status: "unsubscribed" } });
    const due = SUBSCRIBERS - 2;

    const [run] = await startDigestRuns({ trigger: "test", frequencies: ["daily"] });
    expect(run).toMatchObject({ created: true, progress: { total: due } });
    const first = startWorker();
    const second = startWorker();

    // Kill one worker a fifth of the way in and start a replacement.
    await smtp.waitForMessages(Math.floor(due / 5), 60_000);
    await kill(first);
    startWorker();
    // Kill every worker halfway, restart two, and fire the cron again, as after an outage.
    await smtp.waitForMessages(Math.floor(due / 2), 60_000);
    await Promise.all([...workers].map(kill));
    expect(second.signalCode).toBe("SIGKILL");
    const mid = await db.digestDelivery.groupBy({ by: ["status"], where: { runId: run!.runId }, _count: { _all: true } });
    expect(mid.find((g) => g.status === "pending" || g.status === "sending")).toBeDefined();
    startWorker();
    startWorker();
    const rerun = await startDigestRuns({ trigger: "test", frequencies: ["daily"] });
    expect(rerun[0]).toMatchObject({ runId: run!.runId, created: false });

    const finished = await waitForRunCompleted(run!.runId, 150_000);
    expect(finished).toMatchObject({ sentCount: due, failedCount: 0, pendingCount: 0, skippedCount: 0, totalCount: due });

    const deliveries = await db.digestDelivery.findMany({ where: { runId: run!.runId }, include: { subscriber: { select: { email: true } } } });
    expect(deliveries.map((d) => d.status)).toEqual(Array(due).fill("sent"));
    // One distinct Message-ID per recipient, the one of their delivery; every due subscriber got it.
    const received = new Map<string, Set<string>>();
    for (const message of smtp.messages) {
      if (!received.has(message.to)) received.set(message.to, new Set());
      received.get(message.to)!.add(message.messageId);
    }
    expect([...received.keys()].sort()).toEqual(deliveries.map((d) => d.subscriber.email).sort());
    for (const delivery of deliveries) expect([...received.get(delivery.subscriber.email)!]).toEqual([delivery.messageId]);
    expect(received.has("crash0@example.org")).toBe(false);
    expect(ids).toHaveLength(SUBSCRIBERS);

    // A copy sent again after a kill is the same message: same Message-ID, same papers.
    const copies = smtp.messages.length - due;
    const byId = new Map<string, string[]>();
    for (const message of smtp.messages) {
      const papers = [...(message.parsed.text ?? "").matchAll(/\/papers\/(\d{4}\.\d{5})/g)].map((m) => m[1]!).join(",");
      byId.set(message.messageId, [...(byId.get(message.messageId) ?? []), papers]);
    }
    for (const versions of byId.values()) expect(new Set(versions).size).toBe(1);
    // Only what was in flight when a process died can go twice: 3 killed processes, each at
    // most 2 chunks × 2 messages per pooled connection × 3 connections.
    expect(copies).toBeLessThanOrEqual(3 * 2 * 2 * 3);
    console.info(`digest crash test: ${due} digests, ${copies} re-sent copies with the same Message-ID`);
    await waitFor(async () => workers.size === 2, "restarted workers to be running");
  });
});

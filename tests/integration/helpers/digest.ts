import { getDb } from "@/lib/db";
import { resetEnvForTests } from "@/lib/env";
import { getQueue, stopQueue } from "@/lib/jobs/queue";
import { startWorkers } from "@/lib/jobs/workers";
import { closeMailTransport } from "@/lib/mail/transport";
import { confirmSubscription } from "@/lib/subscribers/commands";
import { forgetSigningKeyForTests } from "@/lib/subscribers/signing-key";
import { startTestSmtpServer, type TestSmtpOptions, type TestSmtpServer } from "./smtp-server";

// Shared set-up for the digest and subscriber tests.

/** Points mail at a test server (or the outbox with null) and applies digest settings. */
export function configureMail(smtpUrl: string | null, extra: Record<string, string> = {}): void {
  if (smtpUrl) process.env.SMTP_URL = smtpUrl;
  else delete process.env.SMTP_URL;
  process.env.SMTP_FROM = "PaperPulse Test <digest@paperpulse.test>";
  process.env.DIGEST_RETRY_DELAY_SECONDS = "1";
  Object.assign(process.env, extra);
  resetEnvForTests();
  closeMailTransport();
  forgetSigningKeyForTests();
}

/** A test file's mail side: a loopback SMTP server, mail pointed at it, and the queue workers that send. */
export async function startMailWorkers(smtpOptions: TestSmtpOptions, extra: Record<string, string> = {}): Promise<TestSmtpServer> {
  const smtp = await startTestSmtpServer(smtpOptions);
  configureMail(smtp.url, extra);
  await startWorkers(await getQueue(), { workers: true, schedule: false });
  return smtp;
}

export async function stopMailWorkers(smtp: TestSmtpServer): Promise<void> {
  await stopQueue();
  closeMailTransport();
  await smtp.close();
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function waitForRunCompleted(runId: string, timeoutMs = 30_000) {
  const db = await getDb();
  return waitFor(async () => {
    const run = await db.digestRun.findUnique({ where: { id: runId } });
    return run?.status === "completed" ? run : null;
  }, `digest run ${runId} to complete`, timeoutMs);
}

/** Active subscribers straight into the table (for volume tests; the sign-up flow has its own tests). */
export async function insertActiveSubscribers(
  rows: { email: string; frequency?: "daily" | "weekly"; topics?: string[]; confirmedAt?: Date }[],
): Promise<string[]> {
  const db = await getDb();
  const created = await db.subscriber.createManyAndReturn({
    data: rows.map((row) => ({
      email: row.email,
      status: "active" as const,
      frequency: row.frequency ?? "daily",
      topics: row.topics ?? [],
      confirmedAt: row.confirmedAt ?? new Date(Date.now() - 60_000),
    })),
    select: { id: true, email: true },
  });
  const byEmail = new Map(created.map((c) => [c.email, c.id]));
  return rows.map((row) => byEmail.get(row.email)!);
}

/**
 * Presses the confirmation page's button as the page shows it: the link's token, with the
 * frequency and topics the link carries filled in.
 */
export function confirmFromLink(link: string, now?: Date) {
  const url = new URL(link);
  return confirmSubscription(url.searchParams.get("token") ?? "", { frequency: url.searchParams.get("frequency") ?? undefined, topics: url.searchParams.getAll("topic") }, now);
}

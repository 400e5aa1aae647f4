import type { FaultSmtpServer, ReceivedCopy } from "./fault-smtp";
import { type FaultEvent, withClient } from "./harness";

// The exactly-once check, from both ends: the deliveries in the database and the copies the
// SMTP server took. For every due subscriber:
//   - an address the plan bounces: delivery `failed`, failure_kind hard_bounce, smtp_code 550,
//     a reason, and no copy received;
//   - anyone else: delivery `sent`, and exactly one distinct Message-ID received, theirs.
// "Lost" counts due subscribers (not bounced) with no copy; "duplicated" counts recipients
// with more than one distinct Message-ID, copies for people who were not due, and second
// copies of one Message-ID that no fault explains. A second copy of the same Message-ID
// with the same content is "uncertain" (docs/digest.md, "The uncertain case") when the server
// took the first copy on a connection it then dropped before replying, or when a process
// was killed or the database cut off within UNCERTAIN_WINDOW_MS after the first copy was
// taken (the sender died between the server's 250 and recording it).

export const UNCERTAIN_WINDOW_MS = 5000;

export interface DigestVerdict {
  due: number;
  sent: number;
  failed550: number;
  lost: number;
  duplicated: number;
  uncertain: number;
  copies: number;
  runs: number;
  violations: string[];
}

interface DeliveryRow {
  email: string;
  status: string;
  message_id: string;
  failure_kind: string | null;
  smtp_code: number | null;
  last_error: string | null;
}

export async function verifyDigest(url: string, smtp: FaultSmtpServer, events: readonly FaultEvent[], notDue: readonly string[]): Promise<DigestVerdict> {
  const violations: string[] = [];
  const { runs, deliveries } = await withClient(url, async (client) => ({
    runs: (await client.query<{ id: string; status: string; total_count: number; sent_count: number; failed_count: number }>(
      `SELECT id, status::text, total_count, sent_count, failed_count FROM digest_runs WHERE frequency = 'daily'`,
    )).rows,
    deliveries: (await client.query<DeliveryRow>(
      `SELECT s.email, d.status::text, d.message_id, d.failure_kind, d.smtp_code, d.last_error
       FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id JOIN digest_runs r ON r.id = d.run_id WHERE r.frequency = 'daily'`,
    )).rows,
  }));
  if (runs.length !== 1) violations.push(`${runs.length} daily runs in the database, expected exactly 1`);
  for (const run of runs) if (run.status !== "completed") violations.push(`run ${run.id} is ${run.status}, not completed`);

  const copiesById = new Map<string, ReceivedCopy[]>();
  const idsByRecipient = new Map<string, Set<string>>();
  for (const copy of smtp.copies) {
    copiesById.set(copy.messageId, [...(copiesById.get(copy.messageId) ?? []), copy]);
    if (!idsByRecipient.has(copy.to)) idsByRecipient.set(copy.to, new Set());
    idsByRecipient.get(copy.to)!.add(copy.messageId);
  }

  let lost = 0;
  let duplicated = 0;
  let uncertain = 0;
  let sent = 0;
  let failed550 = 0;
  const dueAddresses = new Set<string>();
  for (const delivery of deliveries) {
    const email = delivery.email.toLowerCase();
    dueAddresses.add(email);
    const ids = idsByRecipient.get(email) ?? new Set<string>();
    if (smtp.bounces(email)) {
      failed550 += 1;
      if (delivery.status !== "failed" || delivery.failure_kind !== "hard_bounce" || delivery.smtp_code !== 550 || !delivery.last_error) {
        violations.push(`${email} got a 550 but its delivery is ${delivery.status} (${delivery.failure_kind ?? "no kind"}, ${delivery.smtp_code ?? "no code"}, ${delivery.last_error ? "with" : "no"} reason)`);
      }
      if (ids.size > 0) violations.push(`${email} got a 550 yet ${ids.size} message(s) were received for it`);
      continue;
    }
    if (delivery.status === "sent") sent += 1;
    else violations.push(`${email}: delivery is ${delivery.status} (${delivery.failure_kind ?? ""} ${delivery.last_error ?? ""}), expected sent`);
    if (ids.size === 0) {
      lost += 1;
      continue;
    }
    if (ids.size > 1) {
      duplicated += ids.size - 1;
      violations.push(`${email} received ${ids.size} different Message-IDs`);
    }
    if (!ids.has(delivery.message_id)) violations.push(`${email} never received its own Message-ID ${delivery.message_id}`);
    const copies = copiesById.get(delivery.message_id) ?? [];
    for (let i = 1; i < copies.length; i += 1) {
      const previous = copies[i - 1]!;
      const copy = copies[i]!;
      if (copy.papers !== copies[0]!.papers || copy.subject !== copies[0]!.subject) {
        duplicated += 1;
        violations.push(`${email}: a second copy of ${delivery.message_id} has different content`);
      } else if (previous.droppedAfterAccept || events.some((e) => e.at >= previous.acceptedAt - 1000 && e.at <= previous.acceptedAt + UNCERTAIN_WINDOW_MS)) {
        uncertain += 1;
      } else {
        duplicated += 1;
        violations.push(`${email}: ${delivery.message_id} received again ${copy.acceptedAt - previous.acceptedAt} ms later with no fault to explain it`);
      }
    }
  }
  if (lost > 0) violations.push(`${lost} due subscribers received nothing`);
  for (const [to, ids] of idsByRecipient) {
    if (!dueAddresses.has(to)) {
      duplicated += ids.size;
      violations.push(`${to} was not due but received ${ids.size} message(s)`);
    }
  }
  for (const email of notDue) if (dueAddresses.has(email.toLowerCase())) violations.push(`${email} was not due but has a delivery`);
  return { due: deliveries.length, sent, failed550, lost, duplicated, uncertain, copies: smtp.copies.length, runs: runs.length, violations: violations.slice(0, 20).concat(violations.length > 20 ? [`… ${violations.length - 20} more`] : []) };
}

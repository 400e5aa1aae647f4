import { getDb } from "@/lib/db";
import { type Day, dateToDay, formatDayShort } from "@/lib/papers/dates";
import { plainTextLine } from "@/lib/text/tex-text";
import { getDigestConfig } from "./config";
import { digestPeriod } from "./periods";
import type { DigestRunRecord } from "./runs";
import { candidatesFor } from "./select-papers";

// Chooses the papers of each delivery of a chunk, once: they are written to
// digest_delivery_papers with the subject, and every later attempt sends exactly that
// (same papers, same Message-ID). The rules (docs/digest.md, "Which papers"):
//   - trending papers listed since the period of the subscriber's last digest (for a new
//     subscriber: since the start of the period they confirmed in), at most a week back for
//     daily and four weeks for weekly digests;
//   - matching any of their topics (none = all);
//   - never a paper this subscriber was already given: (subscriber, paper) is unique;
//   - up to DIGEST_MAX_PAPERS; none new → the delivery is skipped and no email goes out.

interface PendingRow {
  delivery_id: string;
  subscriber_id: string;
  topics: string[];
  confirmed_at: Date | null;
  active: boolean;
}

export interface ComposeResult {
  composed: number;
  skipped: number;
  /**
   * The papers (ids, in order) of each delivery composed and claimed by this call, as
   * committed: the sender needs not read them back.
   */
  papers: Map<string, string[]>;
}

/**
 * Composes the chunk's uncomposed deliveries and claims those with papers for `claimToken`
 * in the same write (one row update per delivery, not two).
 */
export async function composeChunk(run: DigestRunRecord, chunk: number, claimToken: string): Promise<ComposeResult> {
  const db = await getDb();
  const config = getDigestConfig();
  const candidates = candidatesFor(run);
  return db.$transaction(
    async (tx) => {
      // SKIP LOCKED: if another attempt is composing these rows, it finishes them.
      const rows = await tx.$queryRaw<PendingRow[]>`
        SELECT d.id AS delivery_id, d.subscriber_id, s.topics, s.confirmed_at, (s.status = 'active') AS active
        FROM digest_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
        WHERE d.run_id = ${run.id}::uuid AND d.chunk = ${chunk} AND d.status = 'pending' AND d.paper_count IS NULL
        ORDER BY d.id
        FOR UPDATE OF d SKIP LOCKED`;
      if (rows.length === 0) return { composed: 0, skipped: 0, papers: new Map() };
      const subscriberIds = rows.map((row) => row.subscriber_id);

      const lastDigests = await tx.$queryRaw<{ subscriber_id: string; period_start: string }[]>`
        SELECT DISTINCT ON (d.subscriber_id) d.subscriber_id, r.period_start::text AS period_start
        FROM digest_deliveries d JOIN digest_runs r ON r.id = d.run_id
        WHERE d.subscriber_id = ANY(${subscriberIds}::uuid[]) AND d.status = 'sent' AND d.run_id <> ${run.id}::uuid
        ORDER BY d.subscriber_id, r.period_start DESC`;
      const lastDigestStart = new Map(lastDigests.map((row) => [row.subscriber_id, row.period_start]));

      const windows = new Map(rows.map((row) => [row.subscriber_id, windowStart(run, row, lastDigestStart.get(row.subscriber_id), candidates.earliest)]));

      // Papers this subscriber already has (or another of their deliveries holds): never again.
      const received = await tx.$queryRaw<{ subscriber_id: string; paper_id: string }[]>`
        SELECT dp.subscriber_id, dp.paper_id
        FROM digest_delivery_papers dp JOIN papers p ON p.id = dp.paper_id
        WHERE dp.subscriber_id = ANY(${subscriberIds}::uuid[]) AND p.listed_on >= ${candidates.earliest}::date`;
      const receivedBy = new Map<string, Set<string>>();
      for (const row of received) {
        if (!receivedBy.has(row.subscriber_id)) receivedBy.set(row.subscriber_id, new Set());
        receivedBy.get(row.subscriber_id)!.add(row.paper_id);
      }

      const active = rows.filter((row) => row.active);
      await candidates.ensure(tx, active.map((row) => row.topics));
      const chosen = new Map<string, string[]>();
      for (const row of active) {
        chosen.set(row.delivery_id, candidates.rank(row.topics, windows.get(row.subscriber_id)!, config.maxPapers, receivedBy.get(row.subscriber_id)));
      }

      const deliveryIds: string[] = [];
      const paperSubscribers: string[] = [];
      const paperIds: string[] = [];
      const positions: number[] = [];
      for (const row of active) {
        (chosen.get(row.delivery_id) ?? []).forEach((paperId, index) => {
          deliveryIds.push(row.delivery_id);
          paperSubscribers.push(row.subscriber_id);
          paperIds.push(paperId);
          positions.push(index + 1);
        });
      }
      // ON CONFLICT: a paper another delivery of this subscriber claimed meanwhile (a
      // frequency change between runs) stays out of this one.
      const inserted =
        paperIds.length === 0
          ? []
          : await tx.$queryRaw<{ delivery_id: string; paper_id: string; position: number }[]>`
              INSERT INTO digest_delivery_papers (delivery_id, subscriber_id, paper_id, position)
              SELECT * FROM unnest(${deliveryIds}::uuid[], ${paperSubscribers}::uuid[], ${paperIds}::text[], ${positions}::int[])
              ON CONFLICT DO NOTHING
              RETURNING delivery_id, paper_id, position`;
      const topPaper = new Map<string, { paperId: string; position: number }>();
      const counts = new Map<string, number>();
      const papers = new Map<string, string[]>();
      for (const row of [...inserted].sort((a, b) => a.position - b.position)) {
        if (!papers.has(row.delivery_id)) papers.set(row.delivery_id, []);
        papers.get(row.delivery_id)!.push(row.paper_id);
      }
      for (const row of inserted) {
        counts.set(row.delivery_id, (counts.get(row.delivery_id) ?? 0) + 1);
        const top = topPaper.get(row.delivery_id);
        if (!top || row.position < top.position) topPaper.set(row.delivery_id, { paperId: row.paper_id, position: row.position });
      }
      const titles = await tx.paper.findMany({ where: { id: { in: [...new Set([...topPaper.values()].map((t) => t.paperId))] } }, select: { id: true, title: true } });
      const titleOf = new Map(titles.map((t) => [t.id, t.title]));
      // Many deliveries share a top paper: build each subject once per chunk.
      const subjectOf = new Map<string, string>();
      const subjectFor = (paperId: string) => {
        let subject = subjectOf.get(paperId);
        if (subject === undefined) subjectOf.set(paperId, (subject = digestSubject(run, titleOf.get(paperId) ?? "")));
        return subject;
      };

      const ids: string[] = [];
      const paperCounts: number[] = [];
      const subjects: (string | null)[] = [];
      const notes: (string | null)[] = [];
      let skipped = 0;
      for (const row of rows) {
        const count = row.active ? (counts.get(row.delivery_id) ?? 0) : 0;
        const top = topPaper.get(row.delivery_id);
        ids.push(row.delivery_id);
        paperCounts.push(count);
        subjects.push(count > 0 && top ? subjectFor(top.paperId) : null);
        notes.push(!row.active ? "subscriber is no longer active" : count === 0 ? "nothing new for this subscriber" : null);
        if (count === 0) skipped += 1;
      }
      await tx.$executeRaw`
        UPDATE digest_deliveries d SET paper_count = x.n, subject = x.subject, last_error = x.note, composed_at = now(), updated_at = now(),
          status = CASE WHEN x.n = 0 THEN 'skipped'::"DeliveryStatus" ELSE 'sending'::"DeliveryStatus" END,
          claimed_by = CASE WHEN x.n = 0 THEN NULL ELSE ${claimToken} END,
          attempts = d.attempts + CASE WHEN x.n = 0 THEN 0 ELSE 1 END
        FROM unnest(${ids}::uuid[], ${paperCounts}::int[], ${subjects}::text[], ${notes}::text[]) AS x(id, n, subject, note)
        WHERE d.id = x.id`;
      return { composed: rows.length - skipped, skipped, papers };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

function windowStart(run: DigestRunRecord, row: PendingRow, lastDigestStart: Day | undefined, earliest: Day): Day {
  // A new subscriber's first digest covers the period they confirmed in (today, for a
  // daily digest confirmed today); later ones pick up from the period of the last one.
  const base = lastDigestStart ?? (row.confirmed_at ? digestPeriod(run.frequency, dateToDay(row.confirmed_at)).start : run.periodStart);
  const clamped = base < earliest ? earliest : base;
  return clamped > run.periodStart ? run.periodStart : clamped;
}

const SUBJECT_MAX = 150;

/** "PaperPulse, 28 Nov 2026: <top paper>" or "PaperPulse, week of 23 Nov 2026: <top paper>". */
export function digestSubject(run: Pick<DigestRunRecord, "frequency" | "periodStart">, topTitle: string): string {
  const prefix = run.frequency === "daily" ? `PaperPulse, ${formatDayShort(run.periodStart)}: ` : `PaperPulse, week of ${formatDayShort(run.periodStart)}: `;
  const title = plainTextLine(topTitle);
  const room = SUBJECT_MAX - prefix.length;
  return prefix + (title.length > room ? `${title.slice(0, room - 1).trimEnd()}…` : title);
}

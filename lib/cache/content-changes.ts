import { getDb, type Prisma } from "@/lib/db";
import { MAX_TAGS_PER_CHANGE, CACHE_TAGS } from "./cache-tags";

// The content change log (table content_changes): every transaction that changes what a
// page shows appends the cache tags it changed, and every app instance expires them in its
// own page cache (lib/cache/page-cache-sync.ts). Written inside the changing transaction, so
// a change is logged exactly when it commits, whichever process made it and however it ends.

/** Advisory lock class ("CCHG") that puts appends in commit order. */
const CHANGE_LOG_LOCK_CLASS = 0x43434847;
/** Rows older than this are deleted by housekeeping: instances follow the log within seconds. */
const KEEP_MS = 24 * 60 * 60 * 1000;

export interface LoggedChange {
  id: bigint;
  tags: string[];
}

/**
 * Appends a change inside `tx`, the transaction that makes it. The lock makes appends
 * commit in id order, so a reader that has seen id N has seen every id below N and can
 * follow the log with a cursor.
 */
export async function recordContentChange(tx: Prisma.TransactionClient, tags: readonly string[], source: string): Promise<void> {
  if (tags.length === 0) return;
  const stored = tags.length > MAX_TAGS_PER_CHANGE ? [CACHE_TAGS.everything] : [...new Set(tags)];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHANGE_LOG_LOCK_CLASS}::int, 0)`;
  await tx.contentChange.create({ data: { tags: stored, source } });
}

/** The newest change's id, 0 when the log is empty. */
export async function latestContentChangeId(): Promise<bigint> {
  const db = await getDb();
  const latest = await db.contentChange.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0n;
}

/** The changes after `id`, oldest first, at most `limit`. */
export async function listContentChangesAfter(id: bigint, limit: number): Promise<LoggedChange[]> {
  const db = await getDb();
  return db.contentChange.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" }, take: limit, select: { id: true, tags: true } });
}

/** Housekeeping: deletes changes older than a day, always keeping the newest (the cursor's anchor). */
export async function deleteOldContentChanges(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const newest = await latestContentChangeId();
  const { count } = await db.contentChange.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_MS) }, id: { lt: newest } } });
  return count;
}

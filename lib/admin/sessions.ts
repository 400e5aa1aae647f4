import { getDb } from "@/lib/db";

// The admin_sessions table: one row per signed-in operator session. lib/admin/auth.ts decides
// who gets a session and checks the cookie's signature; this module only stores, finds and
// ends sessions.

export async function insertAdminSession(id: string, expiresAt: Date): Promise<void> {
  const db = await getDb();
  await db.adminSession.create({ data: { id, expiresAt } });
}

/** True while the session exists and has not expired. */
export async function isAdminSessionLive(id: string, now: Date): Promise<boolean> {
  const db = await getDb();
  const row = await db.adminSession.findUnique({ where: { id }, select: { expiresAt: true } });
  return row !== null && row.expiresAt > now;
}

export async function deleteAdminSession(id: string): Promise<void> {
  const db = await getDb();
  await db.adminSession.deleteMany({ where: { id } });
}

/** Housekeeping: sessions past their expiry are useless and removed. */
export async function deleteExpiredAdminSessions(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  return (await db.adminSession.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}

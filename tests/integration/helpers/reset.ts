import { withSqlSession } from "@/lib/db";

/** Empties every application table (not the migrations record) between tests of one file. */
export async function truncateAll(): Promise<void> {
  await withSqlSession(async (sql) => {
    const tables = await sql.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (tables.length === 0) return;
    await sql.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  });
}

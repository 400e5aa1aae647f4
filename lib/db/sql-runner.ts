import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/**
 * One database session for raw SQL that Prisma cannot express (migrations, advisory locks).
 * Both drivers must behave the same: `exec` runs a multi-statement script, `query` one
 * parameterised statement.
 */
export interface SqlRunner {
  query<Row extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  exec(script: string): Promise<void>;
}

export function runnerForPgClient(client: pg.ClientBase): SqlRunner {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script: string) {
      // No parameters: pg uses the simple query protocol, which allows several statements.
      await client.query(script);
    },
  };
}

export function runnerForPglite(db: PGlite): SqlRunner {
  return {
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await db.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

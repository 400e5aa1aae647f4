import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

// The one way raw SQL returns rows: every `$queryRaw` result is parsed with a zod schema of
// the columns the statement selects, at this boundary. A `$queryRaw<T>` cast ties nothing to
// the SQL, so a renamed or retyped column used to surface far away as `undefined` or NaN;
// parsed here, it fails at the query, naming the statement and the column.
//
// Raw SQL stays where it earns its place (keyset over computed scores, full-text search,
// SKIP LOCKED claims, bulk upserts, aggregates the planner needs to see); everything else
// goes through Prisma's typed client. CODE_STYLE.md says the same.

/** What can run a raw query: the Prisma client or an interactive transaction's client. */
export interface RawQueryClient {
  $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

export class SqlRowShapeError extends Error {
  constructor(statement: string, issues: z.core.$ZodIssue[]) {
    const issue = issues[0];
    const where = issue ? `row ${String(issue.path[0] ?? "?")}, column ${issue.path.slice(1).join(".") || "(row)"}` : "a row";
    super(`Raw SQL returned an unexpected shape (${where}: ${issue?.message ?? "invalid"}) for: ${summarize(statement)}`);
    this.name = "SqlRowShapeError";
  }
}

/** Runs `query` and returns its rows parsed by `row` (one schema per selected row). */
export async function queryRows<S extends z.ZodType>(client: RawQueryClient, row: S, query: Prisma.Sql): Promise<z.output<S>[]> {
  const rows = await client.$queryRaw<unknown[]>(query);
  const parsed = z.array(row).safeParse(rows);
  if (!parsed.success) throw new SqlRowShapeError(query.sql, parsed.error.issues);
  return parsed.data;
}

/** The single row a statement returns (an aggregate, an INSERT … RETURNING); an error if it returns none. */
export async function queryRow<S extends z.ZodType>(client: RawQueryClient, row: S, query: Prisma.Sql): Promise<z.output<S>> {
  const rows = await queryRows(client, row, query);
  if (rows.length !== 1) throw new Error(`Raw SQL returned ${rows.length} rows where one was expected: ${summarize(query.sql)}`);
  return rows[0]!;
}

/** Column types as the drivers return them (adapter-pg and PGlite agree on these). */
export const sqlColumn = {
  /** `count(*)`, `bigint` and `::int8` columns arrive as bigint (or number when cast ::int). */
  count: z.union([z.bigint(), z.number().int()]).transform(Number),
  /** timestamptz / timestamp columns. */
  timestamp: z.date(),
  /** A `::text` day (YYYY-MM-DD). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** float8 results (ranks, scores): cast `::float8` in SQL so no Decimal arrives. */
  float: z.number(),
} as const;

function summarize(sql: string): string {
  const oneLine = sql.replace(/\s+/g, " ").trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}

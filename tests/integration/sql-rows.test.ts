import { describe, expect, it } from "vitest";
import { z } from "zod";
import { getDb, Prisma } from "@/lib/db";
import { queryRow, queryRows, SqlRowShapeError, sqlColumn } from "@/lib/db/sql-rows";

// The raw-SQL boundary: rows are parsed against the columns a statement promises, so a
// renamed or retyped column fails at the query with its name, not later as undefined.

describe("raw SQL rows", () => {
  it("parses the columns a statement selects, with the drivers' types", async () => {
    const db = await getDb();
    const rows = await queryRows(
      db,
      z.object({ n: sqlColumn.count, day: sqlColumn.day, at: sqlColumn.timestamp, score: sqlColumn.float }),
      Prisma.sql`SELECT count(*) AS n, '2026-12-04'::date::text AS day, now() AS at, 0.5::float8 AS score FROM generate_series(1, 3)`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(3);
    expect(rows[0]!.day).toBe("2026-12-04");
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(rows[0]!.score).toBe(0.5);
  });

  it("fails at the query, naming the column, when the SQL returns another shape", async () => {
    const db = await getDb();
    const query = Prisma.sql`SELECT 1::int AS renamed_column`;
    const failure = queryRows(db, z.object({ expected_column: z.number() }), query);
    await expect(failure).rejects.toBeInstanceOf(SqlRowShapeError);
    await expect(queryRows(db, z.object({ expected_column: z.number() }), query)).rejects.toThrow(/row 0, column expected_column.*SELECT 1::int AS renamed_column/);
    await expect(queryRows(db, z.object({ n: z.string() }), Prisma.sql`SELECT 1::int AS n`)).rejects.toThrow(/column n/);
  });

  it("queryRow insists on exactly one row", async () => {
    const db = await getDb();
    expect(await queryRow(db, z.object({ one: z.number() }), Prisma.sql`SELECT 1::int AS one`)).toEqual({ one: 1 });
    await expect(queryRow(db, z.object({ one: z.number() }), Prisma.sql`SELECT 1::int AS one WHERE false`)).rejects.toThrow(/returned 0 rows where one was expected/);
  });
});

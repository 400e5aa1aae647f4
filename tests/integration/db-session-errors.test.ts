import { describe, expect, it } from "vitest";
import { withSqlSession } from "@/lib/db";
import { testDbMode } from "./helpers/test-database";

// A connection that dies while a process holds it (a database restart, pg_terminate_backend)
// must fail the work in hand, not the process: the pool takes its own error listener off a
// client it hands out, and an unheard 'error' event is an uncaught exception. Found by the
// fault suite's db-restart scenario (docs/operations.md, "Fault suite"), where both worker
// processes died at the first cut.

describe.runIf(testDbMode() === "postgres")("a raw SQL session whose connection is terminated", () => {
  it("fails its statement, keeps the process alive, and the pool serves the next session", async () => {
    const work = withSqlSession(async (sql) => {
      const [own] = await sql.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      // From another session, while this one is idle between statements.
      await withSqlSession((other) => other.query("SELECT pg_terminate_backend($1)", [own!.pid]));
      await new Promise((resolve) => setTimeout(resolve, 300));
      return sql.query("SELECT 1 AS one");
    });
    await expect(work).rejects.toThrow();
    await expect(withSqlSession((sql) => sql.query<{ one: number }>("SELECT 1 AS one"))).resolves.toEqual([{ one: 1 }]);
  });
});

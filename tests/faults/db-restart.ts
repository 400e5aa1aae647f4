import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { runDigestScenario } from "./lib/digest-scenario";
import { type ScenarioResult, type SuiteContext, withClient } from "./lib/harness";

// The database goes away during a run, three times (at a quarter, half and three quarters of
// the messages). By default every connection to the scenario's own database is terminated
// (pg_terminate_backend: what a restart does to the clients, without disturbing other
// databases on a shared server); with --db-fault restart the PostgreSQL cluster itself is
// restarted (pg_ctlcluster). No process is restarted by the suite: the run must resume and
// complete on its own, and no process may die.

export async function dbRestart(ctx: SuiteContext, size: { subscribers: number }): Promise<ScenarioResult> {
  return runDigestScenario(ctx, {
    name: "db-restart",
    subscribers: size.subscribers,
    plan: { delayMs: 15 },
    apps: 1,
    workers: 2,
    workersInApp: true,
    env: { DIGEST_CHUNK_SIZE: "50", DIGEST_CONCURRENCY: "2", SMTP_POOL_SIZE: "2" },
    timeoutMs: 300_000,
    async drive({ cluster, progress, databaseUrl, notes, faults }) {
      await cluster.fireCron(cluster.apps[0]!);
      const dbName = new URL(databaseUrl).pathname.slice(1);
      for (const point of [0.25, 0.5, 0.75]) {
        await progress(point);
        cluster.events.push({ at: Date.now(), what: `database ${ctx.dbFault}` });
        faults.count += 1;
        if (ctx.dbFault === "restart") {
          const version = readdirSync("/etc/postgresql")[0]!;
          execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "ignore" });
          notes.push(`PostgreSQL ${version} restarted at ${point * 100}%`);
        } else {
          const terminated = await withClient(ctx.adminUrl, async (client) =>
            // The targets are chosen first (a materialised CTE): in one WHERE the planner may
            // call pg_terminate_backend before the datname filter, on every backend.
            (await client.query<{ pid: number }>(
              `WITH targets AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid())
               SELECT pid FROM targets WHERE pg_terminate_backend(pid)`,
              [dbName],
            )).rows.length,
          );
          notes.push(`${terminated} connections terminated at ${point * 100}%`);
        }
        cluster.events.push({ at: Date.now(), what: `database back` });
      }
    },
  });
}

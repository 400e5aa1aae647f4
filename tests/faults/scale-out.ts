import { checkOneRun } from "./concurrent-cron";
import { runDigestScenario } from "./lib/digest-scenario";
import type { ScenarioResult, SuiteContext } from "./lib/harness";

// Scale-out: two app instances (the app's server on two ports, same DATABASE_URL, workers in the
// app) and two `npm run worker` processes on one PostgreSQL send one run together; the cron
// hits both apps at once (five calls each). Exactly once must hold across all four senders,
// and each of them must have sent some of the messages (the SMTP client of each process
// announces the process's name in EHLO).

export async function scaleOut(ctx: SuiteContext, size: { subscribers: number }): Promise<ScenarioResult> {
  return runDigestScenario(ctx, {
    name: "scale-out",
    subscribers: size.subscribers,
    // Small chunks and a 50 ms reply keep the run long enough for every process to take part.
    plan: { delayMs: 50 },
    apps: 2,
    workers: 2,
    workersInApp: true,
    env: { DIGEST_CHUNK_SIZE: "20", DIGEST_CONCURRENCY: "2", SMTP_POOL_SIZE: "2" },
    timeoutMs: 180_000,
    everyProcessSends: true,
    async drive({ cluster, violations, notes }) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => cluster.fireCron(cluster.apps[i % 2]!)));
      checkOneRun(answers, violations, notes);
    },
  });
}

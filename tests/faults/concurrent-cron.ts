import { runDigestScenario } from "./lib/digest-scenario";
import type { ScenarioResult, SuiteContext } from "./lib/harness";

// The cron fired 10 times at once (real HTTP to POST /api/cron/digest): one run, created by
// exactly one call, the same run id in every answer, and one digest per subscriber.

export async function concurrentCron(ctx: SuiteContext, size: { subscribers: number }): Promise<ScenarioResult> {
  return runDigestScenario(ctx, {
    name: "concurrent-cron",
    subscribers: size.subscribers,
    apps: 1,
    workers: 1,
    workersInApp: true,
    env: { DIGEST_CHUNK_SIZE: "100" },
    timeoutMs: 120_000,
    async drive({ cluster, violations, notes }) {
      const app = cluster.apps[0]!;
      const answers = await Promise.all(Array.from({ length: 10 }, () => cluster.fireCron(app)));
      checkOneRun(answers, violations, notes);
    },
  });
}

export function checkOneRun(answers: { status: number; runs: { runId: string; created: boolean }[] }[], violations: string[], notes: string[]): void {
  const statuses = answers.map((a) => a.status);
  if (statuses.some((s) => s !== 200)) violations.push(`cron answers: ${statuses.join(", ")}; expected all 200`);
  const runIds = new Set(answers.flatMap((a) => a.runs.map((r) => r.runId)));
  const created = answers.filter((a) => a.runs.some((r) => r.created)).length;
  if (runIds.size !== 1) violations.push(`${runIds.size} distinct run ids in ${answers.length} cron answers, expected 1`);
  if (created !== 1) violations.push(`${created} cron calls say they created the run, expected 1`);
  notes.push(`${answers.length} concurrent cron calls: ${runIds.size} run, created by ${created} call`);
}

import { runDigestScenario } from "./lib/digest-scenario";
import { listRuns, type ScenarioResult, type SuiteContext } from "./lib/harness";
import { seededRandom, sleep } from "./lib/processes";

// Kill-points: a digest run is SIGKILLed at random points, each time in a random process
// (the app, which takes the cron call and sends too, or one of two `npm run worker`
// processes), and the process is started again; after an app restart the scheduler's cron
// call comes again. The first kill lands while the app is handling the cron call (creating
// the run and its deliveries); the others at random points of the sending, drawn from the
// seed. At the end every due subscriber must have exactly one digest.

export async function killPoints(ctx: SuiteContext, size: { subscribers: number; kills: number; delayMs: number }): Promise<ScenarioResult> {
  const random = seededRandom(ctx.seed + 1);
  return runDigestScenario(ctx, {
    name: "kill-points",
    subscribers: size.subscribers,
    plan: { delayMs: size.delayMs },
    apps: 1,
    workers: 2,
    workersInApp: true,
    env: { DIGEST_CHUNK_SIZE: "50", DIGEST_CONCURRENCY: "2", SMTP_POOL_SIZE: "2" },
    timeoutMs: 300_000,
    async drive({ cluster, progress, notes, databaseUrl }) {
      const app = cluster.apps[0]!;
      // Kill 1: the app, a random moment into the cron call that creates the run.
      const firstCall = cluster.fireCron(app).then(
        (answer) => `answered ${answer.status}`,
        (error: unknown) => `cut off (${(error as Error).message})`,
      );
      await sleep(Math.floor(random() * 150));
      await cluster.kill(app);
      const runs = await listRuns(databaseUrl);
      notes.push(`kill 1: app during the first cron call, which was ${await firstCall}; ${runs.length === 0 ? "no run existed yet" : `the run existed (${runs[0]!.total_count} deliveries)`}`);
      app.start();
      await app.ready;
      await cluster.fireCron(app);

      const points = Array.from({ length: size.kills - 1 }, () => 0.03 + random() * 0.87).sort((a, b) => a - b);
      const victims: Record<string, number> = {};
      for (const point of points) {
        await progress(point);
        // Every kill hits a running system: wait for the last restart to be up.
        await Promise.all(cluster.all.map((p) => p.ready));
        const victim = cluster.all[Math.floor(random() * cluster.all.length)]!;
        await cluster.kill(victim);
        victims[victim.name] = (victims[victim.name] ?? 0) + 1;
        victim.start();
        if (victim.spec.kind === "app") {
          await victim.ready;
          await cluster.fireCron(victim);
        }
      }
      notes.push(`kills at ${points.map((p) => `${Math.round(p * 100)}%`).join(", ")} of the messages; victims ${Object.entries(victims).map(([n, c]) => `${n} × ${c}`).join(", ")}`);
    },
  });
}

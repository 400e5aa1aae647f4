import { type FaultPlan, type FaultSmtpServer, NO_FAULTS, startFaultSmtpServer } from "./fault-smtp";
import {
  Cluster,
  type ClusterOptions,
  createDigestDatabase,
  dropFaultDatabase,
  type ScenarioResult,
  seedSubscribers,
  type SeededSubscribers,
  type SuiteContext,
  waitForRunDone,
} from "./harness";
import { sleep } from "./processes";
import { verifyDigest } from "./verify";

// The frame of every digest scenario: a database of its own with today's papers and the
// subscribers, the fault SMTP server, the cluster of processes; then the scenario drives
// the run (cron calls, kills, database faults), the run must complete, and the result is
// checked for exactly once. The database is dropped when the scenario passes and kept for
// inspection when it fails; process logs stay under .test-results/faults/<scenario>/.

export interface DigestScenarioOptions {
  name: string;
  subscribers: number;
  plan?: Partial<Omit<FaultPlan, "seed">>;
  apps: number;
  workers: number;
  workersInApp: boolean;
  env?: Record<string, string>;
  /** How long the run may take once driven. */
  timeoutMs: number;
  /** Fail unless every process sent some of the messages (scale-out). */
  everyProcessSends?: boolean;
  drive: (run: DrivenRun) => Promise<void>;
}

export interface DrivenRun {
  ctx: SuiteContext;
  cluster: Cluster;
  smtp: FaultSmtpServer;
  subscribers: SeededSubscribers;
  databaseUrl: string;
  notes: string[];
  violations: string[];
  /** Messages that should be delivered (due, minus the addresses the plan bounces). */
  deliverable: number;
  /** Resolves once that many distinct messages were accepted. */
  progress(fraction: number, timeoutMs?: number): Promise<void>;
  faults: { count: number };
}

export async function runDigestScenario(ctx: SuiteContext, options: DigestScenarioOptions): Promise<ScenarioResult> {
  const started = Date.now();
  const dbName = `paperpulse_faults_${options.name.replace(/-/g, "_")}`;
  const databaseUrl = await createDigestDatabase(ctx, dbName);
  const prefix = `${options.name}-`;
  const subscribers = await seedSubscribers(databaseUrl, options.subscribers, prefix);
  const plan: FaultPlan = { ...NO_FAULTS, seed: ctx.seed, delayMs: 0, ...options.plan };
  const smtp = await startFaultSmtpServer(plan);
  const clusterOptions: ClusterOptions = {
    ctx,
    scenario: options.name,
    databaseUrl,
    smtpUrl: smtp.url,
    apps: options.apps,
    workers: options.workers,
    workersInApp: options.workersInApp,
    env: options.env,
  };
  const cluster = new Cluster(clusterOptions);
  const notes: string[] = [];
  const violations: string[] = [];
  let bounced = 0;
  for (let i = 1; i <= options.subscribers; i += 1) if (smtp.bounces(`${prefix}${i}@example.org`)) bounced += 1;
  const deliverable = options.subscribers - bounced;
  const faults = { count: 0 };
  let verdict: Awaited<ReturnType<typeof verifyDigest>> | null = null;
  try {
    await cluster.start();
    const driven: DrivenRun = {
      ctx,
      cluster,
      smtp,
      subscribers,
      databaseUrl,
      notes,
      violations,
      deliverable,
      faults,
      async progress(fraction, timeoutMs = options.timeoutMs) {
        const target = Math.floor(fraction * deliverable);
        const deadline = Date.now() + timeoutMs;
        while (smtp.distinct() < target) {
          if (Date.now() > deadline) throw new Error(`run stalled at ${smtp.distinct()} of ${target} messages`);
          await sleep(50);
        }
      },
    };
    await options.drive(driven);
    const run = await waitForRunDone(databaseUrl, options.timeoutMs);
    if (!run) violations.push(`the run did not complete within ${Math.round(options.timeoutMs / 1000)} s`);
    // Anything still in flight (a late re-send) arrives now, or is not counted as lost.
    await sleep(2000);
    verdict = await verifyDigest(databaseUrl, smtp, cluster.events, subscribers.notDue);
    if (verdict.due !== subscribers.due) violations.push(`${verdict.due} deliveries for ${subscribers.due} due subscribers`);
    violations.push(...verdict.violations);
  } catch (error) {
    violations.push(`scenario aborted: ${(error as Error).message}`);
  } finally {
    await cluster.stop();
    await smtp.close();
  }
  for (const exit of cluster.unexpectedExits) violations.push(`${exit.name} exited on its own (code ${exit.code}, signal ${exit.signal})`);
  const injected = smtp.injected;
  const smtpFaults = injected.tempFail451 + injected.dropAfterAccept + injected.dropBeforeAccept + injected.hardBounce550;
  if (smtpFaults > 0) {
    notes.push(
      `SMTP faults: ${injected.tempFail451} × 451, ${injected.dropAfterAccept + injected.dropBeforeAccept} connections dropped after DATA (${injected.dropAfterAccept} after the server took the message), ${injected.hardBounce550} × 550 to ${injected.hardBounceAddresses.size} addresses`,
    );
  }
  if (verdict) notes.push(`${verdict.due} due, ${verdict.sent} sent, ${verdict.failed550} failed with 550, ${verdict.copies} copies received`);
  const bySender = new Map<string, number>();
  for (const copy of smtp.copies) bySender.set(copy.sender, (bySender.get(copy.sender) ?? 0) + 1);
  notes.push(`copies by sender: ${[...bySender].sort().map(([sender, n]) => `${sender.replace(".faults.test", "")} ${n}`).join(", ")}`);
  if (options.everyProcessSends) {
    for (const p of cluster.all) if (!bySender.has(`${p.name}.faults.test`)) violations.push(`${p.name} sent nothing: the run was not shared`);
  }
  const passed = violations.length === 0;
  if (passed) await dropFaultDatabase(ctx, dbName);
  else notes.push(`database ${dbName} kept for inspection`);
  return {
    name: options.name,
    passed,
    violations,
    kills: cluster.kills,
    faultsInjected: cluster.kills + faults.count + smtpFaults,
    messages: verdict?.copies ?? 0,
    lost: verdict?.lost ?? 0,
    duplicated: verdict?.duplicated ?? 0,
    uncertain: verdict?.uncertain ?? 0,
    seconds: (Date.now() - started) / 1000,
    notes,
  };
}

import { runDigestScenario } from "./lib/digest-scenario";
import type { ScenarioResult, SuiteContext } from "./lib/harness";

// SMTP faults: the mail server answers 451 to 20 % of messages (first attempt), drops the
// connection after DATA for 5 % (half of them after taking the message), and answers 550 at
// RCPT TO for 2 % of addresses. Every message but the 550s must be delivered exactly once
// (a copy the server took on a dropped connection comes again under the same Message-ID:
// counted as uncertain), and the 550s must be failed as hard bounces with their reason.

export async function smtpFaults(ctx: SuiteContext, size: { subscribers: number }): Promise<ScenarioResult> {
  return runDigestScenario(ctx, {
    name: "smtp-faults",
    subscribers: size.subscribers,
    plan: { tempFailRate: 0.2, dropRate: 0.05, hardBounceRate: 0.02, delayMs: 5 },
    apps: 1,
    workers: 2,
    workersInApp: true,
    env: { DIGEST_CHUNK_SIZE: "100", DIGEST_CONCURRENCY: "2", SMTP_POOL_SIZE: "3" },
    timeoutMs: 300_000,
    async drive({ cluster, notes }) {
      const answer = await cluster.fireCron(cluster.apps[0]!);
      notes.push(`cron answered ${answer.status}`);
    },
  });
}

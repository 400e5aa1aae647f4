// npm run test:faults [-- --size full|ci] [--only kill-points,smtp-faults,…] [--seed N]
//                     [--db-fault terminate|restart] [--json file] [--no-build]
// The fault suite (docs/operations.md, "Fault suite"): real PostgreSQL, a real loopback SMTP
// server, real app servers (scripts/server.ts) and `npm run worker` processes, and faults injected into them:
// SIGKILLs at random points of a digest run, SMTP 451s, dropped connections and 550s, the
// database cut off mid-run, ten concurrent cron calls, an import killed midway, and two apps
// plus two workers sending one run. Prints a summary (kills survived, faults injected,
// messages lost, duplicated, uncertain) and exits 1 on any violation of exactly once.
//
// Needs PostgreSQL at TEST_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres)
// and a production build (made when missing or stale). Databases: paperpulse_faults_*.
// App ports: FAULTS_PORT (default 3700) and the next one.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { concurrentCron } from "@/tests/faults/concurrent-cron";
import { dbRestart } from "@/tests/faults/db-restart";
import { ingestKill } from "@/tests/faults/ingest-kill";
import { killPoints } from "@/tests/faults/kill-points";
import { dropFaultDatabase, PAPERS_TEMPLATE, type ScenarioResult, type SuiteContext } from "@/tests/faults/lib/harness";
import { scaleOut } from "@/tests/faults/scale-out";
import { smtpFaults } from "@/tests/faults/smtp-faults";
import { ensureBuild } from "./lib/ensure-build";

const SIZES = {
  full: {
    killPoints: { subscribers: 5000, kills: 20, delayMs: 100 },
    smtpFaults: { subscribers: 5000 },
    dbRestart: { subscribers: 3000 },
    concurrentCron: { subscribers: 1000 },
    ingestKill: { papers: 20_000, perFile: 5000, kills: 3 },
    scaleOut: { subscribers: 5000 },
  },
  ci: {
    killPoints: { subscribers: 300, kills: 5, delayMs: 150 },
    smtpFaults: { subscribers: 400 },
    dbRestart: { subscribers: 200 },
    concurrentCron: { subscribers: 100 },
    ingestKill: { papers: 3000, perFile: 3000, kills: 1 },
    scaleOut: { subscribers: 400 },
  },
} as const;

type Size = keyof typeof SIZES;

const SCENARIOS: Record<string, (ctx: SuiteContext, size: Size) => Promise<ScenarioResult>> = {
  "kill-points": (ctx, size) => killPoints(ctx, SIZES[size].killPoints),
  "smtp-faults": (ctx, size) => smtpFaults(ctx, SIZES[size].smtpFaults),
  "db-restart": (ctx, size) => dbRestart(ctx, SIZES[size].dbRestart),
  "concurrent-cron": (ctx, size) => concurrentCron(ctx, SIZES[size].concurrentCron),
  "ingest-kill": (ctx, size) => ingestKill(ctx, SIZES[size].ingestKill),
  "scale-out": (ctx, size) => scaleOut(ctx, SIZES[size].scaleOut),
};

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    size: { type: "string", default: "full" },
    only: { type: "string" },
    seed: { type: "string" },
    "db-fault": { type: "string", default: "terminate" },
    json: { type: "string" },
    // Use the build that is there, even if a source file is newer (while iterating).
    "no-build": { type: "boolean", default: false },
  },
});

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run test:faults -- [--size full|ci] [--only ${Object.keys(SCENARIOS).join(",")}] [--seed N] [--db-fault terminate|restart] [--json file] [--no-build]`);
  process.exit(2);
}

async function main(): Promise<number> {
  const size = values.size as Size;
  if (!(size in SIZES)) usage(`Unknown size "${values.size}".`);
  const names = values.only ? values.only.split(",").map((s) => s.trim()) : Object.keys(SCENARIOS);
  for (const name of names) if (!SCENARIOS[name]) usage(`Unknown scenario "${name}".`);
  const dbFault = values["db-fault"];
  if (dbFault !== "terminate" && dbFault !== "restart") usage(`--db-fault must be terminate or restart.`);
  const seed = values.seed ? Number(values.seed) : Math.floor(Math.random() * 1_000_000);
  if (!Number.isInteger(seed)) usage("--seed must be a whole number.");

  const root = process.cwd();
  const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
  } catch (error) {
    console.error(`The fault suite needs PostgreSQL at ${adminUrl.replace(/\/\/[^@/]*@/, "//")}: ${(error as Error).message}`);
    return 1;
  } finally {
    await probe.end();
  }
  if (names.some((n) => n !== "ingest-kill") && !values["no-build"]) ensureBuild(root);

  const logDir = path.join(root, ".test-results", "faults");
  rmSync(logDir, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const ctx: SuiteContext = {
    adminUrl,
    seed,
    logDir,
    basePort: Number(process.env.FAULTS_PORT ?? 3700),
    cronSecret: `faults-${seed}-cron-secret-0123456789abcdef`,
    dbFault,
  };
  console.log(`Fault suite, size ${size}, seed ${seed} (replay with --seed ${seed}); logs in ${path.relative(root, logDir)}/`);

  const results: ScenarioResult[] = [];
  for (const name of names) {
    console.log(`\n▶ ${name}`);
    const result = await SCENARIOS[name]!(ctx, size);
    results.push(result);
    for (const note of result.notes) console.log(`  ${note}`);
    for (const violation of result.violations) console.log(`  ✗ ${violation}`);
    console.log(`  ${result.passed ? "✓ passed" : "✗ FAILED"} in ${result.seconds.toFixed(0)} s`);
  }

  await dropFaultDatabase(ctx, PAPERS_TEMPLATE);

  const total = (key: "kills" | "faultsInjected" | "messages" | "lost" | "duplicated" | "uncertain") => results.reduce((sum, r) => sum + r[key], 0);
  console.log("\nscenario          result  kills  faults  messages  lost  duplicated  uncertain  seconds");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(17)} ${(r.passed ? "pass" : "FAIL").padEnd(6)} ${String(r.kills).padStart(6)} ${String(r.faultsInjected).padStart(7)} ${String(r.messages).padStart(9)} ${String(r.lost).padStart(5)} ${String(r.duplicated).padStart(11)} ${String(r.uncertain).padStart(10)} ${r.seconds.toFixed(0).padStart(8)}`,
    );
  }
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  console.log(
    `\nkills survived: ${total("kills")}, faults injected: ${total("faultsInjected")}, messages lost: ${total("lost")}, duplicated: ${total("duplicated")}, uncertain (same Message-ID re-sent, docs/digest.md): ${total("uncertain")}`,
  );
  if (values.json) writeFileSync(values.json, JSON.stringify({ size, seed, passed, failed, results }, null, 2));
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

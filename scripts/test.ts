// npm test: type check, lint, unit and integration tests (Vitest, real PostgreSQL), then
// browser tests (Playwright in Debian's Chromium against the app's server), then the fault suite
// at its CI size (scripts/test-faults.ts). Ends with one line
// "N passed, N failed" and an exit code that says the same.
//
// PostgreSQL comes from TEST_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// If no server answers, the tests fall back to the embedded database and say so.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ensureBuild } from "./lib/ensure-build";

const root = process.cwd();
const results = path.join(root, ".test-results");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const E2E_DB = "paperpulse_e2e";

interface Step {
  name: string;
  ok: boolean;
}
const steps: Step[] = [];

function run(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok });
  return ok;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    console.warn(`PostgreSQL is not reachable at ${adminUrl.replace(/\/\/[^@/]*@/, "//")} (${(error as Error).message}).`);
    return false;
  } finally {
    await client.end();
  }
}

async function recreateDatabase(name: string): Promise<string> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function countVitest(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; numFailedTestSuites: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0) };
}

interface PlaywrightSuite {
  specs?: { tests: { results: { status: string }[] }[] }[];
  suites?: PlaywrightSuite[];
}
function countPlaywright(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { suites: PlaywrightSuite[]; errors?: unknown[] };
  let passed = 0;
  let failed = report.errors?.length ?? 0;
  const walk = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results.at(-1)?.status;
        if (last === "passed") passed += 1;
        else failed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return { passed, failed };
}

function countFaults(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as { passed: number; failed: number };
  return { passed: report.passed, failed: report.failed };
}

async function main() {
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  const hasPostgres = await postgresReachable();
  if (!hasPostgres) console.warn("Falling back to the embedded database (PGlite) for integration and browser tests; multi-process tests need PostgreSQL and are skipped.");
  const dbEnv: Record<string, string> = hasPostgres ? { TEST_DB_MODE: "postgres", TEST_PG_ADMIN_URL: adminUrl } : { TEST_DB_MODE: "pglite" };

  run("type check", bin("tsc"), ["--noEmit"]);
  run("lint", bin("eslint"), [".", "--max-warnings=0"]);
  // The build comes first: some integration tests start the real server (tests/support/app-server.ts).
  let e2eReady = true;
  try {
    ensureBuild(root);
  } catch (error) {
    console.error((error as Error).message);
    e2eReady = false;
  }
  steps.push({ name: "build", ok: e2eReady });
  run("unit and integration tests", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(results, "vitest.json")}`], dbEnv);

  if (e2eReady) {
    const e2eEnv: Record<string, string> = { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, "playwright.json") };
    if (hasPostgres) e2eEnv.E2E_DATABASE_URL = await recreateDatabase(E2E_DB);
    else {
      e2eEnv.E2E_DATA_DIR = path.join(root, ".test-data", "e2e");
      rmSync(e2eEnv.E2E_DATA_DIR, { recursive: true, force: true });
    }
    run("browser tests", bin("playwright"), ["test"], e2eEnv);
  }

  // The fault suite at its CI size (docs/operations.md, "Fault suite"): real processes killed,
  // SMTP and database faults. It needs PostgreSQL and the build; one result per scenario.
  const faultsReport = path.join(results, "faults.json");
  const runFaults = hasPostgres && e2eReady;
  if (runFaults) run("fault suite (ci size)", bin("tsx"), ["scripts/test-faults.ts", "--size", "ci", "--no-build", "--json", faultsReport]);

  const vitest = countVitest(path.join(results, "vitest.json"));
  const playwright = e2eReady ? countPlaywright(path.join(results, "playwright.json")) : { passed: 0, failed: 0 };
  const faults = runFaults ? countFaults(faultsReport) : { passed: 0, failed: 0 };
  const failedSteps = steps.filter((s) => !s.ok);
  const passed = vitest.passed + playwright.passed + faults.passed;
  const failed = vitest.failed + playwright.failed + faults.failed + failedSteps.filter((s) => s.name === "type check" || s.name === "lint" || s.name === "build").length;
  console.log("");
  for (const step of steps) console.log(`${step.ok ? "✓" : "✗"} ${step.name}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failedSteps.length > 0 || failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// npm run bench:first-start [-- --port 3385 --restarts 3 --cold-cache]: what a new user waits
// for, following the README's two commands on a fresh clone of this checkout's HEAD:
// `npm install` (with --cold-cache from an empty npm cache, as on a machine that never
// installed it), the first `npm start` (build, database creation and seed) until the feed
// answers, and restarts (stop with SIGTERM, `npm start` again) until it answers. Prints each
// time, the load average around it and every warning `npm install` printed. Run it under
// the shared lock: `flock /tmp/pp-heavy.lock npm run bench:first-start`.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3385" },
    restarts: { type: "string", default: "3" },
    "cold-cache": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const work = mkdtempSync(path.join(os.tmpdir(), "paperpulse-first-start-"));
const clone = path.join(work, "paperpulse");
const load = () => os.loadavg().map((n) => n.toFixed(1)).join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Timed {
  ms: number;
  output: string;
  code: number | null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: clone, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ ms: performance.now() - started, output, code })));
}

/** Milestones in npm start's output: Next's "Ready in" (the build, if any, is done) and the app's own "PaperPulse is ready" (database migrated and seeded). */
const MILESTONES = { listening: /Ready in \d/, booted: /PaperPulse is ready/ } as const;

interface Started {
  ms: number;
  /** When each milestone appeared, from the start; absent if the output never showed it. */
  at: Partial<Record<keyof typeof MILESTONES, number>>;
  child: ChildProcess;
}

/** `npm start` until GET / answers 200; returns the time and the running process. */
async function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const started = performance.now();
  // Its own process group: npm, tsx and next start are three processes.
  const child = spawn("npm", ["start"], { cwd: clone, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const at: Started["at"] = {};
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    for (const [name, pattern] of Object.entries(MILESTONES) as [keyof typeof MILESTONES, RegExp][]) {
      if (at[name] === undefined && pattern.test(output)) at[name] = performance.now() - started;
    }
  };
  child.stdout?.on("data", onOutput);
  child.stderr?.on("data", onOutput);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    const status = await fetch(`${base}/`, { signal: AbortSignal.timeout(30_000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { ms: performance.now() - started, at, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describeStart(run: Started): string {
  const parts = [`${seconds(run.ms)} until / answers`];
  if (run.at.listening !== undefined) parts.push(`Next listening at ${seconds(run.at.listening)}`);
  if (run.at.booted !== undefined) parts.push(`database ready and seeded at ${seconds(run.at.booted)}`);
  return `${parts.join(", ")}, load ${load()}`;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
  // The server is the group's last process to go (it closes the database first).
  for (;;) {
    const up = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (!up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", process.cwd(), clone]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: "",
    DATA_DIR: "",
    APP_URL: "",
    NEXT_TELEMETRY_DISABLED: "1",
    npm_config_cache: values["cold-cache"] ? path.join(work, "npm-cache") : process.env.npm_config_cache,
  };
  console.log(`fresh clone of ${head} in ${clone}, Node ${process.version}, ${os.cpus().length} cores`);

  console.log(`npm install (${values["cold-cache"] ? "empty" : "this machine's"} npm cache), load ${load()}`);
  const install = await run("npm", ["install", "--no-audit", "--no-fund"], env);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.output}`);
  const warnings = install.output.split("\n").filter((line) => /\bwarn\b/i.test(line));
  console.log(`  ${seconds(install.ms)}, load ${load()}; ${warnings.length} warning lines${warnings.length ? `:\n    ${warnings.join("\n    ")}` : ""}`);

  console.log(`first npm start (build, create the database, seed), load ${load()}`);
  const first = await start(env);
  console.log(`  ${describeStart(first)}`);
  await stop(first.child);

  for (let i = 1; i <= Number(values.restarts); i += 1) {
    const again = await start(env);
    console.log(`restart ${i}: ${describeStart(again)}`);
    await stop(again.child);
  }
}

try {
  await main();
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

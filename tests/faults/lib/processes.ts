import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";
import { createSeededRandom } from "@/lib/seeded-random";

// Real OS processes for the fault suite: app instances (the app's own server,
// scripts/server.ts, as `npm run start:server` runs it) and `npm run worker`
// processes, each in a process group of its own so SIGKILL takes the whole of it (npm, tsx
// and node alike), each logging to a file under the scenario's folder. A process that exits
// without having been killed by the suite is recorded: surviving a fault is part of the test.

export const ROOT = path.resolve(import.meta.dirname, "../../..");

export type ProcessKind = "app" | "worker";

export interface ProcessSpec {
  name: string;
  kind: ProcessKind;
  /** For apps: the HTTP port. */
  port?: number;
  env: Record<string, string>;
}

export interface UnexpectedExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

export class ManagedProcess {
  child: ChildProcess | null = null;
  ready: Promise<void> = Promise.resolve();
  starts = 0;
  private killing = false;
  private log: WriteStream;

  constructor(
    readonly spec: ProcessSpec,
    logDir: string,
    private readonly unexpected: UnexpectedExit[],
  ) {
    mkdirSync(logDir, { recursive: true });
    this.log = createWriteStream(path.join(logDir, `${spec.name}.log`), { flags: "a" });
  }

  get name(): string {
    return this.spec.name;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.starts += 1;
    this.killing = false;
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...this.spec.env };
    const child =
      this.spec.kind === "app"
        ? spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], { cwd: ROOT, env: { ...env, PORT: String(this.spec.port), HOSTNAME: "127.0.0.1" }, detached: true, stdio: ["ignore", "pipe", "pipe"] })
        : spawn("npm", ["run", "--silent", "worker"], { cwd: ROOT, env: { ...env, NODE_ENV: "production" }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.log.write(`\n=== start #${this.starts} pid ${child.pid} at ${new Date().toISOString()}\n`);
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    child.on("exit", (code, signal) => {
      this.log.write(`=== exit code ${code} signal ${signal} at ${new Date().toISOString()}\n`);
      if (!this.killing) this.unexpected.push({ name: this.name, code, signal, at: Date.now() });
    });
    const ready = this.spec.kind === "app" ? waitForHttp(`http://127.0.0.1:${this.spec.port}/api/health`, child) : waitForLine(child, "worker process ready");
    // A process killed while starting never gets ready; whoever awaits `ready` sees why.
    ready.catch((error: unknown) => this.log.write(`=== not ready: ${(error as Error).message}\n`));
    this.ready = ready;
  }

  /** SIGKILL to the process group; resolves when the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.killing = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  }

  /** SIGTERM (a clean stop at the end of a scenario), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.killing = true;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => {
      if (this.running) process.kill(-child.pid!, "SIGKILL");
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }

  close(): void {
    this.log.end();
  }
}

/** Resolves (never rejects: it outlives the race it is in) when the process exits. */
function exitOf(child: ChildProcess): Promise<{ exited: true; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ exited: true, code, signal })));
}

async function raceExit(work: Promise<void>, child: ChildProcess, what: string): Promise<void> {
  const outcome = await Promise.race([work.then(() => null), exitOf(child)]);
  if (outcome) throw new Error(`${what}: process exited (code ${outcome.code}, signal ${outcome.signal})`);
}

function waitForLine(child: ChildProcess, text: string, timeoutMs = 60_000): Promise<void> {
  const found = new Promise<void>((resolve) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer = (buffer + chunk.toString()).slice(-4096);
      if (buffer.includes(text)) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
  });
  return withTimeout(raceExit(found, child, `waiting for "${text}"`), timeoutMs, `"${text}" from pid ${child.pid}`);
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const poll = (async () => {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return;
      await sleep(200);
    }
  })();
  await withTimeout(raceExit(poll, child, `waiting for ${url}`), timeoutMs, url);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Faults are drawn from a seed so a failing run can be replayed with --seed. */
export const seededRandom = createSeededRandom;

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// The real app server (scripts/server.ts, what `npm start` runs) as a child process, from
// this checkout's build (`npm run build` first), on a free port. For tests that need what
// only the HTTP server does: client addresses from the socket, the bind address, signals.

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppServer {
  /** http://127.0.0.1:<port> */
  base: string;
  port: number;
  output: () => string;
  stop: () => Promise<number | null>;
}

export async function freePort(host = "0.0.0.0"): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function actionIds(): Record<string, string> {
  const manifest = path.join(ROOT, ".next/server/server-reference-manifest.json");
  if (!existsSync(manifest)) throw new Error("No build: run `npm run build` first (npm test builds before the integration tests).");
  const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { node: Record<string, { exportedName: string }> };
  return Object.fromEntries(Object.entries(parsed.node).map(([id, entry]) => [entry.exportedName, id]));
}

export async function startAppServer(env: Record<string, string>, timeoutMs = 120_000): Promise<AppServer> {
  actionIds(); // fails early and clearly without a build
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SEED_FROM_HF: "false", SCHEDULER: "off", LOG_LEVEL: "warn", ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with code ${child.exitCode}:\n${output.slice(-4000)}`);
    const ok = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app server did not answer within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

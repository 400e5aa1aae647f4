import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// `npm start` and `npm test` need a production build. Building takes half a minute, so do
// it only when there is none or a source file is newer than it.

const SOURCES = ["app", "components", "lib", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (SKIP.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function isBuildStale(root = process.cwd()): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built);
}

export function ensureBuild(root = process.cwd()): void {
  if (!isBuildStale(root)) return;
  console.log("Building PaperPulse (next build)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

/**
 * The same for `npm start`, saying what it does: the first build takes minutes on a small
 * machine, and Next prints nothing while it compiles, so a line every 15 s shows it is alive.
 */
export async function ensureBuildWithProgress(root = process.cwd()): Promise<void> {
  if (!isBuildStale(root)) return;
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  console.log("Building PaperPulse (next build). This happens on the first start and after the code changes; it takes one to a few minutes…");
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const heartbeat = setInterval(() => console.log(`… still building (${seconds()} s)`), 15_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once("exit", (c, s) => resolve([c, s])));
  clearInterval(heartbeat);
  if (code !== 0) throw new Error(`next build failed (exit ${code ?? signal})`);
  console.log(`Built in ${seconds()} s. Starting the server…`);
}

// npm run vendor:package -- <name>@<version> <node-range>: fetches a release from the npm
// registry and repacks it into vendor/ with its `engines.node` set to <node-range>, nothing
// else changed. For a dependency whose code runs on the Node versions PaperPulse supports
// but whose manifest asks for a newer one (pg-boss 12 declares Node >= 22.12 for CommonJS
// consumers' require(esm); we import it as ESM, and the whole suite runs on Node 20):
// npm has no per-package way to correct a declared engine, and without it every
// `npm ci` on Node 20 warns EBADENGINE. vendor/README.md lists what is vendored and why.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const [spec, range] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!spec || !range || !/^(@[\w.-]+\/)?[\w.-]+@\d+\.\d+\.\d+$/.test(spec)) {
  console.error('Usage: npm run vendor:package -- <name>@<exact version> "<node range>"');
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), "paperpulse-vendor-"));
try {
  const packed = JSON.parse(execFileSync("npm", ["pack", spec, "--json", "--pack-destination", work], { encoding: "utf8" })) as { filename: string; integrity: string }[];
  const original = packed[0]!;
  execFileSync("tar", ["-xzf", path.join(work, original.filename), "-C", work]);
  const manifestPath = path.join(work, "package", "package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { engines?: Record<string, string> };
  const before = manifest.engines?.node;
  manifest.engines = { ...manifest.engines, node: range };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // npm pack of the unpacked folder: the same files, normalised the way npm publishes them.
  const repacked = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: path.join(work, "package"), encoding: "utf8" })) as { filename: string; integrity: string }[];
  const target = path.join(process.cwd(), "vendor", original.filename);
  renameSync(path.join(work, repacked[0]!.filename), target);
  console.log(`${path.relative(process.cwd(), target)}: ${spec} with engines.node "${before ?? "(none)"}" → "${range}"`);
  console.log(`registry integrity ${original.integrity}`);
  console.log(`vendored integrity ${repacked[0]!.integrity}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

// `npm ci` warns EBADENGINE for every installed package whose `engines.node` rejects the
// running Node, and the README promises a Node version: both must hold for every package in
// the lockfile. npm checks only the packages it installs, so (like npm) packages built for
// another OS, CPU or C library are left out. The range test is what keeps the README honest:
// PaperPulse's own range must lie inside every package's.

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockedPackage> };
const declared = (JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
const libc = report.header?.glibcVersionRuntime ? "glibc" : "musl";

const installed = Object.entries(lock.packages)
  .filter(([where, pkg]) => where !== "" && pkg.engines?.node !== undefined)
  .filter(([, pkg]) => (!pkg.os || pkg.os.includes(process.platform)) && (!pkg.cpu || pkg.cpu.includes(process.arch)) && (!pkg.libc || pkg.libc.includes(libc)))
  .map(([where, pkg]) => ({ name: `${where.replace(/^.*node_modules\//, "")}@${pkg.version}`, range: pkg.engines!.node! }));

describe("declared Node engines", () => {
  it("accept the running Node in every installed package, so npm ci prints no EBADENGINE", () => {
    expect(installed.length).toBeGreaterThan(100);
    // npm's own test (npm-install-checks): satisfies with prereleases included.
    const refusing = installed.filter((pkg) => !semver.satisfies(process.version, pkg.range, { includePrerelease: true }));
    expect(refusing.map((pkg) => `${pkg.name} wants node ${pkg.range}, this is ${process.version}`)).toEqual([]);
  });

  it("PaperPulse's own range lies within every installed package's", () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
    const narrower = installed.filter((pkg) => !semver.subset(declared, pkg.range));
    expect(narrower.map((pkg) => `${pkg.name} wants node ${pkg.range}, narrower than package.json's ${declared}`)).toEqual([]);
  });

  it("is what the README tells a new user", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`\`${declared}\``);
  });
});

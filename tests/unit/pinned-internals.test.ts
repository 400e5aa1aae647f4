import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERIFIED_WITH } from "@/lib/http/form-encoding";

// Two pieces read internals that no public API offers: the page-POST guard (React's form
// encoding) and the page cache handler (Next's file-system cache class and entry shape). They
// were checked against exact releases; an upgrade must be a deliberate step that re-checks
// them (tests/e2e/form-encoding.spec.ts, tests/e2e/cache-entries.spec.ts), not a caret range
// drifting under them.

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
const installed = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8")) as { version: string }).version;

describe("the releases the guard and the cache handler were verified against", () => {
  it.each(Object.entries(VERIFIED_WITH))("%s is pinned exactly to %s in package.json and installed", (name, version) => {
    expect(manifest.dependencies[name]).toBe(version);
    expect(installed(name)).toBe(version);
  });
});

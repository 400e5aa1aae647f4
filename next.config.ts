import path from "node:path";
import type { NextConfig } from "next";
import { contentSecurityPolicy, NO_REFERRER_PATHS, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Next hashes every cached page it serves for an ETag, in JavaScript, character by
  // character: the largest CPU cost of serving a cached feed page after writing it
  // (docs/performance.md). The pages carry s-maxage for caches; a 304 would save bytes, not work.
  generateEtags: false,
  // The page cache lives in this process's memory, never on disk. Next keeps its record of
  // revalidated tags in memory only, so pages kept on disk outlive it: after a restart they
  // came back as fresh, with whatever an import made in the meantime missing, and every
  // server started from the same checkout (tests, a second instance, another database) read
  // the others' pages. Held in memory, the cache starts empty with each process and follows
  // the content change log from there (docs/performance.md, "From ingest to page").
  experimental: { isrFlushToDisk: false },
  // Per process (an LRU): a feed page is ~0.5 MB with its RSC payload and segments, a
  // paper page ~0.1 MB. Evicted pages are rendered again on their next visit.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  // PGlite loads its WASM and extension bundles from its own package folder at run time;
  // bundled, every request fails (see ../shared/STACK.md). pg-boss is plain Node code that
  // needs no bundling either.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pino"],
  // Next's file-system cache, minus entries for things that do not exist (404s of made-up
  // paper ids and tag slugs, null loader results): see the file.
  cacheHandler: path.resolve("lib/cache/page-cache-handler.mjs"),
  // Migrations are read from disk on start, also in `output: "standalone"` deployments.
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
  async headers() {
    // The cached-page policy is the default; proxy.ts replaces it with a nonce policy on the
    // pages rendered per request (see lib/http/security-headers.ts).
    const csp = contentSecurityPolicy({ development: process.env.NODE_ENV === "development" });
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS, { key: "Content-Security-Policy", value: csp }] },
      // Later rules win for the same header: token pages send no Referer at all.
      ...NO_REFERRER_PATHS.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
    ];
  },
};

export default nextConfig;

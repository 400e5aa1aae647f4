import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite loads its WASM and extension bundles from its own package folder at run time;
  // bundled, every request fails (see ../shared/STACK.md). pg-boss is plain Node code that
  // needs no bundling either.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg-boss", "pino"],
  // Migrations are read from disk on start, also in `output: "standalone"` deployments.
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
};

export default nextConfig;

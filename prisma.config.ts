import path from "node:path";
import { defineConfig } from "prisma/config";

// See scripts/prisma-schema-engine-stub.sh: offline machines cannot download the engine.
// `??=` keeps a real engine wherever one is configured.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/prisma-schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Only `prisma migrate deploy` (on machines with the engine) reads this.
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/paperpulse",
  },
});

// npm run db:migrate: applies prisma/migrations to DATABASE_URL, or to the embedded
// database in DATA_DIR when DATABASE_URL is unset. Safe to run twice; the app also runs it
// on every start.
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";

async function main() {
  const env = getEnv();
  const target = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${env.dataDir}`;
  const handle = await getDatabaseHandle();
  const { applied, alreadyApplied, warnings } = handle.migrations;
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  for (const name of applied) console.log(`applied ${name}`);
  console.log(`${target}: ${applied.length} applied now, ${alreadyApplied} already applied.`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

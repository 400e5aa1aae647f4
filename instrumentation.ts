// Runs once per server process, before the first request: opens the database (applying
// migrations), seeds an empty one, and starts the in-process jobs. `next build` loads this
// file too, and must never open the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootServer } = await import("./lib/server/boot");
  await bootServer();
}

// npm run tags:rebuild: re-tags every stored paper with the current rules of lib/tags after
// they change (docs/tags.md, "Editing the rules"), then asks a running server to refresh its
// cached pages (PostgreSQL with CRON_SECRET; on the embedded database the server must be stopped).
if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = "error";

export {};

const { closeDb } = await import("@/lib/db");
const { EmbeddedDatabaseBusyError } = await import("@/lib/db/embedded-lock");
const { notifyRunningServer } = await import("@/lib/ingest/notify-server");
const { rebuildAllTags } = await import("@/lib/tags/rebuild");

try {
  const started = performance.now();
  const result = await rebuildAllTags({
    onBatch: (done, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} papers`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
  if (result.tagRowsAdded > 0) console.log(`${result.tagRowsAdded} tag rows added from lib/tags.`);
  if (result.removedTopics.length > 0) console.log(`Topics no longer in the rules, removed: ${result.removedTopics.join(", ")}.`);
  const notified = await notifyRunningServer(result.changes);
  if (!notified.notified) console.log(notified.message);
  console.log(
    `${result.papers} papers checked, ${result.retagged} re-tagged (+${result.linksAdded} / -${result.linksRemoved} tag links) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(error instanceof EmbeddedDatabaseBusyError ? `Cannot re-tag now: ${error.message}` : `Re-tagging failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}

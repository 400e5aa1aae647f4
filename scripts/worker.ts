// npm run worker: runs the background workers (digest sending, …) in a process of its own,
// sharing the PostgreSQL queue with the web servers, so sending scales across machines.
// Start as many as you like. Needs DATABASE_URL: the embedded database belongs to the web
// server's process, whose own workers already run.
import { closeDb, getDatabaseHandle } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getQueue, stopQueue } from "@/lib/jobs/queue";
import { isScheduleEnabled } from "@/lib/jobs/schedule";
import { registeredWorkers, startWorkers } from "@/lib/jobs/workers";
import { describeError, log } from "@/lib/log";

async function main() {
  if (getEnv().embedded) {
    console.error("npm run worker needs DATABASE_URL (PostgreSQL). On the embedded database the web server runs the workers itself.");
    process.exit(1);
  }
  await getDatabaseHandle();
  const boss = await getQueue();
  // A separate worker never runs the schedule unless asked (SCHEDULER=on): pg-boss would
  // still fire each occurrence once, but the calls go to this process's PORT.
  await startWorkers(boss, { workers: true, schedule: isScheduleEnabled() && getEnv().SCHEDULER === "on" });
  log.info({ workers: registeredWorkers().map((w) => w.name), pid: process.pid }, "worker process ready");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping");
    await stopQueue();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  log.fatal({ err: describeError(error) }, "worker failed to start");
  process.exit(1);
});

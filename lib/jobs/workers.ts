import type { PgBoss } from "pg-boss";
import { digestWorker } from "@/lib/digest/worker";
import { log } from "@/lib/log";
import { subscriberNoticeWorker } from "@/lib/subscribers/notices";
import { startSchedule } from "./schedule";

// Every background worker of the app, started by the web server (instrumentation.ts, unless
// WORKERS_IN_APP=false) and by `npm run worker`. A domain that needs a worker adds a
// WorkerDefinition here; nothing else starts workers.

export interface WorkerDefinition {
  name: string;
  start(boss: PgBoss): Promise<void>;
}

const WORKERS: WorkerDefinition[] = [subscriberNoticeWorker, digestWorker];

export function registeredWorkers(): readonly WorkerDefinition[] {
  return WORKERS;
}

export async function startWorkers(boss: PgBoss, options: { schedule: boolean; workers: boolean }): Promise<void> {
  if (options.workers) for (const worker of WORKERS) {
    await worker.start(boss);
    log.info({ worker: worker.name }, "worker started");
  }
  if (options.schedule) await startSchedule(boss);
}

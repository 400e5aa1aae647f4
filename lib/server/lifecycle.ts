import { describeError, log } from "@/lib/log";

// What PaperPulse's HTTP server (lib/server/http-server.ts) and the app's start-up
// (boot.ts, run by Next from instrumentation.ts in the same process) tell each other:
//   - when boot has finished, or failed: the server reports progress and readiness, and
//     exits when the app cannot start instead of answering 500 forever;
//   - how to stop the services (queue workers, database), once, whoever owns the signals.
//     The server claims SIGTERM and SIGINT: it stops taking requests, lets those in flight
//     finish, then stops the services. Under bare `next start` with
//     NEXT_MANUAL_SIG_HANDLE=true, boot.ts handles the signals itself.
// Both sides are different copies of this module (Next bundles the app; the server is
// loaded by tsx), so the state lives on globalThis.

const STOP = Symbol.for("paperpulse.stop-services");
const CLAIMED = Symbol.for("paperpulse.signals-claimed");
const BOOT_WAITER = Symbol.for("paperpulse.boot-waiter");
type BootWaiter = { resolve: () => void; reject: (error: unknown) => void };
type GlobalWithLifecycle = typeof globalThis & { [STOP]?: () => Promise<void>; [CLAIMED]?: boolean; [BOOT_WAITER]?: BootWaiter };
const store = globalThis as GlobalWithLifecycle;

/** For the server, before Next starts: settles when boot.ts has finished (or failed). */
export function waitForBoot(): Promise<void> {
  return new Promise((resolve, reject) => {
    store[BOOT_WAITER] = { resolve, reject };
  });
}

/** For boot.ts: passes its outcome to whoever waits (nobody under bare `next start`). */
export function reportBoot(boot: Promise<void>): void {
  const waiter = store[BOOT_WAITER];
  if (waiter) boot.then(waiter.resolve, waiter.reject);
}

export function registerServiceStop(stop: () => Promise<void>): void {
  let stopping: Promise<void> | undefined;
  store[STOP] = () => (stopping ??= stop());
}

/** Stops the registered services (once; later calls wait for the same stop). Never throws. */
export async function stopServices(): Promise<void> {
  try {
    await store[STOP]?.();
  } catch (error) {
    log.error({ err: describeError(error) }, "services did not stop cleanly");
  }
}

export function claimSignals(): void {
  store[CLAIMED] = true;
}

export function areSignalsClaimed(): boolean {
  return store[CLAIMED] === true;
}

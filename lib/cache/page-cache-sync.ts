import { getEnv } from "@/lib/env";
import { callOwnCronRoute } from "@/lib/jobs/schedule";
import { describeError, log } from "@/lib/log";
import { CACHE_TAGS, MAX_TAGS_PER_CHANGE } from "./cache-tags";
import { latestContentChangeId, listContentChangesAfter } from "./content-changes";
import { revalidateCacheTags } from "./revalidate";

// Keeps this process's page cache in step with the content change log
// (lib/cache/content-changes.ts), wherever the change was made: in this process, in the CLI,
// a worker, or another app instance on the same database. docs/performance.md ("From ingest
// to page") describes the whole path.
//
// - The page cache lives in this process's memory (next.config.ts) and starts empty, so at
//   start it reflects every change logged so far: the cursor starts at the newest change.
//   (A cache that outlives the process, e.g. a shared one, would have to keep this cursor
//   beside its own tag state and start from there instead.)
// - A write in one of this process's requests (cron ingest, /submit) catches up in that
//   request, before it answers.
// - `npm run ingest` with CRON_SECRET calls POST /api/cron/revalidate, which catches up
//   before the command returns.
// - Everything else (no CRON_SECRET, other instances' writes): the follower reads the
//   newest id every POLL_INTERVAL_MS and, when it moved, calls this process's own
//   /api/cron/revalidate, because Next only revalidates inside a request.

export const POLL_INTERVAL_MS = 1_000;
/** More pending changes than this (a long outage) expire everything instead. */
const MAX_CHANGES_PER_CATCH_UP = 500;

interface SyncState {
  /** The newest change this process's cache reflects. */
  appliedId: bigint;
  timer: NodeJS.Timeout | null;
  polling: boolean;
  failing: boolean;
}

// Route handlers, server actions and instrumentation are separate bundles: the state is the process's.
const STATE_KEY = Symbol.for("paperpulse.pageCacheSync");
type GlobalWithSync = typeof globalThis & { [STATE_KEY]?: SyncState };

/** Starts following the log; called once by lib/server/boot.ts when the server starts. */
export async function startFollowingContentChanges(): Promise<void> {
  const store = globalThis as GlobalWithSync;
  if (store[STATE_KEY]) return;
  const state: SyncState = { appliedId: await latestContentChangeId(), timer: null, polling: false, failing: false };
  store[STATE_KEY] = state;
  // Nobody else can write the embedded database (this process holds it), and every write
  // here catches up in its own request: there is nothing to follow.
  if (getEnv().embedded) return;
  state.timer = setInterval(() => void pollContentChanges(state), POLL_INTERVAL_MS);
  state.timer.unref();
}

export function stopFollowingContentChanges(): void {
  const state = (globalThis as GlobalWithSync)[STATE_KEY];
  if (state?.timer) clearInterval(state.timer);
  if (state) state.timer = null;
}

/**
 * Expires, in this process's page cache, every change logged since it last caught up, plus
 * `extraTags`. Only inside a route handler or server action (see lib/cache/revalidate.ts).
 * Returns the number of tags expired; 0 in a process that serves no pages (a script, a test).
 */
export async function catchUpWithContentChanges(extraTags: readonly string[] = []): Promise<number> {
  const state = (globalThis as GlobalWithSync)[STATE_KEY];
  if (!state) return 0;
  const changes = await listContentChangesAfter(state.appliedId, MAX_CHANGES_PER_CATCH_UP + 1);
  let upTo = changes.at(-1)?.id ?? state.appliedId;
  let tags = new Set([...extraTags, ...changes.flatMap((change) => change.tags)]);
  if (changes.length > MAX_CHANGES_PER_CATCH_UP) upTo = await latestContentChangeId();
  if (changes.length > MAX_CHANGES_PER_CATCH_UP || tags.size > MAX_TAGS_PER_CHANGE) tags = new Set([CACHE_TAGS.everything]);
  revalidateCacheTags([...tags]);
  // Concurrent catch-ups may finish in any order: the cursor only moves forward.
  if (upTo > state.appliedId) state.appliedId = upTo;
  return tags.size;
}

async function pollContentChanges(state: SyncState): Promise<void> {
  if (state.polling || state.timer === null) return;
  state.polling = true;
  try {
    if ((await latestContentChangeId()) > state.appliedId) {
      const response = await callOwnCronRoute("/api/cron/revalidate", { body: {}, timeoutMs: 30_000 });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`POST /api/cron/revalidate answered HTTP ${response.status}`);
    }
    if (state.failing) log.info("following the content change log again");
    state.failing = false;
  } catch (error) {
    // Said once per outage, not every second; pages fall back to their revalidate window.
    if (!state.failing) log.warn({ err: describeError(error) }, "cannot follow the content change log; cached pages may lag until it works again");
    state.failing = true;
  } finally {
    state.polling = false;
  }
}

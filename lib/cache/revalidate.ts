import { revalidatePath, revalidateTag } from "next/cache";
import { CACHE_TAGS } from "./cache-tags";

// The one place that expires cached pages. Next only accepts this inside a request of the
// server that holds the cache (a route handler or a server action): called anywhere else,
// revalidateTag throws "Invariant: static generation store missing" (Next 16.4.6,
// next/dist/server/web/spec-extension/revalidate.js). Whatever stores the pages, the
// unstable_cache entries and full-route pages of today or "use cache" entries later, the
// public revalidateTag/revalidatePath reach it: Next passes the tags to the incremental cache
// and to every `cacheHandlers` handler.

export function revalidateCacheTags(tags: readonly string[]): void {
  for (const tag of new Set(tags)) {
    // The root layout's path tag is on every page and route, and on every data entry read
    // inside one: revalidating it is Next's documented "everything".
    if (tag === CACHE_TAGS.everything) revalidatePath("/", "layout");
    // expire: 0 makes the next visitor get the new page, not one more stale copy.
    else revalidateTag(tag, { expire: 0 });
  }
}

// Next's page and data cache (next.config.ts `cacheHandler`): Next's own file-system cache,
// except that it never stores what is not a valid view.
//
// Next caches whatever a cached (ISR) route renders, a 404 included, and unstable_cache keeps
// whatever its loader returns, null included. Paper ids and tag slugs can be made up by the
// million (/papers/2611.99999, /tags/anything), so every unknown one used to leave an entry in
// memory and 7 files (about 120 KB) on disk, forever: 300 unknown tags took 35 MB. A page
// cannot opt out of the write itself (a dynamic API at that point makes Next fail the render
// with a 500), so the filter sits here, where entries are written:
//   - a rendered response with an error status (the 404 of an unknown paper, tag or period),
//   - a data-cache entry whose value is null (this app's loaders return null for "no such
//     paper / tag / view").
// Neither is stored when the key holds nothing yet: the next request for that URL renders it
// again (cheap: the lookup that found nothing), and a paper imported later is shown at once.
// When the key does hold an entry (a paper that existed and was deleted), the miss replaces
// it as before, so a stale page is never served on: that is bounded by real data, not by
// what anyone can type.
//
// This subclasses Next's built-in FileSystemCache (next 16.4.6, pinned exactly in package.json
// and recorded in lib/http/form-encoding.ts; tests/unit/pinned-internals.test.ts fails when it
// moves) and reads the documented entry shape ({ kind, status } for responses, the FETCH
// entry's JSON body for unstable_cache). tests/e2e/cache-entries.spec.ts counts the cache's
// files around 300 unknown tags and papers and fails if an upgrade changes either.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { default: FileSystemCache } = require("next/dist/server/lib/incremental-cache/file-system-cache.js");

const RESPONSE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

/** True for an entry that records that something does not exist. */
export function isMissEntry(data) {
  if (!data) return false;
  if (RESPONSE_KINDS.has(data.kind)) return typeof data.status === "number" && data.status >= 400;
  if (data.kind === "FETCH") return data.data?.body === "null";
  return false;
}

export default class PageCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    if (isMissEntry(data) && !(await this.holdsEntry(key, data.kind, ctx))) return;
    return super.set(key, data, ctx);
  }

  async holdsEntry(key, kind, ctx) {
    const lookup = kind === "FETCH" ? { kind, tags: ctx?.tags ?? [], softTags: [], fetchIdx: ctx?.fetchIdx, fetchUrl: ctx?.fetchUrl } : { kind, isRoutePPREnabled: ctx?.isRoutePPREnabled, isFallback: ctx?.isFallback };
    return (await super.get(key, lookup)) !== null;
  }
}

import { revalidateTag } from "next/cache";
import { CACHE_TAGS } from "./cache-tags";

// Refreshes the cached pages an ingest changed. Must run inside a request (route handler
// or server action): that is why scheduled ingests call the app's own cron route.

export interface ChangedContent {
  touchedDays: string[];
  touchedPaperIds: string[];
  touchedTags: string[];
  /** Hugging Face organizations whose pages list a changed paper. */
  touchedOrgs?: string[];
  /** A day appeared (or disappeared): every feed's navigation may change. */
  addedDays: boolean;
}

export function revalidateChangedContent(changes: ChangedContent): string[] {
  const tags = changes.addedDays
    ? [CACHE_TAGS.allFeeds]
    : [CACHE_TAGS.latest, ...changes.touchedDays.map(CACHE_TAGS.day), ...changes.touchedTags.map(CACHE_TAGS.tag)];
  const touchedOrgs = changes.touchedOrgs ?? [];
  if (changes.touchedPaperIds.length + changes.touchedDays.length + changes.touchedTags.length + touchedOrgs.length === 0 && !changes.addedDays) return [];
  tags.push(...changes.touchedPaperIds.map(CACHE_TAGS.paper), ...touchedOrgs.map(CACHE_TAGS.org));
  if (changes.addedDays) tags.push(...changes.touchedTags.map(CACHE_TAGS.tag));
  // expire: 0 makes the next visitor get the new page, not one more stale copy.
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  return [...new Set(tags)];
}

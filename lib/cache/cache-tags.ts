import { type Day, daysOf, type Period } from "@/lib/papers/dates";

// Names of the cache tags that cached pages carry and ingests revalidate. Kept in one
// place so a page and the code that refreshes it cannot disagree on a name.

export const CACHE_TAGS = {
  /** Every page that lists papers (navigation links change when a new day appears). */
  allFeeds: "feeds",
  latest: "feed:latest",
  day: (day: Day) => `feed:day:${day}`,
  paper: (id: string) => `paper:${id}`,
  tag: (slug: string) => `tag:${slug}`,
  org: (name: string) => `org:${name}`,
  /**
   * Every cached page and data entry. Not a tag the pages carry: lib/cache/revalidate.ts
   * expires it through the root layout path, which every page and route is under.
   */
  everything: "*",
} as const;

/** Past this many tags a change expires everything: one walk instead of thousands of tags. */
export const MAX_TAGS_PER_CHANGE = 1_000;

export function cacheTagsForPeriod(period: Pick<Period, "start" | "end">): string[] {
  // A month has at most 31 days: well within Next's limit on tags per entry.
  return daysOf(period).map(CACHE_TAGS.day);
}

/** What a write changed, as lib/ingest and lib/tags report it. */
export interface ChangedContent {
  touchedDays: string[];
  touchedPaperIds: string[];
  touchedTags: string[];
  /** Hugging Face organizations whose pages list a changed paper. */
  touchedOrgs?: string[];
  /** A day appeared (or disappeared): every feed's navigation may change. */
  addedDays: boolean;
}

/** The cache tags whose pages a change shows differently; [] when it changed nothing. */
export function cacheTagsForChanges(changes: ChangedContent): string[] {
  const touchedOrgs = changes.touchedOrgs ?? [];
  if (changes.touchedPaperIds.length + changes.touchedDays.length + changes.touchedTags.length + touchedOrgs.length === 0 && !changes.addedDays) return [];
  const tags = changes.addedDays
    ? [CACHE_TAGS.allFeeds, ...changes.touchedTags.map(CACHE_TAGS.tag)]
    : [CACHE_TAGS.latest, ...changes.touchedDays.map(CACHE_TAGS.day), ...changes.touchedTags.map(CACHE_TAGS.tag)];
  tags.push(...changes.touchedPaperIds.map(CACHE_TAGS.paper), ...touchedOrgs.map(CACHE_TAGS.org));
  const unique = [...new Set(tags)];
  return unique.length > MAX_TAGS_PER_CHANGE ? [CACHE_TAGS.everything] : unique;
}

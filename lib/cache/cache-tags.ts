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
} as const;

export function cacheTagsForPeriod(period: Pick<Period, "start" | "end">): string[] {
  // A month has at most 31 days: well within Next's limit on tags per entry.
  return daysOf(period).map(CACHE_TAGS.day);
}

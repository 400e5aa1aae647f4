import { countTagsInPeriod, type TagCount } from "@/lib/tags/queries";
import { addDays, type Day, formatPeriodTitle, parsePeriod, type Period, periodContaining, todayUtc } from "./dates";
import type { FeedOptions, FeedView } from "./feed-params";
import { countPapersByDay, getAdjacentListedDays, getLatestListedDay, hasDemoPapers, listFeedPapers } from "./queries";
import { trendingReference } from "./trending";
import type { FeedSort, RankedPaper } from "./types";

// Everything a feed page shows, in one call: the page renders it and does nothing else.
// The result is plain JSON so it can be cached as is.

export const FEED_PAGE_SIZE = 30;

export interface CalendarDay {
  day: Day;
  count: number;
  inMonth: boolean;
}

export interface FeedViewModel {
  view: FeedView;
  period: Period | null;
  title: string;
  sort: FeedSort;
  tags: string[];
  papers: RankedPaper[];
  cursor: string | null;
  nextCursor: string | null;
  previousDay: Day | null;
  nextDay: Day | null;
  calendar: { month: string; weeks: CalendarDay[][]; previousMonth: string; nextMonth: string } | null;
  isDemo: boolean;
  /** Tags of the papers shown (with the current tag filter applied), with how many carry each. */
  facets: TagCount[];
  /** When the trending scores were computed for. */
  reference: string;
}

/** key "latest" means the period holding the most recent listed day. */
export type FeedRequest = { view: "latest" } | { view: "date" | "week" | "month"; key: string };

/** Returns null when the requested period does not exist (bad date or week). */
export async function loadFeedView(request: FeedRequest, options: FeedOptions, now: Date = new Date()): Promise<FeedViewModel | null> {
  let period: Period | null;
  if (request.view === "latest" || request.key === "latest") {
    const latest = await getLatestListedDay();
    period = latest ? periodContaining(request.view === "latest" ? "date" : request.view, latest) : null;
  } else {
    period = parsePeriod(request.view, request.key);
    if (!period) return null;
  }

  const reference = trendingReference(period?.end ?? todayUtc(now), now);
  const [page, adjacent, calendar, isDemo, facets] = await Promise.all([
    period
      ? listFeedPapers({ start: period.start, end: period.end, sort: options.sort, tags: options.tags, limit: FEED_PAGE_SIZE, cursor: options.cursor, reference })
      : Promise.resolve({ papers: [], nextCursor: null }),
    period ? getAdjacentListedDays(period) : Promise.resolve({ previous: null, next: null }),
    period ? loadCalendar(period.start) : Promise.resolve(null),
    hasDemoPapers(),
    period ? countTagsInPeriod(period.start, period.end, options.tags) : Promise.resolve([]),
  ]);

  return {
    view: request.view,
    period,
    title: period ? formatPeriodTitle(period) : "No papers yet",
    sort: options.sort,
    tags: options.tags,
    papers: page.papers,
    cursor: options.cursor ?? null,
    nextCursor: page.nextCursor,
    previousDay: adjacent.previous,
    nextDay: adjacent.next,
    calendar,
    isDemo,
    facets,
    reference: reference.toISOString(),
  };
}

async function loadCalendar(dayInMonth: Day): Promise<FeedViewModel["calendar"]> {
  const month = periodContaining("month", dayInMonth);
  // Whole weeks, Monday first, so the grid has no holes.
  const gridStart = periodContaining("week", month.start).start;
  const gridEnd = periodContaining("week", month.end).end;
  const counts = await countPapersByDay(gridStart, gridEnd);
  const weeks: CalendarDay[][] = [];
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks.at(-1)!.length === 7) weeks.push([]);
    weeks.at(-1)!.push({ day, count: counts.get(day) ?? 0, inMonth: day >= month.start && day <= month.end });
  }
  return {
    month: month.key,
    weeks,
    previousMonth: addDays(month.start, -1).slice(0, 7),
    nextMonth: addDays(month.end, 1).slice(0, 7),
  };
}

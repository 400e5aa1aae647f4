import { countTagsInPeriod, type TagCount } from "@/lib/tags/queries";
import { addDays, type Day, formatPeriodTitle, isFuturePeriod, parsePeriod, type Period, periodContaining, todayUtc } from "./dates";
import type { FeedOptions, FeedView } from "./feed-params";
import { countPapersByDay, getAdjacentListedDays, getLatestListedDay, getListedDayRange, hasDemoPapers, listFeedPapers } from "./queries";
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
  /** Papers before this page (0 on the first); null for a cursor that does not say (no numbers). */
  offset: number | null;
  previousDay: Day | null;
  nextDay: Day | null;
  /**
   * The day the Day / Week / Month switch keeps: the latest day with papers in the period
   * (its first day when it has none), so "Day" from a week lands on a day with papers.
   */
  anchorDay: Day | null;
  /** previousMonth / nextMonth are null past the first and last day with papers. */
  calendar: { month: string; weeks: CalendarDay[][]; previousMonth: string | null; nextMonth: string | null } | null;
  isDemo: boolean;
  /** Tags of the papers shown (with the current tag filter applied), with how many carry each. */
  facets: TagCount[];
  /** When the trending scores were computed for. */
  reference: string;
}

/** key "latest" means the period holding the most recent listed day. */
export type FeedRequest = { view: "latest" } | { view: "date" | "week" | "month"; key: string };

/**
 * The period a feed request names: for "latest", the one holding the most recent listed day
 * (null while there are no papers). Undefined when the period does not exist (bad date or
 * week) or lies in the future: no papers can be listed there.
 */
export async function resolveFeedPeriod(request: FeedRequest, now: Date = new Date()): Promise<Period | null | undefined> {
  if (request.view === "latest" || request.key === "latest") {
    const latest = await getLatestListedDay();
    return latest ? periodContaining(request.view === "latest" ? "date" : request.view, latest) : null;
  }
  const period = parsePeriod(request.view, request.key);
  return period && !isFuturePeriod(period, now) ? period : undefined;
}

/** Returns null when the requested period does not exist (bad date or week) or is in the future. */
export async function loadFeedView(request: FeedRequest, options: FeedOptions, now: Date = new Date()): Promise<FeedViewModel | null> {
  const period = await resolveFeedPeriod(request, now);
  if (period === undefined) return null;

  const reference = trendingReference(period?.end ?? todayUtc(now), now);
  const [page, adjacent, calendar, isDemo, facets] = await Promise.all([
    period
      ? listFeedPapers({ start: period.start, end: period.end, sort: options.sort, tags: options.tags, limit: FEED_PAGE_SIZE, cursor: options.cursor, reference })
      : Promise.resolve({ papers: [], nextCursor: null, offset: 0 }),
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
    offset: page.offset,
    previousDay: adjacent.previous,
    nextDay: adjacent.next,
    anchorDay: period ? latestDayWithPapers(period, calendar) : null,
    calendar,
    isDemo,
    facets,
    reference: reference.toISOString(),
  };
}

/** The calendar grid holds every day of the period (see loadCalendar), so it can tell. */
function latestDayWithPapers(period: Period, calendar: FeedViewModel["calendar"]): Day {
  const days = calendar?.weeks.flat().filter((cell) => cell.count > 0 && cell.day >= period.start && cell.day <= period.end) ?? [];
  return days.at(-1)?.day ?? period.start;
}

async function loadCalendar(dayInMonth: Day): Promise<FeedViewModel["calendar"]> {
  const month = periodContaining("month", dayInMonth);
  // Whole weeks, Monday first, so the grid has no holes (and holds all of a week that
  // starts in this month).
  const gridStart = periodContaining("week", month.start).start;
  const gridEnd = periodContaining("week", month.end).end;
  const [counts, listed] = await Promise.all([countPapersByDay(gridStart, gridEnd), getListedDayRange()]);
  const weeks: CalendarDay[][] = [];
  for (let day = gridStart; day <= gridEnd; day = addDays(day, 1)) {
    if (weeks.length === 0 || weeks.at(-1)!.length === 7) weeks.push([]);
    weeks.at(-1)!.push({ day, count: counts.get(day) ?? 0, inMonth: day >= month.start && day <= month.end });
  }
  return {
    month: month.key,
    weeks,
    previousMonth: listed.first !== null && listed.first < month.start ? addDays(month.start, -1).slice(0, 7) : null,
    nextMonth: listed.last !== null && listed.last > month.end ? addDays(month.end, 1).slice(0, 7) : null,
  };
}

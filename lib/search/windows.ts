import { addDays, type Day, daysBetween } from "@/lib/papers/dates";
import { type CorpusStats, papersBetween } from "./stats";
import { anyOf, dayToken, monthToken, yearToken } from "./tsquery";

// Recency windows: "the papers listed from <start> to <end>", spelled as marker lexemes
// (~d day, ~m month, ~y year) that the GIN index intersects with the words of the query. A
// window is one or more groups; each group becomes its own index condition (ANDed with the
// query, the conditions ORed: a BitmapOr), because the index skips fastest through a
// required lexeme, and a month or a year is only required when it stands alone. Days have
// short lists, so up to ten share one condition. A window covering the whole range needs no
// markers. Tokens follow from the calendar alone, so a window always gives the same ones;
// they may cover a little more than [start, end] (the SQL filters listed_on exactly).

export interface Window {
  start: Day;
  end: Day;
  /** Marker groups for [start, end] (one index condition each), or null for the whole search range. */
  tokens: string[] | null;
}

// An OR of many large window lexemes makes the index check each of them for every paper of
// the query's words (12 months took 50 ms at a million papers, one month 1.6 ms), so a
// window is at most ten days (small lists), three months or two years; beyond that it is
// the whole range.
const MAX_DAY_TOKENS = 10;
const MAX_MONTH_TOKENS = 3;
const MAX_YEAR_TOKENS = 2;

/**
 * Token groups covering [start, end]: days, else months, else (when allowed) years; start
 * moves back to a month or year boundary. Null when that would take too many tokens.
 */
export function coverDays(start: Day, end: Day, allowYears = true): { start: Day; tokens: string[] } | null {
  if (daysBetween(start, end) < MAX_DAY_TOKENS) {
    const days: Day[] = [];
    for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
    return { start, tokens: [anyOf(days.map(dayToken))] };
  }
  const months = monthsBetween(start.slice(0, 7), end.slice(0, 7));
  if (months.length <= MAX_MONTH_TOKENS) return { start: `${start.slice(0, 7)}-01`, tokens: months.map((m) => anyOf([monthToken(m)])) };
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  if (!allowYears || lastYear - firstYear + 1 > MAX_YEAR_TOKENS) return null;
  const years: string[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) years.push(anyOf([yearToken(String(year))]));
  return { start: `${start.slice(0, 4)}-01-01`, tokens: years };
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = to.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The most recent window in [rangeStart, end] holding at least `papers` papers (by the day
 * counts), or the whole range when it holds fewer.
 */
export function recentWindow(stats: CorpusStats, rangeStart: Day, end: Day, papers: number, allowYears = true): Window {
  const firstDay = stats.days.find((d) => d.day >= rangeStart)?.day;
  if (!firstDay || firstDay > end) return { start: rangeStart, end, tokens: null };
  // Binary search for the latest start whose window holds enough papers.
  let lo = 0;
  let hi = daysBetween(firstDay, end);
  if (papersBetween(stats, firstDay, end) < papers) return { start: rangeStart, end, tokens: null };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (papersBetween(stats, addDays(firstDay, mid), end) >= papers) lo = mid;
    else hi = mid - 1;
  }
  const cover = coverDays(addDays(firstDay, lo), tokenEnd(stats, end), allowYears);
  if (!cover || cover.start <= firstDay) return { start: rangeStart, end, tokens: null };
  return { start: cover.start, end, tokens: cover.tokens };
}

/**
 * Days after the last one with papers hold none, so tokens stop a day after it (a day that
 * appeared since the counts were read is still covered); a week without papers must not
 * widen a window to months.
 */
function tokenEnd(stats: CorpusStats, end: Day): Day {
  let lo = 0;
  let hi = stats.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (stats.days[mid]!.day <= end) lo = mid + 1;
    else hi = mid;
  }
  const last = stats.days[lo - 1]?.day;
  if (!last) return end;
  const next = addDays(last, 1);
  return next < end ? next : end;
}

/** The window [start, end] with its tokens (or none when it reaches back to the range start). */
export function fixedWindow(stats: CorpusStats, rangeStart: Day, start: Day, end: Day): Window {
  const firstDay = stats.days.find((d) => d.day >= rangeStart)?.day;
  if (start <= rangeStart || (firstDay !== undefined && start <= firstDay)) return { start: rangeStart, end, tokens: null };
  const cover = coverDays(start, tokenEnd(stats, end));
  return cover ? { start: cover.start, end, tokens: cover.tokens } : { start: rangeStart, end, tokens: null };
}

/** The longest window that still has tokens: two years when allowed, else three months. */
export function longestWindow(stats: CorpusStats, rangeStart: Day, end: Day, allowYears: boolean): Window {
  const last = tokenEnd(stats, end);
  const start = allowYears ? `${Number(last.slice(0, 4)) - 1}-01-01` : `${monthsBack(last.slice(0, 7), 2)}-01`;
  return fixedWindow(stats, rangeStart, start, end);
}

function monthsBack(month: string, count: number): string {
  let [year, m] = month.split("-").map(Number) as [number, number];
  m -= count;
  while (m < 1) {
    m += 12;
    year -= 1;
  }
  return `${year}-${String(m).padStart(2, "0")}`;
}

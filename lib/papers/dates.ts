import { z } from "zod";

// Calendar maths for the feed. A feed day is a UTC calendar date written "YYYY-MM-DD";
// weeks are ISO 8601 weeks ("2026-W48", Monday to Sunday) and months "YYYY-MM".
// Everything here is pure and works on strings, so it cannot drift with the server's timezone.

export type Day = string;
export type PeriodKind = "date" | "week" | "month";

export interface Period {
  kind: PeriodKind;
  /** As it appears in the URL: 2026-11-28, 2026-W48, 2026-11. */
  key: string;
  /** First and last day, inclusive. */
  start: Day;
  end: Day;
}

/** arXiv's first listings (August 1991) to a generous horizon: anything else is a typo. */
export const FIRST_DAY: Day = "1991-08-01";
export const LAST_DAY: Day = "2099-12-31";
/** Years a period key may name; a week or month outside them is refused before any calendar maths. */
const FIRST_YEAR = Number(FIRST_DAY.slice(0, 4));
const LAST_YEAR = Number(LAST_DAY.slice(0, 4));

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function dayToDate(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function dateToDay(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function todayUtc(now: Date = new Date()): Day {
  return dateToDay(now);
}

export function addDays(day: Day, days: number): Day {
  return dateToDay(new Date(dayToDate(day).getTime() + days * DAY_MS));
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS);
}

/** A real calendar date within the feed's range, or null ("2026-02-30" is null). */
export function parseDay(input: string): Day | null {
  const match = DAY_RE.exec(input);
  if (!match) return null;
  const date = dayToDate(input);
  if (Number.isNaN(date.getTime()) || dateToDay(date) !== input) return null;
  return input >= FIRST_DAY && input <= LAST_DAY ? input : null;
}

/** ISO weekday: Monday 1 ... Sunday 7. */
function isoWeekday(day: Day): number {
  return ((dayToDate(day).getUTCDay() + 6) % 7) + 1;
}

/** "0100", "2026": days are written with four-digit years, so years below 1000 need the zeros. */
function yearText(year: number): string {
  return String(year).padStart(4, "0");
}

export function isoWeekOf(day: Day): { year: number; week: number; key: string } {
  // The ISO week belongs to the year that holds its Thursday.
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number.parseInt(thursday.slice(0, 4), 10);
  const week = Math.floor(daysBetween(`${yearText(year)}-01-01`, thursday) / 7) + 1;
  return { year, week, key: `${yearText(year)}-W${String(week).padStart(2, "0")}` };
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when December 28 (always in the last week) is in week 53.
  return isoWeekOf(`${yearText(year)}-12-28`).week;
}

function mondayOfIsoWeek(year: number, week: number): Day {
  // January 4 is always in week 1.
  const jan4 = `${yearText(year)}-01-04`;
  return addDays(jan4, (week - 1) * 7 - (isoWeekday(jan4) - 1));
}

function lastDayOfMonth(year: number, month: number): Day {
  // Day 0 of the next month. Not Date.UTC(year, …): it reads years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return dateToDay(date);
}

function isListingYear(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function parsePeriod(kind: PeriodKind, key: string): Period | null {
  if (kind === "date") {
    const day = parseDay(key);
    return day ? { kind, key: day, start: day, end: day } : null;
  }
  if (kind === "week") {
    const match = WEEK_RE.exec(key);
    if (!match) return null;
    const year = Number.parseInt(match[1]!, 10);
    const week = Number.parseInt(match[2]!, 10);
    if (!isListingYear(year) || week < 1 || week > isoWeeksInYear(year)) return null;
    const start = mondayOfIsoWeek(year, week);
    const end = addDays(start, 6);
    return inRange(start, end) ? { kind, key, start, end } : null;
  }
  const match = MONTH_RE.exec(key);
  if (!match) return null;
  const year = Number.parseInt(match[1]!, 10);
  const month = Number.parseInt(match[2]!, 10);
  if (!isListingYear(year) || month < 1 || month > 12) return null;
  const start = `${match[1]}-${match[2]}-01`;
  const end = lastDayOfMonth(year, month);
  return inRange(start, end) ? { kind, key, start, end } : null;
}

function inRange(start: Day, end: Day): boolean {
  return end >= FIRST_DAY && start <= LAST_DAY;
}

/**
 * A period that starts after tomorrow (UTC) cannot hold papers yet. One day of slack: a
 * source in a timezone ahead of UTC may list "tomorrow" already.
 */
export function isFuturePeriod(period: Pick<Period, "start">, now: Date = new Date()): boolean {
  return period.start > addDays(todayUtc(now), 1);
}

/** The period of the given kind that contains a day. */
export function periodContaining(kind: PeriodKind, day: Day): Period {
  const key = kind === "date" ? day : kind === "week" ? isoWeekOf(day).key : day.slice(0, 7);
  const period = parsePeriod(kind, key);
  if (!period) throw new Error(`No ${kind} period contains ${day}`);
  return period;
}

export function daysOf(period: Pick<Period, "start" | "end">): Day[] {
  const days: Day[] = [];
  for (let day = period.start; day <= period.end; day = addDays(day, 1)) days.push(day);
  return days;
}

export const daySchema = z.string().refine((v) => parseDay(v) !== null, `must be a date YYYY-MM-DD between ${FIRST_DAY} and ${LAST_DAY}`);
export const weekSchema = z.string().refine((v) => parsePeriod("week", v) !== null, `must be an ISO week like 2026-W48 between ${isoWeekOf(FIRST_DAY).key} and ${isoWeekOf(LAST_DAY).key} (arXiv lists papers from August 1991)`);
export const monthSchema = z.string().refine((v) => parsePeriod("month", v) !== null, `must be a month like 2026-11 between ${FIRST_DAY.slice(0, 7)} and ${LAST_DAY.slice(0, 7)} (arXiv lists papers from August 1991)`);

const LONG_DAY = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export function formatDayLong(day: Day): string {
  return LONG_DAY.format(dayToDate(day));
}

export function formatDayShort(day: Day): string {
  return SHORT_DAY.format(dayToDate(day));
}

/** "2022-05" → "May 2022". */
export function formatMonth(month: string): string {
  return MONTH_NAME.format(dayToDate(`${month}-01`));
}

export function formatPeriodTitle(period: Period): string {
  if (period.kind === "date") return formatDayLong(period.start);
  if (period.kind === "month") return MONTH_NAME.format(dayToDate(period.start));
  const week = period.key.split("-W")[1];
  return `Week ${Number(week)}, ${formatDayShort(period.start)} – ${formatDayShort(period.end)}`;
}

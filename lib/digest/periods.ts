import { type Day, dayToDate, formatPeriodTitle, type Period, periodContaining } from "@/lib/papers/dates";
import type { DigestFrequency } from "@/lib/subscribers/schemas";

// Which period a digest run covers. A run is keyed by frequency and period, "daily:2026-11-28"
// or "weekly:2026-W48" (ISO weeks, Monday to Sunday, UTC), and the database allows one run
// per key. The daily digest goes out for today; the weekly one for the current week, from
// DIGEST_WEEKLY_DAY on (Monday by default), so a cron that fires every day starts it once.

export interface DigestPeriod extends Period {
  frequency: DigestFrequency;
}

export function digestPeriod(frequency: DigestFrequency, day: Day): DigestPeriod {
  return { ...periodContaining(frequency === "daily" ? "date" : "week", day), frequency };
}

/** "daily:2026-11-28" */
export function runKey(period: Pick<DigestPeriod, "frequency" | "key">): string {
  return `${period.frequency}:${period.key}`;
}

function isoWeekday(day: Day): number {
  return ((dayToDate(day).getUTCDay() + 6) % 7) + 1;
}

export function dueFrequencies(day: Day, weeklyDay: number): DigestFrequency[] {
  return isoWeekday(day) >= weeklyDay ? ["daily", "weekly"] : ["daily"];
}

/** "Saturday 28 November 2026" or "Week 48, 23 Nov 2026 – 29 Nov 2026" */
export function digestPeriodLabel(period: DigestPeriod): string {
  return formatPeriodTitle(period);
}

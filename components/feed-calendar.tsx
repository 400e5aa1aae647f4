import Link from "next/link";
import { type Day, formatDayLong, parsePeriod } from "@/lib/papers/dates";
import type { FeedViewModel } from "@/lib/papers/feed";
import { feedHref } from "@/lib/papers/feed-params";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A month grid where days with papers are links, plus a date picker that works without
 * JavaScript. Its cells are styled by named classes (app/globals.css; the selected day by its
 * aria-current): every feed page carries some 40 of them, in HTML and RSC payload alike.
 */
export function FeedCalendar({ calendar, selected }: { calendar: NonNullable<FeedViewModel["calendar"]>; selected: { start: Day; end: Day } | null }) {
  const month = parsePeriod("month", calendar.month);
  return (
    <section aria-labelledby="calendar-heading" className="card">
      <div className="mb-3 flex items-center justify-between">
        {calendar.previousMonth ? (
          <Link href={feedHref("month", calendar.previousMonth)} className="px-2 text-sm no-underline hover:underline" aria-label="Previous month">
            ←
          </Link>
        ) : (
          <span className="w-6" />
        )}
        <h2 id="calendar-heading" className="text-sm font-semibold">
          <Link href={feedHref("month", calendar.month)} className="hover:underline">
            {month ? MONTH.format(new Date(`${month.start}T00:00:00Z`)) : calendar.month}
          </Link>
        </h2>
        {/* No arrow past the first or last day with papers: those months are empty. */}
        {calendar.nextMonth ? (
          <Link href={feedHref("month", calendar.nextMonth)} className="px-2 text-sm no-underline hover:underline" aria-label="Next month">
            →
          </Link>
        ) : (
          <span className="w-6" />
        )}
      </div>
      <table className="w-full table-fixed text-center text-xs">
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="pb-1 font-medium muted">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendar.weeks.map((week) => (
            <tr key={week[0]?.day}>
              {week.map((cell) => {
                const isSelected = selected !== null && cell.day >= selected.start && cell.day <= selected.end;
                const dayNumber = Number(cell.day.slice(8));
                return (
                  <td key={cell.day} className="p-0.5">
                    {cell.count > 0 ? (
                      <Link href={feedHref("date", cell.day)} aria-label={`${formatDayLong(cell.day)}: ${cell.count} papers`} aria-current={isSelected ? "date" : undefined} className={cell.inMonth ? "cal-day" : "cal-day italic"}>
                        {dayNumber}
                      </Link>
                    ) : (
                      <span className={cell.inMonth ? "cal-empty" : "cal-empty italic"}>{dayNumber}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <form action="/papers/go" method="get" className="mt-3 flex items-end gap-2">
        <label className="flex-1 text-xs">
          <span className="mb-1 block muted">Go to date</span>
          <input type="date" name="date" required min="1991-08-01" max="2099-12-31" defaultValue={selected?.start} className="input" />
        </label>
        <button type="submit" className="btn">
          Go
        </button>
      </form>
    </section>
  );
}

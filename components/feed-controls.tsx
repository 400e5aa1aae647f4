import Link from "next/link";
import { type Day, formatDayShort, periodContaining } from "@/lib/papers/dates";
import { feedHref, type FeedView } from "@/lib/papers/feed-params";
import type { FeedViewModel } from "@/lib/papers/feed";
import { FEED_SORTS } from "@/lib/papers/types";

const SORT_LABELS = { trending: "Trending", top: "Most upvoted", new: "Newest" } as const;

/** Day / week / month switch, sort tabs, and previous / next links that skip empty days. */
export function FeedControls({ model }: { model: FeedViewModel }) {
  const { period, anchorDay } = model;
  const currentView: FeedView = model.view === "latest" ? "date" : model.view;
  const selfKey = model.view === "latest" ? null : (period?.key ?? null);
  const selfView: FeedView = model.view;

  const viewLinks = anchorDay
    ? (["date", "week", "month"] as const).map((kind) => ({
        kind,
        label: kind === "date" ? "Day" : kind === "week" ? "Week" : "Month",
        href: feedHref(kind, periodContaining(kind, anchorDay).key, { sort: model.sort, tags: model.tags }),
      }))
    : [];

  const adjacent = (day: Day | null) => (day && period ? feedHref(period.kind, periodContaining(period.kind, day).key, { sort: model.sort, tags: model.tags }) : null);
  const previousHref = adjacent(model.previousDay);
  const nextHref = adjacent(model.nextDay);

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {viewLinks.length > 0 && (
          <nav aria-label="Period" className="inline-flex overflow-hidden rounded-lg border border-stone-300 dark:border-stone-700">
            {viewLinks.map((link) => (
              <Link key={link.kind} href={link.href} aria-current={link.kind === currentView ? "page" : undefined} className={`px-3 py-1.5 text-sm no-underline ${link.kind === currentView ? "bg-accent-600 text-white dark:bg-accent-400 dark:text-stone-950" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}>
                {link.label}
              </Link>
            ))}
          </nav>
        )}
        <nav aria-label="Sort" className="inline-flex overflow-hidden rounded-lg border border-stone-300 dark:border-stone-700">
          {FEED_SORTS.map((sort) => (
            <Link key={sort} href={feedHref(selfView, selfKey, { sort, tags: model.tags })} aria-current={sort === model.sort ? "true" : undefined} className={`px-3 py-1.5 text-sm no-underline ${sort === model.sort ? "bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}>
              {SORT_LABELS[sort]}
            </Link>
          ))}
        </nav>
      </div>
      {period && (
        <nav aria-label="Previous and next" className="flex items-center justify-between gap-2 text-sm">
          {previousHref && model.previousDay ? (
            <Link href={previousHref} rel="prev" className="btn no-underline">
              ← {period.kind === "date" ? formatDayShort(model.previousDay) : `Previous ${period.kind}`}
            </Link>
          ) : (
            <span className="muted">No earlier papers</span>
          )}
          {nextHref && model.nextDay ? (
            <Link href={nextHref} rel="next" className="btn no-underline">
              {period.kind === "date" ? formatDayShort(model.nextDay) : `Next ${period.kind}`} →
            </Link>
          ) : (
            <span className="muted">No later papers</span>
          )}
        </nav>
      )}
    </div>
  );
}

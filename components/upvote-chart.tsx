import { formatDayShort } from "@/lib/papers/dates";

const WIDTH = 480;
const HEIGHT = 136;
const PAD = 24;
/** Room under the plot for the date axis. */
const AXIS = 20;
/** Dates labelled on the axis at most: the first, the last and evenly spaced ones between. */
const MAX_DATE_LABELS = 5;
const AXIS_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

function dateLabelIndexes(count: number): number[] {
  const labels = Math.min(count, MAX_DATE_LABELS);
  return [...new Set(Array.from({ length: labels }, (_, i) => Math.round((i * (count - 1)) / (labels - 1))))];
}

/** A small line chart of daily upvote snapshots, with the numbers in a table for screen readers. */
export function UpvoteChart({ snapshots }: { snapshots: { day: string; upvotes: number }[] }) {
  if (snapshots.length < 2) return null;
  const max = Math.max(1, ...snapshots.map((s) => s.upvotes));
  const step = (WIDTH - 2 * PAD) / (snapshots.length - 1);
  const baseline = HEIGHT - PAD - AXIS;
  const points = snapshots.map((s, i) => ({ x: PAD + i * step, y: baseline - (s.upvotes / max) * (baseline - PAD), ...s }));
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const first = snapshots[0]!;
  const last = snapshots.at(-1)!;
  return (
    <figure className="card">
      <figcaption className="mb-2 text-sm font-semibold">
        Upvotes over time <span className="font-normal muted">({formatDayShort(first.day)} – {formatDayShort(last.day)})</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full text-accent-600 dark:text-accent-300" role="img" aria-label={`Upvotes rose from ${first.upvotes} to ${last.upvotes}`}>
        <line x1={PAD} y1={baseline} x2={WIDTH - PAD} y2={baseline} className="stroke-stone-300 dark:stroke-stone-700" />
        <g aria-hidden="true" data-axis="date">
          {dateLabelIndexes(points.length).map((i) => {
            const p = points[i]!;
            const anchor = i === 0 ? "start" : i === points.length - 1 ? "end" : "middle";
            return (
              <g key={p.day}>
                <line x1={p.x} y1={baseline} x2={p.x} y2={baseline + 4} className="stroke-stone-400 dark:stroke-stone-600" />
                <text x={p.x} y={baseline + 17} textAnchor={anchor} data-day={p.day} className="fill-stone-600 text-[11px] dark:fill-stone-400">
                  {AXIS_DATE.format(new Date(`${p.day}T00:00:00Z`))}
                </text>
              </g>
            );
          })}
        </g>
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" />
        {points.map((p) => (
          <circle key={p.day} cx={p.x} cy={p.y} r="3" fill="currentColor">
            <title>{`${formatDayShort(p.day)}: ${p.upvotes} upvotes`}</title>
          </circle>
        ))}
        <text x={PAD} y={14} className="fill-stone-500 text-[11px]">
          {max}
        </text>
      </svg>
      <table className="sr-only">
        <caption>Daily upvotes</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Upvotes</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((s) => (
            <tr key={s.day}>
              <td>{s.day}</td>
              <td>{s.upvotes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

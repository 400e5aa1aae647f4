import { formatDayShort } from "@/lib/papers/dates";

const WIDTH = 480;
const HEIGHT = 120;
const PAD = 24;

/** A small line chart of daily upvote snapshots, with the numbers in a table for screen readers. */
export function UpvoteChart({ snapshots }: { snapshots: { day: string; upvotes: number }[] }) {
  if (snapshots.length < 2) return null;
  const max = Math.max(1, ...snapshots.map((s) => s.upvotes));
  const step = (WIDTH - 2 * PAD) / (snapshots.length - 1);
  const points = snapshots.map((s, i) => ({ x: PAD + i * step, y: HEIGHT - PAD - (s.upvotes / max) * (HEIGHT - 2 * PAD), ...s }));
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const first = snapshots[0]!;
  const last = snapshots.at(-1)!;
  return (
    <figure className="card">
      <figcaption className="mb-2 text-sm font-semibold">
        Upvotes over time <span className="font-normal muted">({formatDayShort(first.day)} – {formatDayShort(last.day)})</span>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full text-accent-600 dark:text-accent-300" role="img" aria-label={`Upvotes rose from ${first.upvotes} to ${last.upvotes}`}>
        <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} className="stroke-stone-300 dark:stroke-stone-700" />
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

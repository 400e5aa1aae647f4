// Subscribers and sends per day as an inline SVG, drawn on the server: no chart library and
// no script. Bars are digests sent (and failed, stacked in red); the line is subscribers.
// The same figures are in a table for screen readers and for copying.
import type { ActivityDay } from "@/lib/admin/queries";

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 48, bottom: 28, left: 48 };

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  return magnitude * steps.find((step) => step * magnitude >= value)!;
}

export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const sendMax = niceMax(Math.max(0, ...days.map((d) => d.sent + d.failed)));
  const subscriberMax = niceMax(Math.max(0, ...days.map((d) => d.subscribers)));
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(2, slot * 0.6);
  const x = (index: number) => PAD.left + slot * index + slot / 2;
  const ySend = (value: number) => PAD.top + plotHeight - (value / sendMax) * plotHeight;
  const ySubscribers = (value: number) => PAD.top + plotHeight - (value / subscriberMax) * plotHeight;
  const line = days.map((d, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${ySubscribers(d.subscribers).toFixed(1)}`).join(" ");
  const first = days[0];
  const last = days.at(-1);
  const totalSent = days.reduce((sum, d) => sum + d.sent, 0);
  const summary = `Over the last ${days.length} days: ${totalSent} digests sent; subscribers went from ${first?.subscribers ?? 0} to ${last?.subscribers ?? 0}.`;
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full text-stone-500">
        <title>{summary}</title>
        {[0, 0.5, 1].map((fraction) => (
          <g key={fraction}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotHeight * (1 - fraction)} y2={PAD.top + plotHeight * (1 - fraction)} stroke="currentColor" strokeOpacity={0.25} />
            <text x={PAD.left - 6} y={PAD.top + plotHeight * (1 - fraction) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {Math.round(sendMax * fraction)}
            </text>
            <text x={WIDTH - PAD.right + 6} y={PAD.top + plotHeight * (1 - fraction) + 4} fontSize={11} fill="#2563eb">
              {Math.round(subscriberMax * fraction)}
            </text>
          </g>
        ))}
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={x(i) - barWidth / 2} y={ySend(d.sent)} width={barWidth} height={PAD.top + plotHeight - ySend(d.sent)} fill="#10b981" />
            {d.failed > 0 && <rect x={x(i) - barWidth / 2} y={ySend(d.sent + d.failed)} width={barWidth} height={ySend(d.sent) - ySend(d.sent + d.failed)} fill="#dc2626" />}
          </g>
        ))}
        <path d={line} fill="none" stroke="#2563eb" strokeWidth={2} />
        {first && (
          <text x={x(0)} y={HEIGHT - 8} fontSize={11} fill="currentColor" textAnchor="start">
            {first.day}
          </text>
        )}
        {last && (
          <text x={x(days.length - 1)} y={HEIGHT - 8} fontSize={11} fill="currentColor" textAnchor="end">
            {last.day}
          </text>
        )}
      </svg>
      <figcaption className="text-sm muted">
        <span className="font-medium text-emerald-600">■</span> digests sent per day (left axis), <span className="font-medium text-red-600">■</span> failed,{" "}
        <span className="font-medium text-blue-600">—</span> subscribers (right axis). UTC days.
      </figcaption>
      <details className="text-sm">
        <summary>Figures</summary>
        <table className="mt-2">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">Day</th>
              <th scope="col" className="pr-4 text-right">Subscribers</th>
              <th scope="col" className="pr-4 text-right">Sent</th>
              <th scope="col" className="text-right">Failed</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td className="pr-4">{d.day}</td>
                <td className="pr-4 text-right">{d.subscribers}</td>
                <td className="pr-4 text-right">{d.sent}</td>
                <td className="text-right">{d.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

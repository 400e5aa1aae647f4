import { TRENDING, type TrendingParts } from "@/lib/papers/trending";

// "Why is this paper here?" as a native popover: keyboard and screen-reader friendly, no
// client JavaScript. The numbers are the parts of the one trending formula.
export function TrendingExplainer({ id, parts }: { id: string; parts: TrendingParts }) {
  const popoverId = `why-${id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  return (
    <>
      <button type="button" popoverTarget={popoverId} className="text-xs muted underline decoration-dotted hover:text-accent-700 dark:hover:text-accent-300" aria-label={`Why this rank? Trending score ${fmt(parts.score)}`}>
        score {fmt(parts.score)}
      </button>
      <div id={popoverId} popover="auto" role="dialog" aria-label="Why this paper ranks here">
        <p className="mb-2 font-semibold">Trending score {fmt(parts.score, 3)}</p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt>Upvotes</dt>
          <dd>{fmt(parts.upvotes, 0)}</dd>
          <dt>GitHub stars</dt>
          <dd>
            {fmt(parts.githubStars, 0)} (worth {fmt(TRENDING.starWeight * Math.log(1 + parts.githubStars), 1)} points)
          </dd>
          <dt>Points</dt>
          <dd>{fmt(parts.points, 1)}</dd>
          <dt>Age</dt>
          <dd>{fmt(parts.ageDays, 1)} days</dd>
        </dl>
        <p className="mt-3 text-xs muted">
          score = (upvotes + 1 + {TRENDING.starWeight}·ln(1 + stars)) / (age + {TRENDING.ageOffsetDays})<sup>{TRENDING.gravity}</sup>
        </p>
        <button type="button" popoverTarget={popoverId} popoverTargetAction="hide" className="btn mt-3">
          Close
        </button>
      </div>
    </>
  );
}

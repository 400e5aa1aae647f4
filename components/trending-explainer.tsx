import { TRENDING, type TrendingParts } from "@/lib/papers/trending";

// "Why is this paper here?" as a native popover: keyboard and screen-reader friendly, no
// client JavaScript. The numbers are the parts of the one trending formula, in one sentence
// built here as one string: a feed page carries 30 of these, in its HTML and again in its RSC
// payload, so the markup stays small (phrasing content only, so it sits inside the card's
// <p>). The formula itself is explained once, on /about. It closes like every `popover="auto"`:
// Escape, a click outside, or the score button again.
export function TrendingExplainer({ id, parts }: { id: string; parts: TrendingParts }) {
  const popoverId = `why-${id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const fmt = (n: number, digits = 2) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const starPoints = TRENDING.starWeight * Math.log(1 + parts.githubStars);
  const why =
    `${fmt(parts.upvotes, 0)} upvotes + 1 + ${fmt(starPoints, 1)} for ${fmt(parts.githubStars, 0)} GitHub stars = ${fmt(parts.points, 1)} points, ` +
    `÷ (${fmt(parts.ageDays, 1)} days old + ${TRENDING.ageOffsetDays})^${TRENDING.gravity} = trending score ${fmt(parts.score, 3)}. `;
  return (
    <>
      <button type="button" popoverTarget={popoverId} className="card-why" aria-label={`Why this rank? Trending score ${fmt(parts.score)}`}>
        {`score ${fmt(parts.score)}`}
      </button>
      <span id={popoverId} popover="auto" role="dialog" aria-label="Why this paper ranks here">
        {why}
        <a href="/about#trending-heading">How ranking works</a>
      </span>
    </>
  );
}

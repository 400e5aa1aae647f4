import { Prisma } from "@/lib/db";
import { type Day, dayToDate } from "./dates";

// The trending score: its one definition. The feed sorts by it in SQL (trendingScoreSql)
// and paper cards explain it (explainTrendingScore); both are built from TRENDING below,
// and tests/integration/trending-sql.test.ts checks that they agree.
//
//   points = upvotes + 1 + STAR_WEIGHT · ln(1 + githubStars)
//   age    = days from the listed day (00:00 UTC) to the reference time, at least 0
//   score  = points / (age + AGE_OFFSET_DAYS) ^ GRAVITY
//
// Stars count logarithmically so one famous repository cannot bury every upvoted paper
// (1,000 stars ≈ 14 upvotes). The reference time is the end of the period being viewed,
// or now if that is earlier, so a past week ranks the same whenever it is viewed and
// within one day the order is simply by points.

export const TRENDING = {
  starWeight: 2,
  ageOffsetDays: 2,
  gravity: 1.5,
} as const;

export interface TrendingParts {
  upvotes: number;
  githubStars: number;
  points: number;
  ageDays: number;
  score: number;
}

const DAY_MS = 86_400_000;

export function explainTrendingScore(paper: { upvotes: number; githubStars: number | null; listedOn: Day }, reference: Date): TrendingParts {
  const githubStars = paper.githubStars ?? 0;
  const points = paper.upvotes + 1 + TRENDING.starWeight * Math.log(1 + githubStars);
  const ageDays = Math.max(0, (reference.getTime() - dayToDate(paper.listedOn).getTime()) / DAY_MS);
  const score = points / Math.pow(ageDays + TRENDING.ageOffsetDays, TRENDING.gravity);
  return { upvotes: paper.upvotes, githubStars, points, ageDays, score };
}

export function computeTrendingScore(paper: { upvotes: number; githubStars: number | null; listedOn: Day }, reference: Date): number {
  return explainTrendingScore(paper, reference).score;
}

/** The same formula in SQL over the `papers` table aliased as `alias`. Returns float8. */
export function trendingScoreSql(reference: Date, alias = "p"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const referenceEpoch = reference.getTime() / 1000;
  // listed_on::timestamp is midnight with no zone; its epoch is read as UTC, like dayToDate.
  return Prisma.sql`((${a}.upvotes + 1 + ${TRENDING.starWeight}::float8 * ln(1 + coalesce(${a}.github_stars, 0)))
    / power(greatest(0, (${referenceEpoch}::float8 - extract(epoch from ${a}.listed_on::timestamp)::float8) / 86400) + ${TRENDING.ageOffsetDays}::float8, ${TRENDING.gravity}::float8))::float8`;
}

/** Reference time for a period: the end of its last day, or now if that is earlier. */
export function trendingReference(periodEnd: Day, now: Date = new Date()): Date {
  const endOfPeriod = new Date(dayToDate(periodEnd).getTime() + DAY_MS);
  return endOfPeriod < now ? endOfPeriod : now;
}

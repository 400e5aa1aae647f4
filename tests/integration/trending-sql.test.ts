import { describe, expect, it } from "vitest";
import { getDb, Prisma } from "@/lib/db";
import { computeTrendingScore, trendingScoreSql } from "@/lib/papers/trending";

// The feed sorts by the SQL form of the trending score and cards explain it with the
// TypeScript form: they must be the same function.
describe("trending score in SQL", () => {
  const cases = [
    { upvotes: 0, githubStars: null, listedOn: "2026-11-28", reference: "2026-11-28T12:00:00Z" },
    { upvotes: 42, githubStars: 0, listedOn: "2026-11-20", reference: "2026-11-28T12:00:00Z" },
    { upvotes: 3, githubStars: 15000, listedOn: "2026-10-01", reference: "2026-11-28T00:00:00Z" },
    { upvotes: 250, githubStars: 7, listedOn: "2024-02-29", reference: "2026-11-28T23:59:59Z" },
    { upvotes: 1, githubStars: null, listedOn: "2026-12-05", reference: "2026-11-28T12:00:00Z" },
  ];

  it.each(cases)("matches the TypeScript definition for %o", async (c) => {
    const db = await getDb();
    const reference = new Date(c.reference);
    const rows = await db.$queryRaw<{ score: number }[]>(Prisma.sql`
      WITH p AS (SELECT ${c.upvotes}::int AS upvotes, ${c.githubStars}::int AS github_stars, ${c.listedOn}::date AS listed_on)
      SELECT ${trendingScoreSql(reference)} AS score FROM p`);
    expect(rows[0]?.score).toBeCloseTo(computeTrendingScore(c, reference), 12);
  });
});

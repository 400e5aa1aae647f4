import { describe, expect, it } from "vitest";
import { computeTrendingScore, explainTrendingScore, TRENDING, trendingReference } from "@/lib/papers/trending";

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

describe("trending score", () => {
  it("is points over age with gravity", () => {
    const parts = explainTrendingScore({ upvotes: 9, githubStars: null, listedOn: "2026-11-27" }, noon("2026-11-28"));
    expect(parts.points).toBe(10);
    expect(parts.ageDays).toBeCloseTo(1.5, 10);
    expect(parts.score).toBeCloseTo(10 / Math.pow(1.5 + TRENDING.ageOffsetDays, TRENDING.gravity), 12);
  });

  it("counts GitHub stars logarithmically", () => {
    const without = explainTrendingScore({ upvotes: 0, githubStars: 0, listedOn: "2026-11-28" }, noon("2026-11-28"));
    const famous = explainTrendingScore({ upvotes: 0, githubStars: 1000, listedOn: "2026-11-28" }, noon("2026-11-28"));
    expect(without.points).toBe(1);
    expect(famous.points).toBeCloseTo(1 + 2 * Math.log(1001), 10);
    // 1,000 stars are worth about 14 upvotes, not 1,000.
    expect(famous.points - without.points).toBeGreaterThan(13);
    expect(famous.points - without.points).toBeLessThan(15);
  });

  it("ranks a fresh paper above an older one with the same points, and needs many more upvotes to keep an old one up", () => {
    const ref = noon("2026-11-28");
    const fresh = computeTrendingScore({ upvotes: 10, githubStars: null, listedOn: "2026-11-28" }, ref);
    const weekOld = computeTrendingScore({ upvotes: 10, githubStars: null, listedOn: "2026-11-21" }, ref);
    const weekOldPopular = computeTrendingScore({ upvotes: 100, githubStars: null, listedOn: "2026-11-21" }, ref);
    expect(fresh).toBeGreaterThan(weekOld);
    expect(weekOldPopular).toBeGreaterThan(fresh);
  });

  it("orders papers of one day by points alone", () => {
    const ref = noon("2026-11-28");
    const a = computeTrendingScore({ upvotes: 5, githubStars: 10, listedOn: "2026-11-28" }, ref);
    const b = computeTrendingScore({ upvotes: 6, githubStars: 0, listedOn: "2026-11-28" }, ref);
    expect(a > b).toBe(5 + 2 * Math.log(11) > 6);
  });

  it("never lets a future listing get a negative age", () => {
    expect(explainTrendingScore({ upvotes: 1, githubStars: null, listedOn: "2026-11-30" }, noon("2026-11-28")).ageDays).toBe(0);
  });

  it("measures past periods from their end, current ones from now", () => {
    expect(trendingReference("2026-11-01", noon("2026-11-28")).toISOString()).toBe("2026-11-02T00:00:00.000Z");
    expect(trendingReference("2026-11-29", noon("2026-11-28")).toISOString()).toBe("2026-11-28T12:00:00.000Z");
  });
});

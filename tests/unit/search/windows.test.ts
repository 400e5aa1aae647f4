import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/papers/dates";
import type { CorpusStats } from "@/lib/search/stats";
import { coverDays, fixedWindow, recentWindow } from "@/lib/search/windows";

/** 100 papers a day from 2024-06-01 to 2026-11-28. */
function stats(): CorpusStats {
  const days = [];
  for (let day = "2024-06-01"; day <= "2026-11-28"; day = addDays(day, 1)) days.push({ day, count: 100 });
  const cumulative = days.map((_, i) => (i + 1) * 100);
  return { days, cumulative, totalPapers: cumulative.at(-1)!, frequencies: null, rareBelow: 1, tags: new Map() };
}

describe("recency windows", () => {
  it("covers up to ten days with one group of day tokens, then months, then at most two years, each alone", () => {
    expect(coverDays("2026-11-26", "2026-11-28")).toEqual({ start: "2026-11-26", tokens: ["('~d20261126' | '~d20261127' | '~d20261128')"] });
    expect(coverDays("2026-10-15", "2026-11-28")).toEqual({ start: "2026-10-01", tokens: ["'~m202610'", "'~m202611'"] });
    expect(coverDays("2025-08-15", "2026-11-28")).toEqual({ start: "2025-01-01", tokens: ["'~y2025'", "'~y2026'"] });
    expect(coverDays("2025-08-15", "2026-11-28", false)).toBeNull();
    expect(coverDays("2024-08-15", "2026-11-28")).toBeNull();
  });

  it("takes the most recent days holding enough papers", () => {
    // The last day with papers is the 28th: tokens stop a day later.
    expect(recentWindow(stats(), "1991-08-01", "2026-11-29", 250)).toEqual({ start: "2026-11-26", end: "2026-11-29", tokens: ["('~d20261126' | '~d20261127' | '~d20261128' | '~d20261129')"] });
    expect(recentWindow(stats(), "1991-08-01", "2026-11-29", 3_000)).toEqual({ start: "2026-10-01", end: "2026-11-29", tokens: ["'~m202610'", "'~m202611'"] });
    expect(recentWindow(stats(), "1991-08-01", "2026-11-29", 30_000, false)).toEqual({ start: "1991-08-01", end: "2026-11-29", tokens: null });
  });

  it("is the whole range when the range holds fewer papers or the window needs more than two years", () => {
    expect(recentWindow(stats(), "1991-08-01", "2026-11-29", 10_000_000)).toEqual({ start: "1991-08-01", end: "2026-11-29", tokens: null });
    expect(recentWindow(stats(), "1991-08-01", "2026-11-29", 80_000)).toEqual({ start: "1991-08-01", end: "2026-11-29", tokens: null });
    expect(recentWindow(stats(), "2026-11-01", "2026-11-29", 5_000)).toEqual({ start: "2026-11-01", end: "2026-11-29", tokens: null });
  });

  it("gives the same tokens for a window a cursor carries", () => {
    expect(fixedWindow(stats(), "1991-08-01", "2026-10-01", "2026-11-29").tokens).toEqual(["'~m202610'", "'~m202611'"]);
    expect(fixedWindow(stats(), "1991-08-01", "2024-05-01", "2026-11-29").tokens).toBeNull();
  });
});

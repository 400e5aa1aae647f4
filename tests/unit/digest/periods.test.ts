import { describe, expect, it } from "vitest";
import { digestSubject } from "@/lib/digest/compose";
import { digestPeriod, digestPeriodLabel, dueFrequencies, runKey } from "@/lib/digest/periods";
import { messageIdRunPart } from "@/lib/digest/runs";

describe("digest periods", () => {
  it("keys runs by frequency and period", () => {
    expect(runKey(digestPeriod("daily", "2026-11-28"))).toBe("daily:2026-11-28");
    expect(runKey(digestPeriod("weekly", "2026-11-28"))).toBe("weekly:2026-W48");
    expect(digestPeriod("weekly", "2026-11-28")).toMatchObject({ start: "2026-11-23", end: "2026-11-29" });
    // ISO weeks belong to the year of their Thursday.
    expect(runKey(digestPeriod("weekly", "2027-01-01"))).toBe("weekly:2026-W53");
    expect(messageIdRunPart(digestPeriod("weekly", "2026-11-28"))).toBe("weekly-2026-W48");
  });

  it("starts the weekly digest from the configured weekday on", () => {
    expect(dueFrequencies("2026-11-23", 1)).toEqual(["daily", "weekly"]); // Monday
    expect(dueFrequencies("2026-11-28", 1)).toEqual(["daily", "weekly"]); // Saturday, same week: the same run
    expect(dueFrequencies("2026-11-23", 5)).toEqual(["daily"]);
    expect(dueFrequencies("2026-11-27", 5)).toEqual(["daily", "weekly"]); // Friday
  });

  it("labels periods and writes subjects with the date and the top paper", () => {
    expect(digestPeriodLabel(digestPeriod("daily", "2026-11-28"))).toBe("Saturday, 28 November 2026");
    expect(digestSubject({ frequency: "daily", periodStart: "2026-11-28" }, "Attention $\\alpha$ is all\nyou need")).toBe("PaperPulse, 28 Nov 2026: Attention α is all you need");
    expect(digestSubject({ frequency: "daily", periodStart: "2026-11-28" }, `Sorting in $O(n \\log n)$ for B\\"uttiker`)).toBe("PaperPulse, 28 Nov 2026: Sorting in O(n log n) for Büttiker");
    expect(digestSubject({ frequency: "weekly", periodStart: "2026-11-23" }, "Short")).toBe("PaperPulse, week of 23 Nov 2026: Short");
    const long = digestSubject({ frequency: "daily", periodStart: "2026-11-28" }, "word ".repeat(60));
    expect(long).toHaveLength(150);
    expect(long.endsWith("…")).toBe(true);
  });
});

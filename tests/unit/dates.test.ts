import { describe, expect, it } from "vitest";
import { addDays, daysOf, formatPeriodTitle, isoWeekOf, monthSchema, parseDay, parsePeriod, periodContaining, weekSchema } from "@/lib/papers/dates";

describe("parseDay", () => {
  it("accepts real calendar dates", () => {
    expect(parseDay("2026-11-28")).toBe("2026-11-28");
    expect(parseDay("2024-02-29")).toBe("2024-02-29");
  });
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-11-31", "26-11-28", "2026-1-5", "2026-11-28T00:00", "1800-01-01", "1991-07-31", "2100-01-01", "", "../../etc"])("rejects %j", (input) => {
    expect(parseDay(input)).toBeNull();
  });
});

describe("ISO weeks", () => {
  it.each([
    ["2026-11-28", "2026-W48"],
    ["2026-01-01", "2026-W01"],
    ["2021-01-03", "2020-W53"], // Sunday of the 53rd week of 2020
    ["2024-12-30", "2025-W01"], // Monday belonging to next year's week 1
    ["2027-01-01", "2026-W53"],
  ])("%s is in %s", (day, week) => {
    expect(isoWeekOf(day).key).toBe(week);
  });

  it("parses a week into Monday to Sunday", () => {
    expect(parsePeriod("week", "2026-W48")).toEqual({ kind: "week", key: "2026-W48", start: "2026-11-23", end: "2026-11-29" });
    expect(parsePeriod("week", "2020-W53")).toEqual({ kind: "week", key: "2020-W53", start: "2020-12-28", end: "2021-01-03" });
    expect(parsePeriod("week", "2025-W01")?.start).toBe("2024-12-30");
  });

  it("rejects weeks that do not exist", () => {
    expect(parsePeriod("week", "2026-W54")).toBeNull();
    expect(parsePeriod("week", "2025-W53")).toBeNull(); // 2025 has 52 ISO weeks
    expect(parsePeriod("week", "2026-W00")).toBeNull();
    expect(parsePeriod("week", "2026-48")).toBeNull();
  });
});

describe("months and days", () => {
  it("parses months with their real length", () => {
    expect(parsePeriod("month", "2024-02")).toEqual({ kind: "month", key: "2024-02", start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriod("month", "2026-11")?.end).toBe("2026-11-30");
    expect(parsePeriod("month", "2026-13")).toBeNull();
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-11-28", -7)).toBe("2026-11-21");
  });

  it("lists the days of a period and finds the period of a day", () => {
    expect(daysOf({ start: "2026-11-29", end: "2026-12-02" })).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(periodContaining("week", "2026-11-28").key).toBe("2026-W48");
    expect(periodContaining("month", "2026-11-28").key).toBe("2026-11");
  });

  it("titles periods for humans", () => {
    expect(formatPeriodTitle(parsePeriod("date", "2026-11-28")!)).toBe("Saturday, 28 November 2026");
    expect(formatPeriodTitle(parsePeriod("month", "2026-11")!)).toBe("November 2026");
    expect(formatPeriodTitle(parsePeriod("week", "2026-W48")!)).toBe("Week 48, 23 Nov 2026 – 29 Nov 2026");
  });
});

describe("periods before arXiv (years 0-999 and 1000-1990) and after 2099", () => {
  it.each([
    ["week", "0100-W01"],
    ["week", "0000-W01"],
    ["week", "0999-W52"],
    ["week", "1990-W10"],
    ["week", "2100-W01"],
    ["month", "0100-01"],
    ["month", "0050-02"],
    ["month", "0000-12"],
    ["month", "1991-07"],
    ["month", "2100-01"],
  ] as const)("refuses %s %s without throwing", (kind, key) => {
    expect(parsePeriod(kind, key)).toBeNull();
  });

  it("keeps the first and last listing periods", () => {
    expect(parsePeriod("month", "1991-08")).toEqual({ kind: "month", key: "1991-08", start: "1991-08-01", end: "1991-08-31" });
    expect(parsePeriod("week", "1991-W31")?.start).toBe("1991-07-29");
    expect(parsePeriod("week", "2099-W53")?.end).toBe("2100-01-03");
  });

  it("does the calendar maths right for four-digit years below 1000 too", () => {
    // Years were written unpadded ("100-12-28") and Date.UTC read 0-99 as 1900-1999.
    expect(isoWeekOf("0100-01-04").key).toBe("0100-W01");
    expect(isoWeekOf("0001-01-01").key).toBe("0001-W01");
    expect(isoWeekOf("0099-12-31").key).toBe("0099-W53");
  });

  it("explains the range in the API's messages", () => {
    expect(weekSchema.safeParse("0100-W01").error?.issues[0]?.message).toMatch(/between 1991-W31 and 2099-W53/);
    expect(monthSchema.safeParse("0100-01").error?.issues[0]?.message).toMatch(/between 1991-08 and 2099-12/);
  });
});

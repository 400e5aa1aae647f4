import { describe, expect, it } from "vitest";
import { paperImageText, plainTextForImage, truncateText } from "@/lib/og/plain-text";

describe("the Open Graph image's plain text", () => {
  it("drops TeX markup and keeps to characters the bundled font draws", () => {
    expect(plainTextForImage("Sorting in $O(n \\log n)$ with $\\alpha$-schedules")).toBe("Sorting in O(n log n) with alpha-schedules");
    expect(plainTextForImage("Landauer-B\\\"uttiker transport -- a \\emph{short} note \\& more")).toBe("Landauer-Büttiker transport – a short note & more");
    expect(plainTextForImage("Agents 🤗 that plan 中文")).toBe("Agents that plan");
    expect(plainTextForImage("Café, naïve")).toBe("Café, naïve");
  });

  it("cuts long text at a word", () => {
    expect(truncateText("one two three four", 12)).toBe("one two…");
    expect(truncateText("short", 12)).toBe("short");
  });

  it("describes the paper in three lines", () => {
    const text = paperImageText({ id: "2611.00001", title: "A $\\beta$ test", authors: ["A", "B", "C", "D", "E"], listedOn: "2026-11-28", upvotes: 1234 });
    expect(text).toEqual({ title: "A beta test", authors: "A, B, C, D et al.", meta: "arXiv:2611.00001 · listed 28 Nov 2026 · 1,234 upvotes" });
  });
});

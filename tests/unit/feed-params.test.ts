import { describe, expect, it } from "vitest";
import { feedHref, feedOptionsQuery, parseFeedOptions } from "@/lib/papers/feed-params";
import { optionsSegment, parseFeedRoute } from "@/lib/papers/feed-route";

describe("feed options", () => {
  it("parses, normalises and sorts tags so equal filters share one URL", () => {
    const parsed = parseFeedOptions(new URLSearchParams("sort=top&tags=Quantization,llm,,llm&utm_source=x"));
    expect(parsed.success && parsed.data).toEqual({ sort: "top", tags: ["llm", "quantization"] });
    expect(feedOptionsQuery({ sort: "top", tags: ["quantization", "llm"] })).toBe("?sort=top&tags=llm,quantization");
    expect(feedOptionsQuery({ sort: "trending", tags: [] })).toBe("");
  });

  it.each(["sort=sideways", "tags=<b>", "cursor=%27;drop", `tags=${"x".repeat(700)}`])("rejects %s", (query) => {
    expect(parseFeedOptions(new URLSearchParams(query)).success).toBe(false);
  });

  it("builds public URLs for every view", () => {
    expect(feedHref("latest", null)).toBe("/");
    expect(feedHref("date", "2026-11-28", { sort: "new" })).toBe("/papers/date/2026-11-28?sort=new");
    expect(feedHref("week", "2026-W48", { tags: ["llm"] })).toBe("/papers/week/2026-W48?tags=llm");
    expect(feedHref("tag", "llm")).toBe("/tags/llm");
  });

  it("round-trips options through the internal route segment", () => {
    const segment = optionsSegment(feedOptionsQuery({ sort: "top", tags: ["llm", "kv-cache"] }));
    expect(parseFeedRoute({ view: "week", key: "2026-W48", options: segment })).toEqual({
      request: { view: "week", key: "2026-W48" },
      options: { sort: "top", tags: ["kv-cache", "llm"] },
      cacheKey: "week/2026-W48/sort=top&tags=kv-cache,llm",
    });
    expect(parseFeedRoute({ view: "latest", key: "today", options: "default" })?.request).toEqual({ view: "latest" });
    expect(parseFeedRoute({ view: "date", key: "2026-02-30", options: "default" })).toBeNull();
    expect(parseFeedRoute({ view: "admin", key: "x", options: "default" })).toBeNull();
    expect(parseFeedRoute({ view: "date", key: "2026-11-28", options: "%E0%A4%A" })).toBeNull();
  });
});

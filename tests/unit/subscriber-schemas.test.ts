import { describe, expect, it } from "vitest";
import { emailSchema, preferencesSchema, subscribeFormFields, subscribeInputSchema, topicsSchema } from "@/lib/subscribers/schemas";
import { parseToken, tokenSchema } from "@/lib/subscribers/tokens";
import { describeTopics, isSubscribableTag, topicOptions } from "@/lib/subscribers/topics";

describe("subscriber input", () => {
  it("normalises addresses and refuses header injection and absurd lengths", () => {
    expect(emailSchema.parse("  Reader@Example.ORG ")).toBe("reader@example.org");
    for (const bad of ["reader@example.org\r\nBcc: x@y.z", "reader@example.org\nBcc: x@y.z", "reader\r@example.org", "", "   ", "not-an-address", "a@b", `${"a".repeat(250)}@example.org`, "x".repeat(100_000)]) {
      expect(emailSchema.safeParse(bad).success, JSON.stringify(bad.slice(0, 40))).toBe(false);
    }
    expect(emailSchema.safeParse("reader@example.org\r\nBcc: x@y.z").error?.issues[0]?.message).toBe("An email address cannot contain line breaks.");
    expect(emailSchema.safeParse("x".repeat(100_000)).error?.issues[0]?.message).toBe("That is far longer than an email address can be.");
  });

  it("accepts known topic and category tags only, deduplicated and sorted", () => {
    expect(topicsSchema.parse(["robotics", "llm", "robotics", "cs-cl"])).toEqual(["cs-cl", "llm", "robotics"]);
    expect(topicsSchema.parse([])).toEqual([]);
    expect(topicsSchema.safeParse(["robotics", "no-such-topic"]).success).toBe(false);
    expect(topicsSchema.safeParse(["x".repeat(65)]).success).toBe(false);
    expect(topicsSchema.safeParse(topicOptions().map((t) => t.slug)).success).toBe(topicOptions().length <= 30);
    expect(preferencesSchema.safeParse({ frequency: "hourly", topics: [] }).success).toBe(false);
  });

  it("reads a form, including repeated topics and the honeypot", () => {
    const form = new FormData();
    form.set("email", "reader@example.org");
    form.set("frequency", "weekly");
    form.append("topics", "robotics");
    form.append("topics", "speech");
    form.set("website", "");
    expect(subscribeInputSchema.parse(subscribeFormFields(form))).toEqual({ email: "reader@example.org", frequency: "weekly", topics: ["robotics", "speech"], website: "" });
  });

  it("describes topics for emails", () => {
    expect(describeTopics([])).toBe("All topics");
    expect(describeTopics(["speech", "robotics"])).toBe("Robotics, Speech & Audio");
    expect(describeTopics(["cs-cl"])).toBe("Computation and Language (cs.CL)");
    expect(isSubscribableTag("cs-cl")).toBe(true);
    expect(isSubscribableTag("cs-nonsense")).toBe(false);
  });

  it("parses link tokens strictly", () => {
    const token = `0b7c2a4e-1f7d-4c2b-9a47-5d1e2f3a4b5c.${"A".repeat(43)}`;
    expect(parseToken(token)).toEqual({ subscriberId: "0b7c2a4e-1f7d-4c2b-9a47-5d1e2f3a4b5c", signature: "A".repeat(43) });
    for (const bad of ["", "abc", `${token}x`, token.replace(".", ""), `0B7C2A4E-1F7D-4C2B-9A47-5D1E2F3A4B5C.${"A".repeat(43)}`, `${token.slice(0, -1)}=`]) expect(parseToken(bad)).toBeNull();
    expect(tokenSchema.safeParse(123).success).toBe(false);
  });
});

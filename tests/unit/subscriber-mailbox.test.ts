import { describe, expect, it } from "vitest";
import { mailboxHash, mailboxKey } from "@/lib/subscribers/mailbox";

describe("the mailbox of an address (per-mailbox limits)", () => {
  it("lower-cases and removes the +tag", () => {
    expect(mailboxKey("Target+1@Example.ORG")).toBe("target@example.org");
    expect(mailboxKey("target+a+b@example.org")).toBe("target@example.org");
    expect(mailboxKey("target@example.org")).toBe("target@example.org");
    expect(mailboxKey("first.last+news@example.org")).toBe("first.last@example.org");
  });

  it("keeps an address that is only a tag whole, rather than folding a domain's such addresses into one", () => {
    expect(mailboxKey("+1@example.org")).toBe("+1@example.org");
    expect(mailboxKey("+2@example.org")).not.toBe(mailboxKey("+1@example.org"));
  });

  it("folds Gmail's dots and its second domain, and nobody else's", () => {
    expect(mailboxKey("T.a.r.g.e.t+x@googlemail.com")).toBe("target@gmail.com");
    expect(mailboxKey("target@gmail.com")).toBe("target@gmail.com");
    expect(mailboxKey("t.arget@example.org")).toBe("t.arget@example.org");
  });

  it("hashes the mailbox, so the limit tables hold no address", () => {
    expect(mailboxHash("target+7@example.org")).toBe(mailboxHash("TARGET@example.org"));
    expect(mailboxHash("target@example.org")).toMatch(/^[0-9a-f]{64}$/);
    expect(mailboxHash("other@example.org")).not.toBe(mailboxHash("target@example.org"));
  });
});

import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { composeMessage, HeaderInjectionError, parseMailAddress } from "@/lib/mail/mime";

// The hand-written MIME builder, checked by parsing its output back with mailparser.

const base = {
  from: { name: "PaperPulse", address: "digest@paperpulse.test" },
  to: "reader@example.org",
  subject: "PaperPulse, 28 Nov 2026: Schrödinger’s tokenizer — byte-level models without vocabulary bias, and a long tail to fold",
  messageId: "<digest.daily-2026-11-28.0b7c@paperpulse.test>",
  date: new Date("2026-11-28T07:00:03Z"),
  text: "Hello ✓\nLine two with a link https://paperpulse.test/manage?token=abc\n".repeat(40),
  html: "<!DOCTYPE html><html><body><p>Héllo <a href=\"https://paperpulse.test/manage?token=abc&amp;x=1\">manage</a></p></body></html>",
  headers: {
    "List-Id": "PaperPulse daily digest <daily.digest.paperpulse.test>",
    "List-Unsubscribe": `<https://paperpulse.test/api/unsubscribe?token=${"t".repeat(80)}>, <mailto:unsubscribe@paperpulse.test?subject=unsubscribe%20${"t".repeat(80)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
};

describe("composeMessage", () => {
  it("builds a multipart/alternative message that parses back to the same fields", async () => {
    const message = composeMessage(base);
    expect(message.envelope).toEqual({ from: "digest@paperpulse.test", to: ["reader@example.org"] });
    const raw = message.raw.toString("utf8");
    expect(raw.split("\r\n").every((line) => line.length <= 998)).toBe(true);
    // Header lines are folded at whitespace; only an unbreakable URL may run past 78.
    const head = raw.split("\r\n\r\n")[0]!.split("\r\n");
    expect(head.filter((line) => line.length > 78).every((line) => !/\S\s+\S/.test(line.trim().slice(0, 70)))).toBe(true);
    expect(head.some((line) => line.startsWith(" =?UTF-8?Q?"))).toBe(true);
    const parsed = await simpleParser(message.raw);
    expect(parsed.subject).toBe(base.subject);
    expect(parsed.messageId).toBe(base.messageId);
    expect(parsed.date?.toISOString()).toBe("2026-11-28T07:00:03.000Z");
    expect(parsed.from?.value).toEqual([{ name: "PaperPulse", address: "digest@paperpulse.test" }]);
    expect(parsed.text).toBe(base.text);
    expect(parsed.html).toBe(base.html);
    // mailparser gathers the List-* headers under "list".
    expect(parsed.headers.get("list")).toEqual({
      id: { name: "PaperPulse daily digest", id: "daily.digest.paperpulse.test" },
      unsubscribe: { url: `https://paperpulse.test/api/unsubscribe?token=${"t".repeat(80)}`, mail: `unsubscribe@paperpulse.test?subject=unsubscribe%20${"t".repeat(80)}` },
      "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
    });
  });

  it("is deterministic for a delivery apart from the date", () => {
    expect(composeMessage(base).raw.equals(composeMessage({ ...base }).raw)).toBe(true);
  });

  it("refuses a header value with a line break, and folds a subject that has one", async () => {
    expect(() => composeMessage({ ...base, headers: { "List-Id": "x\r\nBcc: victim@example.org" } })).toThrow(HeaderInjectionError);
    expect(() => composeMessage({ ...base, to: "reader@example.org\r\nBcc: victim@example.org" })).toThrow(HeaderInjectionError);
    const parsed = await simpleParser(composeMessage({ ...base, subject: "Top paper\r\nBcc: victim@example.org" }).raw);
    expect(parsed.subject).toBe("Top paper Bcc: victim@example.org");
    expect(parsed.bcc).toBeUndefined();
  });

  it("keeps a subject that spells encoded words as those characters, and leaves plain subjects readable", async () => {
    for (const subject of [
      "PaperPulse, 28 Nov 2026: =?utf-8?q?Free_money?= now",
      "=?UTF-8?B?SGk=?= and =?iso-8859-1?q?caf=E9?= in a Büttiker title",
      `PaperPulse, 28 Nov 2026: ${"=?utf-8?q?x?= ".repeat(12).trim()}`,
    ]) {
      const parsed = await simpleParser(composeMessage({ ...base, subject }).raw);
      expect(parsed.subject).toBe(subject);
    }
    const plain = composeMessage({ ...base, subject: "PaperPulse, 28 Nov 2026: Sparse attention" }).raw.toString("utf8");
    expect(plain).toContain("\r\nSubject: PaperPulse, 28 Nov 2026: Sparse attention\r\n");
  });

  it("quotes or encodes the sender's display name", async () => {
    const quoted = await simpleParser(composeMessage({ ...base, from: { name: "Paper, Pulse", address: "a@b.test" } }).raw);
    expect(quoted.from?.value).toEqual([{ name: "Paper, Pulse", address: "a@b.test" }]);
    const encoded = await simpleParser(composeMessage({ ...base, from: { name: "Pâpér Pulse", address: "a@b.test" } }).raw);
    expect(encoded.from?.value).toEqual([{ name: "Pâpér Pulse", address: "a@b.test" }]);
  });
});

describe("parseMailAddress", () => {
  it("reads SMTP_FROM forms and rejects lists", () => {
    expect(parseMailAddress("PaperPulse <digest@paperpulse.localhost>")).toEqual({ name: "PaperPulse", address: "digest@paperpulse.localhost" });
    expect(parseMailAddress("digest@paperpulse.localhost")).toEqual({ name: "", address: "digest@paperpulse.localhost" });
    expect(() => parseMailAddress("a@b.test, c@d.test")).toThrow("Not a single email address");
    expect(() => parseMailAddress("nobody")).toThrow("Not a single email address");
  });
});

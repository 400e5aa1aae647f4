import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { DigestEmail, type DigestEmailPaper, type DigestEmailProps } from "@/emails/digest-email";
import { DIGEST_PREVIEWS } from "@/emails/previews";
import { DigestRenderer } from "@/lib/digest/render-digest";

// The fast path (shell rendered once, paper blocks once, slots filled per recipient) must
// give exactly the bytes of rendering the whole react-email template, HTML and text.

async function expectSameAsTemplate(renderer: DigestRenderer, props: DigestEmailProps) {
  const fast = await renderer.render({ papers: props.papers, topicsLabel: props.topicsLabel, manageUrl: props.manageUrl, unsubscribeUrl: props.unsubscribeUrl });
  // The reference: react-email's own render and text conversion of the whole template.
  const html = await render(createElement(DigestEmail, props));
  expect(fast.html).toBe(html);
  expect(fast.text).toBe(toPlainText(html));
}

const tricky: DigestEmailPaper = {
  id: "2611.09999",
  title: `<script>alert("x")</script> & "quotes" it's`,
  url: "https://paperpulse.example/papers/2611.09999?a=1&b=<2>",
  authors: "O'Brien & Søn",
  summary: "Less than < greater than > ampersand & done.",
  upvotes: 1,
  githubStars: 1234567,
  topics: [],
};

describe("DigestRenderer", () => {
  it("renders every preview exactly like the template", async () => {
    for (const props of Object.values(DIGEST_PREVIEWS)) {
      await expectSameAsTemplate(new DigestRenderer({ frequency: props.frequency, periodLabel: props.periodLabel, appUrl: props.appUrl }), props);
    }
  });

  it("escapes like React, reuses its pieces across recipients, and keeps each recipient's links", async () => {
    const base = DIGEST_PREVIEWS["digest-daily"]!;
    const renderer = new DigestRenderer({ frequency: "daily", periodLabel: base.periodLabel, appUrl: base.appUrl });
    const recipients: DigestEmailProps[] = [
      { ...base, papers: [tricky, ...base.papers], topicsLabel: `Agents & "robots" <3`, manageUrl: "https://paperpulse.example/manage?token=a.b&x=<1>", unsubscribeUrl: "https://paperpulse.example/unsubscribe?token=c'd" },
      { ...base, papers: base.papers.slice(0, 1), topicsLabel: "All topics", manageUrl: "https://paperpulse.example/manage?token=second", unsubscribeUrl: "https://paperpulse.example/unsubscribe?token=second" },
      { ...base, papers: [...base.papers].reverse() },
    ];
    for (const props of recipients) await expectSameAsTemplate(renderer, props);
    const first = await renderer.render({ papers: recipients[0]!.papers, topicsLabel: "x", manageUrl: "https://m/1", unsubscribeUrl: "https://u/1" });
    expect(first.html).not.toContain("<script>");
    expect(first.html).toContain("&lt;script&gt;");
    expect(first.text).toContain("Manage your digest https://m/1 · Unsubscribe https://u/1");
  });
});

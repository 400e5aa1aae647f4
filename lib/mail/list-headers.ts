import { getEnv } from "@/lib/env";

// Headers that make a digest a well-behaved list message (RFC 2369, 2919, 8058, 3834).
// Gmail and Yahoo require one-click unsubscribe from bulk senders: List-Unsubscribe with
// an https URL that accepts a POST, plus List-Unsubscribe-Post.

/** The host the app's ids are minted under (Message-ID right-hand side, List-Id). */
export function mailDomain(): string {
  return new URL(getEnv().appUrl).hostname.replace(/^\[|\]$/g, "") || "paperpulse.localhost";
}

export function listHeaders(input: { frequency: "daily" | "weekly"; oneClickUrl: string; mailtoSubject: string }): Record<string, string> {
  const mailto = getEnv().LIST_UNSUBSCRIBE_MAILTO;
  const targets = [`<${input.oneClickUrl}>`];
  if (mailto) targets.push(`<mailto:${mailto}?subject=${encodeURIComponent(input.mailtoSubject)}>`);
  return {
    "List-Id": `PaperPulse ${input.frequency} digest <${input.frequency}.digest.${mailDomain()}>`,
    "List-Unsubscribe": targets.join(", "),
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    // Automated mail: out-of-office replies and vacation responders stay quiet (RFC 3834).
    "Auto-Submitted": "auto-generated",
  };
}

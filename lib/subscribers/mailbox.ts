import { createHash } from "node:crypto";

// The mailbox an address delivers to, for the per-mailbox limits (sign-ups per hour, one
// confirmation email per hour). `target+1@example.org` … `target+25@example.org` all reach
// `target@example.org`, so they share one budget. Subscribers are still stored per exact
// address (docs/digest.md, "One mailbox, several addresses"): a plus tag is how people
// file mail, and a reader may want two digests with different topics.

/** Providers whose documented aliases are known: Gmail ignores dots and has two domains. */
const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/** Lower-cased, `+tag` removed (and Gmail's dots and second domain folded). */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at <= 0) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  // "+tag@…" alone has no mailbox name before the tag: keep it whole rather than fold every
  // such address of a domain into one.
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "") || local;
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/** What the limit tables store instead of the address (SHA-256 of the mailbox key, hex). */
export function mailboxHash(email: string): string {
  return createHash("sha256").update(mailboxKey(email)).digest("hex");
}

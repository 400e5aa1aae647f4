import { LinkifyIt } from "linkify-it";

// http(s) links in running text (abstracts), found with linkify-it: it knows where a URL
// ends in prose (a closing parenthesis or full stop after it is not part of it). Only links
// written with http:// or https:// count: no bare hosts (Fig.3, Phys.Rev), no e-mail
// addresses, no mailto:, ftp: or protocol-relative //host links, and so never javascript:.

export interface TextPart {
  text: string;
  /** Set when the part is a link: the address it points to (http or https). */
  href?: string;
}

const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add("ftp:", null).add("mailto:", null).add("//", null);

/** Text cut into plain parts and http(s) links; one plain part when there is no link. */
export function splitLinks(text: string): TextPart[] {
  if (!/https?:\/\//i.test(text)) return [{ text }];
  const matches = linkify.match(text) ?? [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of matches) {
    const href = safeHttpUrl(match.url);
    if (!href) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: match.raw, href });
    at = match.lastIndex;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

function safeHttpUrl(candidate: string): string | null {
  if (!URL.canParse(candidate)) return null;
  const url = new URL(candidate);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

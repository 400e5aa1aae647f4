import type { PaperInput } from "@/lib/ingest/paper-input";
import { normalizeText } from "@/lib/ingest/text";
import { parseArxivId, type ArxivId } from "@/lib/papers/arxiv-id";
import { isObject, parseXmlDocument, readDate, readRequiredText, readText, rootName, toArray } from "./arxiv-atom";
import { ANNOUNCE_TYPES, checkPaperInput, type AnnounceType, type ItemError, type ParsedItem, type ParseResult } from "./types";

// rss.arxiv.org/rss/<cats>: one RSS 2.0 <item> per paper announced that day, with
// arxiv:announce_type, dc:creator and dc:rights. Namespace prefixes are dropped by the XML
// reader, so these arrive as announce_type, creator and rights.
//
// RSS does not carry the submission time, comment, DOI or journal ref: those stay undefined
// ("unknown") so an RSS import never erases what the API told us. publishedAt is required by
// PaperInput, so it is the announce time: exact enough for a v1 "new" item, later than the
// truth for a replacement; the upsert should keep the earlier of stored and incoming.
// listedOn is the announce day for new and cross items only (see parseItem).

const ARRAY_TAGS = ["item", "category", "creator"] as const;
const DESCRIPTION_HEADER = /^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*/i;
const GUID_PREFIX = /^oai:arXiv\.org:/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function parseArxivRss(xml: string): ParseResult {
  const parsed = parseXmlDocument(xml, ARRAY_TAGS);
  if ("error" in parsed) return { items: [], errors: [], payloadError: parsed.error };
  const rss = parsed.doc.rss;
  const channel = isObject(rss) ? rss.channel : undefined;
  if (!isObject(channel)) {
    return { items: [], errors: [], payloadError: `Not an RSS 2.0 feed: root element is <${rootName(parsed.doc)}>` };
  }
  // Items normally carry their own pubDate; the channel's is the same announce day.
  const channelPubDate = readText(channel.pubDate);
  const items: ParsedItem[] = [];
  const errors: ItemError[] = [];
  toArray(channel.item).forEach((item, index) => {
    const outcome = parseItem(item, index, channelPubDate);
    if ("item" in outcome) items.push(outcome.item);
    else errors.push(outcome.error);
  });
  return { items, errors };
}

function parseItem(item: unknown, index: number, channelPubDate: string | undefined): { item: ParsedItem } | { error: ItemError } {
  if (!isObject(item)) return { error: { index, message: "item: is empty" } };
  const description = readText(item.description) ?? "";
  const header = DESCRIPTION_HEADER.exec(description);
  const guid = readText(item.guid)?.trim() ?? "";
  const link = readText(item.link)?.trim() ?? "";

  const fromGuid = guid ? parseArxivId(guid.replace(GUID_PREFIX, "")) : null;
  const fromHeader = header?.[1] ? parseArxivId(header[1]) : null;
  const fromLink = link ? parseArxivId(link) : null;
  const arxivId = fromGuid ?? fromHeader ?? fromLink;
  const fail = (message: string) => ({ error: { index, id: arxivId?.id ?? (guid || undefined), message } });
  if (!arxivId) return fail(guid ? `guid: "${guid.slice(0, 80)}" is not an arXiv id` : "guid: required");
  const mismatch = [fromHeader, fromLink].find((other): other is ArxivId => other !== null && other.id !== arxivId.id);
  if (mismatch) return fail(`link: points to ${mismatch.id} but guid is ${arxivId.id}`);

  const announce = readAnnounceType(readText(item.announce_type) ?? header?.[2]);
  if ("error" in announce) return fail(announce.error);

  const title = readRequiredText(item, "title", "none");
  if ("error" in title) return fail(title.error);

  const pubDateText = readText(item.pubDate)?.trim() || channelPubDate?.trim();
  if (!pubDateText) return fail("pubDate: required");
  const announced = readDate({ pubDate: pubDateText }, "pubDate");
  if ("error" in announced) return fail(announced.error);
  const listedOn = readWrittenDay(pubDateText);
  if (!announced.date || !listedOn) return fail(`pubDate: "${pubDateText.slice(0, 40)}" is not an RFC 822 date`);

  // absonly is a metadata-only replacement. A replacement re-announces an older paper: it
  // must not move that paper into today's feed, so its listing day stays unknown.
  const isReplacement = announce.type === "replace" || announce.type === "replace-cross" || announce.type === "absonly";
  const input: PaperInput = {
    id: arxivId.id,
    // guid and header carry the announced version; 1 is a floor for a feed that omits it.
    version: fromGuid?.version ?? fromHeader?.version ?? 1,
    title: title.text,
    abstract: normalizeText(description.slice(header?.[0].length ?? 0).replace(/^\s*Abstract:\s*/i, ""), {
      paragraphs: "indent",
    }),
    authors: toArray(item.creator).flatMap((creator) => splitAuthorList(readText(creator) ?? "")),
    publishedAt: announced.date,
    updatedAt: isReplacement ? announced.date : undefined,
    listedOn: isReplacement ? undefined : listedOn,
    categories: readCategories(item.category),
    source: "arxiv_rss",
  };
  return checkPaperInput(input, index, { announceType: announce.type });
}

function readAnnounceType(raw: string | undefined): { type: AnnounceType } | { error: string } {
  const value = raw?.trim().toLowerCase();
  if (!value) return { error: "announceType: required" };
  const known = ANNOUNCE_TYPES.find((type) => type === value);
  return known
    ? { type: known }
    : { error: `announceType: unknown "${value.slice(0, 40)}" (expected ${ANNOUNCE_TYPES.join(", ")})` };
}

function readCategories(nodes: unknown): string[] {
  const terms = toArray(nodes)
    .map((node) => normalizeText(readText(node) ?? "", { paragraphs: "none" }))
    .filter((term) => term !== "");
  return [...new Set(terms)];
}

/**
 * The listing day as written in the feed: "Thu, 12 Jun 2026 00:00:00 -0400" -> "2026-06-12".
 * arXiv stamps items with midnight US Eastern of the announce day; converting to UTC would
 * keep the day only by luck of the offset, and any later stamp (announcements go out at
 * 20:00 Eastern the evening before) would roll into the next UTC day. ISO dates are accepted
 * the same way, by their written date.
 */
export function readWrittenDay(pubDate: string): string | undefined {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(pubDate);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{4})\b/.exec(pubDate);
  if (!rfc?.[1] || !rfc[2] || !rfc[3]) return undefined;
  const month = MONTHS.indexOf(rfc[2].toLowerCase()) + 1;
  const dayOfMonth = Number.parseInt(rfc[1], 10);
  if (month === 0 || dayOfMonth < 1 || dayOfMonth > 31) return undefined;
  return `${rfc[3]}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`;
}

const NAME_SUFFIX = /^(?:Jr|Sr)\.?$|^(?:II|III|IV)$/;

/**
 * dc:creator is one comma-joined string: "A. One, B. Two, and C. Three", "A. One and B. Two",
 * sometimes with a trailing comma. "and" only separates as a whole word, so "Anand" or
 * "Alexander Sandberg" survive; a "Jr." split off by its comma goes back onto its name.
 */
export function splitAuthorList(creator: string): string[] {
  const names: string[] = [];
  const flat = normalizeText(creator, { paragraphs: "none" });
  for (const chunk of flat.split(/\s*[,;]\s*/)) {
    for (const part of chunk.replace(/^and\s+/, "").split(/\s+and\s+/)) {
      const name = part.trim();
      if (name === "") continue;
      const previous = names.at(-1);
      if (NAME_SUFFIX.test(name) && previous !== undefined) names[names.length - 1] = `${previous}, ${name}`;
      else names.push(name);
    }
  }
  return names;
}

import type { PaperInput } from "@/lib/ingest/paper-input";
import { normalizeText } from "@/lib/ingest/text";
import { parseArxivId, submissionMonth, type ArxivId } from "@/lib/papers/arxiv-id";
import {
  isObject,
  parseXmlDocument,
  readAttribute,
  readDate,
  readRequiredText,
  readText,
  rootName,
  splitCategoryTerms,
  toArray,
} from "./arxiv-atom";
import {
  ANNOUNCE_TYPES,
  checkPaperInput,
  type AnnounceType,
  type ItemError,
  type ParsedItem,
  type ParseResult,
  titleForError,
} from "./types";

// arXiv's daily announcements, in its two spellings:
// - rss.arxiv.org/rss/<cats>: RSS 2.0, one <item> per paper, date in <pubDate>;
// - rss.arxiv.org/atom/<cats>: the same listing as Atom, one <entry> per paper, id
//   oai:arXiv.org:<id>v<n>, date in <published>, categories as term attributes.
// Both carry arxiv:announce_type, dc:creator, dc:rights and, when the paper has them,
// arxiv:DOI and arxiv:journal_reference. Namespace prefixes are dropped by the XML reader.
//
// Dates: an item says only the day it was announced. That is the listed day of a new paper
// (and of a fresh cross-listing); it is not when any version was submitted, so publishedAt
// and updatedAt stay undefined ("unknown") and never overwrite a real date from the API or
// Hugging Face. A paper first seen here gets its listed day as an ordering estimate that is
// never shown as a date (PaperInput.publishedAt). The id still tells the submission month.
//
// Old papers announced again (replace, replace-cross, absonly, and cross-listings of a paper
// from before last month) update a stored paper and never create one (ParsedItem.updateOnly).
// Comments are not in the feed: they stay as the API left them.

const DESCRIPTION_HEADER = /^\s*arXiv:(\S+)\s+Announce Type:\s*([\w-]+)\s*/i;
const GUID_PREFIX = /^oai:arXiv\.org:/i;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** arXiv answers a bad category with a feed titled like this and no items. */
const FEED_ERROR = /^\s*Feed error for query/i;

/** One announcement, whichever spelling it came in. */
interface Announcement {
  guid: string;
  /** Where the guid was: <guid> in RSS 2.0, <id> in the Atom form; error messages name it. */
  guidField: "guid" | "id";
  link: string;
  description: string;
  announceType: string | undefined;
  titleNode: unknown;
  date: string | undefined;
  dateField: "pubDate" | "published";
  categories: string[];
  creators: string[];
  doi: string | undefined;
  journalRef: string | undefined;
}

export function parseArxivRss(xml: string): ParseResult {
  const parsed = parseXmlDocument(xml, ["item", "category", "creator"]);
  if ("error" in parsed) return { items: [], errors: [], payloadError: parsed.error };
  const rss = parsed.doc.rss;
  const channel = isObject(rss) ? rss.channel : undefined;
  if (!isObject(channel)) {
    return { items: [], errors: [], payloadError: `Not an RSS 2.0 feed: root element is <${rootName(parsed.doc)}>` };
  }
  const feedError = readFeedError(channel.title, toArray(channel.item).length);
  if (feedError) return { items: [], errors: [], payloadError: feedError };
  // Items normally carry their own pubDate; the channel's is the same announce day.
  const channelPubDate = readText(channel.pubDate)?.trim();
  return parseAnnouncements(
    toArray(channel.item).map((item) =>
      isObject(item)
        ? {
            guid: readText(item.guid)?.trim() ?? "",
            guidField: "guid",
            link: readText(item.link)?.trim() ?? "",
            description: readText(item.description) ?? "",
            announceType: readText(item.announce_type),
            titleNode: item.title,
            date: readText(item.pubDate)?.trim() || channelPubDate,
            dateField: "pubDate",
            categories: toArray(item.category).map((node) => readText(node) ?? ""),
            creators: toArray(item.creator).map((node) => readText(node) ?? ""),
            doi: readText(item.DOI),
            journalRef: readText(item.journal_reference),
          }
        : null,
    ),
  );
}

/** rss.arxiv.org/atom/<cats>: the announcement listing as Atom (not the API's Atom). */
export function parseArxivRssAtom(xml: string): ParseResult {
  const parsed = parseXmlDocument(xml, ["entry", "category", "creator", "link"]);
  if ("error" in parsed) return { items: [], errors: [], payloadError: parsed.error };
  const feed = parsed.doc.feed;
  if (!isObject(feed)) {
    return { items: [], errors: [], payloadError: `Not an Atom feed: root element is <${rootName(parsed.doc)}>` };
  }
  const feedError = readFeedError(feed.title, toArray(feed.entry).length);
  if (feedError) return { items: [], errors: [], payloadError: feedError };
  return parseAnnouncements(
    toArray(feed.entry).map((entry) =>
      isObject(entry)
        ? {
            guid: readText(entry.id)?.trim() ?? "",
            guidField: "id",
            link: readAlternateLink(entry.link),
            description: readText(entry.summary) ?? "",
            announceType: readText(entry.announce_type),
            titleNode: entry.title,
            date: readText(entry.published)?.trim(),
            dateField: "published",
            categories: toArray(entry.category).map((node) => readAttribute(node, "term") ?? ""),
            creators: toArray(entry.creator).map((node) => readText(node) ?? ""),
            doi: readText(entry.DOI),
            journalRef: readText(entry.journal_reference),
          }
        : null,
    ),
  );
}

function readFeedError(title: unknown, itemCount: number): string | undefined {
  const text = normalizeText(readText(title) ?? "", { paragraphs: "none" });
  return itemCount === 0 && FEED_ERROR.test(text) ? `arXiv RSS error: ${text.slice(0, 200)}` : undefined;
}

function readAlternateLink(links: unknown): string {
  const nodes = toArray(links);
  const alternate = nodes.find((node) => (readAttribute(node, "rel") ?? "alternate") === "alternate") ?? nodes[0];
  return readAttribute(alternate, "href")?.trim() ?? "";
}

function parseAnnouncements(announcements: (Announcement | null)[]): ParseResult {
  const items: ParsedItem[] = [];
  const errors: ItemError[] = [];
  announcements.forEach((announcement, index) => {
    const outcome = announcement ? parseAnnouncement(announcement, index) : { error: { index, message: "item: is empty" } };
    if ("item" in outcome) items.push(outcome.item);
    else errors.push(outcome.error);
  });
  return { items, errors };
}

function parseAnnouncement(item: Announcement, index: number): { item: ParsedItem } | { error: ItemError } {
  const header = DESCRIPTION_HEADER.exec(item.description);
  const { guid, link } = item;

  const fromGuid = guid ? parseArxivId(guid.replace(GUID_PREFIX, "")) : null;
  const fromHeader = header?.[1] ? parseArxivId(header[1]) : null;
  const fromLink = link ? parseArxivId(link) : null;
  const arxivId = fromGuid ?? fromHeader ?? fromLink;
  const rawTitle = titleForError(readText(item.titleNode));
  const fail = (message: string) => ({
    error: { index, id: arxivId?.id ?? (guid.slice(0, 100) || undefined), ...(rawTitle ? { title: rawTitle } : {}), message },
  });
  const field = item.guidField;
  if (!arxivId) return fail(guid ? `${field}: "${guid.slice(0, 80)}" is not an arXiv id` : `${field}: required`);
  const mismatch = [fromHeader, fromLink].find((other): other is ArxivId => other !== null && other.id !== arxivId.id);
  if (mismatch) return fail(`link: points to ${mismatch.id} but ${field} is ${arxivId.id}`);

  const announce = readAnnounceType(item.announceType ?? header?.[2]);
  if ("error" in announce) return fail(announce.error);

  const title = readRequiredText({ title: item.titleNode }, "title", "none");
  if ("error" in title) return fail(title.error);

  const dateText = item.date;
  if (!dateText) return fail(`${item.dateField}: required`);
  const announced = readDate({ [item.dateField]: dateText }, item.dateField);
  if ("error" in announced) return fail(announced.error);
  const announcedOn = readWrittenDay(dateText);
  if (!announced.date || !announcedOn) return fail(`${item.dateField}: "${dateText.slice(0, 40)}" is not a date`);

  const updateOnly = isReannouncement(announce.type, arxivId.id, announcedOn);
  const terms = splitCategoryTerms(item.categories.map((term) => normalizeText(term, { paragraphs: "none" })));
  const doi = readOptional(item.doi);
  const journalRef = readOptional(item.journalRef);
  const input: PaperInput = {
    id: arxivId.id,
    // guid and header carry the announced version; 1 is a floor for a feed that omits it.
    version: fromGuid?.version ?? fromHeader?.version ?? 1,
    title: title.text,
    abstract: normalizeText(item.description.slice(header?.[0].length ?? 0).replace(/^\s*Abstract:\s*/i, ""), {
      paragraphs: "indent",
    }),
    authors: item.creators.flatMap(splitAuthorList),
    listedOn: updateOnly ? undefined : announcedOn,
    categories: terms.categories,
    subjectClasses: terms.subjectClasses,
    // Present only when the paper has one; absence says nothing, so it never erases.
    ...(doi ? { doi } : {}),
    ...(journalRef ? { journalRef } : {}),
    source: "arxiv_rss",
  };
  return checkPaperInput(input, index, { announceType: announce.type, ...(updateOnly ? { updateOnly } : {}) });
}

function readOptional(raw: string | undefined): string | undefined {
  const text = normalizeText(raw ?? "", { paragraphs: "none" });
  return text === "" ? undefined : text;
}

/**
 * Replacements re-announce an older paper. So does a cross-listing of a paper submitted
 * before last month (arXiv announces an added category as "cross", e.g. a 2022 paper in a
 * 2026 listing); a fresh cross-listing is announced with the paper itself, at most a few days
 * after submission, which can fall in the next month. Neither old case belongs on today's feed.
 */
function isReannouncement(type: AnnounceType, id: string, announcedOn: string): boolean {
  if (type === "replace" || type === "replace-cross" || type === "absonly") return true;
  if (type !== "cross") return false;
  const submitted = submissionMonth(id);
  return submitted !== null && submitted < previousMonth(announcedOn.slice(0, 7));
}

function previousMonth(month: string): string {
  const [year, number] = month.split("-").map((part) => Number.parseInt(part, 10)) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, "0")}`;
}

function readAnnounceType(raw: string | undefined): { type: AnnounceType } | { error: string } {
  const value = raw?.trim().toLowerCase();
  if (!value) return { error: "announceType: required" };
  const known = ANNOUNCE_TYPES.find((type) => type === value);
  return known
    ? { type: known }
    : { error: `announceType: unknown "${value.slice(0, 40)}" (expected ${ANNOUNCE_TYPES.join(", ")})` };
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

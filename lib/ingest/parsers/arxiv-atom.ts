import { XMLParser, XMLValidator } from "fast-xml-parser";
import { ARXIV_CATEGORY, type PaperInput } from "@/lib/ingest/paper-input";
import { extractLinksFromComment, normalizeText } from "@/lib/ingest/text";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { checkPaperInput, type ItemError, type ParsedItem, type ParseResult, titleForError } from "./types";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";

// arXiv API responses (export.arxiv.org/api/query): an Atom feed, one <entry> per paper, with
// arxiv:* extension elements. The API is the full metadata record of a paper, so an absent
// comment/doi/journal_ref means "none" (null) rather than "unknown".

type XmlObject = Record<string, unknown>;

const UNCLOSED_AT_END = /^Invalid '\[([^\]]*)\]' found\.$/;

/**
 * Validates first because XMLParser silently returns {} for many malformed documents.
 * Namespace prefixes are removed so arxiv:comment is read as "comment" whatever prefix the
 * feed declares. Values stay strings (parseTagValue off: a title "2048" must not become a
 * number) and untrimmed (trimming would glue text around a CDATA section); normalizeText
 * handles whitespace. Entities are decoded once here, by the parser, and never again.
 */
export function parseXmlDocument(xml: string, arrayTags: readonly string[]): { doc: XmlObject } | { error: string } {
  // arXiv never declares entities; refusing them rules out entity-expansion payloads.
  if (/<!ENTITY/i.test(xml)) return { error: "XML entity declarations are not accepted" };
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    const unclosed = UNCLOSED_AT_END.exec(msg);
    if (unclosed?.[1]) {
      // The validator reports elements still open at the end as a JSON list "at line 1, column 1".
      const names = [...unclosed[1].matchAll(/"([^"]+)"/g)].map((match) => `<${match[1]}>`);
      return { error: `Malformed XML: the document ends with ${names.join(", ")} still open (a truncated download?)` };
    }
    return { error: `Malformed XML at line ${line}, column ${col}: ${msg}` };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name, _jPath, _isLeaf, isAttribute) => !isAttribute && arrayTags.includes(name),
  });
  try {
    const doc: unknown = parser.parse(xml);
    return isObject(doc) ? { doc } : { error: "XML document is empty" };
  } catch (error) {
    return { error: `Malformed XML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function isObject(value: unknown): value is XmlObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function toArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text content of an element; undefined when the element is absent. */
export function readText(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === "string") return node;
  if (typeof node === "number" || typeof node === "boolean") return String(node);
  if (Array.isArray(node)) return readText(node[0]);
  if (isObject(node)) {
    const text = node["#text"];
    return typeof text === "string" ? text : text === undefined ? "" : String(text);
  }
  return undefined;
}

export function readAttribute(node: unknown, name: string): string | undefined {
  const value = isObject(node) ? node[`@_${name}`] : undefined;
  return typeof value === "string" ? value : undefined;
}

/**
 * Markup in a title must arrive as escaped text; a raw child element means the producer put
 * unescaped HTML in the feed and we cannot tell what the title was.
 */
export function hasChildElements(node: unknown): boolean {
  return isObject(node) && Object.keys(node).some((key) => key !== "#text" && !key.startsWith("@_"));
}

/** Reads a required text element as normalized text, or the error naming the field. */
export function readRequiredText(
  parent: XmlObject,
  key: string,
  paragraphs: "none" | "indent",
): { text: string } | { error: string } {
  const node = parent[key];
  if (hasChildElements(node)) return { error: `${key}: contains XML elements; expected escaped text` };
  const raw = readText(node);
  if (raw === undefined) return { error: `${key}: required` };
  return { text: normalizeText(raw, { paragraphs }) };
}

export function readDate(parent: XmlObject, key: string): { date?: Date } | { error: string } {
  const raw = readText(parent[key])?.trim();
  if (!raw) return {};
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? { error: `${key}: "${raw.slice(0, 40)}" is not a date` } : { date };
}

const ARRAY_TAGS = ["entry", "author", "category", "link", "affiliation"] as const;
const API_ERROR_ID = /^https?:\/\/(?:export\.)?arxiv\.org\/api\/errors/i;

export function parseArxivAtom(xml: string): ParseResult {
  const parsed = parseXmlDocument(xml, ARRAY_TAGS);
  if ("error" in parsed) return { items: [], errors: [], payloadError: parsed.error };
  const feed = parsed.doc.feed;
  if (!isObject(feed)) {
    return { items: [], errors: [], payloadError: `Not an Atom feed: root element is <${rootName(parsed.doc)}>` };
  }
  const entries = toArray(feed.entry);

  // The API reports a bad query as a feed with a single error entry, with HTTP 400 or even 200.
  for (const entry of entries) {
    if (isObject(entry) && API_ERROR_ID.test(readText(entry.id)?.trim() ?? "")) {
      const detail = normalizeText(readText(entry.summary) ?? readText(entry.title) ?? "unknown error", { paragraphs: "none" });
      return { items: [], errors: [], payloadError: `arXiv API error: ${detail}` };
    }
  }

  const items: ParsedItem[] = [];
  const errors: ItemError[] = [];
  entries.forEach((entry, index) => {
    const outcome = parseEntry(entry, index);
    if ("item" in outcome) items.push(outcome.item);
    else errors.push(outcome.error);
  });
  return { items, errors };
}

export function rootName(doc: XmlObject): string {
  return Object.keys(doc).find((key) => key !== "?xml" && !key.startsWith("@_") && key !== "#text") ?? "none";
}

function parseEntry(entry: unknown, index: number): { item: ParsedItem } | { error: ItemError } {
  if (!isObject(entry)) return { error: { index, message: "entry: is empty" } };
  const rawId = readText(entry.id)?.trim();
  const rawTitle = titleForError(readText(entry.title));
  const fail = (message: string) => ({ error: { index, id: rawId?.slice(0, 100) || undefined, ...(rawTitle ? { title: rawTitle } : {}), message } });
  if (!rawId) return fail("id: required");
  const arxivId = parseArxivId(rawId);
  if (!arxivId) return fail(`id: "${rawId.slice(0, 80)}" is not an arXiv id`);

  const title = readRequiredText(entry, "title", "none");
  if ("error" in title) return fail(title.error);
  const summary = readRequiredText(entry, "summary", "indent");
  if ("error" in summary) return fail(summary.error);
  const published = readDate(entry, "published");
  if ("error" in published) return fail(published.error);
  if (!published.date) return fail("published: required");
  const updated = readDate(entry, "updated");
  if ("error" in updated) return fail(updated.error);

  const { authors, affiliations } = readAuthors(entry.author);
  const primaryTerm = readAttribute(entry.primary_category, "term")?.trim() || null;
  const primaryCategory = primaryTerm && ARXIV_CATEGORY.test(primaryTerm) ? primaryTerm : null;
  const terms = splitCategoryTerms(readTerms(entry.category));
  const comment = readOptionalText(entry.comment);
  const links = extractLinksFromComment(comment);

  const input: PaperInput = {
    id: arxivId.id,
    // The API always versions its ids; 1 is a floor for a producer that does not.
    version: arxivId.version ?? 1,
    title: title.text,
    abstract: summary.text,
    authors,
    publishedAt: published.date,
    updatedAt: updated.date,
    primaryCategory,
    // Primary first if the feed left it out of the list.
    categories: primaryCategory && !terms.categories.includes(primaryCategory) ? [primaryCategory, ...terms.categories] : terms.categories,
    subjectClasses: terms.subjectClasses,
    comment,
    doi: readOptionalText(entry.doi) ?? readDoiLink(entry.link),
    journalRef: readOptionalText(entry.journal_ref),
    // Only what the comment states; a comment without a repo says nothing about HF's repo.
    githubRepo: links.githubRepo,
    projectPage: links.projectPage,
    source: "arxiv_api",
  };
  return checkPaperInput(input, index, Object.keys(affiliations).length > 0 ? { affiliations } : {});
}

function readAuthors(nodes: unknown): { authors: string[]; affiliations: Record<string, string[]> } {
  const authors: string[] = [];
  const affiliations = new Map<string, string[]>();
  for (const node of toArray(nodes)) {
    if (!isObject(node)) continue;
    const name = normalizeText(readText(node.name) ?? "", { paragraphs: "none" });
    if (name === "") continue;
    authors.push(name);
    const places = toArray(node.affiliation)
      .map((place) => normalizeText(readText(place) ?? "", { paragraphs: "none" }))
      .filter((place) => place !== "");
    if (places.length === 0) continue;
    // Two authors with the same name share one key; keep every affiliation, once.
    const known = affiliations.get(name) ?? [];
    affiliations.set(name, [...new Set([...known, ...places])]);
  }
  // fromEntries defines own properties, so an author called "__proto__" cannot touch the prototype.
  return { authors, affiliations: Object.fromEntries(affiliations) };
}

function readTerms(nodes: unknown): string[] {
  return toArray(nodes).map((node) => readAttribute(node, "term") ?? "");
}

const MAX_SUBJECT_CLASS_LENGTH = 100;

/**
 * Category terms in feed order, split into arXiv categories (cs.CL, math.NA) and the MSC/ACM
 * subject classes arXiv sends the same way: one term may list several, "35J20, 35B38, 65Jxx"
 * or "I.2.7; F.2.2". A class is information about the paper, never a reason to refuse it; a
 * piece too long to be a class is dropped.
 */
export function splitCategoryTerms(terms: readonly string[]): { categories: string[]; subjectClasses: string[] } {
  const categories = new Set<string>();
  const subjectClasses = new Set<string>();
  for (const raw of terms) {
    const term = raw.replace(/\s+/g, " ").trim();
    if (term === "") continue;
    if (ARXIV_CATEGORY.test(term) && term.length <= 32) {
      categories.add(term);
      continue;
    }
    for (const piece of term.split(/\s*[,;]\s*/)) {
      if (piece !== "" && piece.length <= MAX_SUBJECT_CLASS_LENGTH) subjectClasses.add(piece);
    }
  }
  return { categories: [...categories], subjectClasses: [...subjectClasses] };
}

function readOptionalText(node: unknown): string | null {
  const raw = readText(node);
  if (raw === undefined) return null;
  const text = normalizeText(raw, { paragraphs: "none" });
  return text === "" ? null : text;
}

/** <link title="doi" href="http://dx.doi.org/10.x/y"/>: used when arxiv:doi is missing. */
function readDoiLink(links: unknown): string | null {
  for (const link of toArray(links)) {
    if (readAttribute(link, "title") !== "doi") continue;
    const href = readAttribute(link, "href")?.trim();
    const doi = href?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "");
    // A stray "%" in a DOI href: keep the DOI as written rather than lose it.
    if (doi) return decodeUriComponentOrNull(doi) ?? doi;
  }
  return null;
}


import { parseArxivAtom } from "./arxiv-atom";
import { parseArxivRss, parseArxivRssAtom } from "./arxiv-rss";
import { parseHfDailyPapers } from "./hf-daily-papers";
import type { ParseResult } from "./types";

export type PayloadFormat = "hf-json" | "arxiv-atom" | "arxiv-rss" | "arxiv-rss-atom";

/** A day of HF papers is ~200 KB and an arXiv RSS feed a few MB; 20 MB is far past any real payload. */
export const MAX_PAYLOAD_BYTES = 20 * 1024 * 1024;

const JSON_TYPES = /^(?:application|text)\/(?:[\w.+-]+\+)?json$/;
const XML_TYPES = /^(?:application|text)\/(?:[\w.+-]+\+)?xml$/;
/** Types that say nothing about the body, so the body decides. */
const NEUTRAL_TYPES = new Set(["", "text/plain", "application/octet-stream", "binary/octet-stream"]);

type Detection = { format: PayloadFormat } | { error: string };

export function detectFormat(body: string, contentType?: string): PayloadFormat | null {
  const detection = classify(body, contentType);
  return "format" in detection ? detection.format : null;
}

export function parsePayload(body: string, contentType?: string): ParseResult & { format: PayloadFormat | null } {
  if (exceedsPayloadLimit(body)) {
    return failure(`Payload is larger than the ${formatMegabytes(MAX_PAYLOAD_BYTES)} limit`);
  }
  const detection = classify(body, contentType);
  if ("error" in detection) return failure(detection.error);
  switch (detection.format) {
    case "hf-json": {
      const json = parseJson(body);
      if ("error" in json) return { ...failure(json.error), format: "hf-json" };
      return { ...parseHfDailyPapers(json.value), format: "hf-json" };
    }
    case "arxiv-atom":
      return { ...parseArxivAtom(body), format: "arxiv-atom" };
    case "arxiv-rss":
      return { ...parseArxivRss(body), format: "arxiv-rss" };
    case "arxiv-rss-atom":
      return { ...parseArxivRssAtom(body), format: "arxiv-rss-atom" };
  }
}

function failure(payloadError: string): ParseResult & { format: null } {
  return { items: [], errors: [], payloadError, format: null };
}

/**
 * The declared type is trusted only to rule things out (an image, an HTML page); which of
 * the formats it is comes from the body, because arXiv serves Atom as
 * application/atom+xml, RSS as application/rss+xml or text/xml, and proxies relabel freely.
 */
function classify(body: string, contentType: string | undefined): Detection {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const known = NEUTRAL_TYPES.has(mediaType) || JSON_TYPES.test(mediaType) || XML_TYPES.test(mediaType);
  if (!known && mediaType !== "text/html") {
    return { error: `Content type "${mediaType}" is not a paper feed (expected JSON, Atom or RSS)` };
  }
  const text = stripPrologue(body);
  if (text === "") return { error: "Payload is empty" };

  const first = text[0];
  if (first === "[" || first === "{") {
    if (XML_TYPES.test(mediaType)) return { error: `Content type "${mediaType}" declares XML but the body is JSON` };
    if (mediaType === "text/html") return { error: "Content type text/html is not a paper feed" };
    return { format: "hf-json" };
  }
  if (first !== "<") {
    return { error: JSON_TYPES.test(mediaType) ? jsonError(body) : "Payload is neither JSON nor XML" };
  }
  if (JSON_TYPES.test(mediaType)) return { error: `Content type "${mediaType}" declares JSON but the body is XML` };

  const root = readRootElement(text);
  // Some servers label feeds text/html; a real HTML page (rate limit, captcha, 404) is refused here.
  if (root === "feed") return { format: RSS_AS_ATOM.test(text) ? "arxiv-rss-atom" : "arxiv-atom" };
  if (root === "rss") return { format: "arxiv-rss" };
  if (root === "html" || mediaType === "text/html") return { error: "Payload is an HTML page, not a paper feed" };
  if (root === "rdf:rdf" || root === "rdf") return { error: "RSS 1.0 (RDF) feeds are not supported; use rss.arxiv.org/rss/<category>" };
  return { error: root ? `Unsupported XML document with root element <${root}>` : "Payload is not well-formed XML" };
}

/**
 * arXiv's announcement listing as Atom (rss.arxiv.org/atom/<cat>) has the API's root element
 * but not its shape: oai:arXiv.org:<id>v<n> ids, arxiv:announce_type, the feed's own address.
 */
const RSS_AS_ATOM = /<id>\s*(?:https?:\/\/rss\.arxiv\.org\/atom\/|oai:arXiv\.org:)|<(?:[\w-]+:)?announce_type[\s>]/i;

/** Byte-order mark and leading whitespace would hide the first significant character. */
function stripPrologue(body: string): string {
  return body.replace(/^\uFEFF/, "").trimStart();
}

/** Name of the first element, skipping the XML declaration, comments, PIs and DOCTYPE. */
function readRootElement(text: string): string | null {
  const match = /^(?:\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>))*\s*<([A-Za-z_][\w:.-]*)/i.exec(text);
  if (!match?.[1]) return null;
  const name = match[1].toLowerCase();
  return name === "rdf:rdf" ? name : (name.split(":").pop() ?? name);
}

function parseJson(body: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(body) };
  } catch (error) {
    if (error instanceof SyntaxError) return { error: jsonErrorMessage(body, error) };
    throw error;
  }
}

function jsonError(body: string): string {
  const parsed = parseJson(body);
  return "error" in parsed ? parsed.error : "Payload is not a JSON array or object";
}

/**
 * V8 says "... in JSON at position 123 (line 1 column 124)", "Unexpected end of JSON input"
 * (= at the end), or for a bad first token "Unexpected token 'o', "not json" is not valid
 * JSON", which has no position to report.
 */
function jsonErrorMessage(body: string, error: SyntaxError): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position !== undefined) {
    const detail = error.message.replace(/\s*(?:in|after) JSON at position \d+(?:\s*\(line \d+ column \d+\))?/, "");
    return `Malformed JSON at position ${position}: ${detail}`;
  }
  if (/end of JSON input/i.test(error.message)) return `Malformed JSON at position ${body.length}: unexpected end of input`;
  return `Malformed JSON: ${error.message}`;
}

/**
 * Counts UTF-8 bytes, natively in Node and without Buffer elsewhere (an edge runtime), stopping
 * as soon as the limit is passed: a 500 MB body is refused without walking all of it.
 */
function exceedsPayloadLimit(text: string): boolean {
  // Every UTF-16 unit is one to three bytes (a surrogate pair, 2 units, is 4 bytes).
  if (text.length > MAX_PAYLOAD_BYTES) return true;
  if (text.length * 3 <= MAX_PAYLOAD_BYTES) return false;
  // Node's native count is ~50x faster than the loop below on a 10 MB payload.
  if (typeof Buffer !== "undefined") return Buffer.byteLength(text, "utf8") > MAX_PAYLOAD_BYTES;
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
    if (bytes > MAX_PAYLOAD_BYTES) return true;
  }
  return false;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

import { createHash } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser";
import { encodeWord, encodeWords, foldLines } from "nodemailer/lib/mime-funcs";

// Builds the raw RFC 5322 message (multipart/alternative: text, then HTML) that the
// transport sends as-is. Written here instead of using nodemailer's MailComposer because
// MailComposer costs about 0.85 ms of CPU per message on this machine, most of the
// 100 s budget for 100,000 digests (docs/digest.md, "Throughput"); this builder costs a
// few microseconds. The parts that are easy to get wrong (RFC 2047 encoded words, header
// folding, address parsing) still come from nodemailer, and tests/integration/mail-*.test.ts
// parse every message back with mailparser.

export interface MailAddress {
  name: string;
  address: string;
}

export interface ComposeInput {
  from: MailAddress;
  to: string;
  subject: string;
  /** "<local@host>" */
  messageId: string;
  date: Date;
  text: string;
  html: string;
  /** Extra headers (List-Id, List-Unsubscribe, …), already in their final form. */
  headers?: Record<string, string>;
}

export interface ComposedMessage {
  envelope: { from: string; to: string[] };
  messageId: string;
  raw: Buffer;
}

const CRLF = "\r\n";

export class HeaderInjectionError extends Error {
  constructor(header: string) {
    super(`Header ${header} contains a line break`);
    this.name = "HeaderInjectionError";
  }
}

/** "PaperPulse <digest@example.org>" → { name, address }; throws when it holds no single address. */
export function parseMailAddress(value: string): MailAddress {
  const parsed = addressparser(value, { flatten: true });
  const first = parsed[0];
  if (parsed.length !== 1 || !first || !("address" in first) || !first.address) {
    throw new Error(`Not a single email address: ${value.slice(0, 80)}`);
  }
  return { name: first.name ?? "", address: first.address };
}

export function composeMessage(input: ComposeInput): ComposedMessage {
  const boundary = `_pp_${createHash("sha256").update(input.messageId).digest("hex").slice(0, 24)}`;
  const headers: [string, string][] = [
    ["From", formatAddress(input.from)],
    ["To", input.to],
    ["Subject", encodeHeaderText(oneLine(input.subject))],
    ["Date", input.date.toUTCString().replace(/GMT$/, "+0000")],
    ["Message-ID", input.messageId],
    ["MIME-Version", "1.0"],
    ...Object.entries(input.headers ?? {}),
    ["Content-Type", `multipart/alternative; boundary="${boundary}"`],
  ];
  const head = headers.map(([name, value]) => headerLine(name, value)).join(CRLF);
  const partHead = (type: string) => `${CRLF}--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}`;
  // Built as Buffers: the bodies are encoded once, natively, and never pass through a
  // JavaScript string again (this runs once per email).
  const raw = Buffer.concat([
    Buffer.from(`${head}${CRLF}${partHead("text/plain")}`, "utf8"),
    base64Lines(input.text),
    Buffer.from(partHead("text/html"), "latin1"),
    base64Lines(input.html),
    Buffer.from(`${CRLF}--${boundary}--${CRLF}`, "latin1"),
  ]);
  return { envelope: { from: input.from.address, to: [input.to] }, messageId: input.messageId, raw };
}

function headerLine(name: string, value: string): string {
  // Every value reaching here is built by the app, but one slip must not let a paper title
  // or an address add headers of its own.
  if (/[\r\n]/.test(value)) throw new HeaderInjectionError(name);
  return foldLines(`${name}: ${value}`, 76, false);
}

/**
 * Unstructured header text (RFC 2047): words outside ASCII become encoded words. Text that
 * itself spells an encoded word ("=?utf-8?q?…?=", say in a paper title) would be decoded by
 * every mail client into something else, and nodemailer leaves it as it is; such a value is
 * encoded whole, so clients decode it back to exactly these characters.
 */
function encodeHeaderText(value: string): string {
  return value.includes("=?") ? encodeWord(value, "Q", 52) : encodeWords(value, "Q", 52);
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function formatAddress(address: MailAddress): string {
  if (!address.name) return address.address;
  const name = oneLine(address.name);
  // ASCII names are quoted (they may hold commas or dots); others become encoded words.
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : encodeWords(name, "Q", 52);
  return `${display} <${address.address}>`;
}

const LINE = 76;

/** Base64 in lines of 76 characters separated by CRLF (RFC 2045), with no trailing CRLF. */
function base64Lines(content: string): Buffer {
  // Slicing the encoded string and joining measured faster than copying into a Buffer.
  const encoded = Buffer.from(content, "utf8").toString("base64");
  const lines: string[] = [];
  for (let start = 0; start < encoded.length; start += LINE) lines.push(encoded.slice(start, start + LINE));
  return Buffer.from(lines.join(CRLF), "latin1");
}

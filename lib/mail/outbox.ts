import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { getEnv } from "@/lib/env";
import type { ComposedMessage } from "./mime";

// The outbox: with no SMTP_URL every message is written to DATA_DIR/outbox/<id>.eml, where
// <id> is derived from the Message-ID. Writing the same message again replaces the file, so
// the outbox, like a mailbox that de-duplicates by Message-ID, holds each message once.
// Files are written to a temporary name and renamed, so a reader never sees half a message.

export function outboxDir(): string {
  return path.join(getEnv().dataDir, "outbox");
}

export function outboxIdFor(messageId: string): string {
  return createHash("sha256").update(messageId).digest("hex").slice(0, 32);
}

export async function writeOutboxMessage(message: ComposedMessage): Promise<void> {
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${outboxIdFor(message.messageId)}.eml`);
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(temporary, message.raw);
  await rename(temporary, file);
}

/**
 * Who may see /outbox: it exists only while mail goes to the outbox, and then only for a
 * request from this machine itself (lib/http/client-ip.ts isLoopbackRequest: the TCP peer
 * is loopback, with no proxy in front, and the Host header names this machine), because the
 * messages hold other people's addresses and their confirm and manage links. Behind a proxy
 * every request looks local to the socket, so there the page is off unless OUTBOX_PAGE=on,
 * which shows it to everyone (a staging server whose testers read the mail there).
 */
export function isOutboxShownTo(request: { loopback: boolean }): boolean {
  const env = getEnv();
  if (env.SMTP_URL || env.OUTBOX_PAGE === "off") return false;
  return env.OUTBOX_PAGE === "on" || request.loopback;
}

export interface OutboxEntry {
  id: string;
  to: string;
  subject: string;
  date: string;
}

export interface OutboxMessage extends OutboxEntry {
  from: string;
  messageId: string;
  headers: { name: string; value: string }[];
  text: string;
  html: string;
  links: { text: string; href: string }[];
}

const ID_RE = /^[0-9a-f]{32}$/;
const SHOWN_HEADERS = ["from", "to", "subject", "date", "message-id", "list-id", "list-unsubscribe", "list-unsubscribe-post", "auto-submitted"];

export const OUTBOX_PAGE_SIZE = 25;

export interface OutboxPage {
  messages: OutboxEntry[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

/**
 * One page of the outbox, newest first. Only the page's own files are read, and only their
 * headers are parsed: parsing every message whole (bodies, HTML) cost 0.7 s of CPU per
 * request at 121 messages (bench/outbox-list.ts). Null for a page past the last.
 */
export async function listOutboxPage(page = 1, pageSize = OUTBOX_PAGE_SIZE): Promise<OutboxPage | null> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith(".eml") && ID_RE.test(name.slice(0, -4)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    names = [];
  }
  const pageCount = Math.max(1, Math.ceil(names.length / pageSize));
  if (page > pageCount) return null;
  const withTimes = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtimeMs })));
  const slice = withTimes.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name)).slice((page - 1) * pageSize, page * pageSize);
  const messages = await Promise.all(
    slice.map(async ({ name }) => {
      const parsed = await simpleParser(headerBlock(await readFile(path.join(dir, name))), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
      return { id: name.slice(0, -4), to: addressText(parsed.to), subject: parsed.subject ?? "", date: parsed.date?.toISOString() ?? "" };
    }),
  );
  return { messages, page, pageCount, total: names.length };
}

/** The header section of a raw message (up to the first empty line), with an empty body. */
function headerBlock(raw: Buffer): Buffer {
  const crlf = raw.indexOf("\r\n\r\n");
  const lf = raw.indexOf("\n\n");
  const end = crlf === -1 ? lf : lf === -1 ? crlf : Math.min(crlf, lf);
  return end === -1 ? raw : raw.subarray(0, end + 2);
}

export async function readOutboxMessage(id: string): Promise<OutboxMessage | null> {
  if (!ID_RE.test(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(path.join(outboxDir(), `${id}.eml`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  const html = typeof parsed.html === "string" ? parsed.html : "";
  return {
    id,
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    subject: parsed.subject ?? "",
    date: parsed.date?.toISOString() ?? "",
    messageId: parsed.messageId ?? "",
    headers: parsed.headerLines.filter((line) => SHOWN_HEADERS.includes(line.key)).map((line) => ({ name: line.line.split(":")[0] ?? line.key, value: line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim() })),
    text: parsed.text ?? "",
    html,
    links: extractLinks(html),
  };
}

type ParsedAddress = Awaited<ReturnType<typeof simpleParser>>["to"];

function addressText(value: ParsedAddress | Awaited<ReturnType<typeof simpleParser>>["from"]): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((v) => v.text).join(", ");
}

/** The links of a message, so the outbox page can offer them (the HTML itself is sandboxed). */
function extractLinks(html: string): { text: string; href: string }[] {
  const links: { text: string; href: string }[] = [];
  for (const match of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi)) {
    const href = decodeEntities(match[1] ?? "");
    const text = decodeEntities((match[2] ?? "").replace(/<[^>]+>/g, "")).replace(/\s+/g, " ").trim();
    if (/^https?:\/\//.test(href) && text) links.push({ text, href });
  }
  return links;
}

function decodeEntities(value: string): string {
  // &amp; last, so "&amp;lt;" stays "&lt;".
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");
}

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
 * The page exists only while mail goes to the outbox, and only on this machine's own
 * address (or when OUTBOX_PAGE=on): messages hold other people's addresses and links.
 */
export function isOutboxPageEnabled(): boolean {
  const env = getEnv();
  if (env.SMTP_URL || env.OUTBOX_PAGE === "off") return false;
  if (env.OUTBOX_PAGE === "on") return true;
  const host = new URL(env.appUrl).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
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

/** The newest messages first. */
export async function listOutboxMessages(limit = 100): Promise<OutboxEntry[]> {
  const dir = outboxDir();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => ID_RE.test(name.replace(/\.eml$/, "")) && name.endsWith(".eml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const withTimes = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(dir, name))).mtimeMs })));
  const newest = withTimes.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name)).slice(0, limit);
  return Promise.all(
    newest.map(async ({ name }) => {
      const parsed = await simpleParser(await readFile(path.join(dir, name)), { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
      return { id: name.slice(0, -4), to: addressText(parsed.to), subject: parsed.subject ?? "", date: parsed.date?.toISOString() ?? "" };
    }),
  );
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

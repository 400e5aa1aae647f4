import { render } from "@react-email/render";
import { createElement } from "react";
import { type DigestEmailPaper, DigestPaperBlock, DigestShell, digestCountLabel } from "@/emails/digest-email";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { paperPath } from "@/lib/papers/arxiv-id";
import { formatAuthors } from "@/lib/papers/format";
import { htmlToPlainText, type RenderedEmail } from "@/lib/mail/render-email";
import { plainTextLine } from "@/lib/text/tex-text";
import { digestPeriod, digestPeriodLabel } from "./periods";
import type { DigestRunRecord } from "./runs";

// Renders digests from the react-email template in emails/digest-email.tsx, fast enough
// for 100,000 recipients: the shell (everything around the papers) is rendered once per
// run with slot markers where per-recipient text goes, each paper block once per position,
// and each email is put together by filling the slots (HTML-escaped as React would).
// tests/unit/render-digest.test.ts checks the result is byte for byte what rendering the
// whole template gives, HTML and text.

export interface DigestRecipient {
  papers: DigestEmailPaper[];
  topicsLabel: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

const SLOTS = {
  papers: "PPSLOTPAPERS",
  count: "PPSLOTCOUNT",
  topics: "PPSLOTTOPICS",
  manage: "PPSLOTMANAGE",
  unsubscribe: "PPSLOTUNSUB",
  position: "PPSLOTPOS",
} as const;
type SlotName = keyof typeof SLOTS;
const SLOT_RE = /PPSLOT(PAPERS|COUNT|TOPICS|MANAGE|UNSUB|POS)/g;
const SLOT_BY_MARKER: Record<string, SlotName> = { PAPERS: "papers", COUNT: "count", TOPICS: "topics", MANAGE: "manage", UNSUB: "unsubscribe", POS: "position" };

/** Alternating literal text and slot names. */
type Template<S extends SlotName> = (string | { slot: S })[];

/** Splits rendered output at its slot markers; every expected slot must be there, no other. */
function parseTemplate<S extends SlotName>(source: string, expected: readonly S[]): Template<S> {
  const parts: Template<S> = [];
  const found = new Set<SlotName>();
  let last = 0;
  for (const match of source.matchAll(SLOT_RE)) {
    const slot = SLOT_BY_MARKER[match[1]!]!;
    if (!(expected as readonly SlotName[]).includes(slot)) throw new Error(`unexpected slot ${slot} in a digest template`);
    found.add(slot);
    parts.push(source.slice(last, match.index), { slot: slot as S });
    last = match.index + match[0].length;
  }
  parts.push(source.slice(last));
  for (const slot of expected) if (!found.has(slot)) throw new Error(`digest template lost its ${slot} slot`);
  return parts;
}

function fill<S extends SlotName>(template: Template<S>, values: Record<S, string>): string {
  let out = "";
  for (const part of template) out += typeof part === "string" ? part : values[part.slot];
  return out;
}

const SHELL_SLOTS = ["papers", "count", "topics", "manage", "unsubscribe"] as const;
type ShellSlot = (typeof SHELL_SLOTS)[number];
type Rendered<S extends SlotName> = { html: Template<S>; text: Template<S> };

/** React's escaping of text and attribute values. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#x27;"));
}

export interface DigestShellInput {
  frequency: "daily" | "weekly";
  periodLabel: string;
  appUrl: string;
}

export class DigestRenderer {
  private shellPromise: Promise<Rendered<ShellSlot>> | undefined;
  private shell: Rendered<ShellSlot> | undefined;
  /** Per paper, with its position in the list left as a slot: one render per paper, not per position. */
  private readonly blocks = new Map<string, Rendered<"position">>();

  constructor(private readonly input: DigestShellInput) {}

  /**
   * Renders the shell and the blocks of these papers (the asynchronous steps); after it,
   * renderPrepared is synchronous for any recipient whose papers were prepared.
   */
  async prepare(papers: readonly DigestEmailPaper[][] = []): Promise<void> {
    this.shellPromise ??= this.renderShell();
    this.shell = await this.shellPromise;
    for (const list of papers) {
      for (const paper of list) {
        if (this.blocks.has(paper.id)) continue;
        // react-email's render (not react-dom/server, which Next forbids in app code). A
        // block is a fragment: the doctype and the Suspense markers around it are dropped.
        const html = (await render(createElement(DigestPaperBlock, { paper, position: SLOTS.position }))).replace(FRAGMENT_WRAPPING, "");
        this.blocks.set(paper.id, { html: parseTemplate(html, ["position"]), text: parseTemplate(htmlToPlainText(html), ["position"]) });
      }
    }
  }

  async render(recipient: DigestRecipient): Promise<RenderedEmail> {
    await this.prepare([recipient.papers]);
    return this.renderPrepared(recipient);
  }

  renderPrepared(recipient: DigestRecipient): RenderedEmail {
    const shell = this.shell;
    if (!shell) throw new Error("DigestRenderer.prepare() must run first");
    const blocks = recipient.papers.map((paper) => {
      const block = this.blocks.get(paper.id);
      if (!block) throw new Error(`paper block ${paper.id} was not prepared`);
      return block;
    });
    const count = digestCountLabel(recipient.papers.length);
    const html = fill(shell.html, {
      papers: blocks.map((b, i) => fill(b.html, { position: String(i + 1) })).join(""),
      count: escapeHtml(count),
      topics: escapeHtml(recipient.topicsLabel),
      manage: escapeHtml(recipient.manageUrl),
      unsubscribe: escapeHtml(recipient.unsubscribeUrl),
    });
    const text = fill(shell.text, {
      papers: blocks.map((b, i) => fill(b.text, { position: String(i + 1) })).join("\n\n"),
      count,
      topics: recipient.topicsLabel,
      manage: recipient.manageUrl,
      unsubscribe: recipient.unsubscribeUrl,
    });
    return { html, text };
  }

  private async renderShell(): Promise<Rendered<ShellSlot>> {
    const html = await render(
      createElement(
        DigestShell,
        { ...this.input, countLabel: SLOTS.count, topicsLabel: SLOTS.topics, manageUrl: SLOTS.manage, unsubscribeUrl: SLOTS.unsubscribe },
        SLOTS.papers,
      ),
    );
    return { html: parseTemplate(html, SHELL_SLOTS), text: parseTemplate(htmlToPlainText(html), SHELL_SLOTS) };
  }
}

const FRAGMENT_WRAPPING = /^<!DOCTYPE[^>]*>(<!--\$-->)?|<!--\/\$-->$/g;

// One or two lines: the reader decides from the title, and the page has the abstract. Every
// character here is sent twice (HTML and text) to every subscriber.
const SUMMARY_MAX = 160;

/** What the template shows of a paper: plain text (emails cannot typeset maths). */
export async function loadDigestPapers(ids: readonly string[]): Promise<Map<string, DigestEmailPaper>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const appUrl = getEnv().appUrl;
  const rows = await db.paper.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, abstract: true, authors: true, upvotes: true, githubStars: true, tags: { select: { tag: { select: { name: true, kind: true } } } } },
  });
  return new Map(
    rows.map((row) => {
      const summary = plainTextLine(row.abstract);
      const paper: DigestEmailPaper = {
        id: row.id,
        title: plainTextLine(row.title),
        url: `${appUrl}${paperPath(row.id)}`,
        authors: formatAuthors(row.authors),
        summary: summary.length > SUMMARY_MAX ? `${summary.slice(0, SUMMARY_MAX - 1).trimEnd()}…` : summary,
        upvotes: row.upvotes,
        githubStars: row.githubStars,
        topics: row.tags
          .filter(({ tag }) => tag.kind === "topic")
          .map(({ tag }) => tag.name)
          .sort((a, b) => a.localeCompare(b))
          .slice(0, 3),
      };
      return [row.id, paper];
    }),
  );
}

const GLOBAL_KEY = Symbol.for("paperpulse.digestRenderers");
type GlobalWithRenderers = typeof globalThis & { [GLOBAL_KEY]?: Map<string, { renderer: DigestRenderer; papers: Map<string, DigestEmailPaper> }> };

/** One renderer and paper cache per run and process: every recipient of a run sees the same paper data. */
export function runRenderState(run: DigestRunRecord): { renderer: DigestRenderer; papers: Map<string, DigestEmailPaper> } {
  const store = globalThis as GlobalWithRenderers;
  const cache = (store[GLOBAL_KEY] ??= new Map());
  let state = cache.get(run.id);
  if (!state) {
    const period = digestPeriod(run.frequency, run.periodStart);
    state = { renderer: new DigestRenderer({ frequency: run.frequency, periodLabel: digestPeriodLabel(period), appUrl: getEnv().appUrl }), papers: new Map() };
    cache.set(run.id, state);
    while (cache.size > 4) cache.delete(cache.keys().next().value as string);
  }
  return state;
}

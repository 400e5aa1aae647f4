import { readFileSync } from "node:fs";
import path from "node:path";
import { parsePayload } from "@/lib/ingest/parsers/detect";

// The real saved payloads in tests/fixtures/ingest/real (provenance in its README).

export const REAL_PAYLOADS = path.resolve(import.meta.dirname, "../fixtures/ingest/real");

export const REAL = {
  rss: "arxiv-rss-cs.LG+cs.AI+cs.CL+stat.ML-2026-09-24.xml",
  rssAtom: "arxiv-rss-atom-cs.LG-2026-09-25.xml",
  /** Truncated as saved: see completeEntries. */
  rssAtomTruncated: "arxiv-rss-atom-cs.AI-2025-08-20.xml",
  apiMsc: "arxiv-api-query-lmm-msc-class.xml",
  hf: "hf-daily-papers-2026-06-12-excerpt.json",
} as const;

export function readRealPayload(name: string): string {
  return readFileSync(path.join(REAL_PAYLOADS, name), "utf8");
}

/** The complete entries of the truncated Atom feed: cut after the last </entry>, then closed. */
export function completeEntries(truncatedAtom: string): string {
  return `${truncatedAtom.slice(0, truncatedAtom.lastIndexOf("</entry>") + "</entry>".length)}\n</feed>\n`;
}

/** Every paper of the real payloads once (first occurrence), as the topic rules see it. */
export function loadRealPapers(): { id: string; title: string; abstract: string; keywords: string[] }[] {
  const seen = new Map<string, { id: string; title: string; abstract: string; keywords: string[] }>();
  for (const name of Object.values(REAL)) {
    const body = name === REAL.rssAtomTruncated ? completeEntries(readRealPayload(name)) : readRealPayload(name);
    for (const { input } of parsePayload(body).items) {
      if (!seen.has(input.id)) seen.set(input.id, { id: input.id, title: input.title, abstract: input.abstract, keywords: input.keywords ?? [] });
    }
  }
  return [...seen.values()];
}

import { stat, readFile } from "node:fs/promises";
import path from "node:path";
import type { Day } from "@/lib/papers/dates";
import type { IngestTrigger } from "./ingest-runs";
import { MAX_PAYLOAD_BYTES, type PayloadFormat, parsePayload } from "./parsers/detect";
import { type IngestRunSummary, runIngest } from "./run-ingest";
import { ARXIV_MIN_INTERVAL_MS, ARXIV_RATE_KEY } from "./sources/arxiv-api";
import { politeFetchText } from "./sources/polite-fetch";

// Imports one saved payload (a file) or one URL, whatever its format (HF daily papers JSON,
// arXiv API Atom, arXiv RSS): the path of `npm run ingest` and of bench/ingest.ts.

export interface PayloadTarget {
  kind: "file" | "url";
  /** The path or URL as given. */
  location: string;
  /** For the run's source column: "file:hf.json", "url:https://…". */
  source: string;
}

export function payloadTarget(argument: string): PayloadTarget {
  if (/^https?:\/\//i.test(argument)) return { kind: "url", location: argument, source: `url:${argument}`.slice(0, 200) };
  return { kind: "file", location: argument, source: `file:${path.basename(argument)}`.slice(0, 200) };
}

export interface ReadPayload {
  body: string;
  contentType?: string;
}

export async function readPayload(target: PayloadTarget): Promise<ReadPayload> {
  if (target.kind === "url") {
    const host = new URL(target.location).hostname.toLowerCase();
    const isArxiv = host === "arxiv.org" || host.endsWith(".arxiv.org");
    const response = await politeFetchText(target.location, {
      maxBytes: MAX_PAYLOAD_BYTES,
      ...(isArxiv ? { minIntervalMs: ARXIV_MIN_INTERVAL_MS, rateKey: ARXIV_RATE_KEY } : {}),
    });
    return { body: response.body, contentType: response.contentType };
  }
  // Checked before reading, so a 2 GB file is refused without loading it.
  const info = await stat(target.location).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? new Error(`${target.location}: no such file`) : error;
  });
  if (!info.isFile()) throw new Error(`${target.location} is not a file`);
  if (info.size > MAX_PAYLOAD_BYTES) {
    throw new Error(`${target.location} is ${(info.size / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PAYLOAD_BYTES / 1024 / 1024} MB limit for one payload; split it`);
  }
  return { body: await readFile(target.location, "utf8") };
}

export interface ImportOptions {
  trigger: IngestTrigger;
  today?: Day;
  onProgress?: (done: number, total: number) => void;
}

export async function importPayload(target: PayloadTarget, options: ImportOptions): Promise<IngestRunSummary & { format: PayloadFormat | null }> {
  let format: PayloadFormat | null = null;
  const summary = await runIngest({
    source: target.source,
    trigger: options.trigger,
    today: options.today,
    // A saved file's upvotes describe the day it lists a paper on, not the day it is imported;
    // a URL is fetched now.
    snapshotDay: target.kind === "file" ? "listed" : "today",
    onProgress: options.onProgress,
    load: async () => {
      const payload = await readPayload(target);
      const parsed = parsePayload(payload.body, payload.contentType);
      format = parsed.format;
      return parsed;
    },
  });
  return { ...summary, format };
}

import { setTimeout as sleep } from "node:timers/promises";
import { getEnv } from "@/lib/env";

// HTTP for the importers: a descriptive User-Agent, a timeout, retries with exponential
// backoff (honouring Retry-After) on network errors, 429 and 5xx, a minimum interval per
// host (arXiv asks for 3 s between requests), and a cap on the body size.

export class FetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchError";
  }
}

export interface PoliteFetchOptions {
  timeoutMs?: number;
  retries?: number;
  /** First backoff; doubles each retry, with jitter. */
  backoffMs?: number;
  /** Minimum time between two requests to the same host (or rateKey), across this process. */
  minIntervalMs?: number;
  /** Requests with the same key share one interval; default: the URL's host. arXiv's API and RSS hosts share "arxiv". */
  rateKey?: string;
  maxBytes?: number;
  accept?: string;
}

export interface FetchedText {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

const DEFAULTS: Required<Omit<PoliteFetchOptions, "rateKey">> = {
  timeoutMs: 20_000,
  retries: 3,
  backoffMs: 1_000,
  minIntervalMs: 0,
  maxBytes: 20 * 1024 * 1024,
  accept: "*/*",
};

const nextSlotByHost = new Map<string, number>();

export function userAgent(): string {
  return `PaperPulse/0.1 (paper feed; +${getEnv().appUrl})`;
}

async function waitForHostSlot(host: string, minIntervalMs: number): Promise<void> {
  if (minIntervalMs <= 0) return;
  // Reserve the slot before sleeping, so concurrent callers queue up behind each other.
  const now = Date.now();
  const slot = Math.max(now, nextSlotByHost.get(host) ?? 0);
  nextSlotByHost.set(host, slot + minIntervalMs);
  if (slot > now) await sleep(slot - now);
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(seconds * 1000, 120_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - Date.now()), 120_000);
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FetchError(`Response is ${declared} bytes, over the ${maxBytes}-byte limit`, url, response.status);
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new FetchError(`Response is over the ${maxBytes}-byte limit`, url, response.status);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function politeFetchText(url: string, options: PoliteFetchOptions = {}): Promise<FetchedText> {
  const opts = { ...DEFAULTS, ...options };
  const host = new URL(url).host;
  let lastError: unknown;
  for (let attempt = 0; attempt <= opts.retries; attempt += 1) {
    await waitForHostSlot(options.rateKey ?? host, opts.minIntervalMs);
    let delay = opts.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
    try {
      const response = await fetch(url, {
        headers: { "User-Agent": userAgent(), Accept: opts.accept },
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: "follow",
      });
      if (response.ok) {
        return { url, status: response.status, contentType: response.headers.get("content-type") ?? "", body: await readCapped(response, opts.maxBytes, url) };
      }
      await response.body?.cancel();
      lastError = new FetchError(`HTTP ${response.status} from ${host}`, url, response.status);
      if (!isRetryableStatus(response.status)) throw lastError;
      delay = retryAfterMs(response.headers.get("retry-after")) ?? delay;
    } catch (error) {
      if (error instanceof FetchError && error.status !== undefined && !isRetryableStatus(error.status)) throw error;
      lastError = error;
    }
    if (attempt < opts.retries) await sleep(delay);
  }
  const reason = lastError instanceof Error ? (lastError.cause instanceof Error ? `${lastError.message}: ${lastError.cause.message}` : lastError.message) : String(lastError);
  throw new FetchError(`Could not fetch ${url} after ${opts.retries + 1} attempts (${reason})`, url, lastError instanceof FetchError ? lastError.status : undefined, { cause: lastError });
}

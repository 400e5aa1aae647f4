import { getEnv } from "@/lib/env";
import type { ParseResult } from "../parsers/types";
import { parseFetched } from "./parse-fetched";
import { type PoliteFetchOptions, politeFetchText } from "./polite-fetch";

// The arXiv API (export.arxiv.org/api/query, ARXIV_API_URL): the newest papers of a
// category for the scheduled ingest, and single papers by id for /submit. arXiv asks for
// at most one request every 3 seconds from one client; every arXiv request of this process
// (API and RSS) waits for the same slot.

export const ARXIV_MIN_INTERVAL_MS = 3_000;
export const ARXIV_RATE_KEY = "arxiv";
const ATOM_ACCEPT = "application/atom+xml, application/xml;q=0.9, */*;q=0.1";

/** Newest submissions of one category first. */
export function arxivCategoryUrl(category: string, maxResults: number): string {
  const url = new URL(getEnv().ARXIV_API_URL);
  url.searchParams.set("search_query", `cat:${category}`);
  url.searchParams.set("sortBy", "submittedDate");
  url.searchParams.set("sortOrder", "descending");
  url.searchParams.set("start", "0");
  url.searchParams.set("max_results", String(maxResults));
  return url.toString();
}

/** Ids without version give the latest version. */
export function arxivIdListUrl(ids: readonly string[]): string {
  const url = new URL(getEnv().ARXIV_API_URL);
  url.searchParams.set("id_list", ids.join(","));
  url.searchParams.set("max_results", String(ids.length));
  return url.toString();
}

function arxivFetchOptions(options: PoliteFetchOptions): PoliteFetchOptions {
  return { accept: ATOM_ACCEPT, minIntervalMs: ARXIV_MIN_INTERVAL_MS, rateKey: ARXIV_RATE_KEY, ...options };
}

export async function fetchArxivCategory(category: string, maxResults: number, options: PoliteFetchOptions = {}): Promise<ParseResult> {
  const response = await politeFetchText(arxivCategoryUrl(category, maxResults), arxivFetchOptions(options));
  return parseFetched(response, "arxiv-atom", "the arXiv API");
}

export async function fetchArxivPapersById(ids: readonly string[], options: PoliteFetchOptions = {}): Promise<ParseResult> {
  const response = await politeFetchText(arxivIdListUrl(ids), arxivFetchOptions(options));
  return parseFetched(response, "arxiv-atom", "the arXiv API");
}

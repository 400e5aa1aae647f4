import { getEnv } from "@/lib/env";
import type { ParseResult } from "../parsers/types";
import { ARXIV_MIN_INTERVAL_MS, ARXIV_RATE_KEY } from "./arxiv-api";
import { parseFetched } from "./parse-fetched";
import { type PoliteFetchOptions, politeFetchText } from "./polite-fetch";

// arXiv's daily announcements as RSS (rss.arxiv.org/rss/<cat>+<cat>, ARXIV_RSS_URL): one
// feed for several categories, refreshed once a day around midnight US Eastern. A paper
// cross-listed in two of the categories appears once. ARXIV_RSS_URL may also point at the
// Atom spelling of the same listing (rss.arxiv.org/atom).

/** <ARXIV_RSS_URL>/cs.CL+cs.LG */
export function arxivRssUrl(categories: readonly string[]): string {
  const base = getEnv().ARXIV_RSS_URL.replace(/\/+$/, "");
  return `${base}/${categories.map(encodeURIComponent).join("+")}`;
}

export async function fetchArxivRss(categories: readonly string[], options: PoliteFetchOptions = {}): Promise<ParseResult> {
  const response = await politeFetchText(arxivRssUrl(categories), {
    accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
    minIntervalMs: ARXIV_MIN_INTERVAL_MS,
    rateKey: ARXIV_RATE_KEY,
    ...options,
  });
  return parseFetched(response, ["arxiv-rss", "arxiv-rss-atom"], "arXiv RSS");
}

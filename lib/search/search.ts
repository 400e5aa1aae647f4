import { parseArxivId } from "@/lib/papers/arxiv-id";
import { getPaper } from "@/lib/papers/queries";
import { type SearchOptions, type SearchPage, searchPapers } from "./engine";
import type { SearchParams } from "./params";
import { formatSearchQuery, hasPositiveClause, parseSearchQuery } from "./query-syntax";
import { correctQuery, FEW_RESULTS } from "./typos";

// What /search, the search feeds and GET /api/papers?q= call: an arXiv id or abs URL is a
// paper, not a query; a query that finds (almost) nothing is retried with typos corrected.

export type SearchOutcome =
  | { kind: "paper"; id: string; exists: boolean }
  | { kind: "results"; page: SearchPage; correction: { original: string; corrected: string } | null };

export async function runSearch(params: SearchParams & { limit: number }, options: SearchOptions = {}, now: Date = new Date()): Promise<SearchOutcome> {
  const arxiv = params.cursor ? null : parseArxivId(params.q);
  if (arxiv) return { kind: "paper", id: arxiv.id, exists: (await getPaper(arxiv.id)) !== null };

  const query = parseSearchQuery(params.q);
  const request = { query, tags: params.tags, from: params.from, to: params.to, sort: params.sort, limit: params.limit, cursor: params.cursor };
  const page = await searchPapers(request, options, now);
  if (params.exact || params.cursor || !page.total.exact || page.total.count >= FEW_RESULTS || !hasPositiveClause(query)) {
    return { kind: "results", page, correction: null };
  }

  const corrected = await correctQuery(query);
  if (!corrected) return { kind: "results", page, correction: null };
  const retry = await searchPapers({ ...request, query: corrected }, options, now);
  if (retry.total.count <= page.total.count) return { kind: "results", page, correction: null };
  return { kind: "results", page: retry, correction: { original: formatSearchQuery(query), corrected: formatSearchQuery(corrected) } };
}

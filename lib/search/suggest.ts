import { getDb } from "@/lib/db";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { getPaper } from "@/lib/papers/queries";
import type { TagRef } from "@/lib/papers/types";
import { plainTextFromTex } from "@/lib/text/tex-text";
import { searchPapers } from "./engine";
import { parseSearchQuery } from "./query-syntax";

// Search-as-you-type: the word being typed is completed by prefix from the word list
// (most used words first), and the best matching papers and tags are shown while typing.
// The papers come from the same ranked search, on a smaller candidate set.

export const SUGGEST_MAX_LENGTH = 200;
const COMPLETIONS = 5;
const PAPERS = 5;
const TAGS = 4;
const PREFIX = /^[a-z][a-z-]{1,38}$/;

export interface Suggestions {
  /** Whole queries: the text typed with its last word completed. */
  completions: string[];
  papers: { id: string; title: string; authors: string[]; listedOn: string }[];
  tags: TagRef[];
}

export async function suggest(input: string): Promise<Suggestions> {
  const text = input.slice(0, SUGGEST_MAX_LENGTH).replace(/[\u0000-\u001f\u007f]/gu, " ");
  const trimmed = text.trim();
  if (!trimmed) return { completions: [], papers: [], tags: [] };

  const arxiv = parseArxivId(trimmed);
  if (arxiv) {
    const paper = await getPaper(arxiv.id);
    return { completions: [], papers: paper ? [{ id: paper.id, title: plainTextFromTex(paper.title), authors: paper.authors.slice(0, 3), listedOn: paper.listedOn }] : [], tags: [] };
  }

  // The last word is still being typed unless the text ends with a space.
  const words = trimmed.split(/\s+/u);
  const typing = /\s$/u.test(text) ? null : words.at(-1)!.toLowerCase();
  const before = typing === null ? trimmed : words.slice(0, -1).join(" ");
  const completions = typing && PREFIX.test(typing) ? await completeWord(typing) : [];
  const best = completions[0];
  const query = best ? `${before} ${best}`.trim() : trimmed;

  const [page, tags] = await Promise.all([
    searchPapers({ query: parseSearchQuery(query), tags: [], sort: "relevance", limit: PAPERS }, { light: true, targetCandidates: 200, targetHeadCandidates: 200 }),
    matchTags(typing ?? trimmed.toLowerCase()),
  ]);
  return {
    completions: completions.map((word) => `${before} ${word}`.trim()),
    papers: page.hits.map((hit) => ({ id: hit.id, title: plainTextFromTex(hit.title), authors: hit.authors.slice(0, 3), listedOn: hit.listedOn })),
    tags,
  };
}

/** The most used words starting with the prefix ("quant" → quantization, quantized, …). */
async function completeWord(prefix: string): Promise<string[]> {
  const db = await getDb();
  // A range on the primary key: [prefix, prefix with its last character incremented).
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const rows = await db.$queryRaw<{ word: string }[]>`
    SELECT word FROM search_words WHERE word >= ${prefix} AND word < ${upper} AND ndoc > 1
    ORDER BY ndoc DESC, word LIMIT ${COMPLETIONS}`;
  return rows.map((row) => row.word);
}

async function matchTags(text: string): Promise<TagRef[]> {
  const term = text.replace(/[^a-z0-9 .-]/g, "").trim();
  if (term.length < 2) return [];
  const db = await getDb();
  return db.$queryRaw<TagRef[]>`
    SELECT slug, name, kind::text AS kind FROM tags
    WHERE slug LIKE ${`${term.replaceAll(" ", "-").replaceAll(".", "-")}%`} OR lower(name) LIKE ${`%${term}%`}
    ORDER BY kind = 'topic' DESC, lower(name) LIKE ${`${term}%`} DESC, name LIMIT ${TAGS}`;
}

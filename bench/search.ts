// npm run bench:search [-- --runs 20 --ilike-runs 2]   (--ilike-runs 0 skips the baseline)
// Search latency on the database at DATABASE_URL (seed it with `npm run bench:seed -- --papers
// 1000000` first), per query class, after warm-up, next to a naive ILIKE '%term%' search
// over the same data. What is timed is the whole runSearch() call that /search and
// GET /api/papers?q= make: query analysis, ranked candidates, total or estimate, tag counts,
// highlights, and the typo fallback (for the typo class).
//
// The ILIKE baseline answers the same question naively: every word or phrase must appear
// (case-insensitive substring) in the title, the abstract or the author list, tags through
// paper_tags, the 20 most upvoted first and the number of matches, as a page with a total
// needs. Substrings are not words, so its results differ; it is the cost it is compared for.
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/lib/db";
import { countPapers } from "@/lib/papers/queries";
import { searchParamsSchema } from "@/lib/search/params";
import { parseSearchQuery } from "@/lib/search/query-syntax";
import { runSearch } from "@/lib/search/search";
import { ms, summarize } from "./lib/stats";

const { values } = parseArgs({ options: { runs: { type: "string", default: "20" }, "ilike-runs": { type: "string", default: "2" }, warmup: { type: "string", default: "3" } } });
const runs = Number(values.runs);
const ilikeRuns = Number(values["ilike-runs"]);
const warmup = Number(values.warmup);

interface BenchQuery {
  q: string;
  tags?: string[];
}

const CLASSES: { name: string; queries: BenchQuery[] }[] = [
  { name: "one word", queries: ["quantization", "diffusion", "robot", "retrieval", "reasoning"].map((q) => ({ q })) },
  { name: "two words", queries: ["speculative decoding", "reward policy", "molecular graph", "gaussian splatting", "speech recognition"].map((q) => ({ q })) },
  { name: "phrase", queries: ['"large language models"', '"kv cache"', '"chain of thought"', '"diffusion models"', '"policy gradient"'].map((q) => ({ q })) },
  { name: "rare term", queries: [] }, // filled from the word list: words in a handful of papers
  { name: "very common term", queries: ["model", "learning", "results", "data", "performance"].map((q) => ({ q })) },
  { name: "typo", queries: ["quantizaton", "tranformer", "difusion", "reinforcment", "retreival"].map((q) => ({ q })) },
  {
    name: "tag + query",
    queries: [
      { q: "quantization", tags: ["llm"] },
      { q: "agent", tags: ["reinforcement-learning"] },
      { q: "attention", tags: ["kv-cache"] },
      { q: "segmentation", tags: ["medical"] },
      { q: "reward", tags: ["alignment"] },
    ],
  },
  { name: "author", queries: ["Priya Sharma", "Wei Zhang", "Kenji Tanaka", "Elena Rossi", "Omar Haddad"].map((q) => ({ q })) },
];

async function rareWords(): Promise<string[]> {
  const db = await getDb();
  // Deterministic: the first words (alphabetically) used by 3 to 20 papers' titles, keywords or authors.
  const rows = await db.$queryRaw<{ word: string }[]>`SELECT word FROM search_words WHERE ndoc BETWEEN 3 AND 20 AND word ~ '^[a-z]{8,}$' ORDER BY word LIMIT 5`;
  return rows.map((r) => r.word);
}

async function timeSearch(query: BenchQuery): Promise<{ ms: number; total: string }> {
  const params = searchParamsSchema.parse({ q: query.q, tags: query.tags?.join(",") });
  const started = performance.now();
  const outcome = await runSearch({ ...params, limit: 20 });
  const elapsed = performance.now() - started;
  const total = outcome.kind === "results" ? `${outcome.page.total.exact ? "" : "~"}${outcome.page.total.count}${outcome.correction ? ` (as “${outcome.correction.corrected}”)` : ""}` : "paper";
  return { ms: elapsed, total };
}

/** The naive search: every term as a case-insensitive substring of title, abstract or authors. */
async function timeIlike(query: BenchQuery): Promise<{ ms: number; total: number }> {
  const db = await getDb();
  const terms = parseSearchQuery(query.q).clauses.flatMap((c) => c.items.map((i) => i.text));
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const term of terms) {
    params.push(`%${term.replace(/[\\%_]/g, "\\$&")}%`);
    const p = `$${params.length}`;
    conditions.push(`(title ILIKE ${p} OR abstract ILIKE ${p} OR array_to_string(authors, ' ') ILIKE ${p})`);
  }
  for (const tag of query.tags ?? []) {
    params.push(tag);
    conditions.push(`id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.slug = $${params.length})`);
  }
  const sql = `SELECT id, count(*) OVER () AS total FROM papers WHERE ${conditions.join(" AND ")} ORDER BY upvotes DESC, id LIMIT 20`;
  const started = performance.now();
  const rows = await db.$queryRawUnsafe<{ id: string; total: bigint }[]>(sql, ...params);
  return { ms: performance.now() - started, total: Number(rows[0]?.total ?? 0) };
}

async function main() {
  const papers = await countPapers();
  CLASSES.find((c) => c.name === "rare term")!.queries = (await rareWords()).map((q) => ({ q }));
  console.log(`${papers.toLocaleString("en-US")} papers · ${runs} timed runs per query after ${warmup} warm-up runs · ILIKE: ${ilikeRuns} runs per query\n`);

  // All search timings first, then the slow baseline, so its full scans do not disturb them.
  const searched: { name: string; search: ReturnType<typeof summarize>; totals: Map<string, string> }[] = [];
  for (const cls of CLASSES) {
    for (const query of cls.queries) for (let i = 0; i < warmup; i += 1) await timeSearch(query);
    const samples: number[] = [];
    const totals = new Map<string, string>();
    for (let i = 0; i < runs; i += 1) {
      for (const query of cls.queries) {
        const { ms: elapsed, total } = await timeSearch(query);
        samples.push(elapsed);
        totals.set(query.q + (query.tags ? ` [${query.tags.join(",")}]` : ""), total);
      }
    }
    searched.push({ name: cls.name, search: summarize(samples), totals });
  }
  const results: { name: string; search: ReturnType<typeof summarize>; ilike: ReturnType<typeof summarize> }[] = [];
  for (const [index, cls] of CLASSES.entries()) {
    const ilikeSamples: number[] = [];
    const ilikeTotals: number[] = [];
    for (const query of cls.queries) {
      for (let i = 0; i < ilikeRuns; i += 1) {
        const { ms: elapsed, total } = await timeIlike(query);
        ilikeSamples.push(elapsed);
        if (i === 0) ilikeTotals.push(total);
      }
    }
    const { search, totals } = searched[index]!;
    results.push({ name: cls.name, search, ilike: summarize(ilikeSamples) });
    console.log(`${cls.name}: ${[...totals].map(([q, t], i) => `${q} → ${t}${ilikeRuns ? ` (ILIKE ${ilikeTotals[i]})` : ""}`).join("; ")}`);
  }

  console.log(`\n${"class".padEnd(18)} ${"search p50".padStart(11)} ${"search p95".padStart(11)} ${"ILIKE p50".padStart(11)} ${"ILIKE p95".padStart(11)} ${"p50 ×".padStart(8)} ${"p95 ×".padStart(8)}`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(18)} ${ms(r.search.p50).padStart(11)} ${ms(r.search.p95).padStart(11)} ${ms(r.ilike.p50).padStart(11)} ${ms(r.ilike.p95).padStart(11)} ${(r.ilike.p50 / r.search.p50).toFixed(0).padStart(7)}× ${(r.ilike.p95 / r.search.p95).toFixed(0).padStart(7)}×`,
    );
  }
  const worst = Math.max(...results.map((r) => r.search.p95));
  const slowestRatio = Math.min(...results.map((r) => r.ilike.p50 / r.search.p50));
  console.log(`\nworst search p95 ${ms(worst)} (target < 25 ms)${ilikeRuns ? ` · smallest speed-up over ILIKE ${slowestRatio.toFixed(0)}× (target ≥ 20×)` : ""}`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

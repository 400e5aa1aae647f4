import type { Prisma } from "@/lib/db";
import { addDays, type Day } from "@/lib/papers/dates";
import { trendingReference, trendingScoreSql } from "@/lib/papers/trending";
import { getDigestConfig } from "./config";
import type { DigestRunRecord } from "./runs";

// Which papers a digest may contain, ranked by the feed's own trending score
// (trendingScoreSql, the one formula). The candidates of a run are the papers listed in its
// longest possible window (lookback before the period start, up to the period end) and
// known when the run started: later ones wait for the next digest, and every worker of a
// run ranks the same papers the same way.
//
// A subscriber's topics mean "any of these tags". Rather than one query per subscriber (or
// per distinct set of topics: thousands in a large run), each process fetches the ranked
// list of each single topic (and of "all") once per run, and answers every subscriber from
// memory: the list for a set of topics is the merge of its topics' lists, and a shorter
// window is the same list without the papers listed before it. Both are exact: filtering
// a ranked list keeps its order, and the top N of a union is within the union of the
// members' top N.

export interface RankedPaperRef {
  id: string;
  score: number;
  listedOn: Day;
}

const ALL = "*";

/** A Prisma client or transaction: anything that runs raw queries. */
type Sql = { $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T> };

export class RunCandidates {
  private readonly lists = new Map<string, Promise<RankedPaperRef[]>>();
  private readonly ready = new Map<string, RankedPaperRef[]>();
  readonly earliest: Day;

  constructor(private readonly run: DigestRunRecord) {
    this.earliest = addDays(run.periodStart, -getDigestConfig().lookbackDays[run.frequency]);
  }

  /**
   * Fetches the lists these topic sets need (once per process and run; concurrent callers
   * share the query). `db` is the caller's transaction: on the embedded database a query
   * outside an open transaction would wait for it to end.
   */
  async ensure(db: Sql, topicSets: readonly (readonly string[])[]): Promise<void> {
    const slugs = new Set<string>();
    for (const topics of topicSets) for (const slug of topics.length === 0 ? [ALL] : topics) slugs.add(slug);
    const missing = [...slugs].filter((slug) => !this.lists.has(slug));
    if (missing.length > 0) {
      const fetching = this.fetch(db, missing);
      for (const slug of missing) {
        const list = fetching.then((bySlug) => bySlug.get(slug) ?? []);
        this.lists.set(slug, list);
        list.then(
          (papers) => this.ready.set(slug, papers),
          () => this.lists.delete(slug),
        );
      }
    }
    await Promise.all([...slugs].map((slug) => this.lists.get(slug)));
  }

  private async fetch(db: Sql, slugs: string[]): Promise<Map<string, RankedPaperRef[]>> {
    const reference = trendingReference(this.run.periodEnd, this.run.startedAt);
    const topicSlugs = slugs.filter((slug) => slug !== ALL);
    const rows = await db.$queryRaw<{ slug: string; id: string; score: number; listed_on: string }[]>`
      WITH window_papers AS (
        SELECT p.id, p.listed_on, ${trendingScoreSql(reference)} AS score
        FROM papers p
        WHERE p.listed_on BETWEEN ${this.earliest}::date AND ${this.run.periodEnd}::date AND p.created_at <= ${this.run.startedAt}
      )
      SELECT ${ALL} AS slug, w.id, w.score, w.listed_on::text AS listed_on FROM window_papers w WHERE ${slugs.includes(ALL)}
      UNION ALL
      SELECT t.slug::text AS slug, w.id, w.score, w.listed_on::text AS listed_on
      FROM window_papers w JOIN paper_tags pt ON pt.paper_id = w.id JOIN tags t ON t.id = pt.tag_id
      WHERE t.slug = ANY(${topicSlugs}::text[])`;
    const bySlug = new Map<string, RankedPaperRef[]>(slugs.map((slug) => [slug, []]));
    for (const row of rows) bySlug.get(row.slug)?.push({ id: row.id, score: row.score, listedOn: row.listed_on });
    for (const list of bySlug.values()) sortRanked(list);
    return bySlug;
  }

  /** The best `limit` papers for a set of topics (empty = all) listed from `from` on, skipping `exclude`. */
  rank(topics: readonly string[], from: Day, limit: number, exclude?: ReadonlySet<string>): string[] {
    const slugs = topics.length === 0 ? [ALL] : topics;
    const picked = new Map<string, RankedPaperRef>();
    for (const slug of slugs) {
      const list = this.ready.get(slug);
      if (!list) throw new Error(`candidates for ${slug} were not fetched`);
      let taken = 0;
      for (const paper of list) {
        if (taken >= limit) break;
        if (paper.listedOn < from || exclude?.has(paper.id)) continue;
        picked.set(paper.id, paper);
        taken += 1;
      }
    }
    return sortRanked([...picked.values()])
      .slice(0, limit)
      .map((paper) => paper.id);
  }
}

/** Score descending, then id in byte order: one total order, the same in every process. */
function sortRanked(papers: RankedPaperRef[]): RankedPaperRef[] {
  return papers.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const CACHE_KEY = Symbol.for("paperpulse.digestCandidates");
type GlobalWithCandidates = typeof globalThis & { [CACHE_KEY]?: Map<string, RunCandidates> };

/** One cache per run and process; the few most recent runs are kept. */
export function candidatesFor(run: DigestRunRecord): RunCandidates {
  const store = globalThis as GlobalWithCandidates;
  const cache = (store[CACHE_KEY] ??= new Map());
  let entry = cache.get(run.id);
  if (!entry) {
    entry = new RunCandidates(run);
    cache.set(run.id, entry);
    while (cache.size > 4) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}

import { getDb } from "@/lib/db";
import { describeError, log } from "@/lib/log";
import type { Day } from "@/lib/papers/dates";
import type { TagRef } from "@/lib/papers/types";

// What the search needs to know about the corpus to size its candidate windows: how many
// papers each listed day has, and how often each lexeme (and marker) occurs. Both are read
// from PostgreSQL and kept in this process for a short while; a stale copy is served while
// a fresh one loads, so only the very first search of a process waits for them.

export interface DayCount {
  day: Day;
  count: number;
}

export interface CorpusStats {
  /** Ascending by day; only days with papers. */
  days: DayCount[];
  /** Papers listed on or before each day, same order as days (prefix sums). */
  cumulative: number[];
  totalPapers: number;
  /**
   * Share of papers containing a lexeme, from the planner's statistics (pg_stats on
   * papers.search_vector, which ANALYZE keeps). null until the table has been analyzed.
   */
  frequencies: Map<string, number> | null;
  /** Lexemes missing from the statistics are rarer than this. */
  rareBelow: number;
  /** Name and kind of every tag, by slug (tag counts are computed from slugs alone). */
  tags: Map<string, TagRef>;
}

interface Cached<T> {
  value: T | null;
  loadedAt: number;
  loading: Promise<T> | null;
}

const STATS_KEY = Symbol.for("paperpulse.search.stats");
type GlobalWithStats = typeof globalThis & { [STATS_KEY]?: Cached<CorpusStats> };

/**
 * Re-read after this long. Ingests rarely add a day (windows reach one day past the last one
 * anyway, so a new day is searched at once), and frequencies move slowly; a refresh reads a
 * million day entries and ten thousand lexemes, so not every minute.
 */
export const STATS_TTL_MS = 5 * 60_000;

export async function getCorpusStats(now: number = Date.now()): Promise<CorpusStats> {
  const store = globalThis as GlobalWithStats;
  const cached = (store[STATS_KEY] ??= { value: null, loadedAt: 0, loading: null });
  if (cached.value && now - cached.loadedAt < STATS_TTL_MS) return cached.value;
  if (!cached.loading) {
    cached.loading = loadCorpusStats()
      .then((value) => {
        cached.value = value;
        cached.loadedAt = Date.now();
        return value;
      })
      .finally(() => {
        cached.loading = null;
      });
    if (cached.value) {
      // Serve the stale copy; a failed refresh is logged and retried on the next search.
      cached.loading.catch((error: unknown) => log.warn({ err: describeError(error) }, "search statistics refresh failed"));
      return cached.value;
    }
  }
  return cached.value ?? cached.loading;
}

/** Tests change the corpus between cases; the next search reads it afresh. */
export function forgetCorpusStats(): void {
  delete (globalThis as GlobalWithStats)[STATS_KEY];
}

async function loadCorpusStats(): Promise<CorpusStats> {
  const db = await getDb();
  const [dayRows, statRows, tagRows] = await Promise.all([
    db.$queryRaw<{ day: string; n: number }[]>`SELECT listed_on::text AS day, count(*)::int AS n FROM papers GROUP BY listed_on ORDER BY listed_on`,
    // As JSON: JSON.parse reads ten thousand lexemes far faster than a text[] literal parser.
    db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
      SELECT array_to_json(most_common_elems::text::text[]) AS elems, array_to_json(most_common_elem_freqs) AS freqs
      FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'papers' AND attname = 'search_vector'`,
    db.$queryRaw<TagRef[]>`SELECT slug, name, kind::text AS kind FROM tags`,
  ]);
  const days = dayRows.map((row) => ({ day: row.day, count: row.n }));
  const cumulative: number[] = [];
  let sum = 0;
  for (const { count } of days) cumulative.push((sum += count));

  const stat = statRows[0];
  let frequencies: Map<string, number> | null = null;
  let rareBelow = 1;
  if (stat?.elems && stat.freqs && stat.freqs.length >= stat.elems.length + 2) {
    frequencies = new Map(stat.elems.map((lexeme, i) => [lexeme, stat.freqs![i]!]));
    // After the per-element frequencies come the minimum and the maximum of them.
    rareBelow = stat.freqs[stat.elems.length]!;
  }
  return { days, cumulative, totalPapers: sum, frequencies, rareBelow, tags: new Map(tagRows.map((tag) => [tag.slug, tag])) };
}

/** Papers listed in [from, to] (inclusive), from the day counts. */
export function papersBetween(stats: CorpusStats, from: Day, to: Day): number {
  const upTo = (day: Day, inclusive: boolean) => {
    // Index of the last day <= day (or < day).
    let lo = 0;
    let hi = stats.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = stats.days[mid]!.day;
      if (inclusive ? d <= day : d < day) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : stats.cumulative[lo - 1]!;
  };
  return from > to ? 0 : upTo(to, true) - upTo(from, false);
}

/**
 * Estimated share of papers containing a lexeme. Unknown lexemes are at most rareBelow;
 * with no statistics at all, every lexeme is assumed common, so the search starts small
 * and widens from what it finds.
 */
export function lexemeFrequency(stats: CorpusStats, lexeme: string): number {
  if (!stats.frequencies) return 1;
  return stats.frequencies.get(lexeme) ?? stats.rareBelow;
}

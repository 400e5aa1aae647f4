// /search?q=&tags=&from=&to=&sort=&cursor=: ranked full-text search with tag filters and
// feeds of the search. Dynamic (it reads the query string); the search itself is bounded
// (docs/search.md) and its outcome is kept 60 s per normalized query (popular searches repeat;
// ingests expire it with the feeds). An arXiv id or abs URL goes to the paper.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { redirect } from "next/navigation";
import { FeedLinksBar } from "@/components/feed-links";
import { SearchHitCard } from "@/components/search-hit-card";
import { ActiveTagFilters, TagFilter } from "@/components/tag-filter";
import { describeZodError } from "@/lib/http/api-response";
import { feedAlternates, searchFeedLinks } from "@/lib/feeds/links";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { arxivAbsUrl } from "@/lib/papers/arxiv-id";
import { InvalidCursorError } from "@/lib/papers/cursor";
import { addDays, formatDayLong } from "@/lib/papers/dates";
import { SEARCH_PAGE_SIZE, type SearchParams, searchHref, searchParamsInput, searchParamsSchema } from "@/lib/search/params";
import { INVALID_SEARCH_CURSOR_MESSAGE } from "@/lib/search/search-cursor";
import { runSearch } from "@/lib/search/search";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS = { relevance: "Relevance", trending: "Trending", new: "Newest" } as const;

// The same search asked again within a minute is answered from the data cache: the key is the
// normalized URL (searchHref sorts tags and drops defaults), so spelling variants share it.
// Upvotes and trending scores may then be up to a minute old; new papers expire it at once.
// Only first pages: they are what repeats, and each entry (~40 KB) is written to .next/cache.
function loadSearch(params: SearchParams) {
  if (params.cursor) return runSearch({ ...params, limit: SEARCH_PAGE_SIZE });
  return unstable_cache(() => runSearch({ ...params, limit: SEARCH_PAGE_SIZE }), ["search-page", searchHref(params)], {
    tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest],
    revalidate: 60,
  })();
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = searchParamsSchema.safeParse(searchParamsInput(await searchParams));
  if (!parsed.success || (!parsed.data.q.trim() && parsed.data.tags.length === 0)) return { title: "Search", robots: { index: false } };
  return {
    title: parsed.data.q ? `“${parsed.data.q}”: search` : "Search",
    robots: { index: false },
    alternates: { types: feedAlternates(searchFeedLinks(parsed.data)) },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const parsed = searchParamsSchema.safeParse(searchParamsInput(await searchParams));
  if (!parsed.success) return <CannotRun params={null} message={describeZodError(parsed.error)} />;
  const params = parsed.data;
  if (!params.q.trim() && params.tags.length === 0) {
    return (
      <SearchLayout params={params}>
        <SearchTips />
      </SearchLayout>
    );
  }

  const outcome = await loadSearch(params).catch((error: unknown) => {
    // A cursor whose window does not fit these dates or this sort (an edited URL): bad input.
    if (error instanceof InvalidCursorError) return null;
    throw error;
  });
  if (outcome === null) return <CannotRun params={params} message={INVALID_SEARCH_CURSOR_MESSAGE} />;
  if (outcome.kind === "paper") {
    if (outcome.exists) redirect(`/papers/${outcome.id}`);
    return (
      <SearchLayout params={params}>
        <div className="card">
          <p className="font-medium">arXiv:{outcome.id} is not in PaperPulse yet.</p>
          <p className="mt-1 text-sm">
            <a href={arxivAbsUrl(outcome.id)} className="underline" rel="noopener noreferrer">
              Read it on arXiv
            </a>
          </p>
        </div>
      </SearchLayout>
    );
  }

  const { page, correction } = outcome;
  const hrefWith = (changes: Partial<SearchParams>) => searchHref({ ...params, cursor: undefined, ...changes });
  const feed = searchFeedLinks(params);
  return (
    <SearchLayout params={params}>
      {correction && (
        <p className="text-sm" role="status">
          Showing results for <strong>{correction.corrected}</strong>. Search instead for{" "}
          <Link href={hrefWith({ q: correction.original, exact: true })} className="underline">
            {correction.original}
          </Link>
          .
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm" role="status" aria-live="polite">
          {page.empty ? "Type a word to search for: exclusions and stop words alone match nothing." : totalText(page.total)}
        </p>
        <nav aria-label="Sort" className="inline-flex overflow-hidden rounded-lg border border-stone-300 dark:border-stone-700">
          {(Object.keys(SORT_LABELS) as (keyof typeof SORT_LABELS)[]).map((sort) => (
            <Link
              key={sort}
              href={hrefWith({ sort })}
              aria-current={sort === params.sort ? "true" : undefined}
              className={`px-3 py-1.5 text-sm no-underline ${sort === params.sort ? "bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}
            >
              {SORT_LABELS[sort]}
            </Link>
          ))}
        </nav>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-label="Results" className="flex min-w-0 flex-col gap-4">
          <ActiveTagFilters facets={page.facets} selected={params.tags} hrefFor={(tags) => hrefWith({ tags })} />
          {page.hits.length === 0 ? (
            <div className="card">
              <p className="font-medium">No papers match this search.</p>
              <ul className="mt-2 list-disc pl-5 text-sm muted">
                {params.tags.length > 0 && (
                  <li>
                    <Link href={hrefWith({ tags: [] })} className="underline">
                      Search without the tag filters
                    </Link>
                  </li>
                )}
                {(params.from || params.to) && (
                  <li>
                    <Link href={hrefWith({ from: undefined, to: undefined })} className="underline">
                      Search all dates
                    </Link>
                  </li>
                )}
                <li>Use fewer words, or OR between alternatives.</li>
              </ul>
            </div>
          ) : (
            <ol className="flex flex-col gap-4">
              {page.hits.map((hit) => (
                <li key={hit.id}>
                  <SearchHitCard hit={hit} />
                </li>
              ))}
            </ol>
          )}
          {page.since && !page.nextCursor && params.sort !== "new" && (
            <p className="text-sm muted">
              These are the best matches among papers listed since {formatDayLong(page.since)}.{" "}
              <Link href={hrefWith({ to: addDays(page.since, -1) })} className="underline">
                Search earlier papers
              </Link>{" "}
              or{" "}
              <Link href={hrefWith({ sort: "new" })} className="underline">
                go through all matches, newest first
              </Link>
              .
            </p>
          )}
          {(params.cursor || page.nextCursor) && (
            <nav aria-label="Pages" className="flex justify-between">
              {params.cursor ? (
                <Link href={hrefWith({})} className="btn no-underline">
                  ↑ First page
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor && (
                <Link href={hrefWith({ cursor: page.nextCursor })} className="btn no-underline">
                  More results →
                </Link>
              )}
            </nav>
          )}
        </section>
        <aside className="flex flex-col gap-4">
          <TagFilter facets={page.facets} selected={params.tags} hrefFor={(tags) => hrefWith({ tags })} approximate={!page.total.exact} />
          <div className="card">
            <FeedLinksBar links={feed} label="this search" />
          </div>
        </aside>
      </div>
    </SearchLayout>
  );
}

function CannotRun({ params, message }: { params: SearchParams | null; message: string }) {
  return (
    <SearchLayout params={params}>
      <div role="alert" className="card">
        <p className="font-medium">This search cannot run.</p>
        <p className="mt-1 text-sm muted">{message}</p>
      </div>
    </SearchLayout>
  );
}

function totalText(total: { count: number; exact: boolean }): string {
  const n = total.count.toLocaleString("en-US");
  if (total.exact) return total.count === 1 ? "1 paper" : `${n} papers`;
  return `About ${n} papers`;
}

function SearchLayout({ params, children }: { params: SearchParams | null; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{params?.q ? <>Search: {params.q}</> : "Search papers"}</h1>
      <form action="/search" method="get" className="card flex flex-col gap-3" aria-label="Search options">
        <div className="flex flex-col gap-2 sm:flex-row">
          <label className="sr-only" htmlFor="search-q">
            Search words
          </label>
          <input id="search-q" type="search" name="q" defaultValue={params?.q ?? ""} className="input" maxLength={500} placeholder="quantization, &quot;kv cache&quot; -survey, Priya Sharma…" />
          <button type="submit" className="btn btn-primary">
            Search
          </button>
        </div>
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col gap-1">
            <span className="muted">Listed from</span>
            <input type="date" name="from" defaultValue={params?.from ?? ""} className="input" />
          </label>
          <label className="flex flex-col gap-1">
            <span className="muted">to</span>
            <input type="date" name="to" defaultValue={params?.to ?? ""} className="input" />
          </label>
          {params && params.tags.length > 0 && <input type="hidden" name="tags" value={params.tags.join(",")} />}
          {params && params.sort !== "relevance" && <input type="hidden" name="sort" value={params.sort} />}
        </div>
      </form>
      {children}
    </div>
  );
}

function SearchTips() {
  return (
    <section className="card text-sm" aria-labelledby="tips-heading">
      <h2 id="tips-heading" className="mb-2 font-semibold">
        How to search
      </h2>
      <ul className="flex list-disc flex-col gap-1 pl-5">
        <li>
          <code>quantization llm</code>: papers with both words, best matches first (title counts most, then authors and keywords, then the abstract).
        </li>
        <li>
          <code>&quot;kv cache&quot;</code>: the words next to each other.
        </li>
        <li>
          <code>-survey</code>: without a word. <code>llm OR vlm</code>: either word.
        </li>
        <li>Author names work too, and small typos are corrected. An arXiv id or link opens the paper.</li>
      </ul>
    </section>
  );
}

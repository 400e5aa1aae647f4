// The tag pages /tags/<slug>?sort&tags&cursor, rendered once and served from cache. proxy.ts
// rewrites the public URL here with the query folded into [options] (a page that reads
// searchParams cannot be cached); ingests refresh a tag's pages by its cache tag.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FeedLinksBar } from "@/components/feed-links";
import { PaperCardList } from "@/components/paper-card";
import { tagLabel } from "@/components/tag-chip";
import { ActiveTagFilters, TagFilter } from "@/components/tag-filter";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { feedAlternates, tagFeedLinks } from "@/lib/feeds/links";
import { InvalidCursorError } from "@/lib/papers/cursor";
import { formatDayLong } from "@/lib/papers/dates";
import { parseOptionsSegment } from "@/lib/papers/feed-route";
import { feedHref, TAG_SLUG_RE } from "@/lib/papers/feed-params";
import { FEED_SORTS } from "@/lib/papers/types";
import { loadTagView } from "@/lib/tags/view";

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string; options: string }> };

const SORT_LABELS = { trending: "Trending", top: "Most upvoted", new: "Newest" } as const;

async function loadModel(params: Props["params"]) {
  const { slug, options: segment } = await params;
  if (!TAG_SLUG_RE.test(slug)) return null;
  const parsed = parseOptionsSegment(segment);
  if (!parsed) return null;
  const { query, options } = parsed;
  const extra = options.tags.filter((t) => t !== slug);
  return unstable_cache(() => loadTagView(slug, options), ["tag-view", slug, query], {
    tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.tag(slug), ...extra.map(CACHE_TAGS.tag)],
    revalidate: 300,
  })().catch((error: unknown) => {
    // proxy.ts refuses cursors of the wrong shape; one whose window lies outside the listings
    // can only be made by hand, and is a 404 like any other address that is not a page.
    if (error instanceof InvalidCursorError) return null;
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await loadModel(params);
  if (!model) return { title: "Tag not found" };
  const label = tagLabel(model.tag);
  return {
    title: `${label.full}: papers`,
    description: model.tag.description ?? `AI research papers tagged ${model.tag.name}.`,
    alternates: { canonical: `/tags/${model.tag.slug}`, types: feedAlternates(tagFeedLinks(model.tag.slug, model.tag.name)) },
  };
}

export default async function TagPage({ params }: Props) {
  const model = await loadModel(params);
  if (!model) notFound();
  const { tag } = model;
  const label = tagLabel(tag);
  const href = (changes: { sort?: typeof model.sort; tags?: string[]; cursor?: string }) =>
    feedHref("tag", tag.slug, { sort: changes.sort ?? model.sort, tags: changes.tags ?? model.extraTags, cursor: changes.cursor });

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-accent-700 dark:text-accent-300">{tag.kind === "topic" ? "Topic" : "arXiv category"}</p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{label.full}</h1>
        {tag.description && <p className="text-sm muted">{tag.description}</p>}
        <p className="text-sm muted">
          {tag.papers.toLocaleString("en-US")} {tag.papers === 1 ? "paper" : "papers"} ·{" "}
          <Link href="/tags" className="underline">
            all tags
          </Link>
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <nav aria-label="Sort" className="inline-flex overflow-hidden rounded-lg border border-stone-300 dark:border-stone-700">
          {FEED_SORTS.map((sort) => (
            <Link
              key={sort}
              href={href({ sort })}
              aria-current={sort === model.sort ? "true" : undefined}
              className={`px-3 py-1.5 text-sm no-underline ${sort === model.sort ? "bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900" : "hover:bg-stone-100 dark:hover:bg-stone-800"}`}
            >
              {SORT_LABELS[sort]}
            </Link>
          ))}
        </nav>
        <FeedLinksBar links={tagFeedLinks(tag.slug, tag.name)} label={`papers tagged ${tag.name}`} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-label="Papers" className="flex min-w-0 flex-col gap-4">
          <ActiveTagFilters facets={model.facets} selected={model.extraTags} hrefFor={(tags) => href({ tags })} />
          {model.papers.length === 0 ? (
            <div className="card text-center">
              <p className="font-medium">No papers with {model.extraTags.length > 0 ? "all of these tags" : "this tag"}.</p>
            </div>
          ) : (
            <PaperCardList papers={model.papers} offset={model.offset} />
          )}
          {model.since && model.sort !== "new" && !model.nextCursor && (
            <p className="text-sm muted">
              {SORT_LABELS[model.sort]} ranks the papers listed since {formatDayLong(model.since)};{" "}
              <Link href={href({ sort: "new" })} className="underline">
                newest first
              </Link>{" "}
              goes through all of them.
            </p>
          )}
          {(model.cursor || model.nextCursor) && (
            <nav aria-label="Pages" className="flex justify-between">
              {model.cursor ? (
                <Link href={href({})} className="btn no-underline">
                  ↑ Back to the top
                </Link>
              ) : (
                <span />
              )}
              {model.nextCursor && (
                <Link href={href({ cursor: model.nextCursor })} className="btn no-underline">
                  More papers →
                </Link>
              )}
            </nav>
          )}
        </section>
        <aside className="flex flex-col gap-4">
          <TagFilter facets={model.facets} selected={model.extraTags} hrefFor={(tags) => href({ tags })} approximate={!model.total.exact} />
        </aside>
      </div>
    </div>
  );
}

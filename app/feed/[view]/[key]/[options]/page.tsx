// The feed views (/, /papers/date|week|month/<key>) rendered once and served from cache.
// proxy.ts rewrites the public URLs here, with the query string folded into [options],
// because a page that reads searchParams cannot be cached. Ingests refresh these pages by
// cache tag (lib/cache/revalidate.ts); `revalidate` is only the safety net.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DemoNotice } from "@/components/demo-notice";
import { FeedCalendar } from "@/components/feed-calendar";
import { FeedControls } from "@/components/feed-controls";
import { FeedLinksBar } from "@/components/feed-links";
import { ActiveTagFilters, TagFilter } from "@/components/tag-filter";
import { feedAlternates, feedLinksForView, type FeedViewRef } from "@/lib/feeds/links";
import { PaperCardList } from "@/components/paper-card";
import { feedCacheTags, parseFeedRoute } from "@/lib/papers/feed-route";
import { loadFeedView } from "@/lib/papers/feed";
import { feedHref } from "@/lib/papers/feed-params";

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string; key: string; options: string }> };

async function loadModel(params: Props["params"]) {
  const route = parseFeedRoute(await params);
  if (!route) return null;
  const load = unstable_cache(() => loadFeedView(route.request, route.options), ["feed-view", route.cacheKey], {
    tags: feedCacheTags(route.request),
    revalidate: 300,
  });
  const model = await load();
  if (!model) return null;
  // The view's own feed; /papers/week/latest offers the moving "latest week" feed.
  const feed: FeedViewRef = { view: route.request.view, key: route.request.view === "latest" ? "latest" : route.request.key, sort: model.sort, tags: model.tags };
  const isTrending = feed.view === "latest" && feed.sort === "trending" && feed.tags.length === 0;
  return { model, feed: feedLinksForView(feed), feedLabel: isTrending ? "the trending papers" : "this view" };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadModel(params);
  if (!loaded) return { title: "Not found" };
  const { model, feed } = loaded;
  return {
    title: model.view === "latest" ? { absolute: "PaperPulse: trending AI research papers" } : model.title,
    alternates: { types: feedAlternates(feed) },
  };
}

export default async function FeedPage({ params }: Props) {
  const loaded = await loadModel(params);
  if (!loaded) notFound();
  const { model, feed, feedLabel } = loaded;
  const selfView = model.view;
  const selfKey = model.view === "latest" ? null : (model.period?.key ?? null);

  return (
    <div className="flex flex-col gap-6">
      {model.isDemo && <DemoNotice />}
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium text-accent-700 dark:text-accent-300">{model.view === "latest" ? "Latest papers" : model.period?.kind === "date" ? "Papers of the day" : model.period?.kind === "week" ? "Papers of the week" : "Papers of the month"}</p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{model.title}</h1>
      </div>
      <FeedControls model={model} />
      <FeedLinksBar links={feed} label={feedLabel} />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-label="Papers" className="flex min-w-0 flex-col gap-4">
          {model.period && <ActiveTagFilters facets={model.facets} selected={model.tags} hrefFor={(tags) => feedHref(selfView, selfKey, { sort: model.sort, tags })} />}
          {model.papers.length === 0 ? (
            <div className="card text-center">
              <p className="font-medium">{model.period ? "No papers were listed in this period." : "There are no papers yet."}</p>
              <p className="mt-1 text-sm muted">Use the calendar or the previous and next links to find days with papers.</p>
            </div>
          ) : (
            <PaperCardList papers={model.papers} offset={model.offset} />
          )}
          {(model.cursor || model.nextCursor) && (
            <nav aria-label="Pages" className="flex justify-between">
              {model.cursor ? (
                <Link href={feedHref(selfView, selfKey, { sort: model.sort, tags: model.tags })} className="btn no-underline">
                  ↑ Back to the top
                </Link>
              ) : (
                <span />
              )}
              {model.nextCursor && (
                <Link href={feedHref(selfView, selfKey, { sort: model.sort, tags: model.tags, cursor: model.nextCursor })} className="btn no-underline">
                  More papers →
                </Link>
              )}
            </nav>
          )}
        </section>
        <aside className="flex flex-col gap-4">
          {model.period && <TagFilter facets={model.facets} selected={model.tags} hrefFor={(tags) => feedHref(selfView, selfKey, { sort: model.sort, tags })} />}
          {model.calendar && <FeedCalendar calendar={model.calendar} selected={model.period} />}
        </aside>
      </div>
    </div>
  );
}

// The organization pages /orgs/<name>?sort&tags&cursor: the papers a Hugging Face
// organization published, rendered once and served from cache like the tag pages. proxy.ts
// rewrites the public URL here with the query folded into [options]; an ingest that changes
// one of the organization's papers refreshes its pages by the cache tag org:<name>.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PaperCardList } from "@/components/paper-card";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
import { loadOrgView } from "@/lib/orgs/view";
import { parseOptionsSegment } from "@/lib/papers/feed-route";
import { feedOptionsQuery } from "@/lib/papers/feed-params";
import { FEED_SORTS, type FeedSort } from "@/lib/papers/types";

export const revalidate = 300;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ name: string; options: string }> };

const SORT_LABELS = { trending: "Trending", top: "Most upvoted", new: "Newest" } as const;

async function loadModel(params: Props["params"]) {
  const { name, options: segment } = await params;
  if (!ORGANIZATION_NAME.test(name)) return null;
  const parsed = parseOptionsSegment(segment);
  if (!parsed) return null;
  const { query, options } = parsed;
  return unstable_cache(() => loadOrgView(name, options), ["org-view", name, query], {
    tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.org(name), ...options.tags.map(CACHE_TAGS.tag)],
    revalidate: 300,
  })();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await loadModel(params);
  if (!model) return { title: "Organization not found" };
  const { organization } = model;
  return {
    title: `${organization.fullName}: papers`,
    description: `AI research papers ${organization.fullName} published on Hugging Face.`,
    alternates: { canonical: `/orgs/${organization.name}` },
  };
}

export default async function OrganizationPage({ params }: Props) {
  const model = await loadModel(params);
  if (!model) notFound();
  const { organization } = model;
  const href = (changes: { sort?: FeedSort; cursor?: string }) =>
    `/orgs/${organization.name}${feedOptionsQuery({ sort: changes.sort ?? model.sort, tags: model.tags, cursor: changes.cursor })}`;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex items-center gap-4">
        {organization.avatarUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- as in components/hugging-face-extras.tsx
          <img src={organization.avatarUrl} alt="" width={56} height={56} decoding="async" referrerPolicy="no-referrer" className="size-14 shrink-0 rounded-lg border border-stone-200 object-cover dark:border-stone-700" />
        )}
        <div className="flex flex-col gap-1">
          <p className="text-sm font-medium text-accent-700 dark:text-accent-300">Organization on Hugging Face</p>
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{organization.fullName}</h1>
          <p className="text-sm muted">
            {organization.papers.toLocaleString("en-US")} {organization.papers === 1 ? "paper" : "papers"} ·{" "}
            <a href={`https://huggingface.co/${organization.name}`} className="underline" rel="noopener noreferrer">
              huggingface.co/{organization.name}
            </a>
          </p>
        </div>
      </div>
      <nav aria-label="Sort" className="inline-flex self-start overflow-hidden rounded-lg border border-stone-300 dark:border-stone-700">
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
      <section aria-label="Papers" className="flex min-w-0 flex-col gap-4">
        {model.papers.length === 0 ? (
          <div className="card text-center">
            <p className="font-medium">No papers{model.tags.length > 0 ? " with these tags" : ""}.</p>
          </div>
        ) : (
          <PaperCardList papers={model.papers} offset={model.offset} />
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
    </div>
  );
}

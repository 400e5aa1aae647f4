// /tags: every topic and arXiv category with its number of papers. The counts are cached
// until an ingest changes the papers; the page itself renders per request.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import Link from "next/link";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { tagLabel } from "@/components/tag-chip";
import { listTags } from "@/lib/tags/queries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Tags", description: "Topics and arXiv categories of the papers on PaperPulse." };

const cachedTags = unstable_cache(() => listTags(), ["tags-page"], { tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest], revalidate: 300 });

export default async function TagsPage() {
  const tags = await cachedTags();
  const groups = [
    { kind: "topic", title: "Topics", items: tags.filter((t) => t.kind === "topic") },
    { kind: "category", title: "arXiv categories", items: tags.filter((t) => t.kind === "category") },
  ] as const;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Tags</h1>
      {tags.length === 0 && <p className="card">There are no tagged papers yet.</p>}
      {groups.map(
        (group) =>
          group.items.length > 0 && (
            <section key={group.kind} aria-labelledby={`tags-${group.kind}`}>
              <h2 id={`tags-${group.kind}`} className="mb-3 text-lg font-semibold">
                {group.title}
              </h2>
              <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
                {group.items.map((tag) => (
                  <li key={tag.slug} className="card flex items-baseline justify-between gap-3 py-3">
                    <Link href={`/tags/${tag.slug}`} className="font-medium hover:underline">
                      {/* Under the "Topics" heading a topic is its name; a category keeps its code. */}
                      {tag.kind === "topic" ? tag.name : tagLabel(tag).full}
                    </Link>
                    <span className="text-sm tabular-nums muted">{tag.papers.toLocaleString("en-US")}</span>
                  </li>
                ))}
              </ul>
            </section>
          ),
      )}
    </div>
  );
}

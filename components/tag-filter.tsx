import Link from "next/link";
import { MAX_FILTER_TAGS } from "@/lib/papers/feed-params";
import type { TagRef } from "@/lib/papers/types";
import { tagLabel } from "./tag-chip";

export interface TagFacetView extends TagRef {
  count: number;
}

/**
 * Tag filters as plain links that change ?tags= (so the URL can be shared and the back
 * button works): the selected tags with remove links and "Clear all", then the tags of the
 * current results with how many papers carry each. A paper must carry every selected tag.
 */
export function TagFilter({
  facets,
  selected,
  hrefFor,
  approximate = false,
  names = {},
}: {
  facets: TagFacetView[];
  selected: readonly string[];
  /** The URL of this view with these tags (sorted), without a cursor. */
  hrefFor: (tags: string[]) => string;
  /** Counts were estimated from a sample of the results. */
  approximate?: boolean;
  /** Names of selected tags that are not among the facets (no results). */
  names?: Record<string, TagRef>;
}) {
  const selectedSet = new Set(selected);
  const known = new Map([...Object.values(names), ...facets].map((tag) => [tag.slug, tag]));
  const available = facets.filter((facet) => !selectedSet.has(facet.slug));
  const full = selected.length >= MAX_FILTER_TAGS;
  const countText = (n: number) => `${approximate ? "≈" : ""}${n.toLocaleString("en-US")}`;

  return (
    <section aria-labelledby="tag-filter-heading" className="card">
      <h2 id="tag-filter-heading" className="mb-2 text-sm font-semibold">
        Filter by tag
      </h2>
      {/* Below lg the sidebar sits under the list: ActiveTagFilters shows these above it there. */}
      {selected.length > 0 && <SelectedTags selected={selected} known={known} hrefFor={hrefFor} className="mb-3 hidden lg:flex" />}
      {available.length === 0 ? (
        <p className="text-xs muted">{selected.length > 0 ? "No other tags among these papers." : "No tags among these papers."}</p>
      ) : (
        <ul aria-label="Tags in these results" className="flex flex-wrap gap-1.5">
          {available.map((facet) => {
            const label = tagLabel(facet);
            return (
              <li key={facet.slug}>
                {full ? (
                  <span className="chip opacity-60" title={`At most ${MAX_FILTER_TAGS} tags at once`}>
                    {label.short} <span className="ml-1 tabular-nums muted">{countText(facet.count)}</span>
                  </span>
                ) : (
                  <Link
                    href={hrefFor([...selected, facet.slug].sort())}
                    className={facet.kind === "topic" ? "chip chip-topic no-underline" : "chip no-underline"}
                    aria-label={`Add tag filter ${label.full}, ${countText(facet.count)} papers`}
                    title={label.full}
                  >
                    {label.short}
                    <span className="ml-1 tabular-nums opacity-75">{countText(facet.count)}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * The active tag filters above the list on small screens, where the sidebar (TagFilter) is
 * below the whole list and a filtered feed would look unfiltered. Hidden from lg up, where
 * the sidebar shows them beside the list.
 */
export function ActiveTagFilters({ facets, selected, hrefFor, names = {} }: Pick<Parameters<typeof TagFilter>[0], "facets" | "selected" | "hrefFor" | "names">) {
  if (selected.length === 0) return null;
  const known = new Map([...Object.values(names), ...facets].map((tag) => [tag.slug, tag]));
  return (
    <section aria-label="Active tag filters" className="card flex flex-col gap-2 py-3 lg:hidden">
      <p className="text-sm font-semibold">Filtered by tag</p>
      <SelectedTags selected={selected} known={known} hrefFor={hrefFor} className="flex" />
    </section>
  );
}

function SelectedTags({ selected, known, hrefFor, className }: { selected: readonly string[]; known: Map<string, TagRef>; hrefFor: (tags: string[]) => string; className: string }) {
  return (
    <div className={`flex-col gap-2 ${className}`}>
      <ul aria-label="Selected tags" className="flex flex-wrap gap-1.5">
        {selected.map((slug) => {
          const tag = known.get(slug);
          const label = tag ? tagLabel(tag).short : slug;
          return (
            <li key={slug}>
              <Link href={hrefFor(selected.filter((s) => s !== slug))} className="chip chip-topic gap-1 no-underline" aria-label={`Remove tag filter ${label}`}>
                {label}
                <span aria-hidden="true">×</span>
              </Link>
            </li>
          );
        })}
      </ul>
      <Link href={hrefFor([])} className="self-start text-xs hover:underline">
        Clear all tag filters
      </Link>
    </div>
  );
}

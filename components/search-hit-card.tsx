import Link from "next/link";
import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { SearchHit } from "@/lib/search/engine";
import { HighlightedText } from "./highlighted-text";
import { TagChip } from "./tag-chip";

const SHOWN_TAGS = 6;

/** One search result: title and abstract snippet with the matched words marked. */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const headingId = `hit-${hit.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-lg font-semibold leading-snug">
        <Link href={`/papers/${hit.id}`} className="hover:underline">
          <HighlightedText segments={hit.highlights.title} />
        </Link>
      </h2>
      <p className="mt-1 text-sm muted">
        <span>{formatAuthors(hit.authors)}</span>
        <span aria-hidden="true"> · </span>
        <span>
          listed <time dateTime={hit.listedOn}>{formatDayShort(hit.listedOn)}</time>
        </span>
        <span aria-hidden="true"> · </span>
        <span>
          <span className="tabular-nums">{hit.upvotes}</span> upvotes
        </span>
      </p>
      {hit.highlights.abstract.length > 0 && (
        <p className="mt-2 text-sm leading-relaxed text-stone-700 dark:text-stone-300" data-testid="snippet">
          <HighlightedText segments={hit.highlights.abstract} />
        </p>
      )}
      {hit.tags.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {hit.tags.slice(0, SHOWN_TAGS).map((tag) => (
            <li key={tag.slug}>
              <TagChip tag={tag} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

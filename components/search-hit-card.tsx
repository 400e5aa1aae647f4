import Link from "next/link";
import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { SearchHit } from "@/lib/search/engine";
import { HighlightedText } from "./highlighted-text";
import { TagChip } from "./tag-chip";

const SHOWN_TAGS = 6;

/** One search result: title and abstract snippet with the matched words marked (named classes: see .card-* in globals.css). */
export function SearchHitCard({ hit }: { hit: SearchHit }) {
  const headingId = `hit-${hit.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        <Link href={`/papers/${hit.id}`} className="hover:underline">
          <HighlightedText segments={hit.highlights.title} />
        </Link>
      </h2>
      <p className="card-meta">
        {formatAuthors(hit.authors)}
        <span aria-hidden="true"> · </span>
        listed <time dateTime={hit.listedOn}>{formatDayShort(hit.listedOn)}</time>
        <span aria-hidden="true"> · </span>
        {`${hit.upvotes} upvotes`}
      </p>
      {hit.highlights.abstract.length > 0 && (
        <p className="hit-snippet" data-testid="snippet">
          <HighlightedText segments={hit.highlights.abstract} />
        </p>
      )}
      {hit.tags.length > 0 && (
        <ul className="card-tags" aria-label="Tags">
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

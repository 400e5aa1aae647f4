import Link from "next/link";
import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { RankedPaper } from "@/lib/papers/types";
import { MathText } from "./math-text";
import { TagChip } from "./tag-chip";
import { TrendingExplainer } from "./trending-explainer";

const SHOWN_TAGS = 6;

export function PaperCard({ paper, rank }: { paper: RankedPaper; rank?: number }) {
  const headingId = `paper-${paper.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="flex gap-4">
        <div className="flex w-12 shrink-0 flex-col items-center self-start rounded-lg border border-stone-200 py-2 text-center dark:border-stone-700" title={`${paper.upvotes} upvotes`}>
          <span aria-hidden="true" className="text-xs text-accent-600 dark:text-accent-300">
            ▲
          </span>
          <span className="text-base font-semibold tabular-nums">{paper.upvotes}</span>
          <span className="sr-only">upvotes</span>
        </div>
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-lg font-semibold leading-snug">
            {rank !== undefined && <span className="mr-1 muted tabular-nums">{rank}.</span>}
            <Link href={`/papers/${paper.id}`} className="hover:underline">
              <MathText text={paper.title} />
            </Link>
          </h2>
          <p className="mt-1 text-sm muted">
            <span>{formatAuthors(paper.authors)}</span>
            <span aria-hidden="true"> · </span>
            <span>
              listed <time dateTime={paper.listedOn}>{formatDayShort(paper.listedOn)}</time>
            </span>
            {paper.githubRepo && (
              <>
                <span aria-hidden="true"> · </span>
                <a href={`https://github.com/${paper.githubRepo}`} className="hover:underline" rel="noopener noreferrer">
                  <span aria-hidden="true">★ </span>
                  {(paper.githubStars ?? 0).toLocaleString("en-US")}
                  <span className="sr-only"> GitHub stars</span>
                </a>
              </>
            )}
            <span aria-hidden="true"> · </span>
            <TrendingExplainer id={paper.id} parts={paper.trending} />
          </p>
          <p className="mt-2 line-clamp-3 text-sm leading-relaxed text-stone-700 dark:text-stone-300">
            <MathText text={paper.abstract} />
          </p>
          {paper.tags.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
              {paper.tags.slice(0, SHOWN_TAGS).map((tag) => (
                <li key={tag.slug}>
                  <TagChip tag={tag} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}

import Link from "next/link";
import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { RankedPaper } from "@/lib/papers/types";
import { truncateMathText } from "@/lib/text/math-segments";
import { AiSummaryLine, CardThumbnail, OrganizationLink } from "./hugging-face-extras";
import { MathText } from "./math-text";
import { TagChip } from "./tag-chip";
import { TrendingExplainer } from "./trending-explainer";

const SHOWN_TAGS = 6;
/** About three lines of a card: the full abstract is on the paper page. */
export const CARD_ABSTRACT_CHARS = 300;

// A server component, and kept light on purpose: a feed page holds 30 of these, and every
// byte is sent twice (HTML and the RSC payload that hydrates it). Only the abstract's first
// lines are rendered, math in its compact form, styles as named classes (app/globals.css).
// See docs/performance.md.
export function PaperCard({ paper, rank }: { paper: RankedPaper; rank?: number }) {
  const headingId = `paper-${paper.id.replace(/[^a-zA-Z0-9]/g, "-")}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <div className="flex gap-4">
        <div className="card-votes">
          <span aria-hidden="true" className="card-arrow">
            ▲
          </span>
          <b>{paper.upvotes}</b>
          <span className="sr-only">upvotes</span>
        </div>
        <div className="card-body">
          <h2 id={headingId} className="card-title">
            {rank !== undefined && <span className="mr-1 muted">{`${rank}.`}</span>}
            <Link href={`/papers/${paper.id}`} className="hover:underline">
              <MathText text={paper.title} compact />
            </Link>
          </h2>
          <p className="card-meta">
            {formatAuthors(paper.authors)}
            {paper.organization && (
              <>
                {" · "}
                <OrganizationLink organization={paper.organization} />
              </>
            )}
            {" · listed "}
            <time dateTime={paper.listedOn}>{formatDayShort(paper.listedOn)}</time>
            {paper.githubRepo && (
              <>
                {" · "}
                <a href={`https://github.com/${paper.githubRepo}`} className="hover:underline" rel="noopener noreferrer">
                  <span aria-hidden="true">★ </span>
                  {(paper.githubStars ?? 0).toLocaleString("en-US")}
                  <span className="sr-only"> GitHub stars</span>
                </a>
              </>
            )}
            {" · "}
            <TrendingExplainer id={paper.id} parts={paper.trending} />
          </p>
          {paper.aiSummary && <AiSummaryLine text={paper.aiSummary} />}
          <p className="card-abstract">
            <MathText text={truncateMathText(paper.abstract, CARD_ABSTRACT_CHARS)} compact />
          </p>
          {paper.tags.length > 0 && (
            <ul className="card-tags" aria-label="Tags">
              {paper.tags.slice(0, SHOWN_TAGS).map((tag) => (
                <li key={tag.slug}>
                  <TagChip tag={tag} />
                </li>
              ))}
            </ul>
          )}
        </div>
        {paper.thumbnailUrl && <CardThumbnail url={paper.thumbnailUrl} />}
      </div>
    </article>
  );
}

/**
 * The cards of a feed or tag page, numbered from `offset + 1`: the keyset cursor carries how
 * many papers came before its page. A cursor from before it did (offset null) shows no numbers.
 */
export function PaperCardList({ papers, offset }: { papers: RankedPaper[]; offset: number | null }) {
  return (
    <ol className="flex flex-col gap-4" start={offset === null ? undefined : offset + 1}>
      {papers.map((paper, index) => (
        <li key={paper.id}>
          <PaperCard paper={paper} rank={offset === null ? undefined : offset + index + 1} />
        </li>
      ))}
    </ol>
  );
}

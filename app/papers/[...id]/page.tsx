// The paper page /papers/<arXiv id> (old-style ids keep their slash: /papers/hep-th/9901001).
// Rendered on first visit, then served from cache until an ingest changes the paper.
import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { notFound } from "next/navigation";
import { AiSummaryLine, OrganizationLink, PaperFigures } from "@/components/hugging-face-extras";
import { MathText } from "@/components/math-text";
import { OG_IMAGE_SIZE } from "@/components/paper-og-image";
import { TagChip } from "@/components/tag-chip";
import { UpvoteChart } from "@/components/upvote-chart";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { arxivAbsUrl, arxivPdfUrl, huggingFacePaperUrl, parseArxivId, submissionMonth } from "@/lib/papers/arxiv-id";
import { formatDayLong, formatDayShort, formatMonth } from "@/lib/papers/dates";
import { getPaper } from "@/lib/papers/queries";
import { paperImageText } from "@/lib/og/plain-text";
import { findSimilarPapers } from "@/lib/papers/similar";
import { SimilarPapers } from "@/components/similar-papers";
import { truncateMathText } from "@/lib/text/math-segments";
import { plainTextLine } from "@/lib/text/tex-text";

export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ id: string[] }> };

async function loadPaper(params: Props["params"]) {
  const { id: segments } = await params;
  const parsed = parseArxivId(segments.map(decodeURIComponent).join("/"));
  if (!parsed) return null;
  return unstable_cache(() => getPaper(parsed.id), ["paper", parsed.id], { tags: [CACHE_TAGS.paper(parsed.id)], revalidate: 3600 })();
}

// Similar papers change when papers arrive, not when this paper does: refreshed with the feeds.
function loadSimilar(id: string) {
  return unstable_cache(() => findSimilarPapers(id), ["similar", id], { tags: [CACHE_TAGS.paper(id), CACHE_TAGS.allFeeds], revalidate: 3600 })();
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const paper = await loadPaper(params);
  if (!paper) return { title: "Paper not found" };
  // Plain text: browsers, search engines and link previews show these as they are.
  const title = plainTextLine(paper.title);
  const description = plainTextLine(truncateMathText(paper.abstract, 280));
  // Generated per paper (app/og/papers); the alt text is the title as the image shows it.
  const image = { url: `/og/papers/${paper.id}`, ...OG_IMAGE_SIZE, alt: paperImageText(paper).title, type: "image/png" };
  return {
    title,
    description,
    authors: paper.authors.slice(0, 10).map((name) => ({ name })),
    alternates: { canonical: `/papers/${paper.id}` },
    openGraph: { type: "article", title, description, url: `/papers/${paper.id}`, siteName: "PaperPulse", publishedTime: paper.publishedAt ?? undefined, authors: paper.authors.slice(0, 10), images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function PaperPage({ params }: Props) {
  const paper = await loadPaper(params);
  if (!paper) notFound();

  const submitted = submissionMonth(paper.id);
  const links = [
    { label: "arXiv", href: arxivAbsUrl(paper.id) },
    { label: "PDF", href: arxivPdfUrl(paper.id, paper.version) },
    paper.doi ? { label: "DOI", href: `https://doi.org/${paper.doi}` } : null,
    paper.githubRepo ? { label: `GitHub ★ ${(paper.githubStars ?? 0).toLocaleString("en-US")}`, href: `https://github.com/${paper.githubRepo}` } : null,
    paper.projectPage ? { label: "Project page", href: paper.projectPage } : null,
    paper.onHuggingFace ? { label: "Hugging Face", href: huggingFacePaperUrl(paper.id) } : null,
  ].filter((link): link is { label: string; href: string } => link !== null);

  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6">
      <header className="flex flex-col gap-3">
        <p className="text-sm muted">
          arXiv:{paper.id}v{paper.version}
          {paper.primaryCategory && ` · ${paper.primaryCategory}`} · listed <time dateTime={paper.listedOn}>{formatDayLong(paper.listedOn)}</time>
        </p>
        <h1 className="text-2xl font-semibold leading-tight tracking-tight sm:text-3xl">
          <MathText text={paper.title} />
        </h1>
        <p className="text-sm leading-relaxed">
          <span className="sr-only">Authors: </span>
          {paper.authors.join(", ")}
        </p>
        {paper.organization && (
          <p className="text-sm">
            <span className="muted">Published on Hugging Face by </span>
            <OrganizationLink organization={paper.organization} />
          </p>
        )}
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm muted">
          {paper.publishedAt ? (
            <div>
              <dt className="inline">Published </dt>
              <dd className="inline">
                <time dateTime={paper.publishedAt}>{formatDayShort(paper.publishedAt.slice(0, 10))}</time>
              </dd>
            </div>
          ) : (
            submitted && (
              // arXiv RSS says only when a paper was announced; the id still gives the month.
              <div>
                <dt className="inline">Submitted </dt>
                <dd className="inline">
                  <time dateTime={submitted}>{formatMonth(submitted)}</time>
                </dd>
              </div>
            )
          )}
          {paper.publishedAt && paper.updatedAt.slice(0, 10) !== paper.publishedAt.slice(0, 10) && (
            <div>
              <dt className="inline">Updated </dt>
              <dd className="inline">
                <time dateTime={paper.updatedAt}>{formatDayShort(paper.updatedAt.slice(0, 10))}</time>
              </dd>
            </div>
          )}
          <div>
            <dt className="inline">Upvotes </dt>
            <dd className="inline tabular-nums">{paper.upvotes}</dd>
          </div>
          {paper.onHuggingFace && (
            <div>
              <dt className="inline">Comments on Hugging Face </dt>
              <dd className="inline tabular-nums">
                <a href={huggingFacePaperUrl(paper.id)} rel="noopener noreferrer">
                  {paper.commentCount}
                </a>
              </dd>
            </div>
          )}
        </dl>
        <nav aria-label="Links" className="flex flex-wrap gap-2">
          {links.map((link) => (
            <a key={link.label} href={link.href} className="btn no-underline" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
        </nav>
      </header>

      <section aria-labelledby="abstract-heading">
        <h2 id="abstract-heading" className="mb-2 text-lg font-semibold">
          Abstract
        </h2>
        {paper.aiSummary && <AiSummaryLine text={paper.aiSummary} className="mb-3 text-sm" />}
        <p className="prose-abstract whitespace-pre-line">
          <MathText text={paper.abstract} links />
        </p>
        {paper.comment && <p className="mt-3 text-sm muted">Comment: {paper.comment}</p>}
        {paper.journalRef && <p className="mt-1 text-sm muted">Journal reference: {paper.journalRef}</p>}
      </section>

      <PaperFigures urls={paper.mediaUrls} />

      {(paper.tags.length > 0 || paper.subjectClasses.length > 0) && (
        <section aria-labelledby="tags-heading">
          <h2 id="tags-heading" className="mb-2 text-lg font-semibold">
            Tags
          </h2>
          <ul className="flex flex-wrap gap-1.5">
            {paper.tags.map((tag) => (
              <li key={tag.slug}>
                <TagChip tag={tag} />
              </li>
            ))}
          </ul>
          {paper.categories.length > 0 && <p className="mt-2 text-xs muted">arXiv categories: {paper.categories.join(", ")}</p>}
          {paper.subjectClasses.length > 0 && <p className="mt-1 text-xs muted">MSC/ACM classes: {paper.subjectClasses.join(", ")}</p>}
        </section>
      )}

      <UpvoteChart snapshots={paper.snapshots} />

      <SimilarPapers papers={await loadSimilar(paper.id)} />
    </article>
  );
}

import { Feed } from "feed";
import { arxivAbsUrl, arxivPdfUrl, paperPath } from "@/lib/papers/arxiv-id";
import { dayToDate } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { PaperSummary } from "@/lib/papers/types";
import { stripMathDelimiters } from "@/lib/text/math-segments";
import { FEED_CONTENT_TYPES, type FeedFormat, type FeedLinks } from "./links";

// RSS 2.0, Atom 1.0 and JSON Feed documents from a list of papers, with the `feed` library
// (it escapes text and wraps it in CDATA). Each paper's id and link is its PaperPulse page;
// an item carries the arXiv publication time (RSS pubDate, Atom published) and the day the
// paper was listed (Atom updated, JSON Feed date_modified).

export interface FeedDocument {
  /** Feed title and links (self and alternate formats); paths are made absolute here. */
  links: FeedLinks;
  description: string;
  /** The HTML page this feed mirrors. */
  pagePath: string;
  papers: PaperSummary[];
}

const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

export function renderFeed(format: FeedFormat, doc: FeedDocument, appUrl: string): { body: string; contentType: string } {
  const absolute = (path: string) => `${appUrl}${path}`;
  const updated = doc.papers.reduce<Date | null>((latest, p) => {
    const date = new Date(p.updatedAt);
    return latest === null || date > latest ? date : latest;
  }, null);
  const feed = new Feed({
    title: doc.links.title,
    description: doc.description,
    id: absolute(doc.pagePath),
    link: absolute(doc.pagePath),
    language: "en",
    updated: updated ?? new Date(0),
    generator: "PaperPulse",
    copyright: "Paper metadata from arXiv and Hugging Face; abstracts belong to their authors.",
    feed: absolute(doc.links[format]),
    feedLinks: { rss: absolute(doc.links.rss), atom: absolute(doc.links.atom), json: absolute(doc.links.json) },
  });
  for (const paper of doc.papers) {
    const url = absolute(paperPath(paper.id));
    const abstract = stripMathDelimiters(paper.abstract);
    feed.addItem({
      title: stripMathDelimiters(paper.title),
      id: url,
      link: url,
      date: dayToDate(paper.listedOn),
      // Unknown for a paper only arXiv RSS has announced: left out rather than guessed.
      ...(paper.publishedAt ? { published: new Date(paper.publishedAt) } : {}),
      description: abstract,
      content: `<p>${escapeHtml(formatAuthors(paper.authors, 10))}</p><p>${escapeHtml(abstract)}</p><p><a href="${arxivAbsUrl(paper.id)}">arXiv</a> · <a href="${arxivPdfUrl(paper.id, paper.version)}">PDF</a> · ${paper.upvotes} upvotes</p>`,
      author: paper.authors.slice(0, 10).map((name) => ({ name })),
      category: paper.tags.map((tag) => ({ name: tag.name, term: tag.slug })),
    });
  }
  const body = format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
  return { body, contentType: `${FEED_CONTENT_TYPES[format]}; charset=utf-8` };
}

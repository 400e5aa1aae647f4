import { Feed } from "feed";
import { arxivAbsUrl, arxivPdfUrl, paperPath } from "@/lib/papers/arxiv-id";
import { dayToDate } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { PaperSummary } from "@/lib/papers/types";
import { plainTextFromTex, plainTextLine } from "@/lib/text/tex-text";
import { FEED_CONTENT_TYPES, type FeedFormat, type FeedLinks } from "./links";

// RSS 2.0, Atom 1.0 and JSON Feed documents from a list of papers, with the `feed` library.
// Each paper's id and link is its PaperPulse page; an item carries the arXiv publication time
// (RSS pubDate, Atom published) and the day the paper was listed (Atom updated, JSON Feed
// date_modified).
//
// Titles and abstracts are plain text (plainTextFromTex), and a paper's text is never markup:
// the library writes an item's title and summary as Atom `type="html"`, and RSS readers
// render titles, descriptions and names as HTML. So that text is HTML-escaped first (a title
// "<script>…" reaches the reader as the characters "<script>…"). Atom's feed title and
// subtitle are `type="text"` and JSON Feed's title and summary plain-text fields: they carry
// the text as it is. Only content / content_html is HTML, built here from escaped text.

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
  const asHtml = format === "json" ? (text: string) => text : escapeHtml;
  const asRssHtml = format === "rss" ? escapeHtml : (text: string) => text;
  const feed = new Feed({
    // A search feed's title holds the query as the user typed it.
    title: asRssHtml(doc.links.title),
    description: asRssHtml(doc.description),
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
    const title = plainTextLine(paper.title);
    const abstract = plainTextFromTex(paper.abstract);
    feed.addItem({
      title: asHtml(title),
      id: url,
      link: url,
      date: dayToDate(paper.listedOn),
      // Unknown for a paper only arXiv RSS has announced: left out rather than guessed.
      ...(paper.publishedAt ? { published: new Date(paper.publishedAt) } : {}),
      description: asHtml(abstract),
      content: `<p>${escapeHtml(formatAuthors(paper.authors, 10))}</p><p>${escapeHtml(abstract)}</p><p><a href="${arxivAbsUrl(paper.id)}">arXiv</a> · <a href="${arxivPdfUrl(paper.id, paper.version)}">PDF</a> · ${paper.upvotes} upvotes</p>`,
      author: paper.authors.slice(0, 10).map((name) => ({ name: asRssHtml(name) })),
      category: paper.tags.map((tag) => ({ name: tag.name, term: tag.slug })),
    });
  }
  const body = format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
  return { body, contentType: `${FEED_CONTENT_TYPES[format]}; charset=utf-8` };
}

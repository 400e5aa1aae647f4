import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { PaperSummary } from "@/lib/papers/types";
import { stripMathDelimiters } from "@/lib/text/math-segments";

// A paper title as plain text for its Open Graph image. Minimal on purpose: a TeX-to-text
// helper for pages, feeds and emails is being written separately (issue 10, items 9 and 10);
// this one only has to make a preview image readable, and it keeps to the characters the
// image's bundled font (Geist, Latin) can draw: next/og would otherwise fetch fonts and emoji
// from the network, which a server here may not reach.

export function plainTextForImage(tex: string): string {
  return (
    stripMathDelimiters(tex)
      // \'e and \"u → e and u (the accent is dropped, not guessed); \emph{x} → x;
      // \alpha → alpha, \log → log.
      .replace(/\\["'`^~=.]\{?([A-Za-z])\}?/g, "$1")
      .replace(/\\(?:emph|text[a-z]*|math[a-z]*|operatorname)\{([^{}]*)\}/g, "$1")
      .replace(/\\([A-Za-z]+)\s*/g, "$1 ")
      .replace(/\\(.)/g, "$1")
      .replace(/[{}^_]/g, "")
      .replace(/---?/g, "–")
      .normalize("NFKD")
      // Basic Latin, Latin-1 and a few punctuation marks: what the bundled font covers.
      .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g, "")
      .replace(/\s+/g, " ")
      .replace(/ ([,.;:!?)])/g, "$1")
      .replace(/ -(?=\w)/g, "-")
      .trim()
  );
}

/** At most `max` characters, cut at a word, with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export type ImagePaper = Pick<PaperSummary, "id" | "title" | "authors" | "listedOn" | "upvotes">;

export function paperImageText(paper: ImagePaper): { title: string; authors: string; meta: string } {
  return {
    title: truncateText(plainTextForImage(paper.title), 150),
    authors: truncateText(plainTextForImage(formatAuthors(paper.authors, 4)), 90),
    meta: `arXiv:${paper.id} · listed ${formatDayShort(paper.listedOn)} · ${paper.upvotes.toLocaleString("en-US")} upvotes`,
  };
}

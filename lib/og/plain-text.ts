import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { PaperSummary } from "@/lib/papers/types";
import { MATH_SYMBOLS } from "@/lib/text/tex-symbols";
import { plainTextLine } from "@/lib/text/tex-text";

// A paper's text for its Open Graph image: the site's one TeX-to-plain-text rule
// (lib/text/tex-text.ts), then kept to the characters the image's bundled font (Geist,
// Latin) can draw: next/og would otherwise fetch fonts and emoji from the network, which a
// server here may not reach.

export function plainTextForImage(tex: string): string {
  return (
    plainTextLine(tex)
      .normalize("NFC")
      // Greek letters and other symbols the font lacks are spelled out (α → alpha).
      .replace(/[^\u0000-\u00ff]/gu, (char) => SYMBOL_NAMES.get(char) ?? char)
      // Basic Latin, Latin-1 and a few punctuation marks: what the bundled font covers.
      .replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** "α" → "alpha": the inverse of the TeX symbol table, for letter-like commands only. */
const SYMBOL_NAMES = new Map(
  Object.entries(MATH_SYMBOLS)
    .filter(([command]) => /^[A-Za-z]+$/.test(command))
    .map(([command, char]) => [char, command] as const)
    .reverse(),
);

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

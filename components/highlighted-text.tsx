import type { TextSegment } from "@/lib/search/highlight";
import { stripMathDelimiters } from "@/lib/text/math-segments";

/**
 * Search highlights as React text in <mark>: the text is escaped by React, never parsed as HTML.
 * Plain runs are bare text and the mark style one class (.hl): a results page holds about a
 * hundred of each, sent twice (HTML and the inline RSC payload).
 */
export function HighlightedText({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="hl">
            {stripMathDelimiters(segment.text)}
          </mark>
        ) : (
          stripMathDelimiters(segment.text)
        ),
      )}
    </>
  );
}

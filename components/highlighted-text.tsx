import type { TextSegment } from "@/lib/search/highlight";
import { stripMathDelimiters } from "@/lib/text/math-segments";

/** Search highlights as React text in <mark>: the text is escaped by React, never parsed as HTML. */
export function HighlightedText({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-inherit dark:bg-amber-500/30">
            {stripMathDelimiters(segment.text)}
          </mark>
        ) : (
          <span key={index}>{stripMathDelimiters(segment.text)}</span>
        ),
      )}
    </>
  );
}

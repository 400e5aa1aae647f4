import type { TextSegment } from "@/lib/search/highlight";

/**
 * Search highlights as React text in <mark>: the text is escaped by React, never parsed as HTML.
 * The segments are already plain text (lib/search/engine.ts highlights plainTextFromTex's output).
 * Plain runs are bare text and the mark style one class (.hl): a results page holds about a
 * hundred of each, sent twice (HTML and the inline RSC payload).
 */
export function HighlightedText({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? (
          <mark key={index} className="hl">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

import katex from "katex";
import { splitLinks } from "@/lib/text/links";
import { texSegments } from "@/lib/text/tex-text";

// A title or abstract: TeX source as a reader sees it. Text outside math goes through
// texSegments (accents and commands become Unicode: B\"uttiker → Büttiker) and is rendered
// as React text (escaped); math goes through KaTeX with `trust: false`, which escapes its
// input and refuses \href, \url and raw HTML, so the HTML it returns is safe to insert.
// Broken TeX is shown as its source, never an error.
//
// `compact` is for lists (feed cards): KaTeX's visual HTML only, without the MathML copy
// that doubles its weight, and the TeX source as the formula's accessible name instead.
// The paper page renders the full output. `links` turns http(s) URLs in the text into links
// (the paper page's abstract; cards stay plain, their title is the link).
export function MathText({ text, className, compact = false, links = false }: { text: string; className?: string; compact?: boolean; links?: boolean }) {
  const segments = texSegments(text);
  if (segments.length === 1 && segments[0]!.kind === "text" && !className && !links) return segments[0]!.text;
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          links ? (
            <LinkedText key={index} text={segment.text} />
          ) : (
            segment.text
          )
        ) : (
          <span
            key={index}
            {...(compact ? { role: "img", "aria-label": segment.tex } : {})}
            dangerouslySetInnerHTML={{
              __html: katex.renderToString(segment.tex, {
                displayMode: compact ? false : segment.display,
                throwOnError: false,
                trust: false,
                strict: "ignore",
                maxSize: 20,
                maxExpand: 200,
                output: compact ? "html" : "htmlAndMathml",
              }),
            }}
          />
        ),
      )}
    </span>
  );
}

/** Text whose http(s) URLs are links; nofollow: the address is the authors', not ours. */
function LinkedText({ text }: { text: string }) {
  return splitLinks(text).map((part, index) =>
    part.href ? (
      <a key={index} href={part.href} rel="noopener noreferrer nofollow" className="underline wrap-anywhere">
        {part.text}
      </a>
    ) : (
      part.text
    ),
  );
}

import katex from "katex";
import { splitMath } from "@/lib/text/math-segments";

// Text with TeX math. Plain parts are React text (escaped); math goes through KaTeX with
// `trust: false`, which escapes its input and refuses \href, \url and raw HTML, so the
// HTML it returns is safe to insert. Broken TeX is shown as its source, never an error.
//
// `compact` is for lists (feed cards): KaTeX's visual HTML only, without the MathML copy
// that doubles its weight, and the TeX source as the formula's accessible name instead.
// The paper page renders the full output.
export function MathText({ text, className, compact = false }: { text: string; className?: string; compact?: boolean }) {
  const segments = splitMath(text);
  if (segments.length === 1 && segments[0]!.kind === "text" && !className) return segments[0]!.text;
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          segment.text
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

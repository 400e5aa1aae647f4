import katex from "katex";
import { splitMath } from "@/lib/text/math-segments";

// Text with TeX math. Plain parts are React text (escaped); math goes through KaTeX with
// `trust: false`, which escapes its input and refuses \href, \url and raw HTML, so the
// HTML it returns is safe to insert. Broken TeX is shown as its source, never an error.
export function MathText({ text, className }: { text: string; className?: string }) {
  const segments = splitMath(text);
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          segment.text
        ) : (
          <span
            key={index}
            dangerouslySetInnerHTML={{
              __html: katex.renderToString(segment.tex, {
                displayMode: segment.display,
                throwOnError: false,
                trust: false,
                strict: "ignore",
                maxSize: 20,
                maxExpand: 200,
                output: "htmlAndMathml",
              }),
            }}
          />
        ),
      )}
    </span>
  );
}

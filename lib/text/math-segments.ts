// Splits abstract text into plain text and TeX math, so pages can render math with KaTeX
// and everything else as escaped text. Delimiters: $$…$$ and \[…\] (display), $…$ and
// \(…\) (inline). Inline $ follows pandoc's rule to keep prices like "$5 and $10" as text:
// the opening $ is followed by a non-space, the closing $ preceded by a non-space and not
// followed by a digit. \$ is a literal dollar.

export type Segment = { kind: "text"; text: string } | { kind: "math"; tex: string; display: boolean };

const MAX_MATH_LENGTH = 2_000;

export function splitMath(input: string): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let i = 0;
  const flushText = () => {
    if (text) segments.push({ kind: "text", text });
    text = "";
  };

  // Formulas and \$ start only at "$" or "\": everything up to the next one is text.
  const delimiter = /[$\\]/g;
  while (i < input.length) {
    delimiter.lastIndex = i;
    const next = delimiter.exec(input)?.index ?? input.length;
    if (next > i) {
      text += input.slice(i, next);
      i = next;
      continue;
    }
    const match = matchMathAt(input, i);
    if (match) {
      flushText();
      segments.push({ kind: "math", tex: match.tex, display: match.display });
      i = match.end;
      continue;
    }
    if (input.startsWith("\\$", i)) {
      text += "$";
      i += 2;
      continue;
    }
    text += input[i];
    i += 1;
  }
  flushText();
  return segments;
}

function matchMathAt(input: string, start: number): { tex: string; display: boolean; end: number } | null {
  for (const [open, close, display] of [
    ["$$", "$$", true],
    ["\\[", "\\]", true],
    ["\\(", "\\)", false],
  ] as const) {
    if (!input.startsWith(open, start)) continue;
    const closeAt = input.indexOf(close, start + open.length);
    if (closeAt === -1) return null;
    const tex = input.slice(start + open.length, closeAt).trim();
    if (!tex || tex.length > MAX_MATH_LENGTH) return null;
    return { tex, display, end: closeAt + close.length };
  }
  if (input[start] !== "$") return null;
  if (start > 0 && input[start - 1] === "\\") return null;
  const first = input[start + 1];
  if (first === undefined || /\s|\$/.test(first)) return null;
  for (let j = start + 1; j < input.length && j - start <= MAX_MATH_LENGTH; j += 1) {
    if (input[j] === "\\") {
      j += 1; // skip an escaped character such as \$ inside math
      continue;
    }
    if (input[j] !== "$") continue;
    if (/\s/.test(input[j - 1] ?? "")) return null;
    if (/\d/.test(input[j + 1] ?? "")) return null;
    return { tex: input.slice(start + 1, j), display: false, end: j + 1 };
  }
  return null;
}

/**
 * The first `maxLength` characters of TeX-bearing text, for previews (feed cards): cut at a
 * space so no word is split, never inside a formula (a formula that would cross the limit is
 * left out whole), with "…" when anything was cut. The result is a prefix of the input, so
 * splitMath reads its formulas exactly as it reads them in the full text.
 */
export function truncateMathText(input: string, maxLength: number): string {
  const text = input.trim();
  if (text.length <= maxLength) return text;
  const spans = mathSpans(text);
  const insideMath = (at: number) => spans.some((span) => at > span.start && at < span.end);
  let cut = -1;
  for (let at = maxLength; at > 0; at -= 1) {
    if (/\s/.test(text[at]!) && !insideMath(at)) {
      cut = at;
      break;
    }
  }
  // One endless word: cut inside it, still outside any formula.
  if (cut === -1) cut = spans.find((span) => span.start < maxLength && span.end > maxLength)?.start ?? maxLength;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Where splitMath finds formulas: [start, end) offsets into the input. */
function mathSpans(input: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = 0;
  while (i < input.length) {
    const match = matchMathAt(input, i);
    if (match) {
      spans.push({ start: i, end: match.end });
      i = match.end;
    } else {
      i += input.startsWith("\\$", i) ? 2 : 1;
    }
  }
  return spans;
}

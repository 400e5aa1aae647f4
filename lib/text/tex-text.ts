import { type Segment, splitMath } from "./math-segments";
import {
  doubleStruck,
  LETTER_ACCENTS,
  MATH_ACCENTS,
  MATH_SYMBOLS,
  OPERATOR_NAMES,
  SPECIAL_LETTERS,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  SYMBOL_ACCENTS,
  TEXT_SYMBOLS,
} from "./tex-symbols";

// TeX as readers see it. arXiv titles and abstracts are TeX source: outside $…$ they keep
// accents (Landauer-B\"uttiker, Poincar\'e), font commands (\emph{…}), ligatures (--, ``…'')
// and escapes (\&, 50\%). The stored text stays that source; pages, cards, feeds, emails and
// the search index show or read it through these functions:
//
// - texToUnicode: text-mode TeX → Unicode text (math segments are not its business).
// - plainTextFromTex: a whole title or abstract → readable plain text, math included
//   ($O(n \log n)$ → "O(n log n)", \alpha → α), for places that cannot typeset math: page
//   titles and meta descriptions, feeds, email subjects and bodies, search results.
//
// Written here rather than taken from npm (docs/ingestion.md, "TeX in titles and abstracts",
// has the comparison): the converters on the registry turn the text into HTML, drop parts of
// it or mistranslate common commands. The rules are deliberately conservative: what is not
// understood (an unknown command, a brace that groups nothing) is shown as written, never
// dropped, and URLs are copied verbatim (their ~ and -- are not TeX).

const LETTER = /[A-Za-z]/;
const URL_START = /^https?:\/\//i;
/** A URL ends at whitespace or at TeX structure (a brace closes \emph{see https://…}). */
const URL_END = /[\s{}\\\ue000-\uf8ff]/;

/** One-argument commands whose argument is shown as it is: \emph{word} → word. */
const TEXT_FORMAT_COMMANDS = new Set([
  "emph", "textit", "textbf", "textsl", "textsc", "texttt", "textrm", "textsf", "textmd", "textup", "textnormal",
  "underline", "uline", "mbox", "hbox", "text", "textsuperscript", "textsubscript",
]);
/** Font and size switches ({\em word}, {\bf word}): dropped, their text stays. */
const DECLARATIONS = new Set([
  "em", "it", "bf", "sl", "sc", "tt", "rm", "sf", "bfseries", "itshape", "slshape", "scshape", "ttfamily", "rmfamily",
  "sffamily", "mdseries", "upshape", "normalfont", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large",
  "Large", "LARGE", "huge", "Huge", "noindent", "relax", "xspace", "protect", "nobreak", "ignorespaces", "displaystyle",
  "textstyle", "scriptstyle", "limits", "nolimits", "nonumber",
]);
const SPACES = new Set(["quad", "qquad", "enspace", "enskip", "thinspace", "newline", "linebreak", "par", "smallskip", "medskip", "bigskip"]);
const SIZED_DELIMITERS = new Set(["left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr"]);
/** Math commands whose argument is text-mode TeX. */
const MATH_TEXT_COMMANDS = new Set(["text", "textrm", "textit", "textbf", "textsf", "texttt", "textnormal", "mbox", "hbox"]);
const MATH_FONT_COMMANDS = new Set(["mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathnormal", "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "pmb"]);
/** \hspace{1em}, \label{x}: the argument is not text. */
const ARGUMENT_DROPPED = new Set(["hspace", "vspace", "label", "vphantom", "phantom", "hphantom"]);

interface Read {
  text: string;
  end: number;
}

/** Text that holds nothing text-mode TeX would change (most titles and abstracts). */
const MAY_HOLD_TEX = /[\\~`]|--|''/;
/**
 * Formulas stand in the text as one private-use character each while it is converted, so a
 * command or group around a formula (\emph{a $x$ b}) is read whole.
 */
const PLACEHOLDER_BASE = 0xe000;
const PLACEHOLDER_LIMIT = 0xf8ff;
const PLACEHOLDER = /[\ue000-\uf8ff]/;

/** Whether the text may hold TeX that texToUnicode or texSegments would change. */
export function mayHoldTex(input: string): boolean {
  return MAY_HOLD_TEX.test(input);
}

/** Text-mode TeX (a title or abstract without math) as Unicode text. */
export function texToUnicode(input: string): string {
  return MAY_HOLD_TEX.test(input) ? readText(input, 0, false).text : input;
}

/**
 * A title or abstract as splitMath reads it, with TeX outside math turned into Unicode text:
 * what pages render (text as text, formulas with KaTeX).
 */
export function texSegments(input: string): Segment[] {
  const segments = splitMath(input);
  if (!segments.some((segment) => segment.kind === "text" && MAY_HOLD_TEX.test(segment.text))) return segments;
  const formulas = segments.filter((segment) => segment.kind === "math");
  if (formulas.length === 0 || formulas.length > PLACEHOLDER_LIMIT - PLACEHOLDER_BASE || PLACEHOLDER.test(input)) {
    return segments.map((segment) => (segment.kind === "text" ? { kind: "text", text: texToUnicode(segment.text) } : segment));
  }
  let next = PLACEHOLDER_BASE;
  const joined = segments.map((segment) => (segment.kind === "text" ? segment.text : String.fromCharCode(next++))).join("");
  const converted = readText(joined, 0, false).text;
  const out: Segment[] = [];
  let text = "";
  for (const char of converted) {
    const code = char.charCodeAt(0);
    if (code < PLACEHOLDER_BASE || code > PLACEHOLDER_LIMIT) {
      text += char;
      continue;
    }
    if (text) out.push({ kind: "text", text });
    text = "";
    out.push(formulas[code - PLACEHOLDER_BASE]!);
  }
  if (text) out.push({ kind: "text", text });
  return out;
}

/** A title or abstract as readable plain text: TeX outside math as Unicode, math linearised. */
export function plainTextFromTex(input: string): string {
  return texSegments(input)
    .map((segment) => (segment.kind === "text" ? segment.text : mathToPlainText(segment.tex)))
    .join("");
}

/**
 * plainTextFromTex on one line (whitespace collapsed): page titles, meta descriptions, Open
 * Graph tags and image alt text, feed titles, email subjects.
 */
export function plainTextLine(input: string): string {
  return plainTextFromTex(input).replace(/\s+/g, " ").trim();
}

/** One formula (without its delimiters) as plain text: \frac{a+b}{2} → (a+b)/2, x_i^2 → xᵢ². */
export function mathToPlainText(tex: string): string {
  return readMath(tex, 0, false).text.replace(/\s+/g, " ").trim();
}

// ------------------------------------------------------------------ text mode

/** Reads text from `start` to the end, or (inGroup) to the brace that closes the group. */
function readText(s: string, start: number, inGroup: boolean): Read & { closed: boolean } {
  let out = "";
  let i = start;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "}" && inGroup) return { text: out, end: i + 1, closed: true };
    if ((ch === "h" || ch === "H") && URL_START.test(s.slice(i, i + 8))) {
      let j = i;
      while (j < s.length && !URL_END.test(s[j]!)) j += 1;
      out += s.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "\\") {
      const command = readTextCommand(s, i);
      out += command.text;
      i = command.end;
      continue;
    }
    if (ch === "{") {
      // A group that starts with a command ({\em word}, B{\"u}ttiker) is TeX structure: its
      // braces go. Any other brace is kept as written: it may be literal text.
      const group = readText(s, i + 1, true);
      out += s[i + 1] === "\\" ? group.text : `{${group.text}${group.closed ? "}" : ""}`;
      i = group.end;
      continue;
    }
    if (ch === "-" && s[i + 1] === "-") {
      const em = s[i + 2] === "-";
      out += em ? "—" : "–";
      i += em ? 3 : 2;
      continue;
    }
    if (ch === "`") {
      const double = s[i + 1] === "`";
      out += double ? "“" : "‘";
      i += double ? 2 : 1;
      continue;
    }
    if (ch === "'" && s[i + 1] === "'") {
      out += "”";
      i += 2;
      continue;
    }
    if (ch === "~") {
      // Fig.~3 is a tie; "~10x faster" means "about", as the author wrote it.
      const tie = i > 0 && /\S/.test(s[i - 1]!) && /\S/.test(s[i + 1] ?? " ");
      out += tie ? "\u00a0" : "~";
      i += 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return { text: out, end: i, closed: false };
}

function readTextCommand(s: string, at: number): Read {
  const next = s[at + 1];
  if (next === undefined) return { text: "\\", end: at + 1 };
  if (!LETTER.test(next)) return readControlSymbol(s, at, "text");

  const j = controlWordEnd(s, at);
  const name = s.slice(at + 1, j);
  const literal = { text: s.slice(at, j), end: j };

  const letterAccent = LETTER_ACCENTS[name];
  if (letterAccent) return readAccent(s, j, letterAccent, !"tbd".includes(name)) ?? literal;
  const special = SPECIAL_LETTERS[name];
  if (special !== undefined) return { text: special, end: skipTerminator(s, j, true) };
  const symbol = TEXT_SYMBOLS[name] ?? MATH_SYMBOLS[name];
  if (symbol !== undefined) return { text: symbol, end: skipTerminator(s, j, false) };
  if (TEXT_FORMAT_COMMANDS.has(name)) {
    const arg = readTextArgument(s, j);
    return arg ?? { text: "", end: j };
  }
  if (name === "url") {
    const raw = readRawGroup(s, j);
    return raw ?? literal;
  }
  if (name === "href") {
    const url = readRawGroup(s, j);
    const label = url ? readTextArgument(s, url.end) : null;
    if (!url || !label) return literal;
    const shown = label.text.trim();
    return { text: shown === "" || shown === url.text ? url.text : `${shown} (${url.text})`, end: label.end };
  }
  if (DECLARATIONS.has(name)) return { text: "", end: skipTerminator(s, j, true) };
  if (SPACES.has(name)) return { text: " ", end: skipTerminator(s, j, true) };
  if (ARGUMENT_DROPPED.has(name)) return { text: "", end: readRawGroup(s, j)?.end ?? j };
  return literal;
}

/** Where the control word (\emph, \alpha: a backslash and letters) starting at `at` ends. */
function controlWordEnd(s: string, at: number): number {
  let j = at + 1;
  while (j < s.length && LETTER.test(s[j]!)) j += 1;
  return j;
}

/** \& \% \, \" … : a backslash and one character that is not a letter. */
function readControlSymbol(s: string, at: number, mode: "text" | "math"): Read {
  const next = s[at + 1]!;
  const end = at + 2;
  const accent = mode === "text" ? SYMBOL_ACCENTS[next] : undefined;
  if (accent) return readAccent(s, end, accent, false) ?? { text: s.slice(at, end), end };
  if ("&%$#_{}".includes(next)) return { text: next, end };
  if (next === " " || next === ";" || next === ":" || next === ">" || next === "\\") return { text: " ", end };
  if (next === ",") return { text: "\u2009", end };
  if (next === "!" || next === "/" || next === "-" || next === "@") return { text: "", end };
  if (mode === "math" && next === "|") return { text: "‖", end };
  return { text: s.slice(at, end), end };
}

/** The letter an accent goes on: \"u, \"{u}, \"{\i}, \v s (letter accents allow the space). */
function readAccent(s: string, start: number, mark: string, spaceBeforeLetter: boolean): Read | null {
  let j = start;
  if (spaceBeforeLetter) while (s[j] === " ") j += 1;
  let base: string;
  let end: number;
  if (s[j] === "{") {
    const close = findClosingBrace(s, j);
    if (close === -1) return null;
    const inner = s.slice(j + 1, close);
    base = /^\\[ij](?![A-Za-z])/.test(inner) ? inner[1]! + texToUnicode(inner.slice(2).trimStart()) : texToUnicode(inner);
    end = close + 1;
  } else if (s[j] === "\\" && /[ij]/.test(s[j + 1] ?? "") && !LETTER.test(s[j + 2] ?? "")) {
    // \'\i: the dotless i exists so that the accent replaces the dot; Unicode composes from "i".
    base = s[j + 1]!;
    end = skipTerminator(s, j + 2, true);
  } else if (/\p{L}/u.test(s[j] ?? "")) {
    base = s[j]!;
    end = j + 1;
  } else {
    return null;
  }
  const chars = [...base];
  if (chars.length === 0) return null;
  return { text: `${chars[0]}${mark}`.normalize("NFC") + chars.slice(1).join(""), end };
}

/** `{…}` read as text, after optional spaces; null when no group follows. */
function readTextArgument(s: string, start: number): Read | null {
  let j = start;
  while (s[j] === " ") j += 1;
  if (s[j] !== "{") return null;
  const group = readText(s, j + 1, true);
  return { text: group.text, end: group.end };
}

/** `{…}` verbatim (URLs), after optional spaces. */
function readRawGroup(s: string, start: number): Read | null {
  let j = start;
  while (s[j] === " ") j += 1;
  if (s[j] !== "{") return null;
  const close = findClosingBrace(s, j);
  if (close === -1) return null;
  return { text: s.slice(j + 1, close), end: close + 1 };
}

function findClosingBrace(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j += 1) {
    if (s[j] === "\\") {
      j += 1;
      continue;
    }
    if (s[j] === "{") depth += 1;
    else if (s[j] === "}") {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  return -1;
}

/**
 * After a control word: an empty group (\LaTeX{}) is its terminator; so is one space when
 * the command sits inside a word (Stra\ss e → Straße), as TeX reads it.
 */
function skipTerminator(s: string, end: number, swallowSpace: boolean): number {
  if (s.startsWith("{}", end)) return end + 2;
  if (swallowSpace && s[end] === " ") return end + 1;
  return end;
}

// ------------------------------------------------------------------ math mode

function readMath(s: string, start: number, inGroup: boolean): Read {
  let out = "";
  let i = start;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "}") {
      if (inGroup) return { text: out, end: i + 1 };
      i += 1;
      continue;
    }
    if (ch === "{") {
      const group = readMath(s, i + 1, true);
      out += group.text;
      i = group.end;
      continue;
    }
    if (ch === "^" || ch === "_") {
      const arg = readMathArgument(s, i + 1);
      out += script(arg.text, ch === "^" ? SUPERSCRIPTS : SUBSCRIPTS, ch);
      i = arg.end;
      continue;
    }
    if (ch === "\\") {
      const command = readMathCommand(s, i, out);
      out += command.text;
      i = command.end;
      continue;
    }
    out += ch === "~" || ch === "&" ? " " : ch === "'" ? "′" : ch;
    i += 1;
  }
  return { text: out, end: i };
}

function readMathCommand(s: string, at: number, before: string): Read {
  const next = s[at + 1];
  if (next === undefined) return { text: "", end: at + 1 };
  if (!LETTER.test(next)) return readControlSymbol(s, at, "math");

  const j = controlWordEnd(s, at);
  const name = s.slice(at + 1, j);

  const symbol = MATH_SYMBOLS[name] ?? TEXT_SYMBOLS[name];
  if (symbol !== undefined) return { text: symbol, end: j };
  if (OPERATOR_NAMES.has(name) || name === "operatorname") {
    let text = name;
    let end = j;
    if (name === "operatorname") {
      if (s[end] === "*") end += 1;
      const arg = readMathArgument(s, end);
      text = arg.text;
      end = arg.end;
    }
    // n\log n reads "n log n".
    return { text: /[\p{L}\p{N}]$/u.test(before) ? ` ${text}` : text, end };
  }
  if (MATH_TEXT_COMMANDS.has(name)) return readTextArgument(s, j) ?? { text: "", end: j };
  if (MATH_FONT_COMMANDS.has(name)) return readMathArgument(s, j);
  if (name === "mathbb") {
    const arg = readMathArgument(s, j);
    return { text: doubleStruck(arg.text), end: arg.end };
  }
  if (name === "frac" || name === "dfrac" || name === "tfrac" || name === "cfrac") {
    const numerator = readMathArgument(s, j);
    const denominator = readMathArgument(s, numerator.end);
    return { text: `${grouped(numerator.text)}/${grouped(denominator.text)}`, end: denominator.end };
  }
  if (name === "binom") {
    const n = readMathArgument(s, j);
    const k = readMathArgument(s, n.end);
    return { text: `(${n.text} choose ${k.text})`, end: k.end };
  }
  if (name === "sqrt") {
    let end = j;
    if (s[end] === "[") {
      const close = s.indexOf("]", end);
      if (close !== -1) end = close + 1;
    }
    const arg = readMathArgument(s, end);
    return { text: `√${grouped(arg.text)}`, end: arg.end };
  }
  const accent = MATH_ACCENTS[name];
  if (accent) {
    const arg = readMathArgument(s, j);
    const chars = [...arg.text];
    return { text: chars.length === 1 ? `${chars[0]}${accent}`.normalize("NFC") : arg.text, end: arg.end };
  }
  if (SIZED_DELIMITERS.has(name)) return { text: "", end: s[j] === "." ? j + 1 : j };
  if (DECLARATIONS.has(name)) return { text: "", end: j };
  if (SPACES.has(name)) return { text: " ", end: j };
  if (ARGUMENT_DROPPED.has(name)) return { text: "", end: readRawGroup(s, j)?.end ?? j };
  // Anything else reads best as its name: \argmax, \softmax, \mathcal-free macros.
  return { text: name, end: j };
}

/** The argument of ^, _, \frac…: a group, a command, or one character. */
function readMathArgument(s: string, start: number): Read {
  let j = start;
  while (s[j] === " ") j += 1;
  if (j >= s.length) return { text: "", end: j };
  if (s[j] === "{") {
    const group = readMath(s, j + 1, true);
    return { text: group.text.replace(/\s+/g, " ").trim(), end: group.end };
  }
  if (s[j] === "\\") return readMathCommand(s, j, "");
  const char = String.fromCodePoint(s.codePointAt(j)!);
  return { text: char === "'" ? "′" : char, end: j + char.length };
}

/** x^{-1} → x⁻¹ when Unicode has every character raised (or lowered), else x^(-1). */
function script(text: string, table: Readonly<Record<string, string>>, marker: string): string {
  const chars = [...text];
  if (chars.length > 0 && chars.every((char) => table[char] !== undefined)) return chars.map((char) => table[char]).join("");
  return `${marker}${grouped(text)}`;
}

/** Parentheses around anything longer than one symbol or number, so a/b and x^y stay unambiguous. */
function grouped(text: string): string {
  return /^(?:[\p{L}\p{M}]|[\p{N}.]+|[\p{L}\p{M}][′]*)$/u.test(text) ? text : `(${text})`;
}

// arXiv identifiers, new style (2606.13677, 0704.0001) and old style (hep-th/9901001,
// math.GT/0309136), bare, versioned (v2), or inside an abs/pdf URL. Every place that accepts
// an id from outside (routes, API, submit, importers) goes through parseArxivId.

const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v(\d{1,4}))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?\/\d{7})(?:v(\d{1,4}))?$/;
const URL_FORM = /^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/i;

export interface ArxivId {
  /** Without version: the primary key of a paper. */
  id: string;
  /** The version given, if any. */
  version: number | null;
}

export function parseArxivId(input: string): ArxivId | null {
  let text = input.trim();
  if (text.length === 0 || text.length > 200) return null;
  const url = URL_FORM.exec(text);
  if (url?.[1]) text = url[1];
  text = text.replace(/^arxiv:/i, "");
  const match = NEW_STYLE.exec(text) ?? OLD_STYLE.exec(text);
  if (!match?.[1]) return null;
  if (NEW_STYLE.test(text) && !isValidNewStyleId(match[1])) return null;
  return { id: match[1], version: match[2] ? Number.parseInt(match[2], 10) : null };
}

/**
 * 2606.13677: "26" is the year, "06" the month (01-12). Since 1501 the number after the dot
 * has five digits; before, four.
 */
function isValidNewStyleId(id: string): boolean {
  const month = Number.parseInt(id.slice(2, 4), 10);
  if (month < 1 || month > 12) return false;
  const digits = id.length - 5;
  return id.slice(0, 4) >= "1501" ? digits === 5 : digits === 4;
}

export function isArxivId(input: string): boolean {
  return parseArxivId(input) !== null;
}

export function arxivAbsUrl(id: string, version?: number | null): string {
  return `https://arxiv.org/abs/${id}${version ? `v${version}` : ""}`;
}

export function arxivPdfUrl(id: string, version?: number | null): string {
  return `https://arxiv.org/pdf/${id}${version ? `v${version}` : ""}`;
}

/** The paper's page on Hugging Face (exists only for papers listed there). */
export function huggingFacePaperUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

/** The path of a paper page; old-style ids keep their slash (/papers/hep-th/9901001). */
export function paperPath(id: string): string {
  return `/papers/${id}`;
}

/**
 * The month version 1 was submitted, from the id alone ("2205.06398" and "hep-th/9901001"
 * say May 2022 and January 1999), as "YYYY-MM"; null for something that is not an id.
 * New-style ids began in April 2007; old-style ones run from 1991 to March 2007.
 */
export function submissionMonth(id: string): string | null {
  const parsed = parseArxivId(id);
  if (!parsed) return null;
  const yymm = /^(\d{2})(\d{2})\./.exec(parsed.id) ?? /\/(\d{2})(\d{2})\d{3}$/.exec(parsed.id);
  if (!yymm?.[1] || !yymm[2]) return null;
  const yy = Number.parseInt(yymm[1], 10);
  const century = parsed.id.includes("/") && yy >= 91 ? 1900 : 2000;
  return `${century + yy}-${yymm[2]}`;
}

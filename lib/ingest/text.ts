import { paperInputSchema } from "@/lib/ingest/paper-input";

/**
 * How line breaks in the source map to paragraphs:
 * - "none": everything on one line (titles, comments, author names).
 * - "blank-line" (default): only an empty line starts a new paragraph. Safe for any source,
 *   because hard wrapping never produces an empty line; HF's 2024 shape wraps titles and
 *   summaries with "\n" plus a run of spaces, so indentation there means nothing.
 * - "indent": arXiv's own metadata convention, which arXiv-origin abstracts follow (Atom API,
 *   RSS, HF's current shape copies the arXiv text verbatim): a line that starts with
 *   whitespace begins a new paragraph, a bare "\n" is a hard wrap.
 *
 * Paragraphs come out joined by "\n\n"; everything else is collapsed to single spaces.
 * Entities are NOT decoded here: the XML parser decodes them exactly once, and JSON has no
 * entities, so decoding again would turn the literal text "&lt;" into "<".
 */
export type ParagraphStyle = "none" | "blank-line" | "indent";

const BLANK_LINE = /\n[^\S\n]*\n\s*/;
/** Two whitespace characters in a row, or any whitespace other than a plain space. */
const NEEDS_WORK = /\s\s|[^\S ]/;
const BLANK_LINE_OR_INDENT = /\n[^\S\n]*\n\s*|\n[^\S\n]+/;

export function normalizeText(text: string, options: { paragraphs?: ParagraphStyle } = {}): string {
  // Fast path for the common case (names, keywords, most titles): no whitespace but single
  // plain spaces, so there is nothing to split or collapse. Same result, far less garbage.
  if (!NEEDS_WORK.test(text)) return text.trim();
  const style = options.paragraphs ?? "blank-line";
  const unified = text.replace(/\r\n?/g, "\n");
  const paragraphs =
    style === "none" ? [unified] : unified.split(style === "indent" ? BLANK_LINE_OR_INDENT : BLANK_LINE);
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

export interface CommentLinks {
  /** "owner/name". */
  githubRepo?: string;
  projectPage?: string;
}

// A host with a scheme is always a link; a bare host ("rdd-neurips.github.io") only when its
// top-level domain is a common one, so that "Phys.Rev" or "Fig.3" in a comment are not links.
const URL_CANDIDATE = /(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d{1,5})?(?:\/[^\s<>"'`{}|\\^]*)?/gi;
const BARE_HOST_TLDS = new Set([
  "com", "org", "net", "io", "ai", "dev", "edu", "gov", "app", "page", "site", "xyz", "me", "co", "info", "tech",
  "cn", "uk", "de", "fr", "jp", "kr", "ca", "ch", "nl", "us", "eu", "in", "au", "it", "es", "se", "sg", "hk", "tw",
]);
/** Links in comments that are about the publication, not the project. */
const NOT_PROJECT_HOSTS = new Set(["doi.org", "dx.doi.org", "arxiv.org", "www.arxiv.org", "creativecommons.org", "orcid.org"]);
const PROJECT_LABEL = /\b(?:project|website|homepage|home page|webpage|web page|demo)\b/i;
/** github.com/<these>/... are GitHub's own pages, not repositories. */
const GITHUB_RESERVED_OWNERS = new Set([
  "orgs", "sponsors", "features", "topics", "settings", "marketplace", "apps", "about", "collections", "login",
  "pricing", "search", "explore", "notifications", "enterprise", "users",
]);
const REPO_PART = /^[\w.-]+$/;

/**
 * Finds the code repository and project page in an arXiv comment such as
 * "NeurIPS 2025; Project Website: rdd-neurips.github.io" or "Code: https://github.com/foo/bar.".
 * A github.com repository URL becomes githubRepo; for projectPage a link labelled as a
 * project/website/demo wins, then a *.github.io page, then any other link that is not a
 * DOI/arXiv/licence link. Anything that would fail paperInputSchema is left out rather than
 * sinking the paper over a cosmetic field.
 */
export function extractLinksFromComment(comment: string | null | undefined): CommentLinks {
  if (!comment) return {};
  const text = normalizeText(comment, { paragraphs: "none" });
  const result: CommentLinks = {};
  let labelledPage: string | undefined;
  let githubIoPage: string | undefined;
  let otherPage: string | undefined;

  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index;
    const before = start > 0 ? text[start - 1] : "";
    // Part of an e-mail address, a longer token or a path: not a link of its own.
    if (before && /[\w@./:-]/.test(before)) continue;
    const raw = stripTrailingPunctuation(match[0]);
    const hasScheme = /^https?:\/\//i.test(raw);
    const url = toHttpUrl(raw);
    if (!url) continue;
    const host = url.hostname.toLowerCase();
    if (!hasScheme && !BARE_HOST_TLDS.has(host.slice(host.lastIndexOf(".") + 1))) continue;

    const repo = githubRepoFromUrl(url);
    if (repo) {
      result.githubRepo ??= repo;
      continue;
    }
    if (isGithubHost(host) || NOT_PROJECT_HOSTS.has(host)) continue;
    const page = hasScheme ? raw : `https://${raw}`;
    if (!isValidProjectPage(page)) continue;
    const clause = text.slice(0, start).split(/;|\.\s/).pop() ?? "";
    if (PROJECT_LABEL.test(clause)) labelledPage ??= page;
    else if (host.endsWith(".github.io")) githubIoPage ??= page;
    else otherPage ??= page;
  }

  const projectPage = labelledPage ?? githubIoPage ?? otherPage;
  if (projectPage) result.projectPage = projectPage;
  return result;
}

/**
 * "https://github.com/owner/name", "github.com/owner/name.git", ".../tree/main/src" or a bare
 * "owner/name" -> "owner/name"; anything else (a user page, another host) -> null.
 */
export function parseGithubRepo(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim();
  // GitHub owners cannot contain dots, so "github.com/x" is never mistaken for a bare owner/name.
  const bare = /^([A-Za-z0-9-]+)\/([\w.-]+)$/.exec(text);
  if (bare) return checkRepo(bare[1] ?? "", bare[2] ?? "");
  const url = toHttpUrl(stripTrailingPunctuation(text));
  return url ? githubRepoFromUrl(url) : null;
}

/** A project page as given by a source: adds https:// to a bare host, null if not a usable http(s) URL. */
export function normalizeProjectPage(input: string | null | undefined): string | null {
  if (!input) return null;
  const text = input.trim();
  if (text === "") return null;
  const page = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  return isValidProjectPage(page) ? page : null;
}

function isValidProjectPage(page: string): boolean {
  return paperInputSchema.shape.projectPage.safeParse(page).success && toHttpUrl(page) !== null;
}

function githubRepoFromUrl(url: URL): string | null {
  if (!isGithubHost(url.hostname.toLowerCase())) return null;
  const [owner = "", name = ""] = url.pathname.split("/").filter((part) => part !== "");
  return checkRepo(owner, name);
}

function checkRepo(owner: string, rawName: string): string | null {
  const name = rawName.replace(/\.git$/i, "");
  if (!REPO_PART.test(owner) || !REPO_PART.test(name) || GITHUB_RESERVED_OWNERS.has(owner.toLowerCase())) return null;
  if (owner === "." || owner === ".." || name === "." || name === "..") return null;
  const repo = `${owner}/${name}`;
  return paperInputSchema.shape.githubRepo.safeParse(repo).success ? repo : null;
}

function isGithubHost(host: string): boolean {
  return host === "github.com" || host === "www.github.com";
}

function toHttpUrl(text: string): URL | null {
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

/** "Code: https://github.com/foo/bar." ends a sentence, the dot is not part of the link. */
function stripTrailingPunctuation(text: string): string {
  let out = text;
  for (;;) {
    const last = out.at(-1);
    if (last === undefined) return out;
    const unbalancedClose =
      (last === ")" && count(out, "(") < count(out, ")")) || (last === "]" && count(out, "[") < count(out, "]"));
    if (!".,;:!?'\"".includes(last) && !unbalancedClose) return out;
    out = out.slice(0, -1);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

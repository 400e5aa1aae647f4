import { z } from "zod";
import { type OrganizationInput, organizationInputSchema, type PaperInput } from "@/lib/ingest/paper-input";
import { normalizeProjectPage, normalizeText, parseGithubRepo } from "@/lib/ingest/text";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { checkPaperInput, formatZodIssues, type ItemError, type ParsedItem, type ParseResult, titleForError } from "./types";

// Hugging Face GET /api/daily_papers. Two shapes are in the wild:
// - current: paper.submittedOnDailyAt is the listing day, paper.publishedAt the arXiv publish
//   time, plus ai_keywords / githubRepo / githubStars / projectPage;
// - 2024: no submittedOnDailyAt and no ai_* fields; the OUTER publishedAt is the listing time,
//   titles and summaries are hard-wrapped.
// Decoration (organization, mediaUrls, ai_summary) is read leniently: a malformed one is
// left out, never a reason to lose the paper.
// zod objects strip unknown keys, so fields HF adds later are ignored instead of failing.

const required = (kind: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? "required" : `must be ${kind}`),
});
const count = z.number(required("a number")).int("must be an integer").min(0, "must be >= 0");
const isoDate = z
  .string(required("an ISO date string"))
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ]|$)/, "must be an ISO date")
  .transform((value) => new Date(value))
  .refine((date) => !Number.isNaN(date.getTime()), "must be an ISO date");

const hfAuthor = z.object({
  /** A nameless author entry is skipped, not a reason to lose the paper. */
  name: z.string(required("a string")).optional(),
  /** Authors the submitter hid on HF (wrongly matched accounts); HF does not show them either. */
  hidden: z.boolean().optional(),
});

const hfPaper = z.object({
  id: z.string(required("a string")),
  title: z.string().optional(),
  summary: z.string().optional(),
  authors: z.array(hfAuthor, required("an array")).optional(),
  publishedAt: isoDate.optional(),
  submittedOnDailyAt: isoDate.optional(),
  upvotes: count.optional(),
  githubRepo: z.string().nullable().optional(),
  githubStars: count.nullable().optional(),
  projectPage: z.string().nullable().optional(),
  ai_keywords: z.array(z.string()).nullable().optional(),
  ai_summary: z.unknown().optional(),
  organization: z.unknown().optional(),
  mediaUrls: z.unknown().optional(),
}, required("an object"));

const hfItem = z.object({
  paper: hfPaper,
  title: z.string().optional(),
  summary: z.string().optional(),
  publishedAt: isoDate.optional(),
  numComments: count.optional(),
  organization: z.unknown().optional(),
  mediaUrls: z.unknown().optional(),
}, required("an object"));

type HfItem = z.infer<typeof hfItem>;

const MAX_KEYWORDS = 200;
const MAX_KEYWORD_LENGTH = 200;

export function parseHfDailyPapers(json: unknown): ParseResult {
  const list = unwrapList(json);
  if (!list) {
    return { items: [], errors: [], payloadError: "Expected a JSON array of Hugging Face daily papers" };
  }
  const items: ParsedItem[] = [];
  const errors: ItemError[] = [];
  list.forEach((raw, index) => {
    const outcome = parseItem(raw, index);
    if ("item" in outcome) items.push(outcome.item);
    else errors.push(outcome.error);
  });
  return { items, errors };
}

/** The real API returns a bare array; a saved or proxied copy may wrap it as { papers: [...] }. */
function unwrapList(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (json && typeof json === "object") {
    for (const key of ["papers", "dailyPapers", "items"]) {
      const value: unknown = (json as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return null;
}

function parseItem(raw: unknown, index: number): { item: ParsedItem } | { error: ItemError } {
  const { id: rawId, title } = readRawIdentity(raw);
  const named = { ...(rawId ? { id: rawId } : {}), ...(title ? { title } : {}) };
  const parsed = hfItem.safeParse(raw);
  if (!parsed.success) return { error: { index, ...named, message: formatZodIssues(parsed.error) } };
  const built = buildInput(parsed.data);
  if ("error" in built) return { error: { index, ...named, message: built.error } };
  return checkPaperInput(built.input, index);
}

function buildInput(item: HfItem): { input: PaperInput } | { error: string } {
  const { paper } = item;
  const arxivId = parseArxivId(paper.id);
  if (!arxivId) return { error: `paper.id: "${paper.id.slice(0, 60)}" is not an arXiv id` };

  const isCurrentShape = paper.submittedOnDailyAt !== undefined;
  const listedAt = isCurrentShape ? paper.submittedOnDailyAt : item.publishedAt;

  const rawTitle = paper.title ?? item.title;
  if (rawTitle === undefined) return { error: "paper.title: required" };
  const rawSummary = paper.summary ?? item.summary;
  if (rawSummary === undefined) return { error: "paper.summary: required" };
  if (!paper.publishedAt) return { error: "paper.publishedAt: required" };

  const links = readLinks(paper.githubRepo, paper.projectPage);

  return {
    input: {
      id: arxivId.id,
      // HF never says which version it shows. 1 is the floor; the upsert keeps the higher of
      // the stored and incoming version so an HF import never downgrades an arXiv one.
      version: arxivId.version ?? 1,
      title: normalizeText(rawTitle, { paragraphs: "none" }),
      // The current shape copies arXiv's abstract verbatim (indented line = new paragraph);
      // the 2024 shape re-wraps with "\n" + spaces, where indentation is just wrapping.
      abstract: normalizeText(rawSummary, { paragraphs: isCurrentShape ? "indent" : "blank-line" }),
      authors: (paper.authors ?? [])
        .filter((author) => author.hidden !== true)
        .map((author) => normalizeText(author.name ?? "", { paragraphs: "none" }))
        .filter((name) => name !== ""),
      publishedAt: paper.publishedAt,
      // Listing instants are midnight UTC (current) or the listing time (2024); the UTC date is the HF feed day.
      listedOn: listedAt ? listedAt.toISOString().slice(0, 10) : undefined,
      githubRepo: links.githubRepo,
      githubStars: paper.githubStars,
      projectPage: links.projectPage,
      upvotes: paper.upvotes,
      commentCount: item.numComments,
      keywords: paper.ai_keywords ? cleanKeywords(paper.ai_keywords) : undefined,
      organization: readOrganization(paper.organization ?? item.organization),
      mediaUrls: readMediaUrls(paper.mediaUrls ?? item.mediaUrls),
      aiSummary: readAiSummary(paper.ai_summary),
      source: "huggingface",
    },
  };
}

/**
 * Absent key = HF does not know (keep what arXiv comments gave us); explicit null = HF says
 * there is none. A value we cannot read is treated as unknown: a broken link must not drop
 * the paper. A github.com repository given as the project page is really the repository.
 */
function readLinks(
  githubRepo: string | null | undefined,
  projectPage: string | null | undefined,
): Pick<PaperInput, "githubRepo" | "projectPage"> {
  let repo: string | null | undefined = githubRepo === null ? null : (parseGithubRepo(githubRepo) ?? undefined);
  let page: string | null | undefined = projectPage === null ? null : (normalizeProjectPage(projectPage) ?? undefined);
  const pageAsRepo = page ? parseGithubRepo(page) : null;
  if (pageAsRepo) {
    repo ??= pageAsRepo;
    page = undefined;
  }
  return { githubRepo: repo, projectPage: page };
}

function cleanKeywords(keywords: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const keyword of keywords) {
    const text = normalizeText(keyword, { paragraphs: "none" });
    const key = text.toLowerCase();
    if (text === "" || text.length > MAX_KEYWORD_LENGTH || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  // Keywords are display hints; past the schema's cap the extra ones are dropped, not the paper.
  return out.slice(0, MAX_KEYWORDS);
}

/** The id and title of an item as written, to say which paper a refused item was. */
function readRawIdentity(raw: unknown): { id?: string; title?: string } {
  if (!raw || typeof raw !== "object") return {};
  const outer = raw as Record<string, unknown>;
  const paper = outer.paper && typeof outer.paper === "object" ? (outer.paper as Record<string, unknown>) : {};
  const id = typeof paper.id === "string" ? paper.id.slice(0, 100) : undefined;
  const title = titleForError(paper.title) ?? titleForError(outer.title);
  return { ...(id ? { id } : {}), ...(title ? { title } : {}) };
}

const HF_ORIGIN = "https://huggingface.co";
/** huggingface.co and its CDNs: the only hosts whose images the pages load (no third-party tracking). */
const HF_HOST = /(?:^|\.)huggingface\.co$/i;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp|avif)$/i;
const MAX_MEDIA = 10;

/** An https URL on a Hugging Face host (a site-relative path is resolved against huggingface.co), or null. */
function readHfUrl(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2_000) return null;
  let url: URL;
  try {
    url = new URL(value, HF_ORIGIN);
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
  return url.protocol === "https:" && HF_HOST.test(url.hostname) && !url.username && !url.password ? url.href : null;
}

function readOrganization(value: unknown): OrganizationInput | undefined {
  if (!value || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  const name = typeof record.name === "string" ? record.name.trim() : "";
  const fullName = normalizeText(typeof record.fullname === "string" ? record.fullname : name, { paragraphs: "none" });
  const parsed = organizationInputSchema.safeParse({ name, fullName: fullName || name, avatarUrl: readHfUrl(record.avatar) });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The figures authors attached to the paper's HF page. Videos and other files are left out
 * (a card shows an image), and so is anything not served by Hugging Face.
 */
function readMediaUrls(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const urls = value.map(readHfUrl).filter((url): url is string => url !== null && IMAGE_PATH.test(new URL(url).pathname));
  return [...new Set(urls)].slice(0, MAX_MEDIA);
}

function readAiSummary(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = normalizeText(value, { paragraphs: "none" });
  return text === "" || text.length > 2_000 ? undefined : text;
}

import { ARXIV_CATEGORIES, categoryName, categorySlug, normalizeCategory } from "./arxiv-categories";
import { matchTopics } from "./match-topics";
import { TOPIC_RULES } from "./topic-rules";

// Tags of a paper = its arXiv categories (kind "category") + the topics its text matches
// (kind "topic"). Pure: the same paper always gets the same tags, so re-tagging everything
// after a rule edit (npm run tags:rebuild) is safe. docs/tags.md has the details.

export {
  ARXIV_ARCHIVES,
  ARXIV_CATEGORIES,
  categoryCodeForSlug,
  categoryName,
  categorySlug,
  findKnownCategory,
  isKnownCategory,
  normalizeCategory,
} from "./arxiv-categories";
export { matchTopics, scoreTopics, type TopicInput } from "./match-topics";
export { TOPIC_RULES, TOPIC_THRESHOLD, type TopicField, type TopicPattern, type TopicRule, type TopicRuleSet } from "./topic-rules";

const TOPIC_BY_SLUG: ReadonlyMap<string, (typeof TOPIC_RULES)[number]> = new Map(TOPIC_RULES.map((rule) => [rule.slug, rule]));

export type TagKind = "category" | "topic";

export interface PaperTagRef {
  slug: string;
  name: string;
  kind: TagKind;
}

/** A row of the tags table. */
export interface TagDefinition extends PaperTagRef {
  description: string;
}

export interface TaggablePaper {
  title: string;
  abstract: string;
  keywords?: readonly string[] | null;
  /** All of the paper's arXiv categories, primary first. */
  categories?: readonly string[] | null;
}

/**
 * Category tags first, in the paper's order (primary first), then topic tags sorted by slug.
 * Strings that are not arXiv categories are dropped; duplicates ("cs.CL" and "cs.cl") collapse.
 */
export function tagsForPaper(paper: TaggablePaper): PaperTagRef[] {
  const tags: PaperTagRef[] = [];
  const seen = new Set<string>();
  for (const raw of paper.categories ?? []) {
    const code = normalizeCategory(raw);
    if (code === null) continue;
    const slug = categorySlug(code);
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ slug, name: categoryName(code), kind: "category" });
  }
  for (const slug of matchTopics(paper)) {
    const topic = TOPIC_BY_SLUG.get(slug);
    if (topic !== undefined) tags.push({ slug, name: topic.name, kind: "topic" });
  }
  return tags;
}

/** Every topic tag, in rule order, for seeding the tags table. */
export function allTopicTags(): TagDefinition[] {
  return TOPIC_RULES.map((rule) => ({ slug: rule.slug, name: rule.name, kind: "topic", description: rule.description }));
}

/** Every known arXiv category tag; the description carries the code ("arXiv cs.CL"). */
export function allCategoryTags(): TagDefinition[] {
  return Object.keys(ARXIV_CATEGORIES).map((code) => ({
    slug: categorySlug(code),
    name: categoryName(code),
    kind: "category",
    description: `arXiv ${code}`,
  }));
}

/**
 * The tags-table row for a category code a paper carries, known or not (a new subject class
 * gets a row the first time a paper uses it). Null for strings that are not categories.
 */
export function categoryTag(code: string): TagDefinition | null {
  const normalized = normalizeCategory(code);
  if (normalized === null) return null;
  return { slug: categorySlug(normalized), name: categoryName(normalized), kind: "category", description: `arXiv ${normalized}` };
}

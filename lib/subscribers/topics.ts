import { allTopicTags, categoryCodeForSlug, categoryName } from "@/lib/tags";

// What a subscriber can limit a digest to: the topic tags (docs/tags.md), plus any arXiv
// category tag (cs-cl …), which links from a category page may pre-select.

export interface TopicOption {
  slug: string;
  name: string;
}

const TOPIC_OPTIONS: readonly TopicOption[] = allTopicTags()
  .map((tag) => ({ slug: tag.slug, name: tag.name }))
  .sort((a, b) => a.name.localeCompare(b.name));
const TOPIC_NAMES: ReadonlyMap<string, string> = new Map(TOPIC_OPTIONS.map((t) => [t.slug, t.name]));

/** The checkboxes of the subscribe and manage forms, by name. */
export function topicOptions(): readonly TopicOption[] {
  return TOPIC_OPTIONS;
}

export function isSubscribableTag(slug: string): boolean {
  return TOPIC_NAMES.has(slug) || categoryCodeForSlug(slug) !== null;
}

export function tagDisplayName(slug: string): string {
  const topic = TOPIC_NAMES.get(slug);
  if (topic) return topic;
  const code = categoryCodeForSlug(slug);
  return code ? `${categoryName(code)} (${code})` : slug;
}

/** "All topics" or the chosen names, alphabetically. */
export function describeTopics(slugs: readonly string[]): string {
  if (slugs.length === 0) return "All topics";
  return slugs
    .map(tagDisplayName)
    .sort((a, b) => a.localeCompare(b))
    .join(", ");
}

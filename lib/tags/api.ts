import type { TagSummary } from "./queries";

// The JSON shape of GET /api/tags (docs/api.md and /api/openapi.json describe it).

export function toApiTags(tags: TagSummary[], appUrl: string) {
  return {
    tags: tags.map((tag) => ({
      slug: tag.slug,
      name: tag.name,
      kind: tag.kind,
      description: tag.description,
      papers: tag.papers,
      links: { page: `${appUrl}/tags/${tag.slug}`, rss: `${appUrl}/feeds/tags/${tag.slug}.rss`, atom: `${appUrl}/feeds/tags/${tag.slug}.atom`, json: `${appUrl}/feeds/tags/${tag.slug}.json` },
    })),
  };
}

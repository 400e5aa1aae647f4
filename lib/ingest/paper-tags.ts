import type { Prisma } from "@/lib/db";
import { allTopicTags, categoryTag, type PaperTagRef, type TagDefinition } from "@/lib/tags";

// The one way tag rows and paper-tag links are written: by the upsert (new and changed
// papers) and by `npm run tags:rebuild` (every paper after a rule change). Both run inside
// a transaction the caller owns.

type Tx = Prisma.TransactionClient;

export interface TaggedPaper {
  id: string;
  categories: readonly string[];
  tags: readonly PaperTagRef[];
}

const TOPIC_DESCRIPTIONS = new Map(allTopicTags().map((t) => [t.slug, t.description]));

/** The tags-table rows the given papers' tags need, with names and descriptions from lib/tags. */
export function tagDefinitionsFor(papers: readonly TaggedPaper[]): TagDefinition[] {
  const definitions = new Map<string, TagDefinition>();
  for (const paper of papers) {
    for (const tag of paper.tags) {
      if (definitions.has(tag.slug)) continue;
      definitions.set(tag.slug, { ...tag, description: describeTag(tag, paper.categories) ?? "" });
    }
  }
  return [...definitions.values()];
}

function describeTag(tag: PaperTagRef, categories: readonly string[]): string | null {
  if (tag.kind === "topic") return TOPIC_DESCRIPTIONS.get(tag.slug) ?? null;
  for (const code of categories) {
    const definition = categoryTag(code);
    if (definition?.slug === tag.slug) return definition.description;
  }
  return null;
}

/** Inserts missing tag rows and renames changed ones (names and descriptions follow lib/tags). */
export async function upsertTagRows(tx: Tx, definitions: readonly TagDefinition[]): Promise<void> {
  if (definitions.length === 0) return;
  // Sorted: concurrent imports then lock tag rows in one order and never deadlock.
  const rows = [...definitions].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  await tx.$executeRaw`
    INSERT INTO tags (slug, name, kind, description)
    SELECT slug, name, kind::"TagKind", NULLIF(description, '')
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS t(slug text, name text, kind text, description text)
    ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description
    WHERE (tags.name, tags.description) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description)`;
}

/**
 * Replaces the tag links of these papers with exactly the given tags (whose rows must exist).
 * `hadLinks` false (only brand-new papers) skips the delete: there is nothing to delete.
 */
export async function replacePaperTags(tx: Tx, papers: readonly { id: string; slugs: readonly string[] }[], hadLinks = true): Promise<void> {
  if (papers.length === 0) return;
  const paperIds = papers.map((paper) => paper.id);
  if (hadLinks) await tx.$executeRaw`DELETE FROM paper_tags WHERE paper_id = ANY(${paperIds}::text[])`;
  // In (paper, slug) order, so concurrent writers take index locks in one order.
  const pairs = [...papers]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((paper) => [...paper.slugs].sort().map((slug) => ({ paper_id: paper.id, slug })));
  if (pairs.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO paper_tags (paper_id, tag_id)
    SELECT x.paper_id, t.id FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS x(paper_id text, slug text)
    JOIN tags t ON t.slug = x.slug
    ON CONFLICT DO NOTHING`;
}

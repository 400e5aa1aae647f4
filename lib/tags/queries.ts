import { getDb } from "@/lib/db";
import type { Day } from "@/lib/papers/dates";
import type { TagRef } from "@/lib/papers/types";

// Reads of tags: the tag list with paper counts (/tags, GET /api/tags), one tag (tag
// pages), and the tag counts of a feed view (its facets). papers.tag_slugs mirrors
// paper_tags (a trigger keeps it), so counting a period's tags reads only its papers.

export interface TagSummary extends TagRef {
  description: string | null;
  /** Papers with this tag. */
  papers: number;
}

export interface TagCount extends TagRef {
  count: number;
}

interface TagRow {
  slug: string;
  name: string;
  kind: TagRef["kind"];
  description: string | null;
  papers: number;
}

/** Every tag with at least one paper, topics first, then by number of papers. */
export async function listTags(): Promise<TagSummary[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<TagRow[]>`
    SELECT t.slug, t.name, t.kind::text AS kind, t.description, c.n::int AS papers
    FROM (SELECT tag_id, count(*) AS n FROM paper_tags GROUP BY tag_id) c JOIN tags t ON t.id = c.tag_id
    ORDER BY t.kind = 'topic' DESC, c.n DESC, t.slug`;
  return rows.map(toSummary);
}

export async function getTag(slug: string): Promise<TagSummary | null> {
  const db = await getDb();
  const rows = await db.$queryRaw<TagRow[]>`
    SELECT t.slug, t.name, t.kind::text AS kind, t.description, (SELECT count(*) FROM paper_tags pt WHERE pt.tag_id = t.id)::int AS papers
    FROM tags t WHERE t.slug = ${slug}`;
  return rows[0] ? toSummary(rows[0]) : null;
}

/**
 * How many papers listed in [start, end] that carry every tag in `selected` carry each
 * tag: the counts next to a feed's tag filters (selecting one more tag shows that many).
 */
export async function countTagsInPeriod(start: Day, end: Day, selected: readonly string[], limit = 40): Promise<TagCount[]> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ slug: string; name: string; kind: TagRef["kind"]; n: number }[]>`
    SELECT s.slug, t.name, t.kind::text AS kind, count(*)::int AS n
    FROM papers p CROSS JOIN LATERAL unnest(p.tag_slugs) AS s(slug) JOIN tags t ON t.slug = s.slug
    WHERE p.listed_on BETWEEN ${start}::date AND ${end}::date AND p.tag_slugs @> ${[...selected]}::text[]
    GROUP BY s.slug, t.name, t.kind
    ORDER BY n DESC, s.slug
    LIMIT ${limit}`;
  return rows.map((row) => ({ slug: row.slug, name: row.name, kind: row.kind, count: row.n }));
}

function toSummary(row: TagRow): TagSummary {
  return { slug: row.slug, name: row.name, kind: row.kind, description: row.description, papers: row.papers };
}

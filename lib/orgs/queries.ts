import { getDb } from "@/lib/db";
import type { OrganizationRef } from "@/lib/papers/types";

// Reads of Hugging Face organizations (the organizations table, written by the upsert from
// HF's daily papers). Their papers are listed through the feed query, filtered by name.

export interface OrganizationSummary extends OrganizationRef {
  /** Papers published under the organization. */
  papers: number;
}

/** One organization with its paper count; null when PaperPulse has none of that name. */
export async function getOrganization(name: string): Promise<OrganizationSummary | null> {
  const db = await getDb();
  const rows = await db.$queryRaw<{ name: string; full_name: string; avatar_url: string | null; papers: number }[]>`
    SELECT o.name, o.full_name, o.avatar_url, (SELECT count(*) FROM papers p WHERE p.organization = o.name)::int AS papers
    FROM organizations o WHERE o.name = ${name}`;
  const row = rows[0];
  return row ? { name: row.name, fullName: row.full_name, avatarUrl: row.avatar_url, papers: row.papers } : null;
}

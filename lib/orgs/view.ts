import { FIRST_DAY, LAST_DAY } from "@/lib/papers/dates";
import type { FeedOptions } from "@/lib/papers/feed-params";
import { listFeedPapers } from "@/lib/papers/queries";
import type { RankedPaper } from "@/lib/papers/types";
import { getOrganization, type OrganizationSummary } from "./queries";

// Everything an organization page (/orgs/<name>) shows, in one call, as plain JSON so it can
// be cached as is: the organization and one page of its papers, ranked like a feed over all
// of its days (the trending score ages each paper from its own listed day).

export const ORG_PAGE_SIZE = 30;

export interface OrgViewModel {
  organization: OrganizationSummary;
  sort: FeedOptions["sort"];
  tags: string[];
  papers: RankedPaper[];
  cursor: string | null;
  nextCursor: string | null;
  /** Papers before this page (null: unknown, an older cursor), so cards keep their numbers. */
  offset: number | null;
}

/** Null when there is no such organization. */
export async function loadOrgView(name: string, options: FeedOptions, now: Date = new Date()): Promise<OrgViewModel | null> {
  const organization = await getOrganization(name);
  if (!organization) return null;
  const page = await listFeedPapers({
    start: FIRST_DAY,
    end: LAST_DAY,
    sort: options.sort,
    tags: options.tags,
    organization: organization.name,
    limit: ORG_PAGE_SIZE,
    cursor: options.cursor,
    reference: now,
  });
  return { organization, sort: options.sort, tags: options.tags, papers: page.papers, cursor: options.cursor ?? null, nextCursor: page.nextCursor, offset: page.offset };
}

import type { MetadataRoute } from "next";

// robots.txt: crawl the feeds, tags and papers; stay out of pages that are per person or
// per token (manage, confirm, unsubscribe links), the operator's pages, the outbox, the cron
// routes, and search (every query is a new URL and a database search; the sitemap lists the
// pages worth indexing).

export const ROBOTS_DISALLOW = ["/admin", "/outbox", "/manage", "/subscribe/confirm", "/unsubscribe", "/api/unsubscribe", "/api/cron/", "/api/admin/", "/dev/", "/search"];

export function robotsRules(appUrl: string): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ROBOTS_DISALLOW }],
    sitemap: `${appUrl}/sitemap.xml`,
  };
}

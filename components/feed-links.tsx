import type { FeedLinks } from "@/lib/feeds/links";

/** Visible links to the RSS, Atom and JSON versions of the current view. */
export function FeedLinksBar({ links, label }: { links: FeedLinks; label: string }) {
  return (
    <nav aria-label={`Subscribe to ${label}`} className="flex flex-wrap items-center gap-2 text-sm">
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" className="text-orange-600 dark:text-orange-400">
        <circle cx="5" cy="19" r="2.5" fill="currentColor" />
        <path d="M3 11a10 10 0 0 1 10 10M3 4a17 17 0 0 1 17 17" fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
      </svg>
      <span className="muted">Subscribe:</span>
      <a href={links.rss} className="hover:underline" type="application/rss+xml">
        RSS
      </a>
      <a href={links.atom} className="hover:underline" type="application/atom+xml">
        Atom
      </a>
      <a href={links.json} className="hover:underline" type="application/feed+json">
        JSON Feed
      </a>
    </nav>
  );
}

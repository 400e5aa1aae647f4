import Link from "next/link";
import { SearchBox } from "./search-box";

// The header of every page: brand, the three feed views, and the search box.
export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 bg-white/90 dark:border-stone-800 dark:bg-stone-900/90">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight no-underline">
          <PulseMark />
          <span>PaperPulse</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          <Link href="/" className="hover:underline">
            Today
          </Link>
          <Link href="/papers/week/latest" prefetch={false} className="hover:underline">
            Week
          </Link>
          <Link href="/papers/month/latest" prefetch={false} className="hover:underline">
            Month
          </Link>
          <Link href="/submit" className="hover:underline">
            Submit
          </Link>
          <Link href="/subscribe" className="hover:underline">
            Subscribe
          </Link>
        </nav>
        <SearchBox />
      </div>
    </header>
  );
}

function PulseMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="text-accent-600 dark:text-accent-300">
      <path d="M2 12h4l3-7 4 14 3-7h6" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

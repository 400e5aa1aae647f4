// /about: what PaperPulse is and how it ranks papers. Static: rendered at build time.
import type { Metadata } from "next";
import Link from "next/link";
import { TRENDING } from "@/lib/papers/trending";

export const metadata: Metadata = {
  title: "About and ranking",
  description: "What PaperPulse is, where its papers come from, and the formula behind the trending feed and search ranking.",
};

export default function AboutPage() {
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-6 leading-relaxed">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">About PaperPulse</h1>
      <p>
        PaperPulse is a daily feed of AI research papers: the papers people are talking about today, searchable by topic, with email digests and feeds for
        every tag and search. Papers come from the Hugging Face daily papers list and from arXiv; each one links to its arXiv page and PDF.
      </p>

      <section aria-labelledby="trending-heading" className="flex flex-col gap-3">
        <h2 id="trending-heading" className="text-xl font-semibold">
          How the trending feed ranks papers
        </h2>
        <p>Every paper gets points, and the points fade as the paper gets older:</p>
        <pre className="card overflow-x-auto text-sm">
          <code>{`points = upvotes + 1 + ${TRENDING.starWeight} × ln(1 + GitHub stars)
age    = days since the paper was listed (at least 0)
score  = points ÷ (age + ${TRENDING.ageOffsetDays}) ^ ${TRENDING.gravity}`}</code>
        </pre>
        <ul className="flex list-disc flex-col gap-1 pl-5">
          <li>Upvotes come from Hugging Face. Stars count logarithmically, so one famous repository cannot bury every upvoted paper (1,000 stars are worth about 14 upvotes).</li>
          <li>
            The age is measured to the end of the day, week or month you are looking at, so a past week ranks the same whenever you open it, and within a single day the
            order is simply by points.
          </li>
          <li>Every card has a “score” button that shows these numbers for that paper.</li>
        </ul>
      </section>

      <section aria-labelledby="search-heading" className="flex flex-col gap-3">
        <h2 id="search-heading" className="text-xl font-semibold">
          How search ranks papers
        </h2>
        <p>
          Search matches whole words after stemming (“models” finds “model”), in the title first, then authors and keywords, then the abstract. It understands
          <code> &quot;phrases&quot;</code>, <code>-exclusions</code> and <code>OR</code>, corrects small typos, and opens a paper when you type its arXiv id. For broad words
          it ranks the most recent matches (and older papers whose title, keywords or authors match), so it stays fast with millions of papers; a date range or “Newest”
          reaches every match.
        </p>
        <p>
          Each paper page lists similar papers: those that share the most distinctive words of its title, keywords and abstract, weighted by how rare each word is.
        </p>
      </section>

      <section aria-labelledby="more-heading" className="flex flex-col gap-2">
        <h2 id="more-heading" className="text-xl font-semibold">
          Feeds, API and digests
        </h2>
        <ul className="flex list-disc flex-col gap-1 pl-5">
          <li>
            RSS, Atom and JSON feeds: <a href="/feeds/trending.rss">trending papers of the day</a>, every <Link href="/tags">tag</Link>, every day, week and month view, and any search (links on each page).
          </li>
          <li>
            A public JSON API: <Link href="/api-docs">API documentation</Link>.
          </li>
          <li>
            <Link href="/subscribe">Email digests</Link>, daily or weekly, for the topics you choose.
          </li>
        </ul>
      </section>
    </article>
  );
}

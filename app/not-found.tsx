import type { Metadata } from "next";
import Link from "next/link";

// Without its own title the 404 page carried the home page's.
export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-12 text-center">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-300">404</p>
      <h1 className="text-2xl font-semibold">This page is not here</h1>
      <p className="muted">
        The paper may not be in PaperPulse yet, or the address is not valid. Days look like <code>/papers/date/2026-11-28</code>, weeks like <code>/papers/week/2026-W48</code>, months like{" "}
        <code>/papers/month/2026-11</code>, and papers like <code>/papers/2606.00467</code>. Sort is <code>trending</code>, <code>top</code> or <code>new</code>.
      </p>
      <p className="flex justify-center gap-3">
        <Link href="/" className="btn btn-primary no-underline">
          Today’s papers
        </Link>
        <Link href="/submit" className="btn no-underline">
          Submit a paper
        </Link>
      </p>
    </div>
  );
}

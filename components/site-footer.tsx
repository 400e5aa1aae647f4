import Link from "next/link";
import { FooterSubscribe } from "@/components/subscribe-form";
import { topicOptions } from "@/lib/subscribers/topics";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-6 text-sm muted">
        <span>PaperPulse: trending AI research, daily.</span>
        <nav aria-label="Footer" className="flex flex-wrap gap-4">
          <Link href="/api-docs" className="hover:underline">
            API
          </Link>
          <Link href="/about" className="hover:underline">
            About and ranking
          </Link>
          <Link href="/subscribe" className="hover:underline">
            Email digest
          </Link>
        </nav>
        <FooterSubscribe topics={topicOptions()} />
      </div>
    </footer>
  );
}

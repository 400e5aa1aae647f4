import Link from "next/link";
import type { OrganizationRef } from "@/lib/papers/types";

// What Hugging Face adds to a paper, as shown on cards and paper pages: the organization it
// is published under, the authors' figures and HF's machine-written one-line summary.
// Server components. Images are plain <img> on purpose: they come from Hugging Face's CDN at
// a usable size, Next's optimizer would fetch every one through this server (which may have
// no way out), and next/image is a client component that would add hydration weight to each
// of a feed page's 30 cards (docs/performance.md). Width and height are always set, so the
// space is reserved before an image loads and nothing moves; no-referrer keeps the page a
// reader is on to themselves.

export const AI_SUMMARY_NOTE = "Written by a language model on Hugging Face, not by the authors";

export function OrganizationLink({ organization, className }: { organization: OrganizationRef; className?: string }) {
  return (
    <Link href={`/orgs/${organization.name}`} className={className ?? "org-link"}>
      {organization.avatarUrl && (
        // eslint-disable-next-line @next/next/no-img-element -- see the top of this file
        <img src={organization.avatarUrl} alt="" width={16} height={16} loading="lazy" decoding="async" referrerPolicy="no-referrer" className="org-avatar" />
      )}
      {organization.fullName}
    </Link>
  );
}

/** A paper's first figure on a card: lazy, in a box of fixed size whatever the image's shape. */
export function CardThumbnail({ url }: { url: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see the top of this file
    <img src={url} alt="" width={160} height={100} loading="lazy" decoding="async" referrerPolicy="no-referrer" className="card-thumb" />
  );
}

/** Hugging Face's one-line summary, labelled as machine-written. */
export function AiSummaryLine({ text, className }: { text: string; className?: string }) {
  return (
    <p className={className ?? "card-summary"}>
      <span className="ai-label" title={AI_SUMMARY_NOTE}>
        Machine-written summary
      </span>
      <span className="sr-only"> ({AI_SUMMARY_NOTE}):</span> {text}
    </p>
  );
}

/** The figures of a paper page, each in a reserved 16:10 box. */
export function PaperFigures({ urls }: { urls: string[] }) {
  if (urls.length === 0) return null;
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading" className="mb-2 text-lg font-semibold">
        Figures
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {urls.map((url, index) => (
          <li key={url}>
            <a href={url} rel="noopener noreferrer">
              {/* eslint-disable-next-line @next/next/no-img-element -- see the top of this file */}
              <img src={url} alt={`Figure ${index + 1} from the paper's Hugging Face page`} width={640} height={400} loading="lazy" decoding="async" referrerPolicy="no-referrer" className="paper-figure" />
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs muted">From the paper&apos;s Hugging Face page.</p>
    </section>
  );
}

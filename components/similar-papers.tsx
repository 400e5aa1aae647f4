import Link from "next/link";
import { formatDayShort } from "@/lib/papers/dates";
import { formatAuthors } from "@/lib/papers/format";
import type { SimilarPaper } from "@/lib/papers/similar";
import { MathText } from "./math-text";

/** Papers that share this paper's most distinctive words (lib/papers/similar.ts explains how). */
export function SimilarPapers({ papers }: { papers: SimilarPaper[] }) {
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="mb-2 text-lg font-semibold">
        Similar papers
      </h2>
      {papers.length === 0 ? (
        <p className="text-sm muted">No similar papers yet.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {papers.map((paper) => (
            <li key={paper.id} className="card py-3">
              <Link href={`/papers/${paper.id}`} className="font-medium hover:underline">
                <MathText text={paper.title} />
              </Link>
              <p className="mt-0.5 text-xs muted">
                {formatAuthors(paper.authors)} · listed <time dateTime={paper.listedOn}>{formatDayShort(paper.listedOn)}</time> · {paper.upvotes} upvotes
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs muted">Chosen by shared distinctive words of the title, keywords and abstract.</p>
    </section>
  );
}

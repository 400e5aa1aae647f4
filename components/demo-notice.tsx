// One line on a phone: at 360 px the full text pushed every paper below the fold. The
// explanation follows from the sm breakpoint up, where it fits beside the papers.
export function DemoNotice() {
  return (
    <aside role="note" aria-label="Demo data" className="rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 sm:p-4 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-semibold">
        You are looking at demo data.
        <span className="font-normal sm:hidden">
          {" "}
          Invented papers; see the README, “Loading real papers”.
        </span>
      </p>
      <p className="mt-1 hidden sm:block">
        These papers are invented so the feed has something to show offline. Load real papers with{" "}
        <code className="rounded bg-amber-100 px-1 dark:bg-amber-900">npm run ingest -- &lt;saved Hugging Face or arXiv file&gt;</code> while the server is stopped, or let the
        scheduled import fetch them once this machine can reach huggingface.co and arxiv.org. See the README, “Loading real papers”.
      </p>
    </aside>
  );
}

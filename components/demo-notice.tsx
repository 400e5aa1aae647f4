export function DemoNotice() {
  return (
    <aside role="note" aria-label="Demo data" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="font-semibold">You are looking at demo data.</p>
      <p className="mt-1">
        These papers are invented so the feed has something to show offline. Load real papers with{" "}
        <code className="rounded bg-amber-100 px-1 dark:bg-amber-900">npm run ingest -- &lt;saved Hugging Face or arXiv file&gt;</code> while the server is stopped, or let the
        scheduled import fetch them once this machine can reach huggingface.co and arxiv.org. See the README, “Loading real papers”.
      </p>
    </aside>
  );
}

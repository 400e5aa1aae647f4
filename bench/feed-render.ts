// npm run bench:feed-render [-- --runs 50]
// Server time to build a feed page's data (every query the page runs) on the database at
// DATABASE_URL, without the page cache: what a visitor waits for on a cache miss. Seed it
// first with `npm run bench:seed -- --papers 100000`.
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { loadFeedView, type FeedRequest } from "@/lib/papers/feed";
import { getLatestListedDay, countPapers } from "@/lib/papers/queries";
import { isoWeekOf } from "@/lib/papers/dates";
import type { FeedSort } from "@/lib/papers/types";
import { ms, summarize } from "./lib/stats";

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);

async function main() {
  const latest = await getLatestListedDay();
  if (!latest) throw new Error("The database has no papers; run npm run bench:seed first.");
  console.log(`${(await countPapers()).toLocaleString("en-US")} papers, latest day ${latest}, ${runs} runs per view after 5 warm-up runs\n`);
  const views: { label: string; request: FeedRequest; sort: FeedSort }[] = [
    { label: "day, trending (/)", request: { view: "latest" }, sort: "trending" },
    { label: "day, top", request: { view: "date", key: latest }, sort: "top" },
    { label: "week, trending", request: { view: "week", key: isoWeekOf(latest).key }, sort: "trending" },
    { label: "month, trending", request: { view: "month", key: latest.slice(0, 7) }, sort: "trending" },
    { label: "month, new", request: { view: "month", key: latest.slice(0, 7) }, sort: "new" },
  ];
  console.log(`${"view".padEnd(22)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"papers".padStart(8)}`);
  for (const view of views) {
    let shown = 0;
    for (let i = 0; i < 5; i += 1) await loadFeedView(view.request, { sort: view.sort, tags: [] });
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      const model = await loadFeedView(view.request, { sort: view.sort, tags: [] });
      samples.push(performance.now() - t);
      shown = model?.papers.length ?? 0;
    }
    const s = summarize(samples);
    console.log(`${view.label.padEnd(22)} ${ms(s.p50).padStart(10)} ${ms(s.p95).padStart(10)} ${String(shown).padStart(8)}`);
  }
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

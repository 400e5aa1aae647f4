// GET|POST /api/cron/ingest: imports the configured sources (Hugging Face days, arXiv API
// categories, arXiv RSS; see docs/ingestion.md) and refreshes the cached pages they changed.
// Called hourly by the in-app schedule or by any external cron, with the cron secret.
import { catchUpWithContentChanges } from "@/lib/cache/page-cache-sync";
import { methodNotAllowed, withApiErrors } from "@/lib/http/api-response";
import { withCronAuth } from "@/lib/http/cron-auth";
import { ingestConfiguredSources } from "@/lib/ingest/scheduled-ingest";

export const dynamic = "force-dynamic";
// arXiv asks for 3 s between requests; a run with several categories takes a while.
export const maxDuration = 900;

/** Errors per source in the response; the ingest_runs row keeps more. */
const ERRORS_SHOWN = 20;

const handler = withApiErrors(
  withCronAuth(async () => {
    const summary = await ingestConfiguredSources();
    // The import logged its changes; this server's pages catch up before it answers.
    const revalidated = await catchUpWithContentChanges();
    const allFailed = summary.runs.length > 0 && summary.runs.every((run) => run.status === "failed");
    return Response.json(
      {
        ok: summary.runs.every((run) => run.status !== "failed"),
        runs: summary.runs.map((run) => ({
          id: run.runId,
          source: run.source,
          status: run.status,
          new: run.new,
          updated: run.updated,
          unchanged: run.unchanged,
          skipped: run.skipped,
          failed: run.failed,
          demoRemoved: run.demoRemoved,
          durationMs: run.durationMs,
          errors: run.errors.slice(0, ERRORS_SHOWN),
        })),
        skipped: summary.skipped,
        revalidated,
      },
      // Every source unreachable is worth an alert from an external cron; some failing is not.
      { status: allFailed ? 502 : 200, headers: { "Cache-Control": "no-store" } },
    );
  }),
);

export const GET = handler;
export const POST = handler;

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

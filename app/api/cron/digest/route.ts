// GET|POST /api/cron/digest: starts today's digest runs (daily, and weekly from
// DIGEST_WEEKLY_DAY on) and resumes unfinished ones. Called by the in-app schedule or any
// external cron with Authorization: Bearer $CRON_SECRET. Safe to call any number of times,
// even at once: one run per frequency and period, and sending happens in queue workers.
// ?frequency=daily|weekly starts only that one (e.g. a weekly run on another weekday).
import { z } from "zod";
import { startDigestRuns } from "@/lib/digest/runs";
import { methodNotAllowed, parseOrThrow, withApiErrors } from "@/lib/http/api-response";
import { withCronAuth } from "@/lib/http/cron-auth";
import { frequencySchema } from "@/lib/subscribers/schemas";

export const dynamic = "force-dynamic";

const querySchema = z.object({ frequency: frequencySchema.optional() }).strict();

const handler = withApiErrors(
  withCronAuth(async (request: Request) => {
    const query = parseOrThrow(querySchema, Object.fromEntries(new URL(request.url).searchParams));
    const runs = await startDigestRuns({ trigger: "cron", frequencies: query.frequency ? [query.frequency] : undefined });
    return Response.json({ ok: true, runs }, { headers: { "Cache-Control": "no-store" } });
  }),
);

export const GET = handler;
export const POST = handler;

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

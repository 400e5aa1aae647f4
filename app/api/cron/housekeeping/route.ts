// GET|POST /api/cron/housekeeping: hourly clean-up (expired rate-limit counters, stale
// sign-ups). Called by the in-app schedule or any external cron, with the cron secret.
import { methodNotAllowed, withApiErrors } from "@/lib/http/api-response";
import { withCronAuth } from "@/lib/http/cron-auth";
import { runHousekeeping } from "@/lib/jobs/housekeeping";

export const dynamic = "force-dynamic";

const handler = withApiErrors(
  withCronAuth(async () => {
    return Response.json({ ok: true, deleted: await runHousekeeping() }, { headers: { "Cache-Control": "no-store" } });
  }),
);

export const GET = handler;
export const POST = handler;

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

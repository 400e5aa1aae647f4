// POST /api/cron/revalidate: brings this server's page cache up to the content change log now
// (`npm run ingest` and `npm run tags:rebuild` call it; so does the server's own follower of
// the log, lib/cache/page-cache-sync.ts), plus any pages named in the body. Cache revalidation
// only works inside a request of the server that holds the cache, hence a route.
import { cacheTagsForChanges } from "@/lib/cache/cache-tags";
import { catchUpWithContentChanges } from "@/lib/cache/page-cache-sync";
import { ApiError, methodNotAllowed, parseOrThrow, withApiErrors } from "@/lib/http/api-response";
import { withCronAuth } from "@/lib/http/cron-auth";
import { changedPagesSchema } from "@/lib/ingest/notify-server";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024 * 1024;

export const POST = withApiErrors(
  withCronAuth(async (request: Request) => {
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") throw new ApiError(415, "unsupported_media_type", "Send the changes as application/json.");
    const body = await request.text();
    if (body.length > MAX_BODY_BYTES) throw new ApiError(413, "payload_too_large", "The change list is over 1 MB; send it in chunks.");
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (error) {
      throw new ApiError(400, "bad_request", `Malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const changes = parseOrThrow(changedPagesSchema, json);
    const revalidated = await catchUpWithContentChanges(cacheTagsForChanges(changes));
    return Response.json({ ok: true, revalidated }, { headers: { "Cache-Control": "no-store" } });
  }),
);

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

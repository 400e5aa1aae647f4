// GET /api/papers: the feed as JSON (one period, sorted, filtered by tags, keyset-paginated).
import { getEnv } from "@/lib/env";
import { methodNotAllowed, parseOrThrow, PUBLIC_GET_HEADERS, withApiErrors } from "@/lib/http/api-response";
import { listPapersForApi, listPapersParamsSchema } from "@/lib/papers/api";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(async (request: Request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const params = parseOrThrow(listPapersParamsSchema, query);
  const body = await listPapersForApi(params, getEnv().appUrl);
  return Response.json(body, { headers: PUBLIC_GET_HEADERS });
});

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" } });
}

const notAllowed = methodNotAllowed(["GET", "OPTIONS"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

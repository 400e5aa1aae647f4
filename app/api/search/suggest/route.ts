// GET /api/search/suggest?q=: completions, papers and tags while someone types in the search box (OPTIONS: CORS preflight).
import { z } from "zod";
import { methodNotAllowed, parseOrThrow, PUBLIC_GET_HEADERS, withApiErrors } from "@/lib/http/api-response";
import { suggest, SUGGEST_MAX_LENGTH } from "@/lib/search/suggest";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ q: z.string().max(SUGGEST_MAX_LENGTH, `q must be at most ${SUGGEST_MAX_LENGTH} characters`).default("") });

export const GET = withApiErrors(async (request: Request) => {
  const { q } = parseOrThrow(paramsSchema, { q: new URL(request.url).searchParams.get("q") ?? undefined });
  return Response.json(await suggest(q), { headers: PUBLIC_GET_HEADERS });
});

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" } });
}

const notAllowed = methodNotAllowed(["GET", "OPTIONS"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

// GET /api/tags: every tag (topics and arXiv categories) with its number of papers (OPTIONS: CORS preflight).
import { unstable_cache } from "next/cache";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { getEnv } from "@/lib/env";
import { methodNotAllowed, PUBLIC_GET_HEADERS, withApiErrors } from "@/lib/http/api-response";
import { toApiTags } from "@/lib/tags/api";
import { listTags } from "@/lib/tags/queries";

export const dynamic = "force-dynamic";

// Counting tags reads every paper-tag link: cached until an ingest changes the papers.
const cachedTags = unstable_cache(() => listTags(), ["api-tags"], { tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest], revalidate: 300 });

export const GET = withApiErrors(async () => Response.json(toApiTags(await cachedTags(), getEnv().appUrl), { headers: PUBLIC_GET_HEADERS }));

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, OPTIONS", "Access-Control-Max-Age": "86400" } });
}

const notAllowed = methodNotAllowed(["GET", "OPTIONS"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };

// GET /sitemap.xml: every page, tag, listed day and paper for search engines; past 50,000
// URLs a sitemap index of /sitemaps/<n>.xml (lib/site/sitemap.ts).
import { getEnv } from "@/lib/env";
import { methodNotAllowed } from "@/lib/http/api-response";
import { readSitemapRoot, renderSitemapRoot, SITEMAP_HEADERS } from "@/lib/site/sitemap";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(renderSitemapRoot(await readSitemapRoot(), getEnv().appUrl), { headers: SITEMAP_HEADERS });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

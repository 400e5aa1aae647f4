// GET /sitemaps/<n>.xml: part n of the sitemap once it holds more than 50,000 URLs
// (/sitemap.xml is then the index that lists the parts).
import { getEnv } from "@/lib/env";
import { methodNotAllowed } from "@/lib/http/api-response";
import { parseSitemapPartFile, readSitemapPart, renderUrlset, SITEMAP_HEADERS } from "@/lib/site/sitemap";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, context: Context) {
  const part = parseSitemapPartFile((await context.params).file);
  const urls = part === null ? null : await readSitemapPart(part);
  if (!urls) return new Response("No such sitemap part. /sitemap.xml lists the parts.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(renderUrlset(urls, getEnv().appUrl), { headers: SITEMAP_HEADERS });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

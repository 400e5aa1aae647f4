// GET /og/papers/<arXiv id>: the paper page's Open Graph image (PNG, 1200 × 630), for link
// previews. Unknown ids are a 404 and create no cache entry.
import { methodNotAllowed } from "@/lib/http/api-response";
import { renderPaperImage } from "@/lib/og/paper-image";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { getPaper } from "@/lib/papers/queries";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string[] }> };

function notFound(): Response {
  return new Response("No such paper.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function GET(_request: Request, context: Context) {
  const raw = decodeUriComponentOrNull((await context.params).id.join("/"));
  const parsed = raw === null ? null : parseArxivId(raw);
  if (!parsed) return notFound();
  const paper = await getPaper(parsed.id);
  if (!paper) return notFound();
  const png = await renderPaperImage(paper);
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800" },
  });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

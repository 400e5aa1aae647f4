// GET /feeds/tags/<tag>.{rss,atom,json}: the newest papers with a tag, as RSS 2.0, Atom 1.0 or JSON Feed.
import { unstable_cache } from "next/cache";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { getEnv } from "@/lib/env";
import { feedErrorResponse, feedResponse, parseFeedFileName } from "@/lib/feeds/http";
import { loadTagFeed } from "@/lib/feeds/load";
import { TAG_SLUG_RE } from "@/lib/papers/feed-params";
import { methodNotAllowed } from "@/lib/http/api-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, context: Context) {
  const file = parseFeedFileName((await context.params).file);
  if (!file || !TAG_SLUG_RE.test(file.name)) return feedErrorResponse(404, "No such feed. Tag feeds look like /feeds/tags/llm.rss (also .atom and .json).");
  const slug = file.name;
  const doc = await unstable_cache(() => loadTagFeed(slug), ["feed-document", "tag", slug], { tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.tag(slug)], revalidate: 300 })();
  if (!doc) return feedErrorResponse(404, `There is no tag "${slug}". GET /api/tags lists them.`);
  return feedResponse(file.format, doc, getEnv().appUrl);
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

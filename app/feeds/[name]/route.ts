// GET /feeds/trending.{rss,atom,json} and /feeds/search.{rss,atom,json}?q=&tags=&from=&to=&sort=:
// the day's trending papers and any search, as RSS 2.0, Atom 1.0 or JSON Feed.
import { unstable_cache } from "next/cache";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { getEnv } from "@/lib/env";
import { feedErrorResponse, feedResponse, parseFeedFileName } from "@/lib/feeds/http";
import { loadSearchFeed, loadTrendingFeed } from "@/lib/feeds/load";
import { describeZodError, methodNotAllowed } from "@/lib/http/api-response";
import { searchHref, searchParamsInput, searchParamsSchema } from "@/lib/search/params";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export async function GET(request: Request, context: Context) {
  const file = parseFeedFileName((await context.params).name);
  if (!file || (file.name !== "trending" && file.name !== "search")) return feedErrorResponse(404, "No such feed. Feeds: /feeds/trending.rss, /feeds/search.rss?q=…, /feeds/tags/<tag>.rss, /feeds/week/latest.rss (also date and month; .atom and .json).");
  const appUrl = getEnv().appUrl;

  if (file.name === "trending") {
    const doc = await unstable_cache(() => loadTrendingFeed(), ["feed-document", "trending"], { tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest], revalidate: 300 })();
    return feedResponse(file.format, doc, appUrl);
  }

  const parsed = searchParamsSchema.safeParse(searchParamsInput(new URL(request.url).searchParams));
  if (!parsed.success) return feedErrorResponse(400, describeZodError(parsed.error));
  const params = { ...parsed.data, cursor: undefined };
  const doc = await unstable_cache(() => loadSearchFeed(params), ["feed-document", "search", searchHref(params)], {
    tags: [CACHE_TAGS.allFeeds, CACHE_TAGS.latest],
    revalidate: 300,
  })();
  return feedResponse(file.format, doc, appUrl);
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

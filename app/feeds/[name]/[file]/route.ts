// GET /feeds/{date,week,month}/<key or latest>.{rss,atom,json}?sort=&tags=: the feed of a feed
// view (a past day, a week, a month, another sort or tag filter), so each page offers its own
// papers to feed readers, not the day's trending feed. Cached and tagged like the page.
import { unstable_cache } from "next/cache";
import { getEnv } from "@/lib/env";
import { feedErrorResponse, feedResponse, parsePeriodFeedFileName } from "@/lib/feeds/http";
import { loadViewFeed } from "@/lib/feeds/load";
import { describeZodError, methodNotAllowed } from "@/lib/http/api-response";
import { isFuturePeriod, parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { feedOptionsQuery, parseFeedOptions } from "@/lib/papers/feed-params";
import { feedCacheTags } from "@/lib/papers/feed-route";

export const dynamic = "force-dynamic";

const PERIOD_KINDS: readonly string[] = ["date", "week", "month"] satisfies PeriodKind[];

type Context = { params: Promise<{ name: string; file: string }> };

export async function GET(request: Request, context: Context) {
  const { name, file: fileName } = await context.params;
  const kind = PERIOD_KINDS.includes(name) ? (name as PeriodKind) : null;
  const file = kind ? parsePeriodFeedFileName(kind, fileName) : null;
  if (!kind || !file) {
    return feedErrorResponse(404, "No such feed. View feeds look like /feeds/date/2026-11-28.rss, /feeds/week/2026-W48.atom, /feeds/month/latest.json (?sort=top&tags=llm as on the page).");
  }
  const period = file.key === "latest" ? null : parsePeriod(kind, file.key);
  if (period && isFuturePeriod(period)) return feedErrorResponse(404, `No papers can be listed in ${file.key} yet.`);

  const parsed = parseFeedOptions(new URL(request.url).searchParams);
  if (!parsed.success) return feedErrorResponse(400, describeZodError(parsed.error));
  // A feed is always the first page: a cursor is ignored, not refused.
  const options = { sort: parsed.data.sort, tags: parsed.data.tags };
  const feedRequest = { view: kind, key: file.key };
  const doc = await unstable_cache(() => loadViewFeed(feedRequest, options), ["feed-document", "view", kind, file.key, feedOptionsQuery(options)], {
    tags: feedCacheTags(feedRequest),
    revalidate: 300,
  })();
  if (!doc) return feedErrorResponse(404, `There is no ${kind} ${file.key}.`);
  return feedResponse(file.format, doc, getEnv().appUrl);
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

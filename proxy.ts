import { type NextRequest, NextResponse } from "next/server";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { feedOptionsQuery, parseFeedOptions, TAG_SLUG_RE } from "@/lib/papers/feed-params";
import { optionsSegment } from "@/lib/papers/feed-route";

// Routes the public feed URLs to their cached internal pages. A page that reads the query
// string is rendered on every request; folding the canonical query into a path segment
// lets /, /papers/date/… and friends be rendered once per distinct URL and served from
// cache. Invalid dates, ids and options go to the 404 page here, so garbage URLs never
// create cache entries.

const NOT_FOUND_PATH = "/_not-found-page";
const FEED_PATH = /^\/papers\/(date|week|month)\/([^/]+)\/?$/;
const TAG_PATH = /^\/tags\/([^/]+)\/?$/;

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  if (pathname === "/" || FEED_PATH.test(pathname)) {
    const options = parseFeedOptions(searchParams);
    if (!options.success) return rewrite(request, NOT_FOUND_PATH);
    const segment = optionsSegment(feedOptionsQuery(options.data));
    if (pathname === "/") return rewrite(request, `/feed/latest/today/${segment}`);
    const [, view, key] = FEED_PATH.exec(pathname)!;
    if (key !== "latest" && !parsePeriod(view as PeriodKind, key!)) return rewrite(request, NOT_FOUND_PATH);
    return rewrite(request, `/feed/${view}/${key}/${segment}`);
  }

  // The internal route is only reachable through the rewrites above.
  if (pathname.startsWith("/feed/")) return rewrite(request, NOT_FOUND_PATH);

  // Tag pages: /tags/<slug>?sort&tags&cursor → the cached /tags/<slug>/<options>, which is
  // itself only reachable this way.
  if (pathname.startsWith("/tags/")) {
    const slug = TAG_PATH.exec(pathname)?.[1];
    const options = parseFeedOptions(searchParams);
    if (!slug || !TAG_SLUG_RE.test(slug) || !options.success) return rewrite(request, NOT_FOUND_PATH);
    return rewrite(request, `/tags/${slug}/${optionsSegment(feedOptionsQuery(options.data))}`);
  }

  if (pathname.startsWith("/papers/") && !pathname.startsWith("/papers/go")) {
    const id = safeDecode(pathname.slice("/papers/".length).replace(/\/$/, ""));
    const parsed = id === null ? null : parseArxivId(id);
    if (!parsed) return rewrite(request, NOT_FOUND_PATH);
    // /papers/2606.00467v2 and other spellings land on the one canonical page.
    if (parsed.id !== id) return NextResponse.redirect(new URL(`/papers/${parsed.id}`, request.url), 308);
  }
  return NextResponse.next();
}

function rewrite(request: NextRequest, path: string) {
  return NextResponse.rewrite(new URL(path, request.url));
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null; // a malformed %-escape is not an id
  }
}

export const config = {
  matcher: ["/", "/papers/:path*", "/feed/:path*", "/tags/:path*"],
};

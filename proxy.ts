import { type NextRequest, NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/api-response";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
import { contentSecurityPolicy, createNonce, isPerRequestPage, strictTransportSecurity } from "@/lib/http/security-headers";
import { screenPagePost } from "@/lib/http/server-action-guard";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { isFeedCursor } from "@/lib/papers/cursor";
import { isFuturePeriod, parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { feedOptionsQuery, parseFeedOptions, TAG_SLUG_RE } from "@/lib/papers/feed-params";
import { optionsSegment } from "@/lib/papers/feed-route";
import { isSearchCursor } from "@/lib/search/search-cursor";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";

// Routes the public feed URLs to their cached internal pages. A page that reads the query
// string is rendered on every request; folding the canonical query into a path segment
// lets /, /papers/date/… and friends be rendered once per distinct URL and served from
// cache. Invalid dates, ids, options and cursors go to the 404 page here, so garbage URLs
// never render a cached page (lib/cache/page-cache-handler.mjs keeps any 404 that still
// happens out of the cache). Every POST to a page is screened (lib/http/server-action-guard.ts),
// and every response of an https site says so (Strict-Transport-Security).

const NOT_FOUND_PATH = "/_not-found-page";
const FEED_PATH = /^\/papers\/(date|week|month)\/([^/]+)\/?$/;
const TAG_PATH = /^\/tags\/([^/]+)\/?$/;
const ORG_PATH = /^\/orgs\/([^/]+)\/?$/;
const PAGE_METHODS = new Set(["GET", "HEAD", "POST"]);
/** Route handlers outside /api: they answer their own methods and bodies. */
const ROUTE_HANDLER_PATH = /^\/(?:api|feeds)\/|^\/papers\/go\/?$/;

export async function proxy(request: NextRequest) {
  const response = await route(request);
  const hsts = strictTransportSecurity(getEnv().appUrl);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

async function route(request: NextRequest): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl;
  const page = !ROUTE_HANDLER_PATH.test(pathname);

  // A form post Next could not decode would be a 500; it gets a 4xx here instead, whichever
  // encoding it uses and whichever page it is sent to.
  if (page && request.method === "POST") {
    const refusal = await screenPagePost(request);
    if (refusal) return refusal;
  }

  // Next cannot decode route parameters from a malformed %-escape and answers 500.
  if (decodeUriComponentOrNull(pathname) === null) {
    if (pathname.startsWith("/api/")) return errorResponse(400, "bad_request", "The address has a malformed %-escape.");
    return rewrite(request, NOT_FOUND_PATH);
  }
  // Pages take GET and HEAD, and POST for their forms; a dynamic page would render for any.
  if (page && !PAGE_METHODS.has(request.method)) {
    return errorResponse(405, "method_not_allowed", `${request.method} is not supported on pages; use GET.`, { Allow: "GET, HEAD, POST" });
  }

  // Pages rendered per request get a nonce policy instead of next.config.ts's cached-page one.
  if (isPerRequestPage(pathname)) return withNoncePolicy(request);

  if (pathname === "/" || FEED_PATH.test(pathname)) {
    const options = parseFeedOptions(searchParams);
    if (!options.success) return rewrite(request, NOT_FOUND_PATH);
    if (options.data.cursor && !isFeedCursor(options.data.cursor, options.data.sort)) return rewrite(request, NOT_FOUND_PATH);
    const segment = optionsSegment(feedOptionsQuery(options.data));
    if (pathname === "/") return rewrite(request, `/feed/latest/today/${segment}`);
    const [, view, key] = FEED_PATH.exec(pathname)!;
    if (key !== "latest") {
      // A future period cannot hold papers: 404 rather than an empty page for every month to come.
      const period = parsePeriod(view as PeriodKind, key!);
      if (!period || isFuturePeriod(period)) return rewrite(request, NOT_FOUND_PATH);
    }
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
    // Tag pages list search results: their cursors are the search engine's.
    if (options.data.cursor && !isSearchCursor(options.data.cursor, options.data.sort)) return rewrite(request, NOT_FOUND_PATH);
    return rewrite(request, `/tags/${slug}/${optionsSegment(feedOptionsQuery(options.data))}`);
  }

  // Organization pages, the same way: /orgs/<name>?sort&tags&cursor → /orgs/<name>/<options>.
  if (pathname.startsWith("/orgs/")) {
    const name = ORG_PATH.exec(pathname)?.[1];
    const options = parseFeedOptions(searchParams);
    if (!name || !ORGANIZATION_NAME.test(name) || !options.success) return rewrite(request, NOT_FOUND_PATH);
    // Organization pages list a feed: their cursors are the feed's.
    if (options.data.cursor && !isFeedCursor(options.data.cursor, options.data.sort)) return rewrite(request, NOT_FOUND_PATH);
    return rewrite(request, `/orgs/${name}/${optionsSegment(feedOptionsQuery(options.data))}`);
  }

  if (pathname.startsWith("/papers/") && !pathname.startsWith("/papers/go")) {
    const id = decodeUriComponentOrNull(pathname.slice("/papers/".length).replace(/\/$/, ""));
    const parsed = id === null ? null : parseArxivId(id);
    if (!parsed) return rewrite(request, NOT_FOUND_PATH);
    // /papers/2606.00467v2 and other spellings land on the one canonical page.
    if (parsed.id !== id) return NextResponse.redirect(new URL(`/papers/${parsed.id}`, request.url), 308);
  }
  return NextResponse.next();
}

function withNoncePolicy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: createNonce(), development: process.env.NODE_ENV === "development" });
  // On the request, so Next puts the nonce on the scripts it renders; on the response, so it
  // replaces the policy from next.config.ts headers().
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function rewrite(request: NextRequest, path: string) {
  return NextResponse.rewrite(new URL(path, request.url));
}

export const config = {
  // Everything but Next's own build assets: every page (a POST to any of them is screened,
  // whichever encoding it uses), every route handler (the %-escape check), and every response
  // gets Strict-Transport-Security on an https site.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};

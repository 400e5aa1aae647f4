import { type NextRequest, NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/api-response";
import { ORGANIZATION_NAME } from "@/lib/orgs/organization-name";
import { contentSecurityPolicy, createNonce, isPerRequestPage } from "@/lib/http/security-headers";
import { screenServerActionRequest } from "@/lib/http/server-action-guard";
import { parseArxivId } from "@/lib/papers/arxiv-id";
import { parsePeriod, type PeriodKind } from "@/lib/papers/dates";
import { feedOptionsQuery, parseFeedOptions, TAG_SLUG_RE } from "@/lib/papers/feed-params";
import { optionsSegment } from "@/lib/papers/feed-route";
import { decodeUriComponentOrNull } from "@/lib/text/decode-uri";

// Routes the public feed URLs to their cached internal pages. A page that reads the query
// string is rendered on every request; folding the canonical query into a path segment
// lets /, /papers/date/… and friends be rendered once per distinct URL and served from
// cache. Invalid dates, ids and options go to the 404 page here, so garbage URLs never
// create cache entries.

const NOT_FOUND_PATH = "/_not-found-page";
const FEED_PATH = /^\/papers\/(date|week|month)\/([^/]+)\/?$/;
const TAG_PATH = /^\/tags\/([^/]+)\/?$/;
const ORG_PATH = /^\/orgs\/([^/]+)\/?$/;
const PAGE_METHODS = new Set(["GET", "HEAD", "POST"]);

export async function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;

  // A form post Next could not decode would be a 500; it gets a 4xx here instead.
  const refusal = await screenServerActionRequest(request);
  if (refusal) return refusal;

  // Next cannot decode route parameters from a malformed %-escape and answers 500.
  if (decodeUriComponentOrNull(pathname) === null) {
    if (pathname.startsWith("/api/")) return errorResponse(400, "bad_request", "The address has a malformed %-escape.");
    return rewrite(request, NOT_FOUND_PATH);
  }
  // Pages take GET and HEAD, and POST for their forms; a dynamic page would render for any.
  if (!pathname.startsWith("/api/") && !pathname.startsWith("/feeds/") && !PAGE_METHODS.has(request.method)) {
    return errorResponse(405, "method_not_allowed", `${request.method} is not supported on pages; use GET.`, { Allow: "GET, HEAD, POST" });
  }

  // Pages rendered per request get a nonce policy instead of next.config.ts's cached-page one.
  if (isPerRequestPage(pathname)) return withNoncePolicy(request);

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

  // Organization pages, the same way: /orgs/<name>?sort&tags&cursor → /orgs/<name>/<options>.
  if (pathname.startsWith("/orgs/")) {
    const name = ORG_PATH.exec(pathname)?.[1];
    const options = parseFeedOptions(searchParams);
    if (!name || !ORGANIZATION_NAME.test(name) || !options.success) return rewrite(request, NOT_FOUND_PATH);
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
  matcher: [
    "/", "/papers/:path*", "/feed/:path*", "/tags/:path*", "/orgs/:path*", "/search", "/subscribe/:path*", "/manage/:path*", "/unsubscribe/:path*", "/outbox/:path*", "/admin/:path*",
    // Routes that decode parameters from the path (see the %-escape check).
    "/api/papers/:path+",
    "/feeds/:path*",
    // Server-action calls, on whatever page the form is (the footer's sign-up is on all).
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "next-action" }] },
  ],
};

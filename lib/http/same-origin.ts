import { errorResponse } from "./api-response";

// The one cross-site check for requests that change state with the visitor's ambient
// credentials (the admin session cookie, a form on a page): every page POST (proxy.ts, through
// lib/http/server-action-guard.ts) and every state-changing /api/admin/* route (withAdminAuth).
// SameSite=Strict on the admin cookie already keeps it off cross-site requests; this is the
// second lock, and it also covers the forms that carry no cookie at all.
//
// A browser says where a request comes from in two headers:
//   - Sec-Fetch-Site (all current browsers): anything but "same-origin" (or "none", a request
//     the user started themselves, such as a bookmark) comes from another site;
//   - Origin (every browser on POST): its host must be this site's, compared with
//     X-Forwarded-Host or Host, the way Next compares them for server actions. "null" (a
//     sandboxed frame, a privacy redirect) is not this site.
// A request with neither header comes from no browser (curl, a script with a bearer token):
// it carries no ambient credentials a third party could borrow, so it is let through and the
// route's own authentication decides.

const FOREIGN_FETCH_SITES = new Set(["same-site", "cross-site"]);

export function isCrossSiteRequest(headers: Pick<Headers, "get">): boolean {
  const fetchSite = headers.get("sec-fetch-site")?.trim().toLowerCase();
  if (fetchSite && FOREIGN_FETCH_SITES.has(fetchSite)) return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !host || originHost(origin) !== host.toLowerCase();
}

/** The 403 every refused cross-site request gets. */
export function crossSiteRefusal(headers: Record<string, string> = {}): Response {
  return errorResponse(403, "forbidden", CROSS_SITE_MESSAGE, headers);
}

export const CROSS_SITE_MESSAGE = "Forms and operator actions are accepted from this site only.";

function originHost(origin: string): string | null {
  // "null" and anything that is not an absolute URL cannot be this site.
  if (!URL.canParse(origin)) return null;
  return new URL(origin).host.toLowerCase();
}

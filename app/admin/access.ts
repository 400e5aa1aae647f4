// The operator's access for the page and its server actions, from the request's headers and
// cookie (next/headers). The decision itself is lib/admin/auth.ts.
import { cookies, headers } from "next/headers";
import { ADMIN_COOKIE, type AdminAccess, checkAdminAccess } from "@/lib/admin/auth";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { isCrossSiteRequest } from "@/lib/http/same-origin";

export async function currentAdminAccess(): Promise<AdminAccess> {
  const [requestHeaders, cookieStore] = await Promise.all([headers(), cookies()]);
  return checkAdminAccess({
    authorization: requestHeaders.get("authorization"),
    sessionCookie: cookieStore.get(ADMIN_COOKIE)?.value,
    clientIp: clientIpFromHeaders(requestHeaders),
  });
}

export async function currentClientIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}

/**
 * True when the action was posted from another site. proxy.ts already refuses those for every
 * page; the actions ask again because a server action is reachable on any page's path, and a
 * matcher change must not open the operator's actions (see Next's proxy docs).
 */
export async function isCrossSiteAction(): Promise<boolean> {
  return isCrossSiteRequest(await headers());
}

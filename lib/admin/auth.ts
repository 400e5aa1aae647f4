import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/api-response";
import { clientIp } from "@/lib/http/client-ip";
import { crossSiteRefusal, isCrossSiteRequest } from "@/lib/http/same-origin";
import { log } from "@/lib/log";
import { attemptAdminToken } from "./lockout";
import { deleteAdminSession, insertAdminSession, isAdminSessionLive } from "./sessions";

// The one gate of the operator view (/admin and /api/admin/*). It is open only while
// ADMIN_TOKEN is set; unset, every entry point answers 404 as if it did not exist.
//
// Two ways in, both checked here and nowhere else:
//   - a browser signs in once with the token (a form) and gets a session cookie;
//   - a script sends `Authorization: Bearer <ADMIN_TOKEN>` with each request.
// The cookie never holds the token: it holds a random session id and an HMAC of it keyed by
// the token, so it cannot be turned back into the token, and rotating ADMIN_TOKEN invalidates
// every session. The id names a row in admin_sessions (lib/admin/sessions.ts) with the
// session's expiry: signing out deletes the row, so a copied cookie dies with the sign-out,
// not 12 hours later. The signature is checked first, so a forged cookie never reaches the
// database. Every comparison hashes both sides to equal-length HMAC digests first and
// compares them with timingSafeEqual, so neither content nor length leaks through timing.

export const ADMIN_COOKIE = "pp_admin";
/** A session lasts a working day; signing in again is one paste. */
export const ADMIN_SESSION_SECONDS = 12 * 3600;

const COMPARE_KEY = "paperpulse:admin-token-compare:v1";
const SESSION_PURPOSE = "paperpulse:admin-session:v2";
/** "<session id>.<signature>": 32 random bytes and an HMAC-SHA256, both base64url. */
const SESSION_COOKIE_SHAPE = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** Generous: real tokens are 32-64 characters; anything longer is not one. */
export const adminTokenSchema = z.string().trim().min(1, "Enter the admin token.").max(512, "That is not an admin token.");

export function isAdminEnabled(): boolean {
  return Boolean(getEnv().ADMIN_TOKEN);
}

function hmac(key: string, value: string): Buffer {
  return createHmac("sha256", key).update(value, "utf8").digest();
}

/** Constant-time: both sides become 32-byte HMAC digests before timingSafeEqual sees them. */
export function isAdminToken(presented: string): boolean {
  const token = getEnv().ADMIN_TOKEN;
  if (!token) return false;
  return timingSafeEqual(hmac(COMPARE_KEY, presented), hmac(COMPARE_KEY, token));
}

function sessionSignature(token: string, sessionId: string): string {
  return hmac(token, `${SESSION_PURPOSE}:${sessionId}`).toString("base64url");
}

/** Starts a session that ends ADMIN_SESSION_SECONDS from `now`; returns the cookie value "<id>.<hmac>". */
export async function createAdminSession(now: Date = new Date()): Promise<{ value: string; maxAgeSeconds: number }> {
  const token = getEnv().ADMIN_TOKEN;
  if (!token) throw new Error("ADMIN_TOKEN is not set: the operator view is closed");
  const sessionId = randomBytes(32).toString("base64url");
  await insertAdminSession(sessionId, new Date(now.getTime() + ADMIN_SESSION_SECONDS * 1000));
  return { value: `${sessionId}.${sessionSignature(token, sessionId)}`, maxAgeSeconds: ADMIN_SESSION_SECONDS };
}

/** The session id of a cookie signed with the current ADMIN_TOKEN, or null (no database read). */
function signedSessionId(value: string | undefined): string | null {
  const token = getEnv().ADMIN_TOKEN;
  if (!token || !value) return null;
  const match = SESSION_COOKIE_SHAPE.exec(value);
  if (!match) return null;
  const expected = Buffer.from(sessionSignature(token, match[1]!), "utf8");
  const presented = Buffer.from(match[2]!, "utf8");
  // Both are 43 base64url characters (checked above), so timingSafeEqual gets equal lengths.
  return timingSafeEqual(presented, expected) ? match[1]! : null;
}

export async function isValidAdminSession(value: string | undefined, now: Date = new Date()): Promise<boolean> {
  const sessionId = signedSessionId(value);
  return sessionId !== null && (await isAdminSessionLive(sessionId, now));
}

/** Sign-out: the session ends on the server, whoever still holds a copy of the cookie. */
export async function revokeAdminSession(value: string | undefined): Promise<void> {
  const sessionId = signedSessionId(value);
  if (sessionId !== null) await deleteAdminSession(sessionId);
}

/** Cookie attributes: httpOnly, SameSite=Strict, Secure whenever the site is served over https. */
export function adminCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: getEnv().appUrl.startsWith("https://"),
    path: "/",
    maxAge: maxAgeSeconds,
  };
}

export type AdminAccess =
  | { kind: "closed" } // ADMIN_TOKEN unset: behave as if there were nothing here
  | { kind: "granted"; via: "session" | "bearer" }
  | { kind: "denied"; reason: "missing" | "wrong_token" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

/** Compares a presented token under the lockout for wrong tokens (lib/admin/lockout.ts). */
function compareLimited(presented: string, clientIp: string): Promise<"ok" | "wrong" | { retryAfterSeconds: number }> {
  return attemptAdminToken(clientIp, () => isAdminToken(presented));
}

/**
 * Decides one request from its Authorization header and session cookie. A wrong bearer token
 * counts against the same per-address budget as a wrong sign-in, so scripts cannot be used to
 * guess faster than the form.
 */
export async function checkAdminAccess(request: { authorization: string | null; sessionCookie: string | undefined; clientIp: string }): Promise<AdminAccess> {
  if (!isAdminEnabled()) return { kind: "closed" };
  const bearer = /^Bearer (.+)$/.exec(request.authorization ?? "")?.[1];
  if (bearer !== undefined) {
    const result = await compareLimited(bearer, request.clientIp);
    if (result === "ok") return { kind: "granted", via: "bearer" };
    if (result !== "wrong") return { kind: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
    return { kind: "denied", reason: "wrong_token" };
  }
  if (await isValidAdminSession(request.sessionCookie)) return { kind: "granted", via: "session" };
  return { kind: "denied", reason: "missing" };
}

export type SignInOutcome =
  | { kind: "closed" }
  | { kind: "invalid"; message: string }
  | { kind: "wrong_token" }
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "signed_in"; session: { value: string; maxAgeSeconds: number } };

/** The sign-in form: the token, checked under the failed-attempt budget, for a session cookie. */
export async function signInAdmin(input: { token: unknown; clientIp: string }): Promise<SignInOutcome> {
  if (!isAdminEnabled()) return { kind: "closed" };
  const parsed = adminTokenSchema.safeParse(input.token);
  if (!parsed.success) return { kind: "invalid", message: parsed.error.issues[0]?.message ?? "Enter the admin token." };
  const result = await compareLimited(parsed.data, input.clientIp);
  if (typeof result === "object") return { kind: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
  if (result === "wrong") return { kind: "wrong_token" };
  log.info({ ip: input.clientIp }, "admin signed in");
  return { kind: "signed_in", session: await createAdminSession() };
}

/** The session cookie's value in a Cookie header, if any. */
export function sessionCookieFrom(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === ADMIN_COOKIE) return rest.join("=");
  }
  return undefined;
}

/** Extra headers of every operator response: never cached, never indexed. */
export const ADMIN_RESPONSE_HEADERS = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex, nofollow" } as const;

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/** Methods that change nothing; every other method on an admin route must come from this site. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Guards an /api/admin/* route handler: 404 while ADMIN_TOKEN is unset (the route does not
 * exist), 403 for a state-changing request from another site (checked before the credentials,
 * so it never counts as a sign-in attempt), 401 without a valid session or bearer token, 429
 * past the guessing budget.
 */
export function withAdminAuth<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    if (isAdminEnabled() && !SAFE_METHODS.has(request.method) && isCrossSiteRequest(request.headers)) return crossSiteRefusal(ADMIN_RESPONSE_HEADERS);
    const access = await checkAdminAccess({
      authorization: request.headers.get("authorization"),
      sessionCookie: sessionCookieFrom(request.headers.get("cookie")),
      clientIp: clientIp(request),
    });
    switch (access.kind) {
      case "closed":
        return errorResponse(404, "not_found", "Not found.", ADMIN_RESPONSE_HEADERS);
      case "rate_limited":
        return errorResponse(429, "rate_limited", `Too many attempts. Try again in ${Math.ceil(access.retryAfterSeconds / 60)} minutes.`, {
          ...ADMIN_RESPONSE_HEADERS,
          "Retry-After": String(access.retryAfterSeconds),
        });
      case "denied":
        return errorResponse(401, "unauthorized", "This route needs the operator session or the header Authorization: Bearer <ADMIN_TOKEN>.", {
          ...ADMIN_RESPONSE_HEADERS,
          "WWW-Authenticate": 'Bearer realm="admin"',
        });
      case "granted":
        return handler(request, context);
    }
  };
}

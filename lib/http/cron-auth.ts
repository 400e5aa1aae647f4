import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { errorResponse } from "./api-response";

// The one guard for /api/cron/*: `Authorization: Bearer <CRON_SECRET>`, compared in constant
// time. There is no way to skip it: with CRON_SECRET unset only the app's own in-process
// scheduler can call these routes, with a random secret that never leaves the process.

const INTERNAL_KEY = Symbol.for("paperpulse.internalCronSecret");
type GlobalWithSecret = typeof globalThis & { [INTERNAL_KEY]?: string };

/** The per-process secret the in-process scheduler uses to call its own cron routes. */
export function internalCronSecret(): string {
  const store = globalThis as GlobalWithSecret;
  store[INTERNAL_KEY] ??= randomBytes(32).toString("base64url");
  return store[INTERNAL_KEY];
}

function digest(value: string): Buffer {
  // Hashing first gives equal-length inputs, so timingSafeEqual never leaks the length.
  return createHash("sha256").update(value, "utf8").digest();
}

export function isAuthorizedCronRequest(authorization: string | null): boolean {
  const match = /^Bearer (.+)$/.exec(authorization ?? "");
  const presented = digest(match?.[1] ?? "");
  const accepted = [getEnv().CRON_SECRET, internalCronSecret()].filter((s): s is string => Boolean(s));
  // Compare against every accepted secret, so timing does not reveal which one matched.
  let ok = false;
  for (const secret of accepted) ok = timingSafeEqual(presented, digest(secret)) || ok;
  return ok && match !== null;
}

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

export function withCronAuth<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    if (!isAuthorizedCronRequest(request.headers.get("authorization"))) {
      return errorResponse(401, "unauthorized", "This route needs the header Authorization: Bearer <CRON_SECRET>.", { "WWW-Authenticate": 'Bearer realm="cron"' });
    }
    return handler(request, context);
  };
}

import { errorResponse } from "./api-response";

// Screens server-action calls (a POST with a `Next-Action` header, as React sends them from
// a form) before Next decodes them. Next answers a body it cannot decode (not multipart,
// broken multipart, a malformed or hostile argument list, over its 1 MB limit) with a 500
// and a stack trace in the log; this turns each of those into a 4xx with a message, in
// proxy.ts, the one place every request passes first. Unknown action ids are Next's to
// refuse (409) and need nothing here. Behind a proxy that rewrites Host, set
// X-Forwarded-Host (as Next itself expects for its own cross-site check).
//
// Every action of this app takes (previous state, FormData), so a genuine call is always
// multipart with a JSON argument list in part "0" that refers to nothing but its FormData
// ("$K<n>"). Other references (promises, maps, blobs, streams, outlined models) only come
// from hand-made requests, and a dangling one makes React's decoder throw.

/** Next's default serverActions.bodySizeLimit. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/** Plain values React encodes with a "$" prefix; "$$…" is an escaped literal string. */
const ALLOWED_REFERENCE = /^\$(?:\$|K\d+$|undefined$|-0$|NaN$|-?Infinity$|D\d|n-?\d+$)/;

export async function screenServerActionRequest(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  // Next refuses a cross-site call too (its CSRF check), but with a 500.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && originHost(origin) !== host) return errorResponse(403, "forbidden", "Forms are accepted from this site only.");
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") return errorResponse(415, "unsupported_media_type", "Forms are sent as multipart/form-data.");
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > SERVER_ACTION_MAX_BYTES) return tooLarge();
  const body = await request.clone().arrayBuffer();
  if (body.byteLength > SERVER_ACTION_MAX_BYTES) return tooLarge();

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    return malformed(`the multipart body cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const root = form.get("0");
  if (typeof root !== "string") return malformed("the argument list is missing");
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch (error) {
    return malformed(`the argument list is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(args)) return malformed("the argument list is not a list");
  const reference = findUnsupportedReference(args);
  if (reference !== null) return malformed(`unsupported reference ${JSON.stringify(reference.slice(0, 20))}`);
  return null;
}

function findUnsupportedReference(value: unknown, depth = 0): string | null {
  if (depth > 20) return "(nested too deep)";
  if (typeof value === "string") return value.startsWith("$") && !ALLOWED_REFERENCE.test(value) ? value : null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findUnsupportedReference(item, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") return findUnsupportedReference(Object.values(value), depth + 1);
  return null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed page) or garbage: not this site
  }
}

function tooLarge(): Response {
  return errorResponse(413, "payload_too_large", `A form can send at most ${SERVER_ACTION_MAX_BYTES / 1024 / 1024} MB.`);
}

function malformed(detail: string): Response {
  return errorResponse(400, "bad_request", `This form request cannot be read: ${detail}.`);
}

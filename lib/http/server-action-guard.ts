import { errorResponse } from "./api-response";
import { FORM_ACTION_ID_PREFIX, FORM_ACTION_PART_PREFIX, FORM_ACTION_REF_PREFIX } from "./form-encoding";
import { crossSiteRefusal, isCrossSiteRequest } from "./same-origin";

// Screens every POST to a page before Next decodes it. Pages take POST for one thing only:
// their forms, which are server actions, and Next answers a body it cannot decode (not
// multipart, broken multipart, a malformed or hostile argument list, over its 1 MB limit, a
// foreign Origin) with a 500 and a stack trace in the log. This turns each of those into a
// 4xx with a message, in proxy.ts, the one place every request passes first. Unknown action
// ids are Next's to refuse (409 or 400) and need nothing here. Behind a proxy that rewrites
// Host, set X-Forwarded-Host (as Next itself expects for its own cross-site check).
//
// A form reaches the server in one of two encodings, both multipart/form-data:
//   - with JavaScript, React posts the call itself, with a `Next-Action` header: the argument
//     list is JSON in part "0", and every action of this app takes (previous state, FormData),
//     so it refers to nothing but its FormData ("$K<n>");
//   - without JavaScript (progressive enhancement), the browser posts the <form> React
//     rendered: `$ACTION_ID_<id>` (an action with no bound arguments), or `$ACTION_REF_<n>`
//     with a descriptor `{"id":…,"bound":"$@<m>"|null}` in `$ACTION_<n>:0` and the bound
//     arguments (useActionState's previous state) as JSON in `$ACTION_<n>:<m>`.
// Only that envelope is checked: where the arguments are and that each is JSON referring to
// plain values only. Other references (promises, maps, blobs, streams, server references,
// outlined models) only come from hand-made requests, and a dangling one makes React's decoder
// throw. The names are React's wire format as vendored in next 16.4.6 (React 19.3.1), pinned
// exactly in package.json (lib/http/form-encoding.ts); tests/e2e/form-encoding.spec.ts submits
// real forms in Chromium with and without JavaScript and fails when what the browser sends no
// longer matches them.

/** Next's default serverActions.bodySizeLimit; the guard applies it to every page POST. */
export const SERVER_ACTION_MAX_BYTES = 1024 * 1024;

/** Plain values React encodes with a "$" prefix; "$$…" is an escaped literal string. */
const ALLOWED_REFERENCE = /^\$(?:\$|K\d+$|undefined$|-0$|NaN$|-?Infinity$|D\d|n-?\d+$)/;
const BOUND_REFERENCE = /^\$@(\d+)$/;

export async function screenPagePost(request: Request): Promise<Response | null> {
  if (request.method !== "POST") return null;
  // Next refuses a cross-site server action too, but with a 500.
  if (isCrossSiteRequest(request.headers)) return crossSiteRefusal();
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "multipart/form-data") return errorResponse(415, "unsupported_media_type", "Pages take POST only from their forms, sent as multipart/form-data.");
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
  const problem = request.headers.has("next-action") ? checkActionCall(form) : checkFormEnvelope(form);
  return problem === null ? null : malformed(problem);
}

/** A call posted by React (Next-Action header): the argument list in part "0". */
function checkActionCall(form: FormData): string | null {
  const root = form.get("0");
  if (typeof root !== "string") return "the argument list is missing";
  const args = parseJson(root, "the argument list");
  if (typeof args === "string") return args;
  if (!Array.isArray(args.value)) return "the argument list is not a list";
  return unsupportedReference(args.value);
}

/** A <form> posted by the browser without JavaScript. */
function checkFormEnvelope(form: FormData): string | null {
  const keys = [...new Set(form.keys())];
  const references = keys.filter((key) => key.startsWith(FORM_ACTION_REF_PREFIX));
  if (references.length === 0 && !keys.some((key) => key.startsWith(FORM_ACTION_ID_PREFIX))) return "it names no form action";
  for (const reference of references) {
    const prefix = `${FORM_ACTION_PART_PREFIX}${reference.slice(FORM_ACTION_REF_PREFIX.length)}:`;
    const descriptors = form.getAll(`${prefix}0`);
    if (descriptors.length !== 1 || typeof descriptors[0] !== "string") return "a form action needs exactly one descriptor";
    const descriptor = parseJson(descriptors[0], "the form action's descriptor");
    if (typeof descriptor === "string") return descriptor;
    const { id, bound } = (descriptor.value ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || !(bound === null || (typeof bound === "string" && BOUND_REFERENCE.test(bound)))) return "the form action's descriptor is not one React writes";
    if (typeof bound === "string" && !form.has(`${prefix}${BOUND_REFERENCE.exec(bound)![1]}`)) return "the form action's bound argument list is missing";
    for (const key of keys.filter((k) => k.startsWith(prefix) && k !== `${prefix}0`)) {
      for (const part of form.getAll(key)) {
        if (typeof part !== "string") return "the form action's bound argument list is not text";
        const args = parseJson(part, "the form action's bound argument list");
        if (typeof args === "string") return args;
        const found = unsupportedReference(args.value);
        if (found !== null) return found;
      }
    }
  }
  return null;
}

/** The parsed value, or the problem as text. */
function parseJson(text: string, what: string): { value: unknown } | string {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return `${what} is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
}

function unsupportedReference(value: unknown): string | null {
  const found = findUnsupportedReference(value);
  return found === null ? null : `unsupported reference ${JSON.stringify(found.slice(0, 20))}`;
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

function tooLarge(): Response {
  return errorResponse(413, "payload_too_large", `A form can send at most ${SERVER_ACTION_MAX_BYTES / 1024 / 1024} MB.`);
}

function malformed(detail: string): Response {
  return errorResponse(400, "bad_request", `This form request cannot be read: ${detail}.`);
}

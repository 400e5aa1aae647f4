// The bad-input corpus: one table of hostile and malformed requests against every form,
// API route, cron route and feed (run by tests/e2e/bad-input.spec.ts against `next start`),
// and one of malformed payloads for the importers (run by
// tests/integration/bad-input-importers.test.ts through `npm run ingest`'s code path).
// Every case says what the answer must be: a 4xx with a message, or a clean 200 (an empty
// or ordinary result), or the redirect the route exists for. The runners add the rules that
// hold for all: never a 5xx, never a stack trace, no payload echoed unescaped into HTML, no
// header injected, and no change in the database.
//
// Placeholders in paths, headers and fields are filled in by the runner:
// {cron} the cron secret; {confirm} a real confirmation token, already used (its subscriber
// is confirmed); {confirmAltered} the same with one signature character changed;
// {confirmPending} a real confirmation token of a sign-up still waiting; {confirmExpired} a
// real confirmation token whose sign-up has expired; {manage} the confirmed subscriber's
// manage token, {manageNonCanonical} the same with the unused low bits of its last character
// set; {forged} a well-formed token signed with the wrong key.

export type ActionName = "subscribeAction" | "confirmAction" | "savePreferencesAction" | "changeMembershipAction" | "unsubscribeAction" | "submitPaperAction" | "signOutAction";

export interface ActionCall {
  name: ActionName;
  /** The page whose form calls it (where the browser posts). */
  page: string;
  /** The form's fields, as the browser would send them. */
  fields?: [string, string][];
  /** Replaces React's argument list (part "0"). */
  root?: string;
  /** Replaces the action id (unknown or malformed ids). */
  id?: string;
  /** Sends this body and content type instead of a multipart form. */
  raw?: { contentType: string; body: string };
  /** Extra headers (a cross-site Origin). */
  headers?: Record<string, string>;
}

/**
 * A form posted the way a browser without JavaScript posts it: multipart fields as written
 * (React's `$ACTION_REF_1`/`$ACTION_1:0`/`$ACTION_1:1` envelope included), no Next-Action
 * header. "{subscribeAction}" and the other action names are filled in with the action's id.
 */
export interface FormPost {
  fields: [string, string][];
  /** Extra headers (a cross-site Origin or Sec-Fetch-Site). */
  headers?: Record<string, string>;
}

export interface HttpCase {
  id: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** A generated body of this many bytes (oversized requests). */
  bodyBytes?: number;
  action?: ActionCall;
  form?: FormPost;
  status: number;
  /** Must appear in the body (for JSON errors: in error.message). */
  message?: RegExp;
  /** An answer with no body is allowed (only where Node itself refuses the request). */
  bodyless?: boolean;
  /** For redirects: the Location must match. */
  location?: RegExp;
}

interface Payload {
  label: string;
  /** The value as a URL query or path component (already %-encoded where it needs raw bytes). */
  encoded: string;
  /** The decoded text, for form fields; absent when only the raw bytes make sense. */
  text?: string;
}

/** A cursor with the app's encoding (base64url JSON) but not one the app wrote. */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const enc = (label: string, text: string): Payload => ({ label, text, encoded: encodeURIComponent(text) });
const raw = (label: string, encoded: string): Payload => ({ label, encoded });

export const XSS: Payload[] = [
  enc("script tag", "<script>window.__xss=1</script>"),
  enc("img onerror", '"><img src=x onerror="window.__xss=1">'),
  enc("svg onload", "<svg/onload=window.__xss=1>"),
  enc("javascript URL", "javascript:window.__xss=1"),
  enc("attribute break", "' autofocus onfocus='window.__xss=1"),
  enc("KaTeX href", "$\\href{javascript:window.__xss=1}{x}$"),
  enc("template injection", "{{constructor.constructor('window.__xss=1')()}}"),
  enc("iframe srcdoc", '<iframe srcdoc="<script>window.__xss=1</script>">'),
];

export const SQL: Payload[] = [
  enc("or 1=1", "' OR 1=1 --"),
  enc("drop table", "'; DROP TABLE papers; --"),
  enc("union select", "x') UNION SELECT email, email FROM subscribers --"),
  enc("pg_sleep", "%' AND pg_sleep(5) --"),
  enc("backslash quote", "\\'; SELECT 1; --"),
  enc("dollar quote", "$$; DELETE FROM papers; $$"),
];

export const TSQUERY: Payload[] = [
  enc("operators", "a & b | !c"),
  enc("prefix", "foo:*"),
  enc("only negations", "!!! -x -y"),
  enc("open parens", "((("),
  enc("followed-by", "a <-> b <2> c"),
  enc("empty quotes", "'' & ''"),
  enc("operators only", ":* & | !"),
  enc("unterminated phrase", '"kv cache'),
  enc("dangling OR", "OR OR OR"),
  enc("weights", "a:A & b:BCD"),
  enc("lone backslash", "\\"),
  enc("stop words only", "the of and"),
];

export const UNICODE: Payload[] = [
  raw("NUL byte", "a%00b"),
  raw("overlong slash", "%C0%AF"),
  raw("lone surrogate (CESU bytes)", "%ED%A0%80"),
  raw("invalid bytes", "%FF%FE%FD"),
  raw("truncated sequence", "%E2%82"),
  enc("right-to-left override", "\u202Egnp.exe"),
  enc("zero-width", "\u200B\u200C\u200D\uFEFF"),
  enc("combining marks", `e${"\u0301".repeat(150)}`),
  enc("emoji ZWJ", "🧪👩‍🔬🏳️‍🌈"),
  enc("fullwidth", "ｓｅｌｅｃｔ ＊"),
  enc("control chars", "\u0001\u0007\u001b[31m"),
];

export const CRLF: Payload[] = [raw("CRLF Set-Cookie", "x%0D%0ASet-Cookie:%20injected=1"), raw("CRLF header", "x%0D%0AX-Injected:%201"), raw("LF only", "x%0AX-Injected:%201")];

const ALL_TEXT = [...XSS, ...SQL, ...TSQUERY, ...UNICODE, ...CRLF];
const HOSTILE = [...XSS, ...SQL, ...UNICODE, ...CRLF];

const cases: HttpCase[] = [];
const add = (c: HttpCase) => cases.push(c);

// ── Search words: accepted as text, answered with an ordinary (often empty) result ──────────
for (const p of ALL_TEXT) {
  add({ id: `search page q: ${p.label}`, path: `/search?q=${p.encoded}`, status: 200, message: /Search/ });
  add({ id: `GET /api/papers q: ${p.label}`, path: `/api/papers?q=${p.encoded}`, status: 200, message: /"papers":\[/ });
  add({ id: `GET /api/search/suggest q: ${p.label}`, path: `/api/search/suggest?q=${p.encoded}`, status: 200 });
  add({ id: `GET /feeds/search.rss q: ${p.label}`, path: `/feeds/search.rss?q=${p.encoded}`, status: 200, message: /<rss/ });
}
for (const p of [...XSS, ...SQL, CRLF[0]!]) add({ id: `GET /feeds/search.json q: ${p.label}`, path: `/feeds/search.json?q=${p.encoded}`, status: 200, message: /"version"/ });

// ── Identifiers, slugs and tokens in paths and parameters: refused ──────────────────────────
for (const p of HOSTILE) {
  add({ id: `GET /api/papers tags: ${p.label}`, path: `/api/papers?tags=${p.encoded}`, status: 400, message: /tag/i });
  add({ id: `GET /api/papers/<id>: ${p.label}`, path: `/api/papers/${p.encoded}`, status: 400, message: /arXiv id|malformed %-escape/ });
  add({ id: `paper page id: ${p.label}`, path: `/papers/${p.encoded}`, status: 404, message: /This page is not here/ });
  add({ id: `tag page slug: ${p.label}`, path: `/tags/${p.encoded}`, status: 404, message: /This page is not here/ });
  add({ id: `POST /api/unsubscribe token: ${p.label}`, method: "POST", path: `/api/unsubscribe?token=${p.encoded}`, status: 400, message: /token/ });
}
for (const p of [...XSS, ...CRLF, UNICODE[0]!]) {
  add({ id: `tag feed name: ${p.label}`, path: `/feeds/tags/${p.encoded}.rss`, status: 404, message: /No such feed/ });
  add({ id: `search page tags: ${p.label}`, path: `/search?q=x&tags=${p.encoded}`, status: 200, message: /This search cannot run/ });
  add({ id: `feed sort: ${p.label}`, path: `/?sort=${p.encoded}`, status: 404, message: /This page is not here/ });
  add({ id: `day feed date: ${p.label}`, path: `/papers/date/${p.encoded}`, status: 404, message: /This page is not here/ });
  add({ id: `confirm page token: ${p.label}`, path: `/subscribe/confirm?token=${p.encoded}`, status: 200, message: /not complete or not valid/ });
  add({ id: `unsubscribe page token: ${p.label}`, path: `/unsubscribe?token=${p.encoded}`, status: 200, message: /not complete or not valid/ });
  add({ id: `manage page token: ${p.label}`, path: `/manage?token=${p.encoded}`, status: 200, message: /not valid/ });
  add({ id: `subscribe page topic: ${p.label}`, path: `/subscribe?topic=${p.encoded}`, status: 200, message: /Get trending papers/ });
  // Redirects whose target is built from input: same site, nothing injected.
  add({ id: `GET /papers/go date: ${p.label}`, path: `/papers/go?date=${p.encoded}`, status: 303, location: /^\/$/ });
  add({ id: `GET /api/unsubscribe token: ${p.label}`, path: `/api/unsubscribe?token=${p.encoded}`, status: 303, location: /^http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?token=[^\r\n]*$/ });
}

// ── The JSON API's parameters ─────────────────────────────────────────────────────────────
const apiParams: [string, string, RegExp][] = [
  ["limit negative", "limit=-1", /limit must be at least 1/],
  ["limit huge", "limit=1000000000", /limit must be at most/],
  ["limit not a number", "limit=abc", /limit must be a number/],
  ["limit fraction", "limit=1.5", /whole number/],
  ["limit SQL", "limit=1;DROP%20TABLE%20papers", /limit must be a number/],
  ["date 30 February", "date=2026-02-30", /date/],
  ["date XSS", "date=%3Cscript%3E", /date/],
  ["week 99", "week=2026-W99", /week/],
  ["week in year 0100", "week=0100-W01", /week: must be an ISO week like 2026-W48 between 1991-W31 and 2099-W53/],
  ["week in year 0000", "week=0000-W01", /between 1991-W31 and 2099-W53/],
  ["month in year 0050", "month=0050-02", /month: must be a month like 2026-11 between 1991-08 and 2099-12/],
  ["week before arXiv", "week=1991-W01", /between 1991-W31/],
  ["cursor abc", "cursor=abc", /cursor is not valid/],
  ["month 13", "month=2026-13", /month/],
  ["date and week", "date=2026-06-01&week=2026-W22", /at most one of date, week and month/],
  ["from without q", "from=2026-01-01", /give q too/],
  ["relevance without q", "sort=relevance", /sort=relevance needs q/],
  ["sort unknown", "sort=%27%20OR%201%3D1", /sort must be one of/],
  ["from after to", "q=x&from=2026-02-01&to=2026-01-01", /from must be on or before to/],
  ["cursor garbage", "cursor=%3Cscript%3E", /cursor/],
  ["cursor well-formed but forged", "cursor=eyJzIjoiJyBPUiAxPTEgLS0ifQ", /cursor/],
  ["cursor too long", `cursor=${"A".repeat(600)}`, /cursor is too long/],
  ["q too long", `q=${"a".repeat(5000)}`, /q must be at most/],
  ["tags too long", `tags=${"a,".repeat(400)}`, /tags is too long/],
];
for (const [label, query, message] of apiParams) add({ id: `GET /api/papers ${label}`, path: `/api/papers?${query}`, status: 400, message });
add({ id: "GET /api/search/suggest q too long", path: `/api/search/suggest?q=${"a".repeat(400)}`, status: 400, message: /q must be at most/ });
add({ id: "GET /api/papers/<id> path traversal", path: "/api/papers/..%2F..%2Fetc%2Fpasswd", status: 400, message: /arXiv id/ });
add({ id: "GET /api/papers/<id> absurd version", path: "/api/papers/2606.00467v99999999999999999999", status: 400, message: /arXiv id/ });
add({ id: "GET /api/papers/<id> unknown paper", path: "/api/papers/2611.99999", status: 404, message: /not in PaperPulse/ });
add({ id: "GET /api/papers/<id> malformed escape", path: "/api/papers/%E0%A4%A", status: 400, message: /malformed %-escape/ });

// ── Feeds ──────────────────────────────────────────────────────────────────────────────────
for (const [label, path, status, message] of [
  ["unknown feed", "/feeds/everything.rss", 404, /No such feed/],
  ["unknown format", "/feeds/trending.exe", 404, /No such feed/],
  ["no format", "/feeds/trending", 404, /No such feed/],
  ["upper case", "/feeds/TRENDING.RSS", 404, /No such feed/],
  ["malformed escape", "/feeds/%E0%A4%A.rss", 404, /This page is not here/],
  ["tag feed malformed escape", "/feeds/tags/%C0%AF.json", 404, /This page is not here/],
  ["search bad date", "/feeds/search.rss?q=x&from=2026-13-01", 400, /from/],
  ["search bad sort", "/feeds/search.atom?q=x&sort=%3Cscript%3E", 400, /sort must be one of/],
  ["search bad cursor", "/feeds/search.json?q=x&cursor=%27%3B--", 400, /cursor/],
  ["search bad exact", "/feeds/search.rss?q=x&exact=maybe", 400, /exact must be 1 or 0/],
  ["search q too long", `/feeds/search.rss?q=${"b".repeat(5000)}`, 400, /q must be at most/],
  ["unknown tag", "/feeds/tags/no-such-tag-here.rss", 404, /There is no tag/],
  ["tag feed traversal", "/feeds/tags/..%2F..%2Fetc%2Fpasswd.rss", 404, /No such feed/],
  ["view feed unknown view", "/feeds/day/2026-11-28.rss", 404, /No such feed/],
  ["view feed bad week", "/feeds/week/2026-W60.rss", 404, /No such feed/],
  ["view feed key of another view", "/feeds/month/2026-11-28.atom", 404, /No such feed/],
  ["view feed unknown format", "/feeds/date/latest.exe", 404, /No such feed/],
  ["view feed future month", "/feeds/month/2099-12.rss", 404, /No papers can be listed/],
  ["view feed bad sort", "/feeds/week/latest.rss?sort=%3Cscript%3E", 400, /sort must be one of/],
  ["view feed bad tags", "/feeds/date/latest.json?tags=%27%3B--", 400, /tags must be/],
  ["view feed malformed escape", "/feeds/week/%E0%A4%A.rss", 404, /This page is not here/],
] as const) {
  add({ id: `feed ${label}`, path, status, message });
}

// ── Sitemap parts and Open Graph images ─────────────────────────────────────────────────────
for (const [label, path, status, message] of [
  ["sitemap part zero", "/sitemaps/0.xml", 404, /No such sitemap part/],
  ["sitemap part of an unsplit sitemap", "/sitemaps/1.xml", 404, /No such sitemap part/],
  ["sitemap part absurd", "/sitemaps/99999999999999999999.xml", 404, /No such sitemap part/],
  ["sitemap part traversal", "/sitemaps/..%2F..%2Fetc%2Fpasswd", 404, /No such sitemap part/],
  ["sitemap part malformed escape", "/sitemaps/%E0%A4%A.xml", 404, /This page is not here/],
  ["OG image unknown paper", "/og/papers/2611.99999", 404, /No such paper/],
  ["OG image not an id", "/og/papers/%3Cscript%3E", 404, /No such paper/],
  ["OG image traversal", "/og/papers/..%2F..%2Fetc%2Fpasswd", 404, /No such paper/],
  ["OG image malformed escape", "/og/papers/%E0%A4%A", 404, /This page is not here/],
  ["future month page", "/papers/month/2099-12", 404, /This page is not here/],
  ["future week page", "/papers/week/2099-W01?sort=top", 404, /This page is not here/],
] as const) {
  add({ id: label, path, status, message });
}

// ── Pages with malformed parameters ─────────────────────────────────────────────────────────
for (const [label, path, status, message] of [
  ["search bad date", "/search?q=x&from=2026-02-30", 200, /This search cannot run/],
  ["search bad sort", "/search?q=x&sort=%3Csvg%3E", 200, /This search cannot run/],
  ["search bad cursor", "/search?q=x&cursor=%3Cscript%3E", 200, /This search cannot run/],
  ["search q too long", `/search?q=${"c".repeat(5000)}`, 200, /This search cannot run/],
  ["feed bad cursor", "/?cursor=%27%20OR%201%3D1", 404, /This page is not here/],
  // Cursors of the right alphabet that are not cursors this app wrote: they used to reach the
  // query and answer 500 (a trending cursor with sort=top, a search cursor on a feed, …).
  ["feed cursor abc", "/?cursor=abc", 404, /This page is not here/],
  ["week feed cursor abc", "/papers/week/2026-W49?cursor=abc", 404, /This page is not here/],
  ["day feed cursor of another sort", `/papers/date/2026-06-12?sort=top&cursor=${cursor({ s: 1.5, id: "2606.00467", r: 1780000000000 })}`, 404, /This page is not here/],
  ["month feed search cursor", `/papers/month/2026-06?cursor=${cursor({ s: "trending", e: "2026-06-12", b: null, h: null, k: 1, d: "2026-06-10", id: "x", r: 1 })}`, 404, /This page is not here/],
  ["tag page cursor abc", "/tags/llm?cursor=abc", 404, /This page is not here/],
  ["tag page feed cursor", `/tags/llm?cursor=${cursor({ s: 1.5, id: "2606.00467", r: 1780000000000 })}`, 404, /This page is not here/],
  ["tag page cursor of another sort", `/tags/llm?sort=new&cursor=${cursor({ s: "trending", e: "2026-06-12", b: null, h: null, k: 1, d: "2026-06-10", id: "x", r: 1 })}`, 404, /This page is not here/],
  ["tag page cursor past the listings", `/tags/llm?cursor=${cursor({ s: "trending", e: "2099-12-30", b: null, h: null, k: 1, d: "2099-12-30", id: "x", r: 1 })}`, 404, /This page is not here/],
  ["search cursor abc", "/search?q=model&cursor=abc", 200, /This search cannot run[\s\S]*cursor is not valid/],
  ["search cursor of another sort", `/search?q=model&sort=new&cursor=${cursor({ s: "relevance", e: "2026-06-12", b: null, h: null, k: 1, d: "2026-06-10", id: "x", r: 1 })}`, 200, /This search cannot run[\s\S]*cursor is not valid/],
  ["search cursor outside the dates", `/search?q=model&to=2026-01-01&cursor=${cursor({ s: "relevance", e: "2026-06-12", b: null, h: null, k: 1, d: "2026-06-10", id: "x", r: 1 })}`, 200, /This search cannot run[\s\S]*cursor is not valid/],
  ["newest search cursor outside the dates", `/search?q=model&sort=new&from=2026-07-01&cursor=${cursor({ s: "new", d: "2026-06-10", p: 1, id: "x", r: 1 })}`, 200, /This search cannot run[\s\S]*cursor is not valid/],
  // Periods before arXiv (years 0-999 used to crash the calendar maths).
  ["week in year 0000", "/papers/week/0000-W01", 404, /This page is not here/],
  ["week in year 0100", "/papers/week/0100-W01", 404, /This page is not here/],
  ["week in 1990", "/papers/week/1990-W10", 404, /This page is not here/],
  ["month in year 0100", "/papers/month/0100-01", 404, /This page is not here/],
  ["week after 2099", "/papers/week/2100-W01", 404, /This page is not here/],
  ["feed bad tags", "/?tags=%3Cscript%3E", 404, /This page is not here/],
  ["week 60", "/papers/week/2026-W60", 404, /This page is not here/],
  ["month 00", "/papers/month/2026-00", 404, /This page is not here/],
  ["internal feed route", "/feed/date/2026-01-01/default", 404, /This page is not here/],
  ["dot-dot date", "/papers/date/..%2F..%2Fetc%2Fpasswd", 404, /This page is not here/],
  ["outbox unknown message", "/outbox/..%2F..%2Fetc%2Fpasswd", 404, /This page is not here/],
  ["outbox XSS id", "/outbox/%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", 404, /This page is not here/],
] as const) {
  add({ id: `page ${label}`, path, status, message });
}

// ── Wrong methods and content types ────────────────────────────────────────────────────────
const getRoutes = ["/api/papers", "/api/tags", "/api/health", "/api/openapi.json", "/api/search/suggest", "/api/papers/2606.00467", "/feeds/trending.rss", "/feeds/tags/llm.atom"];
for (const path of getRoutes) {
  for (const method of ["POST", "PUT", "DELETE", "PATCH"] as const) add({ id: `${method} ${path}`, method, path, status: 405, message: /is not supported here; use GET/ });
}
for (const method of ["PUT", "DELETE", "PATCH"] as const) add({ id: `${method} /api/unsubscribe`, method, path: "/api/unsubscribe?token=x", status: 405, message: /use GET or POST/ });
for (const route of ["digest", "housekeeping", "ingest"]) add({ id: `DELETE /api/cron/${route}`, method: "DELETE", path: `/api/cron/${route}`, status: 405, message: /use GET or POST/ });
add({ id: "GET /api/cron/revalidate", path: "/api/cron/revalidate", status: 405, message: /use POST/ });
add({ id: "PUT /papers/go", method: "PUT", path: "/papers/go?date=2026-01-01", status: 405, message: /use GET/ });
add({ id: "PUT on a prerendered page", method: "PUT", path: "/about", status: 405, message: /not supported on pages/ });
add({ id: "DELETE on a dynamic page", method: "DELETE", path: "/subscribe", status: 405, message: /not supported on pages/ });
add({ id: "PATCH on a cached page", method: "PATCH", path: "/papers/week/latest", status: 405, message: /not supported on pages/ });
add({ id: "POST /api/unsubscribe JSON body instead of token", method: "POST", path: "/api/unsubscribe", headers: { "content-type": "application/json" }, body: '{"token":', status: 400, message: /token/ });
add({ id: "POST /api/unsubscribe XML body", method: "POST", path: "/api/unsubscribe", headers: { "content-type": "application/xml" }, body: "<token>x</token>", status: 400, message: /token/ });
add({ id: "POST /api/unsubscribe oversized body", method: "POST", path: "/api/unsubscribe?token=x", headers: { "content-type": "application/x-www-form-urlencoded" }, bodyBytes: 2 * 1024 * 1024, status: 400, message: /token/ });
// Node refuses it before any code of ours runs: the status line is the whole answer.
add({ id: "GET /api/papers oversized URL", path: `/api/papers?q=${"d".repeat(20_000)}`, status: 431, bodyless: true });

// ── Cron routes: the secret ────────────────────────────────────────────────────────────────
const cronAuth: [string, Record<string, string>, string][] = [
  ["no Authorization", {}, ""],
  ["wrong secret", { authorization: "Bearer not-the-secret" }, ""],
  ["empty bearer", { authorization: "Bearer " }, ""],
  ["secret without scheme", { authorization: "{cron}" }, ""],
  ["basic scheme", { authorization: "Basic {cron}" }, ""],
  ["lower-case scheme", { authorization: "bearer {cron}" }, ""],
  ["secret plus suffix", { authorization: "Bearer {cron}x" }, ""],
  ["secret prefix", { authorization: "Bearer e2e-cron" }, ""],
  ["secret in the query", {}, "?secret={cron}&token={cron}"],
  ["secret in a cookie", { cookie: "CRON_SECRET={cron}" }, ""],
  ["SQL as secret", { authorization: "Bearer ' OR 1=1 --" }, ""],
];
for (const route of ["digest", "housekeeping", "ingest", "revalidate"]) {
  for (const [label, headers, query] of cronAuth) {
    add({ id: `POST /api/cron/${route} ${label}`, method: "POST", path: `/api/cron/${route}${query}`, headers: { "content-type": "application/json", ...headers }, body: "{}", status: 401, message: /Authorization: Bearer/ });
  }
  if (route !== "revalidate") add({ id: `GET /api/cron/${route} wrong secret`, path: `/api/cron/${route}`, headers: { authorization: "Bearer nope" }, status: 401, message: /Authorization: Bearer/ });
}
// With the secret, input is still checked (none of these may start a run).
const cron = { authorization: "Bearer {cron}" };
add({ id: "cron digest unknown frequency", method: "POST", path: "/api/cron/digest?frequency=hourly", headers: cron, status: 400, message: /Choose daily or weekly/ });
add({ id: "cron digest XSS frequency", method: "POST", path: "/api/cron/digest?frequency=%3Cscript%3E", headers: cron, status: 400, message: /Choose daily or weekly/ });
add({ id: "cron digest unknown parameter", method: "POST", path: "/api/cron/digest?frequency=daily&force=1", headers: cron, status: 400, message: /force|Unrecognized/i });
add({ id: "cron revalidate text/plain", method: "POST", path: "/api/cron/revalidate", headers: { ...cron, "content-type": "text/plain" }, body: "{}", status: 415, message: /application\/json/ });
add({ id: "cron revalidate no content type", method: "POST", path: "/api/cron/revalidate", headers: cron, body: "{}", status: 415, message: /application\/json/ });
add({ id: "cron revalidate XML", method: "POST", path: "/api/cron/revalidate", headers: { ...cron, "content-type": "application/xml" }, body: "<changes/>", status: 415, message: /application\/json/ });
for (const [label, body, message] of [
  ["truncated JSON", '{"touchedDays": [', /Malformed JSON/],
  ["trailing comma", '{"touchedDays": [],}', /Malformed JSON/],
  ["not JSON", "touchedDays=2026-01-01", /Malformed JSON/],
  ["empty body", "", /Malformed JSON/],
  ["NUL in JSON", '{"touchedDays": ["\u0000"]}', /Malformed JSON|day/],
  ["lone surrogate", '{"touchedTags": ["\\ud800"]}', /tag slug/],
  ["XSS tag", '{"touchedTags": ["<script>window.__xss=1</script>"]}', /tag slug/],
  ["SQL paper id", '{"touchedPaperIds": ["\' OR 1=1 --"]}', /arXiv id/],
  ["bad day", '{"touchedDays": ["2026-02-30"]}', /must be a day/],
  ["unknown key", '{"everything": true}', /everything|Unrecognized/i],
  ["wrong types", '{"touchedDays": "2026-01-01", "addedDays": "yes"}', /touchedDays/],
  ["array root", "[]", /expected object|object/i],
  ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`, /expected object|object/i],
  ["too many items", JSON.stringify({ touchedTags: Array.from({ length: 20_000 }, (_, i) => `t${i}`) }), /touchedTags/],
] as const) {
  add({ id: `cron revalidate ${label}`, method: "POST", path: "/api/cron/revalidate", headers: { ...cron, "content-type": "application/json" }, body, status: 400, message });
}
add({ id: "cron revalidate oversized", method: "POST", path: "/api/cron/revalidate", headers: { ...cron, "content-type": "application/json" }, bodyBytes: 2 * 1024 * 1024, status: 413, message: /over 1 MB/ });

// ── Forms (server actions, posted as the browser posts them) ───────────────────────────────
const subscribe = (id: string, fields: [string, string][], message: RegExp) =>
  add({ id: `subscribe form: ${id}`, method: "POST", path: "/subscribe", action: { name: "subscribeAction", page: "/subscribe", fields }, status: 200, message });
subscribe("no fields", [], /Enter your email address/);
subscribe("not an address", [["email", "not an address"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("CRLF Bcc injection", [["email", "a@example.org\r\nBcc: victim@example.org"], ["frequency", "daily"]], /cannot contain line breaks/);
subscribe("LF header injection", [["email", "a@example.org\nSubject: hi"], ["frequency", "daily"]], /cannot contain line breaks/);
subscribe("script in address", [["email", "<script>window.__xss=1</script>@example.org"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("SQL in address", [["email", "' OR 1=1 --@example.org"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("NUL in address", [["email", "a\u0000b@example.org"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("RTL override in address", [["email", "\u202Egro.elpmaxe@a"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("zero-width in address", [["email", "a\u200B@example.org"], ["frequency", "daily"]], /Enter a valid email address/);
subscribe("address too long", [["email", `${"a".repeat(300)}@example.org`], ["frequency", "daily"]], /at most 254 characters/);
subscribe("address absurdly long", [["email", "a".repeat(5000)], ["frequency", "daily"]], /far longer than an email address/);
subscribe("frequency hourly", [["email", "x@"], ["frequency", "hourly"]], /Choose daily or weekly/);
subscribe("frequency XSS", [["email", "x@"], ["frequency", "<script>"]], /Choose daily or weekly/);
subscribe("topic XSS", [["email", "x@"], ["frequency", "daily"], ["topics", "<script>window.__xss=1</script>"]], /Unknown topic/);
subscribe("topic SQL", [["email", "x@"], ["frequency", "daily"], ["topics", "llm'; DROP TABLE subscribers; --"]], /Unknown topic/);
subscribe("31 topics", [["email", "x@"], ["frequency", "daily"], ...Array.from({ length: 31 }, (_, i): [string, string] => ["topics", `t${i}`])], /at most 30 topics/);

const tokenForms: [ActionName, string, RegExp][] = [
  ["confirmAction", "/subscribe/confirm", /confirmation link is not valid/],
  ["unsubscribeAction", "/unsubscribe", /unsubscribe link is not valid/],
  ["savePreferencesAction", "/manage", /link is not valid any more/],
  ["changeMembershipAction", "/manage", /link is not valid any more/],
];
const badTokens: [string, string][] = [
  ["missing", ""],
  ["garbage", "not-a-token"],
  ["XSS", "<script>window.__xss=1</script>"],
  ["SQL", "' OR 1=1 --"],
  ["forged signature", "{forged}"],
  ["altered signature", "{confirmAltered}"],
  ["NUL", "00000000-0000-0000-0000-000000000000\u0000.x"],
];
for (const [name, page, message] of tokenForms) {
  for (const [label, token] of badTokens) {
    const fields: [string, string][] = [["token", token], ["frequency", "daily"], ["intent", "unsubscribe"]];
    add({ id: `${page} form (${name}) token ${label}`, method: "POST", path: page, action: { name, page, fields }, status: 200, message });
  }
}
// Real tokens used for another purpose: a confirmation link cannot unsubscribe or manage, and
// an unsubscribe link (which mailbox providers see) cannot open the manage page.
add({ id: "unsubscribe form with a confirmation token", method: "POST", path: "/unsubscribe", action: { name: "unsubscribeAction", page: "/unsubscribe", fields: [["token", "{confirm}"]] }, status: 200, message: /unsubscribe link is not valid/ });
add({ id: "membership form with a confirmation token", method: "POST", path: "/manage", action: { name: "changeMembershipAction", page: "/manage", fields: [["token", "{confirm}"], ["intent", "unsubscribe"]] }, status: 200, message: /not valid any more/ });
add({ id: "confirm form with a manage token", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{manage}"]] }, status: 200, message: /confirmation link is not valid/ });
add({ id: "confirm form with an expired token", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirmExpired}"]] }, status: 200, message: /has expired/ });
add({ id: "manage form with a non-canonical signature", method: "POST", path: "/manage", action: { name: "savePreferencesAction", page: "/manage", fields: [["token", "{manageNonCanonical}"], ["frequency", "weekly"]] }, status: 200, message: /not valid any more/ });
add({ id: "manage page with a non-canonical signature", path: "/manage?token={manageNonCanonical}", status: 200, message: /not valid/ });
add({ id: "manage page with an altered token", path: "/manage?token={confirmAltered}", status: 200, message: /not valid/ });
add({ id: "manage page with a forged token", path: "/manage?token={forged}", status: 200, message: /not valid/ });
add({ id: "manage page with a confirmation token", path: "/manage?token={confirm}", status: 200, message: /not valid/ });
add({ id: "POST /api/unsubscribe with a confirmation token", method: "POST", path: "/api/unsubscribe?token={confirm}", status: 400, message: /not a valid unsubscribe token/ });
add({ id: "POST /api/unsubscribe with an altered token", method: "POST", path: "/api/unsubscribe?token={confirmAltered}", status: 400, message: /not a valid unsubscribe token/ });
add({ id: "POST /api/unsubscribe with a non-canonical manage token", method: "POST", path: "/api/unsubscribe?token={manageNonCanonical}", status: 400, message: /not a valid unsubscribe token/ });
add({ id: "POST /api/unsubscribe with a forged token", method: "POST", path: "/api/unsubscribe?token={forged}", status: 400, message: /not a valid unsubscribe token/ });
// The confirmation page and its button: a used link says so (and hands out no manage link);
// the choices a waiting link carries, or the form posts, are checked like the sign-up's.
add({ id: "confirm form with a used token", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirm}"], ["frequency", "daily"]] }, status: 200, message: /already confirmed/ });
add({ id: "confirm form: waiting token, no choices", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirmPending}"]] }, status: 200, message: /Choose daily or weekly/ });
add({ id: "confirm form: waiting token, frequency XSS", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirmPending}"], ["frequency", "<script>window.__xss=1</script>"]] }, status: 200, message: /Choose daily or weekly/ });
add({ id: "confirm form: waiting token, unknown topic", method: "POST", path: "/subscribe/confirm", action: { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirmPending}"], ["frequency", "daily"], ["topics", "' OR 1=1 --"]] }, status: 200, message: /Unknown topic/ });
add({ id: "confirm page with a used token", path: "/subscribe/confirm?token={confirm}", status: 200, message: /already confirmed/ });
add({ id: "confirm page with an expired token", path: "/subscribe/confirm?token={confirmExpired}", status: 200, message: /has expired/ });
add({ id: "confirm page with a forged token", path: "/subscribe/confirm?token={forged}", status: 200, message: /not complete or not valid/ });
add({
  id: "confirm page: waiting token, hostile choices in the link",
  path: `/subscribe/confirm?token={confirmPending}&frequency=${encodeURIComponent("<script>window.__xss=1</script>")}&topic=${encodeURIComponent("' OR 1=1 --")}&topic=${encodeURIComponent("<img src=x onerror=alert(1)>")}&topic=llm`,
  status: 200,
  message: /Confirm subscription/,
});
add({ id: "manage form: valid token, bad frequency", method: "POST", path: "/manage", action: { name: "savePreferencesAction", page: "/manage", fields: [["token", "{manage}"], ["frequency", "<script>"]] }, status: 200, message: /Choose daily or weekly/ });
add({ id: "manage form: valid token, unknown topic", method: "POST", path: "/manage", action: { name: "savePreferencesAction", page: "/manage", fields: [["token", "{manage}"], ["frequency", "daily"], ["topics", "' OR 1=1 --"]] }, status: 200, message: /Unknown topic/ });

const submitForm = (label: string, value: string, message: RegExp) =>
  add({ id: `submit form: ${label}`, method: "POST", path: "/submit", action: { name: "submitPaperAction", page: "/submit", fields: [["arxivId", value]] }, status: 200, message });
submitForm("empty", "", /arXiv id/);
submitForm("XSS", "<script>window.__xss=1</script>", /is not an arXiv id/);
submitForm("SQL", "2606.00467' OR 1=1 --", /is not an arXiv id/);
submitForm("javascript URL", "javascript:alert(1)//arxiv.org/abs/2606.00467", /is not an arXiv id/);
submitForm("other host", "https://evil.example/abs/2606.00467", /is not an arXiv id/);
submitForm("NUL", "2606.00467\u0000", /is not an arXiv id/);
submitForm("CRLF", "2606.00467\r\nX-Injected: 1", /is not an arXiv id/);
submitForm("overlong", "9".repeat(5000), /arXiv id/);
submitForm("RTL override", "\u202E76400.6062", /is not an arXiv id/);

// Requests a browser would never send to a form: Next's decoder is screened by proxy.ts.
const actionRequest = (label: string, action: ActionCall, status: number, message: RegExp) => add({ id: `form request: ${label}`, method: "POST", path: action.page, action, status, message });
actionRequest("unknown action id", { name: "subscribeAction", page: "/subscribe", id: "00".repeat(21), fields: [["email", "x"]] }, 409, /Server Action/i);
actionRequest("malformed action id", { name: "subscribeAction", page: "/subscribe", id: "<script>", fields: [["email", "x"]] }, 400, /Invalid Server Action/i);
actionRequest("text/plain body", { name: "subscribeAction", page: "/subscribe", raw: { contentType: "text/plain;charset=UTF-8", body: "{{{not json" } }, 415, /multipart\/form-data/);
actionRequest("JSON body", { name: "subscribeAction", page: "/subscribe", raw: { contentType: "application/json", body: '{"email":"a@example.org"}' } }, 415, /multipart\/form-data/);
actionRequest("url-encoded body", { name: "confirmAction", page: "/subscribe/confirm", raw: { contentType: "application/x-www-form-urlencoded", body: "token=x" } }, 415, /multipart\/form-data/);
actionRequest("broken multipart", { name: "subscribeAction", page: "/subscribe", raw: { contentType: "multipart/form-data; boundary=xx", body: "--xx\r\ngarbage\r\n" } }, 400, /cannot be read/);
actionRequest("multipart without boundary", { name: "subscribeAction", page: "/subscribe", raw: { contentType: "multipart/form-data", body: "x" } }, 400, /cannot be read/);
actionRequest("argument list missing", { name: "confirmAction", page: "/subscribe/confirm", root: "", fields: [["token", "x"]] }, 400, /argument list is not JSON|missing/);
actionRequest("argument list malformed JSON", { name: "confirmAction", page: "/subscribe/confirm", root: '[{"status":"idle"},', fields: [["token", "x"]] }, 400, /not JSON/);
actionRequest("argument list not a list", { name: "confirmAction", page: "/subscribe/confirm", root: '{"a":1}', fields: [["token", "x"]] }, 400, /not a list/);
actionRequest("dangling map reference", { name: "confirmAction", page: "/subscribe/confirm", root: '[{"status":"idle"},"$Q1"]' }, 400, /unsupported reference/);
actionRequest("promise reference", { name: "confirmAction", page: "/subscribe/confirm", root: '[{"status":"idle"},"$@5"]' }, 400, /unsupported reference/);
actionRequest("nested server reference", { name: "submitPaperAction", page: "/submit", root: '[{"a":{"b":["$h1"]}},"$K1"]' }, 400, /unsupported reference/);
actionRequest("number instead of the form", { name: "confirmAction", page: "/subscribe/confirm", root: '[{"status":"idle"},5]' }, 200, /confirmation link is not valid/);
actionRequest("no form argument", { name: "subscribeAction", page: "/subscribe", root: '[{"status":"idle"}]' }, 200, /Enter your email address/);
actionRequest("string instead of the form", { name: "unsubscribeAction", page: "/unsubscribe", root: '["$$x","$$y"]' }, 200, /unsubscribe link is not valid/);
actionRequest("object instead of the form (submit)", { name: "submitPaperAction", page: "/submit", root: '[{"status":"idle"},{"arxivId":"2606.07777"}]' }, 200, /arXiv id/);
actionRequest("object instead of the form (manage)", { name: "savePreferencesAction", page: "/manage", root: '[null,{"get":1}]' }, 200, /not valid any more/);
actionRequest("oversized form", { name: "subscribeAction", page: "/subscribe", fields: [["email", "e".repeat(2 * 1024 * 1024)]] }, 413, /at most 1 MB/);
actionRequest("cross-site origin", { name: "subscribeAction", page: "/subscribe", fields: [["email", "x"]], headers: { origin: "https://evil.example" } }, 403, /from this site only/);
actionRequest("opaque origin", { name: "confirmAction", page: "/subscribe/confirm", fields: [["token", "{confirm}"]], headers: { origin: "null" } }, 403, /from this site only/);

// ── Forms posted without JavaScript, and any other POST to a page ───────────────────────────
// The progressive-enhancement encoding reached Next's decoder unscreened: garbage answered
// 500 on every page, 2 MB a 500 instead of 413, another site's Origin a 500 instead of 403.
// Every page gets the same screening (lib/http/server-action-guard.ts, from proxy.ts).
/** The envelope React renders into a form for an action bound to its previous state. */
const envelope = (action: ActionName, bound = '[{"status":"idle"}]'): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", `{"id":"{${action}}","bound":"$@1"}`],
  ["$ACTION_1:1", bound],
  ["$ACTION_KEY", "k0123456789abcdef0123456789abcdef"],
];
const noJs = (label: string, path: string, form: FormPost, status: number, message: RegExp) => add({ id: `no-JS form: ${label}`, method: "POST", path, form, status, message });
// Genuine no-JS posts whose input is refused by the action itself: the page answers with the form's message.
noJs("subscribe, not an address", "/subscribe", { fields: [...envelope("subscribeAction"), ["email", "not an address"], ["frequency", "daily"]] }, 200, /Enter a valid email address/);
noJs("unsubscribe, forged token", "/unsubscribe", { fields: [...envelope("unsubscribeAction"), ["token", "{forged}"]] }, 200, /unsubscribe link is not valid/);
noJs("confirm, altered token", "/subscribe/confirm", { fields: [...envelope("confirmAction"), ["token", "{confirmAltered}"]] }, 200, /confirmation link is not valid/);
noJs("submit, XSS id", "/submit", { fields: [...envelope("submitPaperAction"), ["arxivId", "<script>window.__xss=1</script>"]] }, 200, /is not an arXiv id/);
noJs("unknown action id", "/subscribe", { fields: [["$ACTION_ID_" + "00".repeat(21), ""], ["email", "x"]] }, 409, /Server Action unavailable/i);
noJs("descriptor naming no known action", "/subscribe", { fields: [["$ACTION_REF_1", ""], ["$ACTION_1:0", '{"id":"<script>","bound":null}']] }, 400, /Invalid Server Action/i);

const PAGES = ["/", "/subscribe", "/subscribe/confirm", "/manage", "/unsubscribe", "/submit", "/admin", "/search", "/papers/2606.00467", "/papers/date/2026-06-12", "/papers/week/latest", "/tags", "/tags/llm", "/about", "/api-docs", "/outbox"];
for (const page of PAGES) {
  const post = (label: string, c: Omit<HttpCase, "id" | "path" | "method">) => add({ id: `POST ${page}: ${label}`, method: "POST", path: page, ...c });
  post("garbage multipart", { headers: { "content-type": "multipart/form-data; boundary=xx" }, body: "--xx\r\ngarbage\r\n", status: 400, message: /multipart body cannot be read/ });
  post("garbage, no boundary", { headers: { "content-type": "multipart/form-data" }, body: "{{{", status: 400, message: /cannot be read/ });
  post("form without an action", { form: { fields: [["email", "a@example.org"]] }, status: 400, message: /names no form action/ });
  post("descriptor not JSON", { form: { fields: [["$ACTION_REF_1", ""], ["$ACTION_1:0", "{id:"], ["$ACTION_1:1", "[]"]] }, status: 400, message: /descriptor is not JSON/ });
  post("dangling map in the bound arguments", { form: { fields: [...envelope("subscribeAction", '[{"status":"idle"},"$Q9"]'), ["email", "x"]] }, status: 400, message: /unsupported reference/ });
  post("promise in the bound arguments", { form: { fields: envelope("confirmAction", '["$@5"]') }, status: 400, message: /unsupported reference/ });
  post("bound arguments not JSON", { form: { fields: envelope("confirmAction", "[{") }, status: 400, message: /bound argument list is not JSON/ });
  post("bound arguments missing", { form: { fields: envelope("confirmAction").filter(([name]) => name !== "$ACTION_1:1") }, status: 400, message: /bound argument list is missing/ });
  post("oversized form", { form: { fields: [...envelope("subscribeAction"), ["email", "e".repeat(2 * 1024 * 1024)]] }, status: 413, message: /at most 1 MB/ });
  post("oversized body", { headers: { "content-type": "multipart/form-data; boundary=xx" }, bodyBytes: 2 * 1024 * 1024, status: 413, message: /at most 1 MB/ });
  post("cross-site Origin", { form: { fields: [...envelope("subscribeAction"), ["email", "x"]], headers: { origin: "https://evil.example" } }, status: 403, message: /from this site only/ });
  post("Sec-Fetch-Site cross-site", { form: { fields: [...envelope("subscribeAction"), ["email", "x"]], headers: { "sec-fetch-site": "cross-site" } }, status: 403, message: /from this site only/ });
  post("url-encoded body", { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40example.org", status: 415, message: /multipart\/form-data/ });
  post("no body, no type", { status: 415, message: /multipart\/form-data/ });
}

// ── Operator routes from another site ──────────────────────────────────────────────────────
const retryPath = "/api/admin/deliveries/00000000-0000-4000-8000-000000000000/retry";
add({ id: "admin retry from another site (Origin)", method: "POST", path: retryPath, headers: { origin: "https://evil.example" }, status: 403, message: /from this site only/ });
add({ id: "admin retry from another site (opaque Origin)", method: "POST", path: retryPath, headers: { origin: "null" }, status: 403, message: /from this site only/ });
add({ id: "admin retry from another site (Sec-Fetch-Site)", method: "POST", path: retryPath, headers: { "sec-fetch-site": "cross-site" }, status: 403, message: /from this site only/ });
add({ id: "admin retry from a sibling site", method: "POST", path: retryPath, headers: { "sec-fetch-site": "same-site", origin: "https://evil.127.0.0.1.nip.io" }, status: 403, message: /from this site only/ });
add({ id: "admin sign-out action from another site", method: "POST", path: "/admin", action: { name: "signOutAction", page: "/admin", headers: { origin: "https://evil.example" } }, status: 403, message: /from this site only/ });

export const HTTP_CASES: readonly HttpCase[] = cases;

// ── Importers: payloads `npm run ingest` and the scheduled import read ──────────────────────
export interface ImporterCase {
  id: string;
  body: string;
  contentType?: string;
  /** The payload is refused as a whole with this message. */
  payloadError?: RegExp;
  /** Or: the payload parses, and every item is refused with a message matching this. */
  itemErrors?: RegExp;
}

const hfItem = (paper: Record<string, unknown>) => JSON.stringify([{ paper, publishedAt: "2026-06-12T00:00:00.000Z", title: paper.title }]);
const atomEntry = (entry: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><title>arXiv Query</title>${entry}</feed>`;

const rssItem = (fields: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"><channel><title>cs.AI updates on arXiv.org</title><item><title>x</title><link>https://arxiv.org/abs/2609.28553</link><description>arXiv:2609.28553v1 Announce Type: new Abstract: y</description><guid>oai:arXiv.org:2609.28553v1</guid><pubDate>Fri, 25 Sep 2026 00:00:00 -0400</pubDate>${fields}</item></channel></rss>`;
/** rss.arxiv.org/atom/<cat>: recognised by its feed id. */
const atomRssEntry = (entry: string) =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><id>http://rss.arxiv.org/atom/cs.AI</id><title>cs.AI updates on arXiv.org</title><entry>${entry}<arxiv:announce_type>new</arxiv:announce_type></entry></feed>`;

export const IMPORTER_CASES: readonly ImporterCase[] = [
  { id: "empty", body: "", payloadError: /empty/ },
  { id: "whitespace", body: " \n\t ", payloadError: /empty/ },
  { id: "BOM only", body: "\uFEFF", payloadError: /empty/ },
  { id: "plain text", body: "hello", payloadError: /neither JSON nor XML/ },
  { id: "NUL bytes", body: "\u0000\u0000", payloadError: /neither JSON nor XML/ },
  { id: "truncated JSON array", body: '[{"paper": {"id": "2606.0', payloadError: /Malformed JSON/ },
  { id: "truncated JSON object", body: "{", payloadError: /Malformed JSON/ },
  { id: "JSON trailing comma", body: "[1,]", payloadError: /Malformed JSON/ },
  { id: "JSON with comments", body: "[/* x */]", payloadError: /Malformed JSON/ },
  { id: "JSON declared, XML body", body: "<feed/>", contentType: "application/json", payloadError: /declares JSON but the body is XML/ },
  { id: "XML declared, JSON body", body: "[]", contentType: "application/atom+xml", payloadError: /declares XML but the body is JSON/ },
  { id: "JSON declared, text body", body: "nope", contentType: "application/json", payloadError: /Malformed JSON/ },
  { id: "image content type", body: "[]", contentType: "image/png", payloadError: /not a paper feed/ },
  { id: "HTML page", body: "<!DOCTYPE html><html><body>Rate limited</body></html>", payloadError: /HTML page/ },
  { id: "HTML labelled", body: "[]", contentType: "text/html", payloadError: /text\/html/ },
  { id: "RDF feed", body: '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', payloadError: /RDF/ },
  { id: "unknown XML root", body: "<papers><paper/></papers>", payloadError: /root element <papers>/ },
  { id: "not well-formed XML", body: "<<<>>>", payloadError: /not well-formed XML/ },
  { id: "JSON object, not a list", body: '{"data": [{"paper": {}}]}', payloadError: /Expected a JSON array/ },
  { id: "JSON string", body: '"2606.07777"', payloadError: /neither JSON nor XML|Expected a JSON array/ },
  { id: "JSON scalars", body: "[1, 2, 3]", itemErrors: /.+/ },
  { id: "JSON nulls", body: "[null, null]", itemErrors: /.+/ },
  { id: "HF item without paper", body: '[{"title": "x"}]', itemErrors: /paper/ },
  { id: "HF item, SQL id", body: hfItem({ id: "' OR 1=1 --", title: "x", summary: "y", authors: [] }), itemErrors: /id/ },
  { id: "HF item, XSS id", body: hfItem({ id: "<script>window.__xss=1</script>", title: "x", summary: "y", authors: [] }), itemErrors: /id/ },
  { id: "HF item, NUL in title", body: hfItem({ id: "2606.07777", title: "Lattice\u0000Lanterns", summary: "y", authors: [{ name: "A. Author" }], publishedAt: "2026-06-10T00:00:00.000Z" }), itemErrors: /NUL/ },
  { id: "HF item, NUL in an author", body: hfItem({ id: "2606.07777", title: "Lattice Lanterns", summary: "y", authors: [{ name: "A.\u0000Author" }], publishedAt: "2026-06-10T00:00:00.000Z" }), itemErrors: /NUL/ },
  { id: "HF item, NUL id", body: hfItem({ id: "2606.0\u00007777", title: "x", summary: "y", authors: [] }), itemErrors: /id/ },
  { id: "HF item, wrong types", body: hfItem({ id: 2606.07777, title: ["x"], summary: 5, authors: "a" }), itemErrors: /.+/ },
  { id: "HF item, missing title", body: hfItem({ id: "2606.07777", summary: "y", authors: [] }), itemErrors: /title/ },
  { id: "truncated XML", body: '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2606.07777v1</id><title>x', payloadError: /.+/ },
  { id: "XXE entity", body: '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>&x;</id></entry></feed>', payloadError: /not well-formed XML/ },
  {
    id: "billion laughs",
    body: `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>&d;</id></entry></feed>`,
    payloadError: /not well-formed XML/,
  },
  { id: "Atom entry without id", body: atomEntry("<entry><title>x</title><summary>y</summary></entry>"), itemErrors: /id/ },
  { id: "Atom entry, XSS id", body: atomEntry("<entry><id>http://arxiv.org/abs/&lt;script&gt;</id><title>x</title><summary>y</summary></entry>"), itemErrors: /id/ },
  { id: "Atom entry, SQL id", body: atomEntry("<entry><id>' OR 1=1 --</id><title>x</title><summary>y</summary></entry>"), itemErrors: /id/ },
  { id: "arXiv API error entry", body: atomEntry("<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id><title>Error</title><summary>incorrect id format for 1234</summary></entry>"), payloadError: /.+/ },
  { id: "RSS without channel", body: '<?xml version="1.0"?><rss version="2.0"></rss>', payloadError: /.+/ },
  { id: "RSS item without link", body: '<?xml version="1.0"?><rss version="2.0"><channel><title>cs.AI</title><item><title>x</title></item></channel></rss>', itemErrors: /.+/ },
  { id: "RSS item, javascript link", body: '<?xml version="1.0"?><rss version="2.0"><channel><title>cs.AI</title><item><title>x</title><link>javascript:window.__xss=1</link><description>y</description></item></channel></rss>', itemErrors: /.+/ },
  { id: "RSS item, unknown announce type", body: rssItem("<arxiv:announce_type>updated</arxiv:announce_type>"), itemErrors: /announceType: unknown "updated"/ },
  { id: "RSS feed error", body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed error for query: cs.XX</title></channel></rss>', payloadError: /arXiv RSS error: Feed error for query: cs\.XX/ },
  { id: "Atom RSS entry without id", body: atomRssEntry("<title>x</title><summary>Abstract: y</summary><published>2026-09-25T00:00:00-04:00</published>"), itemErrors: /^id: required$/ },
  { id: "Atom RSS entry, XSS id", body: atomRssEntry("<id>oai:arXiv.org:&lt;script&gt;window.__xss=1&lt;/script&gt;</id><title>x</title><published>2026-09-25T00:00:00-04:00</published>"), itemErrors: /^id: ".*" is not an arXiv id$/ },
  { id: "Atom RSS entry, bad date", body: atomRssEntry("<id>oai:arXiv.org:2609.28553v1</id><title>x</title><published>someday</published>"), itemErrors: /published: "someday" is not a date/ },
  { id: "Atom RSS entry, markup in the title", body: atomRssEntry("<id>oai:arXiv.org:2609.28553v1</id><title>x <script>window.__xss=1</script></title><published>2026-09-25T00:00:00-04:00</published>"), itemErrors: /title: contains XML elements/ },
  { id: "Atom RSS, truncated download", body: atomRssEntry("<id>oai:arXiv.org:2609.28553v1</id><title>x</title>").replace("</entry></feed>", ""), payloadError: /still open \(a truncated download\?\)/ },
  { id: "Atom RSS feed error", body: '<feed xmlns="http://www.w3.org/2005/Atom"><id>http://rss.arxiv.org/atom/cs.XX</id><title>Feed error for query: cs.XX</title></feed>', payloadError: /arXiv RSS error/ },
  { id: "API entry, NUL in a subject class", body: atomEntry("<entry><id>http://arxiv.org/abs/2606.07777v1</id><title>x</title><summary>y</summary><published>2026-06-10T00:00:00Z</published><category term=\"35J20, 65\u0000Jxx\"/></entry>"), itemErrors: /subjectClasses\.1: contains a NUL character/ },
  { id: "over the size limit", body: `[${" ".repeat(21 * 1024 * 1024)}]`, payloadError: /limit/ },
];

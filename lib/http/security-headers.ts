// Security headers for every response (next.config.ts) and the Content-Security-Policy.
//
// Two policies, chosen by route in proxy.ts, because a nonce and a cached page cannot go
// together (a nonce must be fresh per response; a cached page is the same bytes for
// everyone, and Next only puts nonces on scripts while rendering):
// - Pages rendered per request (search, subscribe, manage, unsubscribe, admin, outbox) get
//   a strict policy: scripts only with this response's nonce ('strict-dynamic'). These are
//   the pages that echo what a visitor typed in the URL, where reflected XSS would live.
//   proxy.ts sets it on the request too: Next reads the nonce from the request's
//   Content-Security-Policy header and puts it on every script it renders.
// - Cached and prerendered pages (feeds, tags, paper pages, submit, about, API docs, 404)
//   get the same policy without the nonce: Next's inline bootstrap scripts differ per page
//   and per build, so neither a nonce nor a list of hashes can cover them, and they need
//   'unsafe-inline'. Their content comes from the database or the build and is always
//   rendered as escaped text (React; KaTeX with trust: false); tests/e2e/xss-stored.spec.ts
//   checks that stored script payloads never run. /submit is prerendered (its form posts a
//   server action whose answer is data, not HTML), so it is on this policy too.
// When both set it, the proxy's header replaces the one from next.config.ts headers()
// (tests/e2e/security-headers.spec.ts asserts which policy each kind of page gets).
// Everything else is locked down on both: no plugins, no <base>, no framing, forms and
// connections to this origin only.

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  // KaTeX and React set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "manifest-src 'self'",
];

export function contentSecurityPolicy(options: { nonce?: string; development?: boolean } = {}): string {
  // next dev evaluates code with eval for fast refresh.
  const devEval = options.development ? " 'unsafe-eval'" : "";
  const script = options.nonce ? `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${devEval}` : `script-src 'self' 'unsafe-inline'${devEval}`;
  return [...COMMON_DIRECTIVES, script].join("; ");
}

export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

/**
 * Pages whose URL holds a token (confirm, manage, unsubscribe) or that show such links (the
 * outbox, the operator view): the browser must never send that URL on as a Referer, to a
 * linked site or a loaded image. A header (next.config.ts), not only the page's meta tag: it
 * covers the response before any HTML is parsed and responses that are not HTML at all.
 */
export const NO_REFERRER_PATHS = ["/subscribe/confirm", "/manage", "/unsubscribe", "/outbox", "/outbox/:id", "/admin"];

/**
 * Strict-Transport-Security for a site served over https (APP_URL), sent by proxy.ts on every
 * response: browsers then never try plain http for a year. Never on http, where a browser
 * ignores it anyway and an operator trying things out locally would only be confused by it.
 * No includeSubDomains or preload: those bind hosts PaperPulse does not own.
 */
export function strictTransportSecurity(appUrl: string): string | null {
  return appUrl.startsWith("https://") ? "max-age=31536000" : null;
}

/** Paths whose pages are rendered per request and so can carry a nonce. */
export const PER_REQUEST_PAGE_PREFIXES = ["/search", "/subscribe", "/manage", "/unsubscribe", "/admin", "/outbox"];

export function isPerRequestPage(pathname: string): boolean {
  return PER_REQUEST_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** 128 random bits for one response's script nonce (Web Crypto: works in any runtime). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

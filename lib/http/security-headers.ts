// Security headers for every response (next.config.ts) and the Content-Security-Policy.
//
// Two policies, chosen by route in proxy.ts, because a nonce and a cached page cannot go
// together (a nonce must be fresh per response; a cached page is the same bytes for
// everyone, and Next only puts nonces on scripts while rendering):
// - Pages rendered per request (search, submit, subscribe, manage, unsubscribe, admin,
//   outbox) get a strict policy: scripts only with this response's nonce ('strict-dynamic').
//   These are the pages that echo what a visitor typed, where reflected XSS would live.
// - Cached pages (feeds, tags, paper pages, about, API docs, 404) get the same policy
//   without the nonce: Next's inline bootstrap scripts need 'unsafe-inline' there. Their
//   content comes from the database and is always rendered as escaped text (React; KaTeX
//   with trust: false), and tests/e2e check that stored script payloads never run.
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

/** Paths whose pages are rendered per request and so can carry a nonce. */
export const PER_REQUEST_PAGE_PREFIXES = ["/search", "/submit", "/subscribe", "/manage", "/unsubscribe", "/admin", "/outbox"];

export function isPerRequestPage(pathname: string): boolean {
  return PER_REQUEST_PAGE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

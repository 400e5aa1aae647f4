// The client's address, for rate limits. PaperPulse expects to run behind one reverse proxy
// (load balancer, nginx, the platform's edge) that appends the address it saw to
// X-Forwarded-For; the entry that proxy added is the last one, and anything to its left
// came from the client and may be forged. Without a proxy Next fills the header from the
// socket; a client can then forge it, which the per-address limits (per email) still bound.
// TRUSTED_PROXY_HOPS says how many proxies append to the header (default 1).

export function clientIp(request: Request): string {
  return clientIpFromHeaders(request.headers);
}

/** The same, from a Headers object: server actions have `await headers()` from next/headers, not a Request. */
export function clientIpFromHeaders(headers: Pick<Headers, "get">): string {
  const hops = Math.max(1, Number(process.env.TRUSTED_PROXY_HOPS ?? 1) || 1);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const candidate = forwarded[forwarded.length - hops] ?? headers.get("x-real-ip") ?? "unknown";
  // Keep keys bounded and printable whatever a header holds.
  return candidate.slice(0, 64).replace(/[^0-9a-fA-F:.]/g, "") || "unknown";
}

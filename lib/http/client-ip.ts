import { BlockList, isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// The client's address, for rate limits, the admin lockout and the loopback-only outbox.
// It is never taken from X-Forwarded-For here: PaperPulse's HTTP server
// (lib/server/http-server.ts) derives it from the socket and TRUSTED_PROXY_HOPS
// (lib/server/client-address.ts), removes any copy of CLIENT_ADDRESS_HEADER a client sent,
// and sets it on every request. Without that header (the app served by bare `next start`,
// which copies a client's X-Forwarded-For as it came) every client is "unknown": one shared
// budget, which fails closed, and a warning in the log once per process.

export const CLIENT_ADDRESS_HEADER = "x-paperpulse-client";
export const UNKNOWN_CLIENT = "unknown";

let warnedMissing = false;

export function clientIp(request: Request): string {
  return clientIpFromHeaders(request.headers);
}

/** The same, from a Headers object: server actions have `await headers()` from next/headers, not a Request. */
export function clientIpFromHeaders(headers: Pick<Headers, "get">): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER);
  if (value !== null && isIP(value) !== 0) return value;
  if (!warnedMissing) {
    warnedMissing = true;
    log.warn(
      "requests reach the app without PaperPulse's HTTP server (bare `next start`?): client addresses are unknown, so every client shares one rate-limit budget and /outbox stays closed. Start it with `npm start` or `npm run start:server`.",
    );
  }
  return UNKNOWN_CLIENT;
}

/** "::ffff:127.0.0.1" (an IPv4 client on a dual-stack socket) -> "127.0.0.1"; anything that is not an IP address -> null. */
export function normalizeAddress(address: string | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const candidate = mapped ?? trimmed;
  return isIP(candidate) === 0 ? null : candidate.toLowerCase();
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

export function isLoopbackAddress(address: string): boolean {
  const normalized = normalizeAddress(address);
  if (normalized === null) return false;
  return loopback.check(normalized, isIP(normalized) === 6 ? "ipv6" : "ipv4");
}

/** Host names a browser on this machine uses for it; anything else may be DNS rebinding. */
function isLoopbackHostHeader(host: string | null): boolean {
  if (!host) return false;
  const name = host
    .replace(/:\d+$/, "")
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || isLoopbackAddress(name);
}

/**
 * A request from this machine itself: the TCP peer is a loopback address (there is no proxy
 * in front, TRUSTED_PROXY_HOPS=0, so the socket is the client) and the Host header names this
 * machine. The Host check keeps out a web page that rebinds its own domain to 127.0.0.1 to
 * read local pages from a visitor's browser.
 */
export function isLoopbackRequest(headers: Pick<Headers, "get">): boolean {
  if (getEnv().TRUSTED_PROXY_HOPS !== 0) return false;
  const client = headers.get(CLIENT_ADDRESS_HEADER);
  return client !== null && isLoopbackAddress(client) && isLoopbackHostHeader(headers.get("host"));
}

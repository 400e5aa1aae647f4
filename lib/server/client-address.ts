import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, UNKNOWN_CLIENT } from "@/lib/http/client-ip";

// Who is the client of a request, decided once, by PaperPulse's HTTP server, from what
// cannot be forged: the TCP peer, plus as many X-Forwarded-For entries as there are trusted
// proxies in front (TRUSTED_PROXY_HOPS), read from the right, where each proxy appends the
// address it saw. proxy-addr implements that rule (Express's `trust proxy` = N):
//   hops 0 (default, no proxy): the socket peer is the client; X-Forwarded-For is ignored
//     and removed, so nothing downstream can be misled by one a client made up;
//   hops N: the Nth entry from the right of X-Forwarded-For, i.e. the address the outermost
//     trusted proxy saw (fewer entries than N: the leftmost one there is).
// Entries further left were written by the client and are never used.

/** Headers by which a client could claim another address. Removed when no proxy is trusted. */
const CLIENT_CLAIMS = ["x-forwarded-for", "x-real-ip", "forwarded"] as const;

export function deriveClientAddress(request: IncomingMessage, trustedProxyHops: number): string {
  const address = proxyaddr(request, (_address, index) => index < trustedProxyHops);
  return normalizeAddress(address) ?? UNKNOWN_CLIENT;
}

/**
 * Sets CLIENT_ADDRESS_HEADER to the derived address, replacing whatever a client sent under
 * that name, and (no trusted proxy) drops the forwarding headers a client may have made up.
 * Next fills X-Forwarded-For from the socket when it is missing.
 */
export function stampClientAddress(request: IncomingMessage, trustedProxyHops: number): string {
  const address = deriveClientAddress(request, trustedProxyHops);
  const drop = new Set<string>([CLIENT_ADDRESS_HEADER, ...(trustedProxyHops === 0 ? CLIENT_CLAIMS : [])]);
  for (const name of drop) delete request.headers[name];
  const raw: string[] = [];
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    if (!drop.has(request.rawHeaders[i]!.toLowerCase())) raw.push(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  }
  raw.push(CLIENT_ADDRESS_HEADER, address);
  request.rawHeaders.splice(0, request.rawHeaders.length, ...raw);
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  return address;
}

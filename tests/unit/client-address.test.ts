import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, isLoopbackAddress, isLoopbackRequest, normalizeAddress } from "@/lib/http/client-ip";
import { deriveClientAddress, stampClientAddress } from "@/lib/server/client-address";

// Who the client is: the socket peer, plus TRUSTED_PROXY_HOPS entries of X-Forwarded-For
// read from the right; never an entry the client wrote.

function request(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  const rawHeaders = Object.entries(headers).flat();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: lower, rawHeaders } as unknown as IncomingMessage;
}

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  resetEnvForTests();
});

describe("deriveClientAddress", () => {
  it("without a trusted proxy takes the socket peer and ignores every forwarding header", () => {
    expect(deriveClientAddress(request("198.51.100.7", { "X-Forwarded-For": "203.0.113.1, 203.0.113.2", "X-Real-IP": "203.0.113.3" }), 0)).toBe("198.51.100.7");
    expect(deriveClientAddress(request("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("behind N proxies takes the Nth entry from the right, never one further left", () => {
    const forwarded = { "X-Forwarded-For": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect(deriveClientAddress(request("10.0.0.1", forwarded), 1)).toBe("10.0.0.2");
    expect(deriveClientAddress(request("10.0.0.1", forwarded), 2)).toBe("203.0.113.9");
    // More hops than entries: the leftmost there is, not something made up.
    expect(deriveClientAddress(request("10.0.0.1", { "X-Forwarded-For": "203.0.113.9" }), 3)).toBe("203.0.113.9");
    expect(deriveClientAddress(request("10.0.0.1"), 1)).toBe("10.0.0.1");
  });

  it("gives 'unknown' for an entry that is not an address", () => {
    expect(deriveClientAddress(request("10.0.0.1", { "X-Forwarded-For": "<script>" }), 1)).toBe("unknown");
  });
});

describe("stampClientAddress", () => {
  it("replaces a client's own copy of the header and, with no proxy, drops its forwarding headers", () => {
    const req = request("198.51.100.7", { "X-Forwarded-For": "127.0.0.1", [CLIENT_ADDRESS_HEADER]: "127.0.0.1", Forwarded: "for=127.0.0.1", Host: "localhost" });
    expect(stampClientAddress(req, 0)).toBe("198.51.100.7");
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
    expect(req.headers["x-forwarded-for"]).toBeUndefined();
    expect(req.headers.forwarded).toBeUndefined();
    expect(req.rawHeaders).toEqual(["Host", "localhost", CLIENT_ADDRESS_HEADER, "198.51.100.7"]);
  });
});

describe("addresses and loopback requests", () => {
  it("normalises IPv4-mapped addresses and refuses what is not an address", () => {
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("localhost")).toBeNull();
    expect(isLoopbackAddress("127.45.3.9")).toBe(true);
    expect(isLoopbackAddress("::1")).toBe(true);
    expect(isLoopbackAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopbackAddress("192.0.2.2")).toBe(false);
  });

  it("is local only for a loopback peer with no proxy and a Host that names this machine", () => {
    const headers = (client: string | null, host: string) => new Headers({ ...(client ? { [CLIENT_ADDRESS_HEADER]: client } : {}), host });
    expect(isLoopbackRequest(headers("127.0.0.1", "localhost:3000"))).toBe(true);
    expect(isLoopbackRequest(headers("::1", "[::1]:3000"))).toBe(true);
    expect(isLoopbackRequest(headers("127.0.0.1", "paperpulse.localhost"))).toBe(true);
    expect(isLoopbackRequest(headers("127.0.0.1", "203.0.113.9"))).toBe(false);
    expect(isLoopbackRequest(headers("192.0.2.2", "localhost:3000"))).toBe(false);
    expect(isLoopbackRequest(headers(null, "localhost:3000"))).toBe(false);
    process.env.TRUSTED_PROXY_HOPS = "1";
    resetEnvForTests();
    expect(isLoopbackRequest(headers("127.0.0.1", "localhost:3000"))).toBe(false);
  });
});

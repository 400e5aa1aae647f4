import { request } from "node:http";
import type { IncomingHttpHeaders } from "node:http";

// HTTP requests from a chosen local address. On Linux all of 127.0.0.0/8 is loopback, so a
// test can be as many distinct clients as it likes, each with its own socket address, with
// no header to forge (the app derives the client from the socket: lib/server/client-address.ts).

export interface PlainResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function requestFrom(
  url: string,
  options: { localAddress?: string; method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<PlainResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, "utf8");
    const req = request(
      url,
      {
        method: options.method ?? (body ? "POST" : "GET"),
        localAddress: options.localAddress,
        headers: { ...(body ? { "content-length": String(body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A server action's form post as the browser's encodeReply sends (previous state, FormData). */
export function serverActionBody(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----paperpulse${Math.random().toString(16).slice(2)}`;
  const parts: [string, string][] = [...fields.map(([name, value]): [string, string] => [`_1_${name}`, value]), ["0", '[{"status":"idle"},"$K1"]']];
  const body = Buffer.concat([
    ...parts.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, "utf8")),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

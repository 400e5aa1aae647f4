import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { stampClientAddress } from "./client-address";
import { claimSignals, stopServices, waitForBoot } from "./lifecycle";

// The one way PaperPulse is served (`npm start`, `npm run start:server`, the browser tests,
// the benchmarks and the fault suite): Next's documented custom-server API on a plain
// node:http server. It exists for what `next start` cannot do:
//   - the client address comes from the socket (lib/server/client-address.ts), never from a
//     header the client wrote, and reaches the app in one header of ours;
//   - it listens on HOSTNAME, by default 127.0.0.1 on the embedded database (a laptop) and
//     0.0.0.0 with DATABASE_URL (a server);
//   - it owns SIGTERM/SIGINT: stop taking requests, let those in flight finish (10 s at
//     most), then stop the queue and close the database, so the embedded one needs no
//     crash recovery on the next start.
// The build must exist (scripts/start.ts makes it); NODE_ENV must be set before Next loads
// (scripts/server.ts does both).

const DRAIN_MS = 10_000;
const HEARTBEAT_MS = 15_000;

export interface RunningServer {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

export async function startHttpServer(options: { dir?: string; dev?: boolean } = {}): Promise<RunningServer> {
  const env = getEnv();
  claimSignals();
  const booted = waitForBoot();
  const started = Date.now();
  // Connections accepted while the app boots wait for it, as under `next start`.
  let setHandler!: (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) => void;
  const handler = new Promise<(req: IncomingMessage, res: ServerResponse) => Promise<void>>((resolve) => (setHandler = resolve));
  let warnedForwarded = false;

  const server = createServer((req, res) => {
    if (env.TRUSTED_PROXY_HOPS === 0 && !warnedForwarded && req.headers["x-forwarded-for"] !== undefined) {
      warnedForwarded = true;
      log.warn("ignoring X-Forwarded-For: TRUSTED_PROXY_HOPS=0 says clients connect directly. Behind a reverse proxy, set TRUSTED_PROXY_HOPS to the number of proxies, or every client looks like the proxy.");
    }
    stampClientAddress(req, env.TRUSTED_PROXY_HOPS);
    handler
      .then((handle) => handle(req, res))
      .catch((error: unknown) => {
        log.error({ err: describeError(error), url: req.url }, "request failed");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        } else res.destroy();
      });
  });

  // No `hostname` for Next: it is where Next thinks it lives, not where we listen. Next builds
  // the URLs proxy.ts sees from it and treats a rewrite to another origin as an external
  // proxy; with the default ("localhost") both sides agree, whatever HOSTNAME is.
  const app = next({ dev: options.dev ?? false, dir: options.dir ?? process.cwd(), port: env.PORT, httpServer: server });

  // Listen first: a port in use fails at once, before the database is opened.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.listenHost, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info({ listen: url, trustedProxyHops: env.TRUSTED_PROXY_HOPS }, `listening on ${url}; starting the app (database, migrations, seeding an empty database)`);

  let stopping: Promise<void> | undefined;
  const close = () =>
    (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref())]);
      server.closeAllConnections();
      await app.close().catch((error: unknown) => log.error({ err: describeError(error) }, "Next did not close cleanly"));
      await stopServices();
    })());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down");
      void close().then(() => process.exit(0));
    });
  }

  const heartbeat = setInterval(() => log.info(`still starting (${Math.round((Date.now() - started) / 1000)} s)…`), HEARTBEAT_MS);
  try {
    await app.prepare();
    // instrumentation.ts -> boot.ts: the database, migrations, seeding, queue workers.
    await booted;
  } catch (error) {
    log.fatal({ err: describeError(error) }, "PaperPulse could not start");
    await close();
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  setHandler(app.getRequestHandler());
  log.info({ url: env.appUrl, listen: url, ms: Date.now() - started }, `PaperPulse is serving ${env.appUrl} (listening on ${url})`);
  return { url, server, close };
}

// npm run start:server: serves the existing build (`npm run build` first) with PaperPulse's
// HTTP server (lib/server/http-server.ts) on HOSTNAME:PORT. `npm start` builds when needed
// and then runs this. Deployments run one of these per instance instead of `next start`,
// which would take the client's address from a header the client can write.
// npm run dev (`--dev`): the same server around Next's development server.

// Next and React pick their production builds from NODE_ENV when they load, so it is set
// before anything imports them (as `next start` does).
const dev = process.argv.includes("--dev");
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production"), NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" });

export {};

const { startHttpServer } = await import("@/lib/server/http-server");
// On failure startHttpServer has logged why and stopped what it had started.
await startHttpServer({ dev }).catch(() => process.exit(1));

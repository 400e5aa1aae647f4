import pino from "pino";

// Structured JSON logs on stdout. Anything that could carry a secret is redacted by key, so
// a careless `log.info({ env })` or a logged request cannot leak one.

const REDACT = [
  "password",
  "secret",
  "token",
  "authorization",
  "cookie",
  "*.password",
  "*.secret",
  "*.token",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  "*.CRON_SECRET",
  "*.APP_SECRET",
  "*.ADMIN_TOKEN",
  "*.SMTP_URL",
  "*.DATABASE_URL",
];

const GLOBAL_KEY = Symbol.for("paperpulse.logger");
type GlobalWithLogger = typeof globalThis & { [GLOBAL_KEY]?: pino.Logger };

function createLogger(): pino.Logger {
  // Read directly (not through lib/env) so that logging works even while env parsing fails.
  const level = process.env.LOG_LEVEL?.trim() || (process.env.NODE_ENV === "test" ? "warn" : "info");
  return pino({ level, base: { service: "paperpulse" }, redact: { paths: REDACT, censor: "[redacted]" }, timestamp: pino.stdTimeFunctions.isoTime });
}

export const log: pino.Logger = ((globalThis as GlobalWithLogger)[GLOBAL_KEY] ??= createLogger());

/** Error details for logs without credentials that drivers put in messages (e.g. connection URLs). */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(\w+:\/\/)[^@\s/]+@/g, "$1[redacted]@");
}

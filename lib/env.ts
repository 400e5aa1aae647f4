import path from "node:path";
import { z } from "zod";

// Every environment variable the app reads, parsed once. Everything is optional so that
// `npm start` works with none set and `next build` can import modules with no database.
// README.md has the same table for operators; keep them in step.

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
/** Secrets are refused below 32 characters: a short one can be guessed or brute-forced offline. */
export const MIN_SECRET_LENGTH = 32;
const optionalSecret = z.preprocess(
  emptyToUndefined,
  z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters long (make one with: openssl rand -base64 32)`).optional(),
);
const positiveInt = (fallback: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(["true", "false", "1", "0"]).optional()).transform((v) => (v === undefined ? fallback : v === "true" || v === "1"));
/** "cs.CL, cs.LG+stat.ML" -> ["cs.CL", "cs.LG", "stat.ML"]; commas, spaces and "+" all separate. */
const categoryList = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(/[\s,+]+/).filter((part) => part !== "") : []),
    z.array(z.string().regex(/^[a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?$/, "must be arXiv categories such as cs.CL, separated by commas")).max(50),
  )
  .transform((list) => [...new Set(list)]);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server. Unset: the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
  ),
  /** Size of the PostgreSQL connection pool per process. */
  DATABASE_POOL_SIZE: positiveInt(10),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./.data")),
  PORT: positiveInt(3000),
  /** Address the HTTP server listens on. Unset: 127.0.0.1 on the embedded database (this machine only), 0.0.0.0 with DATABASE_URL (a server deployment). */
  HOSTNAME: z.preprocess(emptyToUndefined, z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: "HOSTNAME must be an IP address or a host name" }).optional()),
  /** Reverse proxies in front of the app that append the client's address to X-Forwarded-For; 0: clients connect directly (lib/server/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  APP_URL: optionalUrl,
  HF_API_URL: z.preprocess(emptyToUndefined, z.url().default("https://huggingface.co/api/daily_papers")),
  ARXIV_API_URL: z.preprocess(emptyToUndefined, z.url().default("https://export.arxiv.org/api/query")),
  ARXIV_RSS_URL: z.preprocess(emptyToUndefined, z.url().default("https://rss.arxiv.org/rss")),
  /** Bearer secret for /api/cron/*. Unset: only the app's own in-process scheduler can call them. */
  CRON_SECRET: optionalSecret,
  /** Signs manage/unsubscribe links. Unset: a random key is generated once and kept in the database. */
  APP_SECRET: optionalSecret,
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional()),
  SMTP_FROM: z.preprocess(emptyToUndefined, z.string().default("PaperPulse <digest@paperpulse.localhost>")),
  /** SMTP connections per process (nodemailer's pool). */
  SMTP_POOL_SIZE: positiveInt(10),
  /** Address for List-Unsubscribe mailto (e.g. unsubscribe@example.org); unset: the https link only. */
  LIST_UNSUBSCRIBE_MAILTO: z.preprocess(emptyToUndefined, z.email().optional()),
  /** The local outbox page /outbox: "auto" = when SMTP_URL is unset and APP_URL is this machine. */
  OUTBOX_PAGE: z.preprocess(emptyToUndefined, z.enum(["auto", "on", "off"]).default("auto")),
  /** Most papers in one digest. */
  DIGEST_MAX_PAPERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(10)),
  /** ISO weekday (1 = Monday … 7 = Sunday) from which the weekly digest of the week goes out. */
  DIGEST_WEEKLY_DAY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(7).default(1)),
  /** Deliveries per queue job. */
  DIGEST_CHUNK_SIZE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(5000).default(250)),
  /** Digest chunk jobs one process works on at once. */
  DIGEST_CONCURRENCY: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(32).default(2)),
  /** Sending attempts per delivery before it fails (4xx and connection errors are retried). */
  DIGEST_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(20).default(6)),
  /** First retry delay; it doubles with each attempt (1, 2, 4, 8, 16 min by default). */
  DIGEST_RETRY_DELAY_SECONDS: positiveInt(60),
  /** Consecutive failed deliveries that suspend a subscriber (a hard bounce suspends at once). */
  DIGEST_SUSPEND_AFTER_FAILURES: positiveInt(3),
  /** Operator view /admin; it stays closed while this is unset. */
  ADMIN_TOKEN: optionalSecret,
  /** Import the last days of Hugging Face daily papers into an empty database on first start. */
  SEED_FROM_HF: flag(true),
  /** Run the in-app schedule (ingest, digest, housekeeping): "auto" = only on the embedded database. */
  SCHEDULER: z.preprocess(emptyToUndefined, z.enum(["auto", "on", "off"]).default("auto")),
  /** Cron expressions (UTC) for the in-app schedule. */
  INGEST_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("30 * * * *")),
  DIGEST_SCHEDULE: z.preprocess(emptyToUndefined, z.string().default("0 7 * * *")),
  /** Run queue workers inside the web server process (default). Set false when `npm run worker` runs them. */
  WORKERS_IN_APP: flag(true),
  /** Scheduled ingest (docs/ingestion.md): how many recent HF days to refresh each run (upvotes keep moving for days); 0 turns HF off. */
  INGEST_HF_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(30).default(3)),
  /** arXiv categories to poll through the API, newest first ("cs.CL,cs.LG"). Empty (default): off. */
  INGEST_ARXIV_CATEGORIES: categoryList,
  /** Papers per arXiv API request (per category). */
  INGEST_ARXIV_MAX_RESULTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(2000).default(100)),
  /** arXiv categories whose RSS announcements to import, fetched as one feed ("cs.CL,cs.LG"). Empty (default): off. */
  INGEST_ARXIV_RSS: categoryList,
  /** An arXiv source is fetched again only when its last good run is older than this (arXiv announces once a day). */
  INGEST_ARXIV_REFRESH_HOURS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(168).default(6)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema> & { appUrl: string; dataDir: string; embedded: boolean; listenHost: string };

let cached: Env | undefined;

/** A variable is set to something the app cannot use; the message names it, never its value. */
export class InvalidEnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidEnvironmentError";
  }
}

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    // Name the variables, never their values: they may hold secrets.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new InvalidEnvironmentError(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    dataDir: path.resolve(env.DATA_DIR),
    embedded: env.DATABASE_URL === undefined,
    listenHost: env.HOSTNAME ?? (env.DATABASE_URL === undefined ? "127.0.0.1" : "0.0.0.0"),
  };
  return cached;
}

/** Tests change process.env between cases; production parses exactly once. */
export function resetEnvForTests(): void {
  cached = undefined;
}

import { withSqlSession } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";

// What a load balancer needs to know: can this instance reach the database, and is the job
// queue installed there. Never includes connection strings or error details beyond a class.

export interface HealthReport {
  status: "ok" | "degraded" | "down";
  database: { ok: boolean; kind: "postgres" | "embedded"; latencyMs: number | null; error?: string };
  queue: { ok: boolean; pendingJobs: number | null };
}

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS))]);
}

export async function checkHealth(): Promise<HealthReport> {
  const kind = getEnv().embedded ? "embedded" : "postgres";
  const started = performance.now();
  try {
    const queue = await withTimeout(
      withSqlSession(async (sql) => {
        await sql.query("SELECT 1");
        const installed = await sql.query<{ installed: boolean }>(`SELECT to_regclass('pgboss.job') IS NOT NULL AS installed`);
        if (!installed[0]?.installed) return { ok: false, pendingJobs: null };
        const pending = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry')`);
        return { ok: true, pendingJobs: pending[0]?.n ?? 0 };
      }),
    );
    const latencyMs = Math.round(performance.now() - started);
    return { status: queue.ok ? "ok" : "degraded", database: { ok: true, kind, latencyMs }, queue };
  } catch (error) {
    log.warn({ err: describeError(error) }, "health check: the database did not answer");
    return { status: "down", database: { ok: false, kind, latencyMs: null, error: errorClass(error) }, queue: { ok: false, pendingJobs: null } };
  }
}

/**
 * The class of a failure only ("ECONNREFUSED", "28P01", "timeout"): driver messages name
 * hosts, ports, users and databases ("connect ECONNREFUSED 10.0.0.5:5432"), and this answer
 * is public. The full message goes to the log.
 */
function errorClass(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  if (typeof code === "string" && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
  if (error instanceof Error && error.message.startsWith("timed out")) return "timeout";
  return "unavailable";
}

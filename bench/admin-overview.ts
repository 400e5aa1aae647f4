// npm run bench:admin [-- --subscribers 100000 --runs 30 --repeat 10]
// Server time to build the operator view's data (lib/admin/queries.ts, getAdminOverview),
// which /admin re-reads every 5 s while a digest run sends. Fills DATABASE_URL (default: a
// fresh paperpulse_bench_admin, created and dropped here) with synthetic subscribers and one
// daily run per day for `--runs` days, every subscriber a delivery (1 % failed), the newest run
// still sending, then times the overview (cold once, then warm runs) and each part of it.
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: { subscribers: { type: "string", default: "100000" }, runs: { type: "string", default: "30" }, repeat: { type: "string", default: "10" } },
});
const subscribers = Number(values.subscribers);
const runs = Number(values.runs);
const repeat = Number(values.repeat);

const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ownDatabase = !process.env.DATABASE_URL;
const DB_NAME = "paperpulse_bench_admin";

async function admin(sql: string) {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

if (ownDatabase) {
  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME}`);
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  process.env.DATABASE_URL = url.toString();
}
process.env.LOG_LEVEL ??= "warn";

const { closeDb, withSqlSession } = await import("@/lib/db");
const queries = await import("@/lib/admin/queries");

const started = performance.now();
await withSqlSession(async (sql) => {
  await sql.exec(`
    INSERT INTO subscribers (id, email, status, frequency, topics, confirmed_at, created_at, updated_at)
    SELECT gen_random_uuid(), 'reader' || n || '@example.org',
      (CASE WHEN n % 50 = 0 THEN 'unsubscribed' WHEN n % 97 = 0 THEN 'suspended' WHEN n % 31 = 0 THEN 'pending' ELSE 'active' END)::"SubscriberStatus",
      (CASE WHEN n % 10 < 7 THEN 'daily' ELSE 'weekly' END)::"DigestFrequency", '{}',
      now() - (n % 90) * interval '1 day', now(), now()
    FROM generate_series(1, ${subscribers}) AS n;
    UPDATE subscribers SET unsubscribed_at = now() - (random() * 20) * interval '1 day' WHERE status = 'unsubscribed';
    INSERT INTO digest_runs (id, frequency, period, period_start, period_end, status, trigger, started_at, finished_at)
    SELECT gen_random_uuid(), 'daily', (current_date - d)::text, current_date - d, current_date - d,
      (CASE WHEN d = 0 THEN 'sending' ELSE 'completed' END)::"DigestRunStatus", 'bench',
      (current_date - d) + time '07:00', CASE WHEN d = 0 THEN NULL ELSE (current_date - d) + time '07:05' END
    FROM generate_series(0, ${runs - 1}) AS d;
    -- Final states written at insert, run by run, as a real run leaves its rows (contiguous,
    -- updated in place): no follow-up UPDATE scatters them over the table.
    INSERT INTO digest_deliveries (id, run_id, subscriber_id, chunk, status, message_id, attempts, failure_kind, smtp_code, last_error, sent_at, created_at, updated_at)
    SELECT gen_random_uuid(), x.run_id, x.subscriber_id, x.n / 250, x.st::"DeliveryStatus", '<' || x.run_id || '.' || x.subscriber_id || '@bench>', 1,
      CASE WHEN x.st = 'failed' THEN 'rejected' END, CASE WHEN x.st = 'failed' THEN 554 END, CASE WHEN x.st = 'failed' THEN '554 5.7.1 refused' END,
      CASE WHEN x.st = 'sent' THEN x.started_at + interval '2 minutes' END, x.started_at, x.started_at + interval '2 minutes'
    FROM (
      SELECT r.id AS run_id, r.started_at, s.id AS subscriber_id, row_number() OVER (PARTITION BY r.id ORDER BY s.id) - 1 AS n,
        CASE WHEN r.status = 'sending' AND random() < 0.5 THEN 'pending' WHEN random() < 0.01 THEN 'failed' ELSE 'sent' END AS st
      FROM digest_runs r CROSS JOIN (SELECT id FROM subscribers WHERE status = 'active' AND frequency = 'daily') AS s
      ORDER BY r.started_at, s.id
    ) AS x;
    UPDATE digest_runs r SET total_count = c.total, sent_count = c.sent, failed_count = c.failed, pending_count = c.pending
    FROM (SELECT run_id, count(*)::int AS total, count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status = 'failed')::int AS failed,
                 count(*) FILTER (WHERE status = 'pending')::int AS pending FROM digest_deliveries GROUP BY run_id) c
    WHERE r.id = c.run_id;`);
  await sql.exec("VACUUM ANALYZE");
});
const rows = await withSqlSession((sql) => sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM digest_deliveries`));
console.log(`filled: ${subscribers} subscribers, ${runs} runs, ${rows[0]?.n} deliveries in ${((performance.now() - started) / 1000).toFixed(1)} s`);

async function time(label: string, fn: () => Promise<unknown>) {
  const cold = performance.now();
  await fn();
  const coldMs = performance.now() - cold;
  const samples: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(28)} cold ${coldMs.toFixed(1).padStart(7)} ms   warm median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms`);
}

await time("getAdminOverview (all)", () => queries.getAdminOverview());
await time("countSubscribersByStatus", () => queries.countSubscribersByStatus());
await time("listDigestRunProgress", () => queries.listDigestRunProgress(10));
await time("listFailedDeliveries", () => queries.listFailedDeliveries(50));
await time("listActivity (30 days)", () => queries.listActivity(30));

await closeDb();
if (ownDatabase) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);

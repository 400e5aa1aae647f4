// /admin: the operator view. Subscribers by status, recent ingest runs, digest runs with live
// progress, failed deliveries with a Retry, and a chart of subscribers and sends. It exists
// only while ADMIN_TOKEN is set (a 404 otherwise) and shows the sign-in form until the
// operator has a session (or sends Authorization: Bearer <ADMIN_TOKEN>). Rendered on every
// request, never cached, never indexed; it shows no secrets (no tokens, no connection strings).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { isAdminEnabled } from "@/lib/admin/auth";
import { type AdminOverview, type DeliveryState, getAdminOverview, getDeliveryState, SUBSCRIBER_STATUSES } from "@/lib/admin/queries";
import { describeErrorItem } from "@/lib/ingest/ingest-runs";
import { currentAdminAccess } from "./access";
import { ActivityChart } from "./activity-chart";
import { AutoRefresh } from "./auto-refresh";
import { LiftSuspensionButton } from "./lift-suspension-button";
import { RetryButton } from "./retry-button";
import { SignInForm } from "./sign-in-form";
import { SignOutButton } from "./sign-out-button";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Operator view",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

function utc(date: Date | null): string {
  return date ? `${date.toISOString().replace("T", " ").slice(0, 19)} UTC` : "–";
}

function duration(ms: number | null): string {
  if (ms === null) return "–";
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

/** ?retried=<delivery id>: where the Retry action lands, to follow that delivery. */
const querySchema = z.object({ retried: z.uuid().optional().catch(undefined) });

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  if (!isAdminEnabled()) notFound();
  const access = await currentAdminAccess();
  if (access.kind === "closed") notFound();
  if (access.kind !== "granted") {
    return (
      <div className="mx-auto flex max-w-md flex-col gap-6 py-6">
        <h1 className="text-2xl font-semibold tracking-tight">Operator sign-in</h1>
        {access.kind === "rate_limited" ? (
          <p role="alert" className="card">
            Too many attempts from this address. Try again in {Math.ceil(access.retryAfterSeconds / 60)} minutes.
          </p>
        ) : (
          <SignInForm />
        )}
      </div>
    );
  }
  const { retried } = querySchema.parse(await searchParams);
  const [overview, retriedDelivery] = await Promise.all([getAdminOverview(), retried ? getDeliveryState(retried) : null]);
  return <Dashboard overview={overview} signedIn={access.via === "session"} retried={retriedDelivery} />;
}

const RETRY_PROGRESS: Record<DeliveryState["status"], string> = {
  pending: "queued, waiting for a worker",
  sending: "being sent",
  sent: "sent",
  failed: "failed again",
  skipped: "skipped: nothing new for this subscriber any more",
};

function Dashboard({ overview, signedIn, retried }: { overview: AdminOverview; signedIn: boolean; retried: DeliveryState | null }) {
  const { subscribers, ingestRuns, digestRuns, failedDeliveries, activity } = overview;
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Operator view</h1>
          <p className="text-sm muted">As of {utc(overview.generatedAt)}</p>
          <AutoRefresh active={overview.active} />
        </div>
        {signedIn && <SignOutButton />}
      </div>

      {retried && (
        <p role="status" className="card">
          Retried the digest to <span className="font-medium">{retried.email}</span> ({retried.runKey}), same Message-ID: {RETRY_PROGRESS[retried.status]}.
          {retried.status === "failed" && retried.lastError && <span className="block text-sm muted">{retried.lastError}</span>}
        </p>
      )}

      <section aria-labelledby="subscribers-heading" className="flex flex-col gap-3">
        <h2 id="subscribers-heading" className="text-xl font-semibold">
          Subscribers
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {SUBSCRIBER_STATUSES.map((status) => (
            <div key={status} className="card flex flex-col gap-1">
              <dt className="text-sm muted capitalize">{status}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{subscribers.byStatus[status]}</dd>
            </div>
          ))}
          <div className="card flex flex-col gap-1">
            <dt className="text-sm muted">Total</dt>
            <dd className="text-2xl font-semibold tabular-nums">{subscribers.total}</dd>
          </div>
        </dl>
        <p className="text-sm muted">
          Active: {subscribers.activeDaily} daily, {subscribers.activeWeekly} weekly.
        </p>
      </section>

      <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
        <h2 id="activity-heading" className="text-xl font-semibold">
          Subscribers and sends, last {activity.length} days
        </h2>
        <div className="card">
          <ActivityChart days={activity} />
        </div>
      </section>

      <section aria-labelledby="digest-runs-heading" className="flex flex-col gap-3">
        <h2 id="digest-runs-heading" className="text-xl font-semibold">
          Digest runs
        </h2>
        {digestRuns.length === 0 ? (
          <p className="card">No digest run yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0 sm:p-0">
            <table className="w-full text-sm" aria-label="Digest runs">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-2">Run</th>
                  <th scope="col" className="p-2">Status</th>
                  <th scope="col" className="p-2 text-right">Total</th>
                  <th scope="col" className="p-2 text-right">Pending</th>
                  <th scope="col" className="p-2 text-right">Sending</th>
                  <th scope="col" className="p-2 text-right">Sent</th>
                  <th scope="col" className="p-2 text-right">Failed</th>
                  <th scope="col" className="p-2 text-right">Skipped</th>
                  <th scope="col" className="p-2">Started</th>
                  <th scope="col" className="p-2">Finished</th>
                </tr>
              </thead>
              <tbody>
                {digestRuns.map((run) => {
                  const done = run.progress.sent + run.progress.failed + run.progress.skipped;
                  return (
                    <tr key={run.id} className="border-t border-stone-200 dark:border-stone-800">
                      <th scope="row" className="p-2 text-left font-medium">
                        {run.key}
                        <span className="block text-xs font-normal muted">{run.trigger}</span>
                      </th>
                      <td className="p-2">
                        {run.status}
                        {run.live && run.progress.total > 0 && (
                          <progress className="block w-24" max={run.progress.total} value={done} aria-label={`${run.key}: ${done} of ${run.progress.total} decided`} />
                        )}
                      </td>
                      <td className="p-2 text-right tabular-nums">{run.progress.total}</td>
                      <td className="p-2 text-right tabular-nums">{run.progress.pending}</td>
                      <td className="p-2 text-right tabular-nums">{run.progress.sending}</td>
                      <td className="p-2 text-right tabular-nums">{run.progress.sent}</td>
                      <td className="p-2 text-right tabular-nums">{run.progress.failed}</td>
                      <td className="p-2 text-right tabular-nums">{run.progress.skipped}</td>
                      <td className="p-2 whitespace-nowrap">{utc(run.startedAt)}</td>
                      <td className="p-2 whitespace-nowrap">{utc(run.finishedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="failed-heading" className="flex flex-col gap-3">
        <h2 id="failed-heading" className="text-xl font-semibold">
          Failed deliveries ({failedDeliveries.total})
        </h2>
        {failedDeliveries.items.length === 0 ? (
          <p className="card">No failed deliveries.</p>
        ) : (
          <div className="card overflow-x-auto p-0 sm:p-0">
            <table className="w-full text-sm" aria-label="Failed deliveries">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-2">Subscriber</th>
                  <th scope="col" className="p-2">Run</th>
                  <th scope="col" className="p-2">Reason</th>
                  <th scope="col" className="p-2 text-right">Attempts</th>
                  <th scope="col" className="p-2">Failed at</th>
                  <th scope="col" className="p-2">Action</th>
                </tr>
              </thead>
              <tbody>
                {failedDeliveries.items.map((delivery) => (
                  <tr key={delivery.id} className="border-t border-stone-200 align-top dark:border-stone-800">
                    <th scope="row" className="p-2 text-left font-medium">
                      {delivery.email}
                      <span className="block text-xs font-normal muted">{delivery.subscriberStatus}</span>
                    </th>
                    <td className="p-2 whitespace-nowrap">{delivery.runKey}</td>
                    <td className="p-2">
                      <span className="font-medium">{delivery.failureKind ?? "failed"}</span>
                      {delivery.smtpCode !== null && <span> (SMTP {delivery.smtpCode})</span>}
                      {delivery.lastError && <span className="block break-all text-xs muted">{delivery.lastError}</span>}
                    </td>
                    <td className="p-2 text-right tabular-nums">{delivery.attempts}</td>
                    <td className="p-2 whitespace-nowrap">{utc(delivery.failedAt)}</td>
                    <td className="p-2">
                      {delivery.subscriberStatus === "active" ? (
                        <RetryButton deliveryId={delivery.id} email={delivery.email} />
                      ) : delivery.subscriberStatus === "suspended" ? (
                        <LiftSuspensionButton subscriberId={delivery.subscriberId} email={delivery.email} />
                      ) : (
                        <span className="text-xs muted">Subscriber {delivery.subscriberStatus}: they can come back by confirming their address again.</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {failedDeliveries.total > failedDeliveries.items.length && (
              <p className="p-2 text-sm muted">
                Showing the latest {failedDeliveries.items.length} of {failedDeliveries.total}.
              </p>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="ingest-heading" className="flex flex-col gap-3">
        <h2 id="ingest-heading" className="text-xl font-semibold">
          Recent ingest runs
        </h2>
        {ingestRuns.length === 0 ? (
          <p className="card">No ingest run yet.</p>
        ) : (
          <div className="card overflow-x-auto p-0 sm:p-0">
            <table className="w-full text-sm" aria-label="Ingest runs">
              <thead>
                <tr className="text-left">
                  <th scope="col" className="p-2">Source</th>
                  <th scope="col" className="p-2">Status</th>
                  <th scope="col" className="p-2 text-right">New</th>
                  <th scope="col" className="p-2 text-right">Updated</th>
                  <th scope="col" className="p-2 text-right">Unchanged</th>
                  <th scope="col" className="p-2 text-right">Failed</th>
                  <th scope="col" className="p-2">Started</th>
                  <th scope="col" className="p-2 text-right">Took</th>
                  <th scope="col" className="p-2">Errors</th>
                </tr>
              </thead>
              <tbody>
                {ingestRuns.map((run) => (
                  <tr key={run.id} className="border-t border-stone-200 align-top dark:border-stone-800">
                    <th scope="row" className="p-2 text-left font-medium break-all">
                      {run.source}
                      <span className="block text-xs font-normal muted">{run.trigger}</span>
                    </th>
                    <td className="p-2">{run.status}</td>
                    <td className="p-2 text-right tabular-nums">{run.newCount}</td>
                    <td className="p-2 text-right tabular-nums">{run.updatedCount}</td>
                    <td className="p-2 text-right tabular-nums">{run.unchangedCount}</td>
                    <td className="p-2 text-right tabular-nums">{run.failedCount}</td>
                    <td className="p-2 whitespace-nowrap">{utc(run.startedAt)}</td>
                    <td className="p-2 text-right whitespace-nowrap">{duration(run.durationMs)}</td>
                    <td className="p-2">
                      {run.errors.length === 0 ? (
                        <span className="muted">none</span>
                      ) : (
                        <details>
                          <summary>
                            {run.errors.length} {run.errors.length === 1 ? "error" : "errors"}
                          </summary>
                          <ul className="mt-1 flex flex-col gap-1 text-xs">
                            {run.errors.slice(0, 20).map((error, index) => (
                              <li key={index} className="break-all">
                                {[describeErrorItem(error), error.message].filter(Boolean).join(": ")}
                              </li>
                            ))}
                          </ul>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

// /outbox: the local outbox. With no SMTP_URL, emails are written to DATA_DIR/outbox as
// .eml files instead of being sent; this lists them, newest first, 25 a page. It exists only
// then, and only for a browser on this machine (or with OUTBOX_PAGE=on): messages hold
// people's addresses and personal links. Anywhere else it is a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { listOutboxPage } from "@/lib/mail/outbox";
import { canSeeOutbox } from "./access";

export const metadata: Metadata = { title: "Outbox", robots: { index: false, follow: false } };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  if (!(await canSeeOutbox())) notFound();
  const query = pageSchema.safeParse(await searchParams);
  if (!query.success) notFound();
  const listing = await listOutboxPage(query.data.page);
  if (!listing) notFound();
  const { messages, page, pageCount, total } = listing;
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Outbox</h1>
        <p className="muted">
          No mail server is configured (SMTP_URL), so emails are kept here instead of being sent. Set SMTP_URL to send them for real.
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="card">The outbox is empty. Sign up for the digest and the confirmation email appears here.</p>
      ) : (
        <>
          <ol className="card flex flex-col divide-y divide-stone-200 p-0 sm:p-0 dark:divide-stone-800" aria-label="Messages">
            {messages.map((message) => (
              <li key={message.id} className="flex min-w-0 flex-col gap-0.5 px-4 py-3">
                <Link href={`/outbox/${message.id}`} className="font-medium break-words underline">
                  {message.subject || "(no subject)"}
                </Link>
                <span className="text-sm break-all muted">
                  to {message.to} · <time dateTime={message.date}>{message.date.replace("T", " ").slice(0, 19)} UTC</time>
                </span>
              </li>
            ))}
          </ol>
          {pageCount > 1 && (
            <nav aria-label="Outbox pages" className="flex items-center justify-between gap-4 text-sm">
              {page > 1 ? (
                <Link href={page === 2 ? "/outbox" : `/outbox?page=${page - 1}`} rel="prev" className="underline">
                  ← Newer
                </Link>
              ) : (
                <span />
              )}
              <span className="muted">{`Page ${page} of ${pageCount} (${total} messages)`}</span>
              {page < pageCount ? (
                <Link href={`/outbox?page=${page + 1}`} rel="next" className="underline">
                  Older →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
        </>
      )}
    </div>
  );
}

// /outbox: the local outbox. With no SMTP_URL, emails are written to DATA_DIR/outbox as
// .eml files instead of being sent; this lists them, newest first. It exists only then, and
// only when APP_URL is this machine (or OUTBOX_PAGE=on): messages hold people's addresses
// and personal links. Anywhere else it is a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isOutboxPageEnabled, listOutboxMessages } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Outbox", robots: { index: false, follow: false } };

export default async function OutboxPage() {
  await connection();
  if (!isOutboxPageEnabled()) notFound();
  const messages = await listOutboxMessages();
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
        <ol className="card flex flex-col divide-y divide-stone-200 p-0 sm:p-0 dark:divide-stone-800" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.id} className="flex flex-col gap-0.5 px-4 py-3">
              <Link href={`/outbox/${message.id}`} className="font-medium underline">
                {message.subject || "(no subject)"}
              </Link>
              <span className="text-sm muted">
                to {message.to} · <time dateTime={message.date}>{message.date.replace("T", " ").slice(0, 19)} UTC</time>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

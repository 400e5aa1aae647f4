// /outbox/<id>: one message of the local outbox: its headers, its links, the HTML part in a
// sandboxed frame and the plain-text part. Long unbroken text (tokens in URLs) wraps
// anywhere, so the page stays as wide as a 360 px phone.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { readOutboxMessage } from "@/lib/mail/outbox";
import { canSeeOutbox } from "../access";

export const metadata: Metadata = { title: "Outbox message", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!(await canSeeOutbox())) notFound();
  const message = await readOutboxMessage((await params).id);
  if (!message) notFound();
  return (
    <div className="mx-auto flex max-w-4xl min-w-0 flex-col gap-6 wrap-anywhere">
      <p className="text-sm">
        <Link href="/outbox" className="underline">
          ← Outbox
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">{message.subject || "(no subject)"}</h1>
      <section aria-labelledby="headers-heading" className="card overflow-x-auto">
        <h2 id="headers-heading" className="mb-2 text-lg font-semibold">
          Headers
        </h2>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {message.headers.map((header) => (
            <div key={header.name} className="contents">
              <dt className="font-medium">{header.name}</dt>
              <dd className="break-all muted">{header.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {message.links.length > 0 && (
        <section aria-labelledby="links-heading" className="card">
          <h2 id="links-heading" className="mb-2 text-lg font-semibold">
            Links in this message
          </h2>
          <ul className="flex flex-col gap-1 text-sm">
            {message.links.map((link, index) => (
              <li key={`${index}-${link.href}`}>
                <a href={link.href} className="underline">
                  {link.text}
                </a>{" "}
                <span className="break-all muted">{link.href}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="html-heading" className="flex flex-col gap-2">
        <h2 id="html-heading" className="text-lg font-semibold">
          HTML part
        </h2>
        {/* No scripts, forms, popups or navigation of the page (the sandbox grants none of them).
            allow-same-origin only keeps the frame in the page's own process: a sandboxed
            frame with an opaque origin is rendered out of process, and came out blank
            below the fold (full-page captures, print). Without scripts, same-origin gives
            its markup nothing to use, and the page's CSP still applies inside. */}
        <iframe title="HTML part of the message" sandbox="allow-same-origin" srcDoc={message.html} className="h-[36rem] w-full rounded-xl border border-stone-200 bg-white dark:border-stone-800" />
      </section>
      <section aria-labelledby="text-heading" className="flex flex-col gap-2">
        <h2 id="text-heading" className="text-lg font-semibold">
          Text part
        </h2>
        <pre className="card overflow-x-auto text-sm whitespace-pre-wrap">{message.text}</pre>
      </section>
    </div>
  );
}

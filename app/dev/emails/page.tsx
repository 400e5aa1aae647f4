// /dev/emails: a preview of every email template with sample data (emails/previews.ts),
// HTML and plain text, in development only (a 404 in production). The react-email CLI's
// preview server is a separate Next.js app pinned to another Next version, so the
// templates are previewed here, through the same render path the app sends with.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { createElement } from "react";
import { ConfirmationEmail } from "@/emails/confirmation-email";
import { DigestEmail } from "@/emails/digest-email";
import { CONFIRMATION_PREVIEWS, DIGEST_PREVIEWS } from "@/emails/previews";
import { getEnv } from "@/lib/env";
import { renderEmail } from "@/lib/mail/render-email";

export const metadata: Metadata = { title: "Email previews", robots: { index: false, follow: false } };

export default async function EmailPreviewsPage() {
  await connection();
  if (getEnv().NODE_ENV !== "development") notFound();
  const previews = await Promise.all([
    ...Object.entries(DIGEST_PREVIEWS).map(async ([name, props]) => ({ name, ...(await renderEmail(createElement(DigestEmail, props))) })),
    ...Object.entries(CONFIRMATION_PREVIEWS).map(async ([name, props]) => ({ name, ...(await renderEmail(createElement(ConfirmationEmail, props))) })),
  ]);
  return (
    <div className="flex flex-col gap-8">
      <h1 className="text-2xl font-semibold tracking-tight">Email previews</h1>
      <nav aria-label="Templates" className="flex flex-wrap gap-3 text-sm">
        {previews.map((preview) => (
          <a key={preview.name} href={`#${preview.name}`} className="underline">
            {preview.name}
          </a>
        ))}
      </nav>
      {previews.map((preview) => (
        <section key={preview.name} id={preview.name} aria-labelledby={`${preview.name}-heading`} className="flex flex-col gap-2">
          <h2 id={`${preview.name}-heading`} className="text-lg font-semibold">
            {preview.name}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <iframe title={`${preview.name}, HTML part`} sandbox="" srcDoc={preview.html} className="h-[40rem] w-full rounded-xl border border-stone-200 bg-white dark:border-stone-800" />
            <pre className="card h-[40rem] overflow-auto text-xs whitespace-pre-wrap">{preview.text}</pre>
          </div>
        </section>
      ))}
    </div>
  );
}

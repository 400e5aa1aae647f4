// /unsubscribe?token=…: the "Unsubscribe" link in a digest's footer, and where a GET on the
// List-Unsubscribe URL lands. It asks first; only the button (a POST) unsubscribes, so link
// scanners and prefetchers cannot unsubscribe anyone.
import type { Metadata } from "next";
import Link from "next/link";
import { tokenSchema } from "@/lib/subscribers/tokens";
import { UnsubscribeForm } from "./unsubscribe-form";

export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = tokenSchema.safeParse((await searchParams).token);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Unsubscribe from PaperPulse digests?</h1>
      {token.success ? (
        <div className="card flex flex-col gap-4">
          <p>You will get no more digests at the address this link was sent to. You can sign up again at any time.</p>
          <UnsubscribeForm token={token.data} />
        </div>
      ) : (
        <div className="card flex flex-col gap-3">
          <p role="alert">This unsubscribe link is not complete or not valid. Use the link at the bottom of your latest digest.</p>
          <p>
            <Link href="/" className="btn no-underline">
              Today’s papers
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

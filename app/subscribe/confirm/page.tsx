// /subscribe/confirm?token=…: where the confirmation email leads. Opening it changes
// nothing: link scanners and previews follow links, so confirming takes the button (a POST).
import type { Metadata } from "next";
import Link from "next/link";
import { tokenSchema } from "@/lib/subscribers/tokens";
import { ConfirmForm } from "./confirm-form";

export const metadata: Metadata = {
  title: "Confirm your subscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = tokenSchema.safeParse((await searchParams).token);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Confirm your subscription</h1>
      {token.success ? (
        <div className="card flex flex-col gap-4">
          <p>Press the button to start receiving PaperPulse digests at the address that got this link.</p>
          <ConfirmForm token={token.data} />
        </div>
      ) : (
        <div className="card flex flex-col gap-3">
          <p role="alert">This confirmation link is not complete or not valid. Copy the whole link from the email, or sign up again.</p>
          <p>
            <Link href="/subscribe" className="btn no-underline">
              Sign up again
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

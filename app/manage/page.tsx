// /manage?token=…: the signed link in every digest. Change frequency and topics,
// unsubscribe, or resume after an unsubscribe or a suspension. No account, no cookie.
import type { Metadata } from "next";
import Link from "next/link";
import { findSubscriberByToken } from "@/lib/subscribers/queries";
import { tokenSchema } from "@/lib/subscribers/tokens";
import { topicOptions } from "@/lib/subscribers/topics";
import { ManageForms } from "./manage-forms";

export const metadata: Metadata = {
  title: "Manage your digest",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ManagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = tokenSchema.safeParse((await searchParams).token);
  const subscriber = token.success ? await findSubscriberByToken(["manage"], token.data) : null;
  if (!token.success || !subscriber) {
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-4 py-6">
        <h1 className="text-2xl font-semibold tracking-tight">Manage your digest</h1>
        <div className="card flex flex-col gap-3">
          <p role="alert">This link is not valid. Use the “Manage your digest” link at the bottom of your latest digest.</p>
          <p>
            <Link href="/subscribe" className="btn no-underline">
              Sign up
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Manage your digest</h1>
      <ManageForms token={token.data} email={subscriber.email} topics={topicOptions()} frequency={subscriber.frequency} selected={subscriber.topics} status={subscriber.status} />
    </div>
  );
}

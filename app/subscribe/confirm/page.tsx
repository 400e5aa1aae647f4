// /subscribe/confirm?token=…&frequency=…&topic=…: where the confirmation email leads. Opening
// it changes nothing (link scanners and previews follow links): it says what the link can do
// and shows the sign-up's frequency and topics, which the button (a POST) confirms.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { inspectConfirmation } from "@/lib/subscribers/queries";
import { frequencySchema } from "@/lib/subscribers/schemas";
import { tokenSchema } from "@/lib/subscribers/tokens";
import { isSubscribableTag, topicOptions } from "@/lib/subscribers/topics";
import { ConfirmForm } from "./confirm-form";
import { ALREADY_CONFIRMED, EXPIRED, NOT_VALID } from "./messages";

export const metadata: Metadata = {
  title: "Confirm your subscription",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

/** The sign-up's choices as the link carries them; anything unknown is left out, not an error. */
const choicesSchema = z.object({
  frequency: frequencySchema.catch("daily"),
  topic: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .catch(undefined)
    .transform((value) => [value ?? []].flat().filter((slug) => slug.length <= 64 && isSubscribableTag(slug)).slice(0, 30)),
});

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const token = tokenSchema.safeParse(query.token);
  const state = token.success ? await inspectConfirmation(token.data) : ({ kind: "invalid" } as const);
  const choices = choicesSchema.parse(query);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 py-6">
      <h1 className="text-2xl font-semibold tracking-tight">Confirm your subscription</h1>
      {token.success && state.kind === "confirmable" ? (
        <div className="card flex flex-col gap-4">
          <p>Check how often and on which topics you want the digest, then press the button to start receiving PaperPulse digests at the address that got this link.</p>
          <ConfirmForm token={token.data} topics={topicOptions()} frequency={choices.frequency} selected={choices.topic} />
        </div>
      ) : state.kind === "already_confirmed" ? (
        <div className="card flex flex-col gap-3">
          <p role="status">{ALREADY_CONFIRMED}</p>
          <p>
            <Link href="/" className="btn no-underline">
              Today’s papers
            </Link>
          </p>
        </div>
      ) : (
        <div className="card flex flex-col gap-3">
          <p role="alert">{state.kind === "expired" ? EXPIRED : NOT_VALID}</p>
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

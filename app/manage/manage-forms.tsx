"use client";

import { useActionState, useId } from "react";
import { DigestPreferenceFields, FormResult } from "@/components/subscribe-form";
import { IDLE } from "@/lib/subscribers/form-state";
import type { SubscriberStatus } from "@/lib/subscribers/queries";
import type { TopicOption } from "@/lib/subscribers/topics";
import { changeMembershipAction, savePreferencesAction } from "./actions";

const STATUS_TEXT = {
  pending: "waiting for confirmation: use the link in the confirmation email.",
  active: "active.",
  unsubscribed: "unsubscribed: no digests are sent.",
  suspended: "paused, because recent digests to this address could not be delivered.",
} as const;

export function ManageForms({
  token,
  email,
  topics,
  frequency,
  selected,
  status,
}: {
  token: string;
  email: string;
  topics: readonly TopicOption[];
  frequency: "daily" | "weekly";
  selected: readonly string[];
  status: SubscriberStatus;
}) {
  const [saveState, save, saving] = useActionState(savePreferencesAction, IDLE);
  const [membershipState, changeMembership, changing] = useActionState(changeMembershipAction, IDLE);
  const id = useId();
  const current = membershipState.status === "ok" && membershipState.subscriberStatus ? membershipState.subscriberStatus : status;
  // After a save the form shows what was saved: React resets the fields to their defaults
  // once the action returns, so the defaults must follow the saved values.
  const saved = saveState.status === "ok" && saveState.preferences ? saveState.preferences : { frequency, topics: selected };
  const intent = current === "active" || current === "pending" ? "unsubscribe" : "resume";
  const heading = intent === "unsubscribe" ? "Unsubscribe" : current === "suspended" ? "Resume digests" : "Subscribe again";

  return (
    <div className="flex flex-col gap-6">
      <p className="muted">
        Digest for <strong className="text-stone-900 dark:text-stone-100">{email}</strong>: {STATUS_TEXT[current]}
      </p>
      <section aria-labelledby={`${id}-prefs`} className="card flex flex-col gap-4">
        <h2 id={`${id}-prefs`} className="text-lg font-semibold">
          Frequency and topics
        </h2>
        <form action={save} className="flex flex-col gap-4">
          <input type="hidden" name="token" value={token} />
          <DigestPreferenceFields
            key={`${saved.frequency}:${saved.topics.join(",")}`}
            idPrefix={id}
            topics={topics}
            frequency={saved.frequency}
            selected={saved.topics}
          />
          <div>
            <button type="submit" className="btn btn-primary" disabled={saving}>
              Save changes
            </button>
          </div>
          <FormResult id={`${id}-save-result`} state={saveState} pending={saving} />
        </form>
      </section>

      <section aria-labelledby={`${id}-membership`} className="card flex flex-col gap-3">
        <h2 id={`${id}-membership`} className="text-lg font-semibold">
          {heading}
        </h2>
        <form action={changeMembership} className="flex flex-col gap-3">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="intent" value={intent} />
          <p className="text-sm muted">
            {intent === "unsubscribe"
              ? "Stop all PaperPulse digests to this address. It takes effect at once."
              : current === "suspended"
                ? "If your mailbox works again, resume the digests: we email a confirmation link to this address, and digests start again once you confirm it."
                : "Changed your mind? We email a confirmation link to this address; digests start again once you confirm it."}
          </p>
          <div>
            <button type="submit" className="btn" disabled={changing}>
              {heading}
            </button>
          </div>
          <FormResult id={`${id}-membership-result`} state={membershipState} pending={changing} />
        </form>
      </section>
    </div>
  );
}

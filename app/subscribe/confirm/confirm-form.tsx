"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { confirmAction } from "@/app/subscribe/actions";
import { DigestPreferenceFields, FormResult } from "@/components/subscribe-form";
import { IDLE } from "@/lib/subscribers/form-state";
import type { TopicOption } from "@/lib/subscribers/topics";

export function ConfirmForm({ token, topics, frequency, selected }: { token: string; topics: readonly TopicOption[]; frequency: "daily" | "weekly"; selected: readonly string[] }) {
  const [state, formAction, pending] = useActionState(confirmAction, IDLE);
  const id = useId();
  const done = state.status === "ok";
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="token" value={token} />
      {!done && (
        <>
          <DigestPreferenceFields idPrefix={id} topics={topics} frequency={frequency} selected={selected} />
          <div>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              Confirm subscription
            </button>
          </div>
        </>
      )}
      <FormResult id={`${id}-result`} state={state} pending={pending} />
      {state.status === "error" && (
        <p>
          <Link href="/subscribe" className="btn no-underline">
            Sign up again
          </Link>
        </p>
      )}
    </form>
  );
}

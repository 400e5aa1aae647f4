"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { FormResult } from "@/components/subscribe-form";
import { IDLE } from "@/lib/subscribers/form-state";
import { unsubscribeAction } from "./actions";

export function UnsubscribeForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(unsubscribeAction, IDLE);
  const id = useId();
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {state.status !== "ok" && (
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Unsubscribe
          </button>
        </div>
      )}
      <FormResult id={`${id}-result`} state={state} pending={pending} />
      {state.status === "ok" && (
        <p className="text-sm muted">
          Changed your mind?{" "}
          <Link href="/subscribe" className="underline">
            Subscribe again
          </Link>
          .
        </p>
      )}
    </form>
  );
}

"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { confirmAction } from "@/app/subscribe/actions";
import { FormResult } from "@/components/subscribe-form";
import { IDLE } from "@/lib/subscribers/form-state";

export function ConfirmForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(confirmAction, IDLE);
  const id = useId();
  const done = state.status === "ok";
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      {!done && (
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Confirm subscription
          </button>
        </div>
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

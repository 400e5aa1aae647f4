"use client";

import { useActionState, useId } from "react";
import { type AdminFormState, signInAction } from "./actions";

const IDLE: AdminFormState = { status: "idle" };

export function SignInForm() {
  const [state, formAction, pending] = useActionState(signInAction, IDLE);
  const id = useId();
  return (
    <form action={formAction} className="card flex flex-col gap-3" aria-describedby={`${id}-result`}>
      <label htmlFor={`${id}-token`} className="font-medium">
        Admin token
      </label>
      <input id={`${id}-token`} name="token" type="password" autoComplete="current-password" required maxLength={512} className="input" />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          Sign in
        </button>
      </div>
      <div id={`${id}-result`} aria-live="polite" className="min-h-6 text-sm">
        {!pending && state.status === "error" && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import type { AdminFormState } from "./actions";

const IDLE: AdminFormState = { status: "idle" };

/** One button in a row of the operator view, posting one id to its action; errors show beside it. */
export function RowActionButton({
  action,
  field,
  value,
  label,
  accessibleLabel,
  pendingText,
}: {
  action: (previous: AdminFormState, form: FormData) => Promise<AdminFormState>;
  field: string;
  value: string;
  label: string;
  accessibleLabel: string;
  pendingText: string;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name={field} value={value} />
      <button type="submit" className="btn" disabled={pending} aria-label={accessibleLabel}>
        {label}
      </button>
      <span aria-live="polite" className="text-xs">
        {pending && <span className="muted">{pendingText}</span>}
        {!pending && state.status === "error" && (
          <span role="alert" className="text-red-700 dark:text-red-300">
            {state.message}
          </span>
        )}
      </span>
    </form>
  );
}

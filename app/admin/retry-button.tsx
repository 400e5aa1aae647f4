"use client";

import { useActionState } from "react";
import { type AdminFormState, retryDeliveryAction } from "./actions";

const IDLE: AdminFormState = { status: "idle" };

export function RetryButton({ deliveryId, email }: { deliveryId: string; email: string }) {
  const [state, formAction, pending] = useActionState(retryDeliveryAction, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" className="btn" disabled={pending} aria-label={`Retry the digest to ${email}`}>
        Retry
      </button>
      <span aria-live="polite" className="text-xs">
        {pending && <span className="muted">Queuing…</span>}
        {!pending && state.status === "error" && (
          <span role="alert" className="text-red-700 dark:text-red-300">
            {state.message}
          </span>
        )}
      </span>
    </form>
  );
}

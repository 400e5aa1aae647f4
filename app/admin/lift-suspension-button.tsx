"use client";

import { liftSuspensionAction } from "./actions";
import { RowActionButton } from "./row-action-button";

/** Shown for suspended subscribers: the operator decides their mailbox works again. */
export function LiftSuspensionButton({ subscriberId, email }: { subscriberId: string; email: string }) {
  return (
    <RowActionButton
      action={liftSuspensionAction}
      field="subscriberId"
      value={subscriberId}
      label="Lift suspension"
      accessibleLabel={`Lift the suspension of ${email}`}
      pendingText="Lifting…"
    />
  );
}

"use client";

import { retryDeliveryAction } from "./actions";
import { RowActionButton } from "./row-action-button";

export function RetryButton({ deliveryId, email }: { deliveryId: string; email: string }) {
  return <RowActionButton action={retryDeliveryAction} field="deliveryId" value={deliveryId} label="Retry" accessibleLabel={`Retry the digest to ${email}`} pendingText="Queuing…" />;
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a run is active, re-renders the page from the server every few seconds (live progress). */
export function AutoRefresh({ active, intervalMs = 5000 }: { active: boolean; intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, router]);
  return (
    <p className="text-sm muted" aria-live="off">
      {active ? "A run is in progress: this page refreshes every few seconds." : "No run in progress."}
    </p>
  );
}

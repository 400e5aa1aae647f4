"use server";
// Server actions of the operator view: sign in (the token, once, for a session cookie), sign
// out (which ends the session on the server too), retry a failed delivery and lift a
// subscriber's suspension. Server actions are public endpoints, so each one checks access itself and refuses a request from another
// site (as proxy.ts and Next do before it). Like every action of the app they take
// (previous state, FormData) (lib/http/server-action-guard.ts).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ADMIN_COOKIE, adminCookieOptions, revokeAdminSession, signInAdmin } from "@/lib/admin/auth";
import { retryFailedDelivery } from "@/lib/admin/retry-delivery";
import { CROSS_SITE_MESSAGE } from "@/lib/http/same-origin";
import { liftSuspension } from "@/lib/subscribers/commands";
import { currentAdminAccess, currentClientIp, isCrossSiteAction } from "./access";

export type AdminFormState = { status: "idle" } | { status: "ok"; message: string } | { status: "error"; message: string };

const CROSS_SITE: AdminFormState = { status: "error", message: CROSS_SITE_MESSAGE };

export async function signInAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  if (await isCrossSiteAction()) return CROSS_SITE;
  const outcome = await signInAdmin({ token: form.get("token"), clientIp: await currentClientIp() });
  switch (outcome.kind) {
    case "closed":
      return { status: "error", message: "The operator view is closed." };
    case "invalid":
      return { status: "error", message: outcome.message };
    case "rate_limited":
      return { status: "error", message: `Too many attempts. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.` };
    case "wrong_token":
      return { status: "error", message: "That token is not right." };
    case "signed_in":
      (await cookies()).set(ADMIN_COOKIE, outcome.session.value, adminCookieOptions(outcome.session.maxAgeSeconds));
      redirect("/admin");
  }
}

export async function signOutAction(_previous: AdminFormState, _form: FormData): Promise<AdminFormState> {
  if (await isCrossSiteAction()) return CROSS_SITE;
  const cookieStore = await cookies();
  // Ended on the server first: a copy of the cookie (another tab, a stolen one) dies too.
  await revokeAdminSession(cookieStore.get(ADMIN_COOKIE)?.value);
  cookieStore.delete(ADMIN_COOKIE);
  redirect("/admin");
}

const retrySchema = z.object({ deliveryId: z.uuid("That is not a delivery id.") });

export async function retryDeliveryAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  if (await isCrossSiteAction()) return CROSS_SITE;
  const access = await currentAdminAccess();
  if (access.kind !== "granted") return { status: "error", message: "Sign in again to retry deliveries." };
  const parsed = retrySchema.safeParse({ deliveryId: form.get("deliveryId") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "That is not a delivery id." };
  const outcome = await retryFailedDelivery(parsed.data.deliveryId);
  switch (outcome.kind) {
    case "not_found":
      return { status: "error", message: "This delivery no longer exists." };
    case "not_failed":
      return { status: "error", message: `This delivery is ${outcome.status} now, not failed: nothing to retry.` };
    case "subscriber_inactive":
      return {
        status: "error",
        message:
          outcome.subscriberStatus === "suspended"
            ? "The subscriber is suspended: lift the suspension first, or let them confirm their address again from their manage link."
            : `The subscriber is ${outcome.subscriberStatus}: only they can come back, by confirming their address again.`,
      };
    case "requeued":
      // The row leaves the failed list at once, so the outcome is shown above the tables, where
      // it follows the delivery until it is sent (the page refreshes itself while its run sends).
      redirect(`/admin?retried=${outcome.deliveryId}`);
  }
}

const liftSchema = z.object({ subscriberId: z.uuid("That is not a subscriber id.") });

/** Lets a suspended address receive digests again (its owner can also confirm it anew). */
export async function liftSuspensionAction(_previous: AdminFormState, form: FormData): Promise<AdminFormState> {
  if (await isCrossSiteAction()) return CROSS_SITE;
  const access = await currentAdminAccess();
  if (access.kind !== "granted") return { status: "error", message: "Sign in again to lift suspensions." };
  const parsed = liftSchema.safeParse({ subscriberId: form.get("subscriberId") });
  if (!parsed.success) return { status: "error", message: parsed.error.issues[0]?.message ?? "That is not a subscriber id." };
  if (!(await liftSuspension(parsed.data.subscriberId))) return { status: "error", message: "This subscriber is not suspended (any more)." };
  redirect("/admin");
}

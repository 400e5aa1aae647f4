"use server";
// The button on /unsubscribe?token=…: the page a person reaches from the footer of a digest.
// Opening the page (a GET) changes nothing; this POST unsubscribes.
import { unsubscribe } from "@/lib/subscribers/commands";
import type { FormState } from "@/lib/subscribers/form-state";
import { tokenSchema } from "@/lib/subscribers/tokens";

export async function unsubscribeAction(_previous: FormState, form: FormData): Promise<FormState> {
  const token = tokenSchema.safeParse(form instanceof FormData ? form.get("token") : undefined);
  if (!token.success) return { status: "error", message: "This unsubscribe link is not valid. Use the link in your latest digest." };
  const outcome = await unsubscribe(token.data);
  if (outcome.kind === "invalid") return { status: "error", message: "This unsubscribe link is not valid. Use the link in your latest digest." };
  return { status: "ok", message: "You are unsubscribed. No more digests will be sent to this address." };
}

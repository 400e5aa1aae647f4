"use server";
// Server actions of the sign-up flow: the subscribe form (site footer and /subscribe) and
// the button on /subscribe/confirm. Both are POSTs, so a link scanner that follows the
// confirmation link (a GET) can never confirm an address.
import { headers } from "next/headers";
import { describeZodError } from "@/lib/http/api-response";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { confirmSubscription, requestSubscription } from "@/lib/subscribers/commands";
import type { FormState } from "@/lib/subscribers/form-state";
import { manageUrl } from "@/lib/subscribers/links";
import { subscribeFormFields, subscribeInputSchema } from "@/lib/subscribers/schemas";
import { tokenSchema } from "@/lib/subscribers/tokens";
import { ALREADY_CONFIRMED, EXPIRED } from "./confirm/messages";

export async function subscribeAction(_previous: FormState, form: FormData): Promise<FormState> {
  // A hand-made call can pass anything; a form always passes FormData.
  if (!(form instanceof FormData)) return { status: "error", message: "Enter your email address." };
  const fields = subscribeFormFields(form);
  const parsed = subscribeInputSchema.safeParse(fields);
  if (!parsed.success) {
    const submitted = { email: typeof fields.email === "string" ? fields.email.slice(0, 254) : "", frequency: String(fields.frequency ?? ""), topics: fields.topics as string[] };
    return { status: "error", message: describeZodError(parsed.error), submitted };
  }
  const outcome = await requestSubscription(parsed.data, { clientIp: clientIpFromHeaders(await headers()) });
  if (outcome.kind === "rate_limited") {
    const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
    return { status: "error", message: `Too many sign-ups from your network. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.` };
  }
  // The same words for every address, subscribed or not: the form tells nobody who is on the list.
  return { status: "ok", message: "Almost done: check your inbox. If this address can receive digests, a confirmation link is on its way; it works for 7 days." };
}

export async function confirmAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return { status: "error", message: "This confirmation link is not valid. Please sign up again." };
  const token = tokenSchema.safeParse(form.get("token"));
  if (!token.success) return { status: "error", message: "This confirmation link is not valid. Please sign up again." };
  const fields = subscribeFormFields(form);
  const outcome = await confirmSubscription(token.data, { frequency: fields.frequency, topics: fields.topics });
  switch (outcome.kind) {
    case "confirmed":
      return { status: "ok", message: "You are subscribed. Your first digest arrives with the next send-out.", manageUrl: manageUrl(outcome.manageToken) };
    case "already_confirmed":
      // No manage link here: a used link may have been forwarded; every digest carries it.
      return { status: "ok", message: ALREADY_CONFIRMED };
    case "invalid_choices":
      return { status: "error", message: outcome.message };
    case "expired":
      return { status: "error", message: EXPIRED };
    case "invalid":
      return { status: "error", message: "This confirmation link is not valid. Please sign up again." };
  }
}

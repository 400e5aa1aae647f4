"use server";
// Server actions of the manage page (/manage?token=…): change frequency and topics,
// unsubscribe, or resume. The signed token travels in a hidden field; no cookie is involved.
import { describeZodError } from "@/lib/http/api-response";
import { resumeSubscription, unsubscribe, updatePreferences } from "@/lib/subscribers/commands";
import type { FormState } from "@/lib/subscribers/form-state";
import { preferencesSchema, subscribeFormFields } from "@/lib/subscribers/schemas";
import { tokenSchema } from "@/lib/subscribers/tokens";

const INVALID_LINK: FormState = { status: "error", message: "This link is not valid any more. Use the link in your latest digest." };

export async function savePreferencesAction(_previous: FormState, form: FormData): Promise<FormState> {
  // A hand-made call can pass anything; a form always passes FormData.
  if (!(form instanceof FormData)) return INVALID_LINK;
  const token = tokenSchema.safeParse(form.get("token"));
  if (!token.success) return INVALID_LINK;
  const parsed = preferencesSchema.safeParse(subscribeFormFields(form));
  if (!parsed.success) return { status: "error", message: describeZodError(parsed.error) };
  const outcome = await updatePreferences(token.data, parsed.data);
  if (outcome.kind === "invalid") return INVALID_LINK;
  const { frequency, topics } = parsed.data;
  return {
    status: "ok",
    message: `Saved. You will get the ${frequency} digest${topics.length === 0 ? " with every topic" : ` on ${topics.length} ${topics.length === 1 ? "topic" : "topics"}`}.`,
    preferences: parsed.data,
  };
}

/** Unsubscribe or come back (intent = "unsubscribe" | "resume"), from the same card. */
export async function changeMembershipAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (!(form instanceof FormData)) return INVALID_LINK;
  const token = tokenSchema.safeParse(form.get("token"));
  if (!token.success) return INVALID_LINK;
  if (form.get("intent") === "resume") {
    const outcome = await resumeSubscription(token.data);
    switch (outcome.kind) {
      case "invalid":
        return INVALID_LINK;
      case "already_active":
        return { status: "ok", message: "Digests to this address are already on.", subscriberStatus: "active" };
      case "confirmation_sent":
        // A manage link alone never turns digests back on: the mailbox confirms first.
        return {
          status: "ok",
          message: `Almost done: we are emailing a confirmation link to ${outcome.email}. Digests start again once you confirm (if you asked in the last hour, use the link you already got).`,
          subscriberStatus: "pending",
        };
    }
  }
  const outcome = await unsubscribe(token.data);
  if (outcome.kind === "invalid") return INVALID_LINK;
  return { status: "ok", message: "You are unsubscribed. No more digests will be sent to this address.", subscriberStatus: "unsubscribed" };
}

import { getEnv } from "@/lib/env";
import type { Preferences } from "./schemas";

// Every link in our emails is built from APP_URL, never from the request that caused it.

/**
 * The confirmation page, with the choices of the sign-up that sent it (known topic slugs and
 * a frequency, never free text). The page shows them, filled in and changeable; they are
 * applied only when the button is pressed.
 */
export function confirmUrl(token: string, choices?: Preferences): string {
  const query = new URLSearchParams({ token });
  if (choices) {
    query.set("frequency", choices.frequency);
    for (const topic of choices.topics) query.append("topic", topic);
  }
  return `${getEnv().appUrl}/subscribe/confirm?${query.toString()}`;
}

export function manageUrl(token: string): string {
  return `${getEnv().appUrl}/manage?token=${token}`;
}

/** The page that asks before unsubscribing (a GET never unsubscribes). */
export function unsubscribePageUrl(token: string): string {
  return `${getEnv().appUrl}/unsubscribe?token=${token}`;
}

/** RFC 8058 one-click target for the List-Unsubscribe header: a POST unsubscribes at once. */
export function oneClickUnsubscribeUrl(token: string): string {
  return `${getEnv().appUrl}/api/unsubscribe?token=${token}`;
}

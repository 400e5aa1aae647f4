import { getEnv } from "@/lib/env";

// Every link in our emails is built from APP_URL, never from the request that caused it.

export function confirmUrl(token: string): string {
  return `${getEnv().appUrl}/subscribe/confirm?token=${token}`;
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

import type { Preferences } from "./schemas";

// What the subscribe, confirm, manage and unsubscribe forms get back from their server
// actions. `submitted` holds what was typed, so a form can show it again next to an error;
// `preferences` what was saved, so the form shows that (React resets a form after its action
// to the fields' defaults, and those must then be the saved values, not the page's first ones).

export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string; manageUrl?: string; subscriberStatus?: "active" | "pending" | "unsubscribed"; preferences?: Preferences }
  | { status: "error"; message: string; submitted?: { email?: string; frequency?: string; topics?: string[] } };

export const IDLE: FormState = { status: "idle" };

// What the subscribe, confirm, manage and unsubscribe forms get back from their server
// actions. `submitted` holds what was typed, so a form can show it again next to an error.

export type FormState =
  | { status: "idle" }
  | { status: "ok"; message: string; manageUrl?: string; subscriberStatus?: "active" | "unsubscribed" }
  | { status: "error"; message: string; submitted?: { email?: string; frequency?: string; topics?: string[] } };

export const IDLE: FormState = { status: "idle" };

import { z } from "zod";
import { isSubscribableTag } from "./topics";

// Input of the subscribe, manage and unsubscribe forms. Shared by server actions and route
// handlers, so every way in validates the same.

export const DIGEST_FREQUENCIES = ["daily", "weekly"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export const MAX_TOPICS = 30;

/**
 * Trimmed and lower-cased. Line breaks are refused before anything else (an address with
 * CR/LF could add mail headers); so is anything longer than an address can be (RFC 5321:
 * 254 characters), before a regular expression ever sees it.
 */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .max(1000, "That is far longer than an email address can be.")
  .refine((value) => !/[\r\n]/.test(value), "An email address cannot contain line breaks.")
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().min(1, "Enter your email address.").max(254, "An email address has at most 254 characters.").pipe(z.email("Enter a valid email address, like you@example.org.")));

export const frequencySchema = z.enum(DIGEST_FREQUENCIES, { error: "Choose daily or weekly." });

/** Tag slugs; duplicates collapse, order does not matter; none means every topic. */
export const topicsSchema = z
  .array(z.string().max(64, "Unknown topic."))
  .max(MAX_TOPICS, `Choose at most ${MAX_TOPICS} topics.`)
  .transform((slugs) => [...new Set(slugs.map((slug) => slug.trim()))].filter(Boolean).sort())
  .refine((slugs) => slugs.every(isSubscribableTag), "Unknown topic.");

export const subscribeInputSchema = z.object({
  email: emailSchema,
  frequency: frequencySchema,
  topics: topicsSchema,
  /** The honeypot: people never see it, so anything here came from a bot. */
  website: z.string().max(500).optional(),
});
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

export const preferencesSchema = z.object({
  frequency: frequencySchema,
  topics: topicsSchema,
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** A form's fields as the schemas above expect them (topics may repeat). */
export function subscribeFormFields(form: FormData): Record<string, unknown> {
  return {
    email: form.get("email") ?? undefined,
    frequency: form.get("frequency") ?? undefined,
    topics: form.getAll("topics").filter((value): value is string => typeof value === "string"),
    website: typeof form.get("website") === "string" ? form.get("website") : undefined,
  };
}

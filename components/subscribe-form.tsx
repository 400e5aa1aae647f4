"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useActionState, useEffect, useId, useRef } from "react";
import { subscribeAction } from "@/app/subscribe/actions";
import { type FormState, IDLE } from "@/lib/subscribers/form-state";
import type { TopicOption } from "@/lib/subscribers/topics";

// The digest sign-up form: in full on /subscribe, compact in the site footer (topics folded
// away). It works without JavaScript (a server action is a plain form POST). The honeypot
// field is invisible to people and skipped by keyboard and screen readers; bots fill it.

export function SubscribeForm({ topics, variant = "full", defaultTopics = [] }: { topics: readonly TopicOption[]; variant?: "full" | "compact"; defaultTopics?: readonly string[] }) {
  const [state, formAction, pending] = useActionState(subscribeAction, IDLE);
  const id = useId();
  const submitted = state.status === "error" ? state.submitted : undefined;
  const compact = variant === "compact";

  return (
    <form action={formAction} className="relative flex flex-col gap-4" noValidate aria-label={compact ? "Email digest sign-up" : undefined}>
      <div className={compact ? "flex flex-col gap-2 sm:flex-row sm:items-end" : "flex flex-col gap-2"}>
        <div className="flex grow flex-col gap-1">
          <label htmlFor={`${id}-email`} className="text-sm font-medium text-stone-800 dark:text-stone-200">
            Email
          </label>
          <input
            id={`${id}-email`}
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            inputMode="email"
            placeholder="you@example.org"
            className="input"
            aria-invalid={state.status === "error"}
            aria-describedby={`${id}-result`}
            defaultValue={submitted?.email ?? ""}
            key={`email-${submitted?.email ?? ""}`}
          />
        </div>
        {compact && (
          <button type="submit" className="btn btn-primary shrink-0" disabled={pending}>
            Subscribe
          </button>
        )}
      </div>

      <DigestPreferenceFields
        idPrefix={id}
        topics={topics}
        frequency={submitted?.frequency === "weekly" ? "weekly" : "daily"}
        selected={submitted?.topics ?? defaultTopics}
        foldTopics={compact}
        key={`prefs-${submitted?.frequency ?? ""}-${(submitted?.topics ?? defaultTopics).join(",")}`}
      />

      <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor={`${id}-website`}>Website (leave this empty)</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      {!compact && (
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            Subscribe
          </button>
        </div>
      )}
      <FormResult id={`${id}-result`} state={state} pending={pending} />
    </form>
  );
}

/** The footer's sign-up, except on pages that already are about the digest. */
export function FooterSubscribe({ topics }: { topics: readonly TopicOption[] }) {
  const pathname = usePathname();
  if (["/subscribe", "/manage", "/unsubscribe", "/outbox"].some((prefix) => pathname.startsWith(prefix))) return null;
  return (
    <section aria-labelledby="footer-digest-heading" className="flex w-full flex-col gap-2 sm:max-w-xl">
      <h2 id="footer-digest-heading" className="text-sm font-semibold text-stone-800 dark:text-stone-200">
        Get trending papers in your inbox
      </h2>
      <SubscribeForm topics={topics} variant="compact" />
    </section>
  );
}

export function DigestPreferenceFields({
  idPrefix,
  topics,
  frequency,
  selected,
  foldTopics = false,
}: {
  idPrefix: string;
  topics: readonly TopicOption[];
  frequency: "daily" | "weekly";
  selected: readonly string[];
  foldTopics?: boolean;
}) {
  const chosen = new Set(selected);
  const topicList = (
    <fieldset className="flex flex-col gap-2">
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">
        Topics <span className="font-normal muted">(none chosen means every topic)</span>
      </legend>
      <div className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2 md:grid-cols-3">
        {topics.map((topic) => (
          <label key={topic.slug} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="topics" value={topic.slug} defaultChecked={chosen.has(topic.slug)} className="size-4 accent-accent-600" />
            {topic.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-stone-800 dark:text-stone-200">Frequency</legend>
        <div className="flex gap-4">
          {(["daily", "weekly"] as const).map((value) => (
            <label key={value} htmlFor={`${idPrefix}-${value}`} className="flex items-center gap-2 text-sm">
              <input id={`${idPrefix}-${value}`} type="radio" name="frequency" value={value} defaultChecked={frequency === value} className="size-4 accent-accent-600" />
              {value === "daily" ? "Daily" : "Weekly"}
            </label>
          ))}
        </div>
      </fieldset>
      {foldTopics ? (
        <details className="text-sm">
          <summary className="cursor-pointer muted">Choose topics (optional)</summary>
          <div className="mt-2">{topicList}</div>
        </details>
      ) : (
        topicList
      )}
    </div>
  );
}

/**
 * An action's answer, announced to screen readers. Each new answer also takes the focus and is
 * scrolled into view: below a long topic list, or in the footer of a long page, it would
 * otherwise land out of sight, and the form would look as if nothing had happened.
 */
export function FormResult({ id, state, pending }: { id: string; state: FormState; pending: boolean }) {
  const answer = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (pending || state.status === "idle" || !answer.current) return;
    answer.current.focus({ preventScroll: true });
    answer.current.scrollIntoView({ block: "center", behavior: "instant" });
  }, [state, pending]);
  return (
    <div id={id} aria-live="polite" className="min-h-6 text-sm">
      {pending && <p className="muted">Sending…</p>}
      {!pending && state.status === "error" && (
        <p ref={answer} tabIndex={-1} role="alert" className="text-red-700 outline-none dark:text-red-300">
          {state.message}
        </p>
      )}
      {!pending && state.status === "ok" && (
        <p ref={answer} tabIndex={-1} role="status" className="text-emerald-800 outline-none dark:text-emerald-300">
          {state.message}{" "}
          {state.manageUrl && (
            <Link href={state.manageUrl} className="font-medium underline">
              Manage your digest
            </Link>
          )}
        </p>
      )}
    </div>
  );
}

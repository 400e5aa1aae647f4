"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { SubmitState } from "@/app/submit/actions";

// The /submit form. The server action answers with an outcome; this shows it next to the
// field, announced to screen readers, and keeps what was typed when the answer is an error.

type SubmitAction = (previous: SubmitState, formData: FormData) => Promise<SubmitState>;

const INITIAL: SubmitState = { status: "idle" };

export function SubmitForm({ action }: { action: SubmitAction }) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const failed = state.status === "error";

  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <label htmlFor="arxiv-id" className="text-sm font-medium">
        arXiv id or link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="arxiv-id"
          name="arxivId"
          type="text"
          required
          maxLength={300}
          autoComplete="off"
          spellCheck={false}
          placeholder="2606.00467 or https://arxiv.org/abs/2606.00467"
          className="input"
          aria-invalid={failed}
          aria-describedby="submit-result"
          // React resets the form after every action; an error puts back what was typed.
          defaultValue={state.status === "error" ? state.submitted : ""}
        />
        <button type="submit" className="btn btn-primary shrink-0" disabled={pending}>
          {pending ? "Fetching from arXiv…" : "Submit paper"}
        </button>
      </div>
      <div id="submit-result" aria-live="polite" className="min-h-6 text-sm">
        {state.status === "error" && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {state.message}
          </p>
        )}
        {state.status === "added" && (
          <p role="status">
            Added{" "}
            <Link href={state.path} className="font-medium underline">
              {state.title}
            </Link>
            . It is listed on <Link href="/" className="underline">today’s feed</Link>.
          </p>
        )}
        {state.status === "exists" && (
          <p role="status">
            Already on PaperPulse:{" "}
            <Link href={state.path} className="font-medium underline">
              {state.title}
            </Link>
            , listed on <time dateTime={state.listedOn}>{state.listedOn}</time>. Nothing was changed.
          </p>
        )}
      </div>
    </form>
  );
}

"use client";

// Shown when rendering a page fails. The message is generic on purpose: details go to the
// server log (with the digest below), never to the visitor.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong on our side</h1>
      <p className="muted">Please try again in a moment.{error.digest ? ` Reference: ${error.digest}.` : ""}</p>
      <p>
        <button type="button" onClick={reset} className="btn btn-primary">
          Try again
        </button>
      </p>
    </div>
  );
}

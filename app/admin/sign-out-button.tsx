"use client";

import { useActionState } from "react";
import { type AdminFormState, signOutAction } from "./actions";

const IDLE: AdminFormState = { status: "idle" };

export function SignOutButton() {
  const [, formAction, pending] = useActionState(signOutAction, IDLE);
  return (
    <form action={formAction}>
      <button type="submit" className="btn" disabled={pending}>
        Sign out
      </button>
    </form>
  );
}

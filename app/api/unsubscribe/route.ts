// POST /api/unsubscribe?token=…: RFC 8058 one-click unsubscribe, the target of every
// digest's List-Unsubscribe header. Mailbox providers POST "List-Unsubscribe=One-Click"
// with no cookies and expect a 200: it unsubscribes at once and answers without a redirect.
// GET /api/unsubscribe?token=…: a person opened that URL; they get the confirmation page,
// because a GET never unsubscribes (link scanners open links too).
import { NextResponse } from "next/server";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { ApiError, methodNotAllowed, parseOrThrow, withApiErrors } from "@/lib/http/api-response";
import { unsubscribe } from "@/lib/subscribers/commands";
import { tokenSchema } from "@/lib/subscribers/tokens";

export const dynamic = "force-dynamic";

const querySchema = z.object({ token: tokenSchema });

export const POST = withApiErrors(async (request: Request) => {
  const { token } = parseOrThrow(querySchema, { token: new URL(request.url).searchParams.get("token") ?? undefined });
  const outcome = await unsubscribe(token);
  if (outcome.kind === "invalid") throw new ApiError(400, "bad_request", "token: is not a valid unsubscribe token");
  return NextResponse.json({ ok: true, unsubscribed: true }, { status: 200, headers: { "Cache-Control": "no-store" } });
});

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const target = new URL("/unsubscribe", getEnv().appUrl);
  if (token) target.searchParams.set("token", token.slice(0, 200));
  return NextResponse.redirect(target, { status: 303, headers: { "Cache-Control": "no-store" } });
}

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

// GET /papers/go?date=YYYY-MM-DD: the calendar's date picker submits here (it works
// without JavaScript); redirects to that day's feed.
import type { NextRequest } from "next/server";
import { parseDay } from "@/lib/papers/dates";
import { feedHref } from "@/lib/papers/feed-params";
import { methodNotAllowed } from "@/lib/http/api-response";

export function GET(request: NextRequest) {
  const day = parseDay(request.nextUrl.searchParams.get("date") ?? "");
  // A relative Location: behind a proxy the host this server sees is not the visitor's.
  return new Response(null, { status: 303, headers: { Location: day ? feedHref("date", day) : "/" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };

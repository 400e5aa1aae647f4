// GET /papers/go?date=YYYY-MM-DD: the calendar's date picker submits here (it works
// without JavaScript); redirects to that day's feed.
import { NextResponse, type NextRequest } from "next/server";
import { parseDay } from "@/lib/papers/dates";
import { feedHref } from "@/lib/papers/feed-params";

export function GET(request: NextRequest) {
  const day = parseDay(request.nextUrl.searchParams.get("date") ?? "");
  const target = day ? feedHref("date", day) : "/";
  return NextResponse.redirect(new URL(target, request.url), 303);
}

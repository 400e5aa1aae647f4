import { getEnv } from "@/lib/env";
import type { ParseResult } from "../parsers/types";
import { parseFetched } from "./parse-fetched";
import { type PoliteFetchOptions, politeFetchText } from "./polite-fetch";

/** Hugging Face answers quickly and allows far more; half a second apart is still polite. */
export const HF_MIN_INTERVAL_MS = 500;

/** GET <HF_API_URL>?date=YYYY-MM-DD: the papers Hugging Face listed that day. */
export function hfDailyPapersUrl(day: string): string {
  const url = new URL(getEnv().HF_API_URL);
  url.searchParams.set("date", day);
  return url.toString();
}

export async function fetchHfDailyPapers(day: string, options: PoliteFetchOptions = {}): Promise<ParseResult> {
  const response = await politeFetchText(hfDailyPapersUrl(day), { accept: "application/json", minIntervalMs: HF_MIN_INTERVAL_MS, ...options });
  return parseFetched(response, "hf-json", "Hugging Face");
}

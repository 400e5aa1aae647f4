import { parseHfDailyPapers } from "../parsers/hf-daily-papers";
import type { ParseResult } from "../parsers/types";
import { getEnv } from "@/lib/env";
import { type PoliteFetchOptions, politeFetchText } from "./polite-fetch";

/** GET <HF_API_URL>?date=YYYY-MM-DD: the papers Hugging Face listed that day. */
export function hfDailyPapersUrl(day: string): string {
  const url = new URL(getEnv().HF_API_URL);
  url.searchParams.set("date", day);
  return url.toString();
}

export async function fetchHfDailyPapers(day: string, options: PoliteFetchOptions = {}): Promise<ParseResult> {
  const response = await politeFetchText(hfDailyPapersUrl(day), { accept: "application/json", ...options });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch (error) {
    return { items: [], errors: [], payloadError: `Hugging Face answered with malformed JSON (${(error as Error).message})` };
  }
  return parseHfDailyPapers(json);
}

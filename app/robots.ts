// GET /robots.txt: what crawlers may visit, and where the sitemap is (lib/site/robots.ts).
import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";
import { robotsRules } from "@/lib/site/robots";

// The sitemap line needs the absolute APP_URL of the running server, not of the build.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return robotsRules(getEnv().appUrl);
}

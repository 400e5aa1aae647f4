import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

// Addresses anyone can make up by the million (unknown tags, unknown paper ids) must not leave
// anything in Next's page cache (lib/cache/page-cache-handler.mjs): each of 300 of them is
// requested twice, and the second answer must not come from the cache. Real pages still are
// cached (their second answer is a HIT), so the header can tell. The cache lives in the
// server's memory (next.config.ts), so its own header is the observable, not files on disk.

const cacheState = (response: { headers(): Record<string, string> }) => response.headers()["x-nextjs-cache"] ?? "(none)";

test("unknown tags and papers leave no cache entries; real ones do", async ({ request }) => {
  test.setTimeout(180_000);
  const marker = `nosuch${randomBytes(4).toString("hex")}`;
  // Unused arXiv ids: month 07xx of 2701 does not exist in any fixture.
  const paperIds = Array.from({ length: 300 }, (_, i) => `2701.${String(10_000 + i).padStart(5, "0")}`);

  for (let i = 0; i < 300; i += 1) {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const tag = await request.get(`/tags/${marker}-${i}`);
      expect(tag.status()).toBe(404);
      expect(cacheState(tag), `/tags/${marker}-${i}`).not.toBe("HIT");
      const paper = await request.get(`/papers/${paperIds[i]}`);
      expect(paper.status()).toBe(404);
      expect(await paper.text()).toContain("This page is not here");
      expect(cacheState(paper), `/papers/${paperIds[i]}`).not.toBe("HIT");
    }
  }

  // A real paper and a real tag page are cached as before: the second visit is a hit.
  const listed = (await (await request.get("/api/papers?limit=1&sort=new")).json()) as { papers: { id: string; tags: string[] }[] };
  const paper = listed.papers[0]!;
  expect((await request.get(`/papers/${paper.id}`)).status()).toBe(200);
  const again = await request.get(`/papers/${paper.id}`);
  expect(again.status()).toBe(200);
  expect(cacheState(again)).toBe("HIT");
  const tagPage = `/tags/${paper.tags[0]}?sort=top&tags=${paper.tags[0]}`;
  expect((await request.get(tagPage)).status()).toBe(200);
  const tagAgain = await request.get(tagPage);
  expect(tagAgain.status()).toBe(200);
  expect(cacheState(tagAgain)).toBe("HIT");
});

import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Addresses anyone can make up by the million (unknown tags, unknown paper ids) must not leave
// anything in Next's cache (lib/cache/page-cache-handler.mjs): 300 of each are requested and
// the cache's files are compared before and after. Real pages still are cached (the same count
// goes up for them), so the count can tell.

const ROUTE_CACHE = ".next/server/route-cache";
const DATA_CACHE = ".next/cache/fetch-cache";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Cache files that belong to the given URLs: route-cache paths name them, data-cache entries carry their tags. */
function entriesMentioning(marker: string): string[] {
  const pages = filesUnder(ROUTE_CACHE).filter((file) => file.includes(marker));
  const data = filesUnder(DATA_CACHE).filter((file) => readFileSync(file, "utf8").includes(marker));
  return [...pages, ...data];
}

test("unknown tags and papers leave no cache entries; real ones do", async ({ request }) => {
  test.setTimeout(180_000);
  const marker = `nosuch${randomBytes(4).toString("hex")}`;
  // Unused arXiv ids: month 07xx of 2701 does not exist in any fixture.
  const paperIds = Array.from({ length: 300 }, (_, i) => `2701.${String(10_000 + i).padStart(5, "0")}`);
  const filesBefore = filesUnder(ROUTE_CACHE).length + filesUnder(DATA_CACHE).length;

  for (let i = 0; i < 300; i += 1) {
    const tag = await request.get(`/tags/${marker}-${i}`);
    expect(tag.status()).toBe(404);
    const paper = await request.get(`/papers/${paperIds[i]}`);
    expect(paper.status()).toBe(404);
    expect(await paper.text()).toContain("This page is not here");
  }
  expect(entriesMentioning(marker)).toEqual([]);
  expect(filesUnder(ROUTE_CACHE).filter((file) => paperIds.some((id) => file.includes(`/papers/${id}`)))).toEqual([]);
  expect(filesUnder(DATA_CACHE).filter((file) => paperIds.some((id) => readFileSync(file, "utf8").includes(`paper:${id}`)))).toEqual([]);
  // Nothing else grew by anything like 600 entries either (other specs' pages may refresh).
  expect(filesUnder(ROUTE_CACHE).length + filesUnder(DATA_CACHE).length - filesBefore).toBeLessThan(30);

  // A real paper and a real tag page are cached as before.
  const listed = (await (await request.get("/api/papers?limit=1&sort=new")).json()) as { papers: { id: string; tags: string[] }[] };
  const paper = listed.papers[0]!;
  expect((await request.get(`/papers/${paper.id}`)).status()).toBe(200);
  expect(filesUnder(ROUTE_CACHE).some((file) => file.endsWith(`/papers/${paper.id}.html`))).toBe(true);
  const options = `sort=top&tags=${paper.tags[0]}`;
  expect((await request.get(`/tags/${paper.tags[0]}?${options}`)).status()).toBe(200);
  expect(filesUnder(ROUTE_CACHE).some((file) => file.includes(`/tags/${paper.tags[0]}/`) && file.endsWith(".html"))).toBe(true);
});

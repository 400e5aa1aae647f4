import { expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

// What a real site serves at its top level: favicon and app icons, a web manifest,
// robots.txt, a sitemap, and an Open Graph image per paper. Runs on the demo data set.

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => name === "url" || name === "sitemap" || name === "item" });

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe("top-level files", () => {
  test("serves the favicon, the app icons and a web manifest, and pages announce them", async ({ page, request }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    // An ICO directory: reserved 0, type 1 (icon), then the number of images.
    const ico = await favicon.body();
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2);

    const svg = await request.get("/icon.svg");
    expect(svg.status()).toBe(200);
    expect(svg.headers()["content-type"]).toContain("image/svg+xml");
    for (const [path, size] of [["/icon-16.png", 16], ["/icon-32.png", 32], ["/apple-touch-icon.png", 180], ["/icon-192.png", 192], ["/icon-512.png", 512], ["/icon-maskable-512.png", 512]] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(pngSize(await response.body()), path).toEqual({ width: size, height: size });
    }

    const manifest = await (await request.get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining("PaperPulse"), short_name: "PaperPulse", start_url: "/", display: "standalone" });
    expect(manifest.icons).toEqual(expect.arrayContaining([expect.objectContaining({ src: "/icon-512.png", sizes: "512x512" }), expect.objectContaining({ purpose: "maskable" })]));

    await page.goto("/");
    await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('head link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  });

  test("robots.txt points at the sitemap and keeps crawlers off token, operator and cron pages", async ({ request, baseURL }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const path of ["/admin", "/outbox", "/manage", "/subscribe/confirm", "/unsubscribe", "/api/cron/"]) expect(text).toContain(`Disallow: ${path}\n`);
  });

  test("the sitemap lists the listed days, the tags and the papers", async ({ request, baseURL }) => {
    const response = await request.get("/sitemap.xml");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/xml");
    const urls: string[] = xml.parse(await response.text()).urlset.url.map((u: { loc: string }) => u.loc);
    const { papers } = await (await request.get("/api/papers?limit=5")).json();
    expect(papers.length).toBeGreaterThan(0);
    for (const paper of papers as { id: string; listedOn: string; tags: string[] }[]) {
      expect(urls).toContain(`${baseURL}/papers/${paper.id}`);
      expect(urls).toContain(`${baseURL}/papers/date/${paper.listedOn}`);
      expect(urls).toContain(`${baseURL}/tags/${paper.tags[0]}`);
    }
    // The demo set: 84 papers over 14 days.
    expect(urls.filter((u) => /\/papers\/date\//.test(u))).toHaveLength(14);
    expect(urls.filter((u) => /\/papers\/\d{4}\.\d{4,5}$/.test(u))).toHaveLength(84);
  });

  test("a paper page has a generated Open Graph image of its title", async ({ page, request }) => {
    const { papers } = await (await request.get("/api/papers?limit=1")).json();
    const paper = papers[0] as { id: string };
    await page.goto(`/papers/${paper.id}`);
    const image = await page.locator('head meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(new RegExp(`^http://[^/]+/og/papers/${paper.id.replace(".", "\\.")}$`));
    await expect(page.locator('head meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('head meta[property="og:image:alt"]')).toHaveAttribute("content", /\w+/);

    const first = await request.get(new URL(image!).pathname);
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("image/png");
    expect(first.headers()["cache-control"]).toContain("max-age=86400");
    const bytes = await first.body();
    expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
    // Cached: the second answer is the same image.
    expect(Buffer.compare(await (await request.get(new URL(image!).pathname)).body(), bytes)).toBe(0);
    expect((await request.get("/og/papers/2611.99999")).status()).toBe(404);
  });
});

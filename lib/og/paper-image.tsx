import { unstable_cache } from "next/cache";
import { ImageResponse } from "next/og";
import { OG_IMAGE_SIZE, PaperOgImage } from "@/components/paper-og-image";
import { CACHE_TAGS } from "@/lib/cache/cache-tags";
import { type ImagePaper, paperImageText } from "./plain-text";

// A paper's Open Graph image as PNG bytes. Drawing one takes a tenth of a second of CPU, and
// link previews ask for it again and again: the bytes are cached (as base64, the cache holds
// JSON) under the paper's cache tag, which every ingest that changes the paper revalidates.

async function drawPaperImage(text: { title: string; authors: string; meta: string }): Promise<string> {
  const response = new ImageResponse(<PaperOgImage {...text} />, OG_IMAGE_SIZE);
  return Buffer.from(await response.arrayBuffer()).toString("base64");
}

export async function renderPaperImage(paper: ImagePaper): Promise<Buffer> {
  const text = paperImageText(paper);
  const base64 = await unstable_cache(() => drawPaperImage(text), ["og-paper", paper.id], {
    tags: [CACHE_TAGS.paper(paper.id)],
    revalidate: 86_400,
  })();
  return Buffer.from(base64, "base64");
}

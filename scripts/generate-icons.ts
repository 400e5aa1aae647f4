// npm run icons: the app icons in public/ from public/icon.svg. Run it after changing the
// SVG and commit the PNGs and favicon.ico it writes (the build does not generate them).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pngToIco from "png-to-ico";
import sharp from "sharp";

const PUBLIC = path.join(import.meta.dirname, "..", "public");
const svg = readFileSync(path.join(PUBLIC, "icon.svg"));

// A maskable icon is cropped to a circle or squircle by the launcher: full-bleed background,
// the mark inside the central 80 % safe zone (https://web.dev/articles/maskable-icon).
const maskableSvg = Buffer.from(
  svg
    .toString("utf8")
    .replace('<rect width="64" height="64" rx="14" fill="#3b4cc0"/>', '<rect width="64" height="64" fill="#3b4cc0"/><g transform="translate(12.8 12.8) scale(0.6)">')
    .replace("</svg>", "</g></svg>"),
);

async function png(source: Buffer, size: number): Promise<Buffer> {
  return sharp(source, { density: Math.ceil((72 * size) / 64) })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

const outputs: [string, Buffer, number][] = [
  ["icon-16.png", svg, 16],
  ["icon-32.png", svg, 32],
  ["apple-touch-icon.png", maskableSvg, 180],
  ["icon-192.png", svg, 192],
  ["icon-512.png", svg, 512],
  ["icon-maskable-512.png", maskableSvg, 512],
];
for (const [name, source, size] of outputs) {
  writeFileSync(path.join(PUBLIC, name), await png(source, size));
  console.log(`public/${name} ${size}×${size}`);
}
writeFileSync(path.join(PUBLIC, "favicon.ico"), await pngToIco(await Promise.all([16, 32, 48].map((size) => png(svg, size)))));
console.log("public/favicon.ico 16, 32, 48");

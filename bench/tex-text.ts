// npx tsx bench/tex-text.ts
// CPU cost per title or abstract of the text conversions every page, feed, email and import
// runs (lib/text/tex-text.ts, lib/search/indexed-text.ts): real Hugging Face texts (the saved
// payload in ../shared/fixtures when present) and a TeX-heavy arXiv-style abstract.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { indexedText } from "@/lib/search/indexed-text";
import { splitMath } from "@/lib/text/math-segments";
import { plainTextFromTex, texSegments } from "@/lib/text/tex-text";

const fixture = path.resolve(process.cwd(), "../shared/fixtures/hf-daily-papers-2026-06-12.json");
const real = existsSync(fixture)
  ? (JSON.parse(readFileSync(fixture, "utf8")) as { paper: { title: string; summary: string } }[]).flatMap((p) => [p.paper.title, p.paper.summary])
  : [];
const tex = `We extend the \\emph{Landauer-B\\"uttiker} formalism to Erd\\H{o}s--R\\'enyi graphs in $O(n \\log n)$ time. `.repeat(8);
const sets: [string, string[]][] = [...(real.length > 0 ? [[`HF texts (${real.length})`, real] as [string, string[]]] : []), ["TeX-heavy abstract", [tex]]];

for (const [name, fn] of [["splitMath", splitMath], ["texSegments", texSegments], ["plainTextFromTex", plainTextFromTex], ["indexedText", indexedText]] as const) {
  for (const [label, texts] of sets) {
    const rounds = Math.ceil(20_000 / texts.length);
    for (const text of texts) fn(text); // warm-up
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const text of texts) fn(text);
    const perText = (performance.now() - started) / (rounds * texts.length);
    console.log(`${name.padEnd(17)} ${label.padEnd(20)} ${(perText * 1000).toFixed(1)} µs per text`);
  }
}

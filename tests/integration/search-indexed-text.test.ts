import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { upsertPapers } from "@/lib/ingest/upsert";
import { searchParamsSchema } from "@/lib/search/params";
import { runSearch } from "@/lib/search/search";
import { forgetCorpusStats } from "@/lib/search/stats";
import { makePaper } from "./helpers/factories";
import { truncateAll } from "./helpers/reset";

// TeX and accents in the search index (lib/search/indexed-text.ts): arXiv's TeX source is
// stored as it came, and found by the words a reader sees, with or without accents.

const TEX_TITLE = `Landauer-B\\"uttiker transport in Poincar\\'e sections`;
const TEX_ABSTRACT = `We extend the \\emph{Landauer-B\\"uttiker} formalism to Erd\\H{o}s--R\\'enyi graphs in $O(n \\log n)$ time.`;

async function found(q: string): Promise<string[]> {
  const outcome = await runSearch({ ...searchParamsSchema.parse({ q }), limit: 20 });
  if (outcome.kind !== "results") throw new Error(`expected results for ${q}`);
  return outcome.page.hits.map((hit) => hit.id);
}

beforeAll(async () => {
  await truncateAll();
  await upsertPapers(
    [
      makePaper({ id: "2611.00701", title: TEX_TITLE, abstract: TEX_ABSTRACT, listedOn: "2026-11-20" }),
      makePaper({ id: "2611.00702", title: "Schrödinger bridges for generative models", abstract: "A naïve baseline and a better one.", listedOn: "2026-11-21" }),
      makePaper({ id: "2611.00703", title: "Transport in plain words", abstract: "Nothing accented here.", listedOn: "2026-11-21" }),
    ],
    { today: "2026-11-28" },
  );
  forgetCorpusStats();
});

describe("search over TeX and accents", () => {
  it("finds a TeX-accented title by the word with and without its accent", async () => {
    for (const q of ["Büttiker", "Buttiker", "buttiker", "BÜTTIKER", "Landauer-Büttiker", "Landauer-Buttiker", "Poincaré", "Poincare"]) {
      expect(await found(q), q).toEqual(["2611.00701"]);
    }
    for (const q of ["Erdős", "Erdos", "Rényi", "Renyi"]) expect(await found(q), q).toEqual(["2611.00701"]);
  });

  it("finds text that was Unicode already by its accent-free spelling", async () => {
    expect(await found("Schrodinger")).toEqual(["2611.00702"]);
    expect(await found("Schrödinger")).toEqual(["2611.00702"]);
    expect(await found("naive")).toEqual(["2611.00702"]);
  });

  it("ranks the paper as a title match and highlights the text as shown", async () => {
    const outcome = await runSearch({ ...searchParamsSchema.parse({ q: "Büttiker transport" }), limit: 20 });
    if (outcome.kind !== "results") throw new Error("expected results");
    const hit = outcome.page.hits[0]!;
    expect(hit.id).toBe("2611.00701");
    expect(hit.highlights.title.map((s) => s.text).join("")).toBe("Landauer-Büttiker transport in Poincaré sections");
    // Adjacent matches are one stretch.
    expect(hit.highlights.title.filter((s) => s.match).map((s) => s.text)).toEqual(["Büttiker transport"]);
    expect(hit.highlights.abstract.map((s) => s.text).join("")).toContain("Erdős–Rényi graphs in O(n log n) time");
  });

  it("keeps the source text and rewrites the derived text when the paper changes", async () => {
    const db = await getDb();
    const read = () => db.paper.findUniqueOrThrow({ where: { id: "2611.00701" }, select: { title: true, abstract: true, titleSearchText: true, abstractSearchText: true } });
    expect(await read()).toEqual({
      title: TEX_TITLE,
      abstract: TEX_ABSTRACT,
      titleSearchText: "Landauer-Büttiker transport in Poincaré sections\n\nLandauer-Buttiker Poincare",
      abstractSearchText: "We extend the Landauer-Büttiker formalism to Erdős–Rényi graphs in $O(n \\log n)$ time.\n\nLandauer-Buttiker Erdos–Renyi",
    });
    expect((await db.paper.findUniqueOrThrow({ where: { id: "2611.00703" }, select: { titleSearchText: true, abstractSearchText: true } }))).toEqual({ titleSearchText: null, abstractSearchText: null });

    await upsertPapers([makePaper({ id: "2611.00701", version: 2, title: "Quantum transport, revised", abstract: TEX_ABSTRACT, listedOn: "2026-11-20" })], { today: "2026-11-28" });
    expect((await read()).titleSearchText).toBeNull();
    forgetCorpusStats();
    expect(await found("Poincare")).toEqual([]);
    expect(await found("Buttiker")).toEqual(["2611.00701"]);
  });
});

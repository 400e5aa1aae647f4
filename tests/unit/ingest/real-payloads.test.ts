import { describe, expect, it } from "vitest";
import { paperInputSchema } from "@/lib/ingest/paper-input";
import { splitCategoryTerms } from "@/lib/ingest/parsers/arxiv-atom";
import { parsePayload } from "@/lib/ingest/parsers/detect";
import { completeEntries, REAL, readRealPayload } from "../../support/real-payloads";

// The parsers on payloads saved from the real services (tests/fixtures/ingest/real/README.md).

const byId = (result: ReturnType<typeof parsePayload>, id: string) => result.items.find((item) => item.input.id === id);

describe("arXiv RSS 2.0 (rss.arxiv.org/rss/cs.LG+cs.AI+cs.CL+stat.ML, 24 Sep 2026)", () => {
  const result = parsePayload(readRealPayload(REAL.rss));

  it("reads every item", () => {
    expect(result.format).toBe("arxiv-rss");
    expect(result.payloadError).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.items.map((item) => [item.input.id, item.input.version, item.announceType])).toEqual([
      ["2609.26811", 1, "new"],
      ["2609.26820", 1, "new"],
      ["2205.06398", 2, "cross"],
      ["2009.13987", 3, "replace"],
    ]);
  });

  it("keeps <arxiv:DOI>", () => {
    expect(byId(result, "2205.06398")?.input.doi).toBe("10.1093/bioinformatics/btac431");
    expect(byId(result, "2609.26811")?.input).not.toHaveProperty("doi");
  });

  it("takes no submission date from the announce day, so the 2022 paper does not get a 2026 date", () => {
    for (const { input } of result.items) {
      expect(input.publishedAt).toBeUndefined();
      expect(input.updatedAt).toBeUndefined();
    }
  });

  it("lists new papers on the announce day and never lists old ones announced again", () => {
    expect(byId(result, "2609.26811")).toMatchObject({ input: { listedOn: "2026-09-24" } });
    expect(byId(result, "2609.26811")?.updateOnly).toBeUndefined();
    for (const id of ["2205.06398", "2009.13987"]) {
      expect(byId(result, id)?.updateOnly).toBe(true);
      expect(byId(result, id)?.input.listedOn).toBeUndefined();
    }
  });

  it("emits only schema-valid inputs", () => {
    for (const { input } of result.items) expect(paperInputSchema.parse(input)).toEqual(input);
  });
});

describe("arXiv RSS as Atom (rss.arxiv.org/atom/cs.LG, 25 Sep 2026)", () => {
  const result = parsePayload(readRealPayload(REAL.rssAtom));

  it("is recognised as the announcement listing, not as an API response, and read completely", () => {
    expect(result.format).toBe("arxiv-rss-atom");
    expect(result.payloadError).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(byId(result, "2609.28553")?.input).toEqual({
      id: "2609.28553",
      version: 1,
      title: "SMILESGNN: Interpretable Clinical Toxicity Prediction via SMILES-Graph Cross-Attention Fusion",
      abstract:
        "Drug toxicity prediction is critical for reducing late-stage attrition in drug discovery, yet remains challenging due to severe class imbalance, scaffold-based generalization, and the clinical need for interpretable predictions.",
      authors: ["Quang Minh Nguyen", "Thuy Quynh Nguyen", "Duc Minh Le", "Ho Nhat Minh Nguyen", "Thanh Long Dai Doan", "Trong Nghia Nguyen"],
      listedOn: "2026-09-25",
      categories: ["cs.LG", "cs.AI"],
      subjectClasses: [],
      doi: "10.1109/MAPR72750.2026.11685822",
      journalRef: "2026 International Conference on Multimedia Analysis and Pattern Recognition (MAPR)",
      source: "arxiv_rss",
    });
    expect(byId(result, "2609.28553")?.announceType).toBe("new");
  });

  it("treats the cross-listing of a 2024 paper and the replacement as update-only", () => {
    expect(byId(result, "2402.10149")).toMatchObject({ announceType: "cross", updateOnly: true, input: { version: 3, doi: "10.1103/PhysRevD.111.032004" } });
    expect(byId(result, "2401.08875")).toMatchObject({ announceType: "replace", updateOnly: true });
    expect(byId(result, "2402.10149")?.input.listedOn).toBeUndefined();
  });
});

describe("arXiv RSS as Atom (rss.arxiv.org/atom/cs.AI, 20 Aug 2025), saved truncated", () => {
  const saved = readRealPayload(REAL.rssAtomTruncated);

  it("refuses the truncated file at once, saying it was cut off", () => {
    const result = parsePayload(saved);
    expect(result.items).toEqual([]);
    expect(result.payloadError).toBe("Malformed XML: the document ends with <feed>, <entry> still open (a truncated download?)");
  });

  it("reads all 86 complete entries without an error", () => {
    const result = parsePayload(completeEntries(saved));
    expect(result.format).toBe("arxiv-rss-atom");
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(86);
    const types = result.items.map((item) => item.announceType);
    expect(types.filter((type) => type === "new")).toHaveLength(41);
    expect(types.filter((type) => type === "cross")).toHaveLength(45);
    // Fresh papers of the announce month: all listed that day.
    expect(new Set(result.items.map((item) => item.input.listedOn))).toEqual(new Set(["2025-08-20"]));
    expect(byId(result, "2508.00875")?.input.doi).toBe("10.7249/PEA3971-1");
    expect(byId(result, "2508.13303")?.input.journalRef).toBe("2025 IEEE/RSJ international conference on intelligent robots and systems (IROS)");
    for (const { input } of result.items) expect(paperInputSchema.parse(input)).toEqual(input);
  });
});

describe("arXiv API with MSC classes among the categories (search_query=lmm)", () => {
  const result = parsePayload(readRealPayload(REAL.apiMsc));

  it("imports every entry: a subject class is never a reason to refuse a paper", () => {
    expect(result.format).toBe("arxiv-atom");
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(8);
  });

  it("keeps the arXiv categories and the MSC classes apart, DOI and all", () => {
    expect(byId(result, "2108.05102")?.input).toMatchObject({
      version: 2,
      primaryCategory: "math.NA",
      categories: ["math.NA", "cs.NA"],
      subjectClasses: ["35J20", "35B38", "65N12", "65J15", "65Jxx"],
      doi: "10.1007/s11425-021-2093-1",
      journalRef: "Science China Mathematics, 2023, Vol. 66, No. 10, pp. 2361-2384",
    });
    expect(byId(result, "math/0611846")?.input).toMatchObject({ categories: ["math.AP"], subjectClasses: [] });
  });
});

describe("splitCategoryTerms", () => {
  it.each([
    [["cs.LG", "35J20, 35B38, 65N12, 65J15, 65Jxx"], ["cs.LG"], ["35J20", "35B38", "65N12", "65J15", "65Jxx"]],
    // ACM classes as arXiv's metadata help writes them ("ACM-class: F.2.2; I.2.7").
    [["cs.DS", "F.2.2; I.2.7"], ["cs.DS"], ["F.2.2", "I.2.7"]],
    [["hep-th", "cond-mat.str-el", "math-ph", "physics.comp-ph", "q-bio.NC"], ["hep-th", "cond-mat.str-el", "math-ph", "physics.comp-ph", "q-bio.NC"], []],
    [["68T05", "68T05", " ", `${"9".repeat(101)}`], [], ["68T05"]],
  ])("%j", (terms, categories, subjectClasses) => {
    expect(splitCategoryTerms(terms)).toEqual({ categories, subjectClasses });
  });
});

describe("paperInputSchema on categories", () => {
  const base = { id: "2606.00001", version: 1, title: "T", abstract: "", authors: [], publishedAt: new Date("2026-06-01T00:00:00Z"), source: "arxiv_api" as const };

  it("names the offending value when a category is refused", () => {
    const long = `cs.${"A".repeat(30)}`;
    const result = paperInputSchema.safeParse({ ...base, categories: ["cs.LG", long] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(`"${long}" is longer than 32 characters`);
    const odd = paperInputSchema.safeParse({ ...base, categories: ["35J20, 35B38"] });
    expect(odd.error?.issues[0]?.message).toBe('"35J20, 35B38" is not an arXiv category');
  });
});

describe("Hugging Face daily papers (2026-06-12, 8 of 30 items)", () => {
  const result = parsePayload(readRealPayload(REAL.hf));

  it("reads every item", () => {
    expect(result.format).toBe("hf-json");
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(8);
  });

  it("keeps the organization: name, full name and avatar", () => {
    expect(byId(result, "2606.13289")?.input.organization).toEqual({
      name: "NJU",
      fullName: "Nanjing University",
      avatarUrl: "https://cdn-avatars.huggingface.co/v1/production/uploads/1662276136108-6314518e5f47a1896274d080.jpeg",
    });
    expect(byId(result, "2606.00467")?.input.organization?.fullName).toBe("California institute of technology");
    expect(byId(result, "2606.12730")?.input.organization).toBeUndefined();
  });

  it("keeps the figures (mediaUrls) and the machine-written summary", () => {
    expect(byId(result, "2606.11409")?.input.mediaUrls).toEqual(["https://cdn-uploads.huggingface.co/production/uploads/63cacbc502ee13c2af9d6759/huBiURDQzAZU1eFYFd9fi.png"]);
    expect(byId(result, "2606.00467")?.input.mediaUrls).toBeUndefined();
    expect(byId(result, "2606.13289")?.input.aiSummary).toMatch(/^HYDRA-X presents a unified multimodal model/);
    for (const { input } of result.items) expect(input.aiSummary).toEqual(expect.any(String));
  });

  it("keeps the comment count", () => {
    expect(byId(result, "2606.13392")?.input).toMatchObject({ commentCount: 4, upvotes: 103, listedOn: "2026-06-12" });
  });
});

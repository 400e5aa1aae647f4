import { describe, expect, it } from "vitest";
import { extractLinksFromComment, normalizeProjectPage, normalizeText, parseGithubRepo } from "@/lib/ingest/text";

describe("normalizeText", () => {
  it("unwraps hard-wrapped text: newline plus a run of spaces becomes one space", () => {
    expect(normalizeText("Tidal Attention: Sparse Routing for Long-Context\n      Language Models")).toBe(
      "Tidal Attention: Sparse Routing for Long-Context Language Models",
    );
  });

  it("trims and collapses runs of whitespace, tabs and CRLF", () => {
    expect(normalizeText("  a \t b\r\n c   ")).toBe("a b c");
  });

  it("keeps a paragraph break only where the source has a blank line (default)", () => {
    expect(normalizeText("first line\n  wrapped\n\n   second paragraph\n")).toBe("first line wrapped\n\nsecond paragraph");
    expect(normalizeText("one\n \t \n\n\ntwo")).toBe("one\n\ntwo");
  });

  it('"none" puts everything on one line, blank lines included', () => {
    expect(normalizeText("a title\n\nwith a blank line", { paragraphs: "none" })).toBe("a title with a blank line");
  });

  it('"indent" follows arXiv: an indented line starts a paragraph, a bare newline is a wrap', () => {
    const abstract = "  We compute the boundary term\nand show it cancels.\n  A short appendix follows.\n";
    expect(normalizeText(abstract, { paragraphs: "indent" })).toBe(
      "We compute the boundary term and show it cancels.\n\nA short appendix follows.",
    );
  });

  it("does not decode entities: text that reads &lt; stays &lt; (no double decoding)", () => {
    expect(normalizeText("R&amp;D &lt;b&gt; <script>alert(1)</script>")).toBe("R&amp;D &lt;b&gt; <script>alert(1)</script>");
  });

  it("returns an empty string for whitespace-only input", () => {
    expect(normalizeText(" \n\n \t ")).toBe("");
  });
});

describe("extractLinksFromComment", () => {
  it("turns a bare github.io host into an https project page", () => {
    expect(
      extractLinksFromComment("39th Conference on Neural Information Processing Systems (NeurIPS\n  2025); Project Website: rdd-neurips.github.io"),
    ).toEqual({ projectPage: "https://rdd-neurips.github.io" });
  });

  it("turns a github.com URL into owner/name and strips the sentence's full stop", () => {
    expect(extractLinksFromComment("Code: https://github.com/foo/bar.")).toEqual({ githubRepo: "foo/bar" });
  });

  it("finds both, and keeps a URL path", () => {
    expect(
      extractLinksFromComment("Accepted to ICML 2026. Code: github.com/lumen-lab/tidepool.git; project page: https://lumen-lab.github.io/tidepool/."),
    ).toEqual({ githubRepo: "lumen-lab/tidepool", projectPage: "https://lumen-lab.github.io/tidepool/" });
  });

  it("reduces deep GitHub links to the repository", () => {
    expect(extractLinksFromComment("See https://github.com/acme/widgets/tree/main/src (MIT).")).toEqual({ githubRepo: "acme/widgets" });
  });

  it("prefers a labelled project page over other links, and a github.io page over an unlabelled one", () => {
    expect(
      extractLinksFromComment("Data at https://data.example.org/x. Demo: https://demo.example.com/tide"),
    ).toEqual({ projectPage: "https://demo.example.com/tide" });
    expect(extractLinksFromComment("Data at https://data.example.org/x, more at someone.github.io/y")).toEqual({
      projectPage: "https://someone.github.io/y",
    });
  });

  it("keeps balanced parentheses in a URL but drops an enclosing one", () => {
    expect(extractLinksFromComment("(see https://en.example.org/wiki/Tide_(disambiguation))")).toEqual({
      projectPage: "https://en.example.org/wiki/Tide_(disambiguation)",
    });
  });

  it("ignores DOI, arXiv and licence links, GitHub user pages, e-mails and abbreviations", () => {
    expect(
      extractLinksFromComment(
        "Published in Phys.Rev. D, see https://doi.org/10.1000/xyz and arxiv.org/abs/2101.00001; contact me@lab.example.com; https://github.com/someuser; e.g. Fig.3",
      ),
    ).toEqual({});
  });

  it("returns nothing for an absent or link-free comment", () => {
    expect(extractLinksFromComment(undefined)).toEqual({});
    expect(extractLinksFromComment(null)).toEqual({});
    expect(extractLinksFromComment("22 pages and 5 figures")).toEqual({});
  });

  it("refuses non-http schemes", () => {
    expect(extractLinksFromComment("Project page: javascript:alert(1)")).toEqual({});
  });
});

describe("parseGithubRepo", () => {
  it.each([
    ["https://github.com/psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs", "psychology-of-AI/Rethinking-Pyschometric-Eval-LLMs"],
    ["https://github.com/MiniMax-AI/MSA/", "MiniMax-AI/MSA"],
    ["http://www.github.com/a/b.git", "a/b"],
    ["github.com/a/b.js", "a/b.js"],
    ["owner/name", "owner/name"],
  ])("%s -> %s", (input, expected) => {
    expect(parseGithubRepo(input)).toBe(expected);
  });

  it.each(["https://gitlab.com/a/b", "https://github.com/justauser", "https://github.com/orgs/acme/repos", "github.com", "", "not a url"])(
    "rejects %s",
    (input) => {
      expect(parseGithubRepo(input)).toBeNull();
    },
  );
});

describe("normalizeProjectPage", () => {
  it("adds https:// to a bare host and keeps full URLs as given", () => {
    expect(normalizeProjectPage("tidepool-ml.github.io")).toBe("https://tidepool-ml.github.io");
    expect(normalizeProjectPage(" https://huggingface.co/spaces/x/y ")).toBe("https://huggingface.co/spaces/x/y");
  });

  it("rejects other schemes and empty values", () => {
    expect(normalizeProjectPage("javascript:alert(1)")).toBeNull();
    expect(normalizeProjectPage("ftp://example.org/x")).toBeNull();
    expect(normalizeProjectPage("   ")).toBeNull();
  });
});

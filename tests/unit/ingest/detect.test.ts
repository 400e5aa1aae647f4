import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectFormat, MAX_PAYLOAD_BYTES, parsePayload } from "@/lib/ingest/parsers/detect";

function readFixture(name: string): string {
  return readFileSync(path.resolve(process.cwd(), "tests/fixtures/ingest", name), "utf8");
}

describe("detectFormat", () => {
  it.each([
    ["hf-daily-papers-2024.json", undefined, "hf-json"],
    ["hf-daily-papers-2024.json", "application/json; charset=utf-8", "hf-json"],
    ["arxiv-atom-sample.xml", "application/atom+xml; charset=UTF-8", "arxiv-atom"],
    ["arxiv-atom-sample.xml", "text/xml", "arxiv-atom"],
    ["arxiv-rss-sample.xml", "application/rss+xml", "arxiv-rss"],
    ["arxiv-rss-sample.xml", "text/plain", "arxiv-rss"],
    // Mislabelled feeds are still feeds.
    ["arxiv-rss-sample.xml", "text/html", "arxiv-rss"],
    ["arxiv-rss-sample.xml", "application/octet-stream", "arxiv-rss"],
    // arXiv's announcement listing as Atom has the API's root element, not its shape.
    ["real/arxiv-rss-atom-cs.LG-2026-09-25.xml", "application/atom+xml", "arxiv-rss-atom"],
    ["real/arxiv-api-query-lmm-msc-class.xml", "application/atom+xml", "arxiv-atom"],
  ])("%s as %s -> %s", (file, contentType, expected) => {
    expect(detectFormat(readFixture(file), contentType)).toBe(expected);
  });

  it("recognises an empty Atom listing (a weekend) by its own address, and reports arXiv's feed error", () => {
    const empty = '<feed xmlns="http://www.w3.org/2005/Atom"><id>http://rss.arxiv.org/atom/cs.AI</id><title>cs.AI updates on arXiv.org</title></feed>';
    expect(parsePayload(empty)).toEqual({ items: [], errors: [], format: "arxiv-rss-atom" });
    const error = '<feed xmlns="http://www.w3.org/2005/Atom"><id>http://rss.arxiv.org/atom/cs.XX</id><title>Feed error for query: cs.XX</title></feed>';
    expect(parsePayload(error)).toMatchObject({ items: [], format: "arxiv-rss-atom", payloadError: "arXiv RSS error: Feed error for query: cs.XX" });
  });

  it("sees through a byte-order mark, comments and a DOCTYPE before the root", () => {
    expect(detectFormat('\uFEFF  <?xml version="1.0"?>\n<!-- saved copy -->\n<!DOCTYPE rss>\n<rss version="2.0"/>')).toBe("arxiv-rss");
    expect(detectFormat("\n  [ ]")).toBe("hf-json");
  });

  it.each([
    ["<html><body>rate limited</body></html>", "text/html"],
    ["<!DOCTYPE html><html></html>", undefined],
    ["\x89PNG\r\n", "image/png"],
    ["[]", "image/png"],
    ["<feed/>", "application/json"],
    ["[]", "application/atom+xml"],
    ["hello", undefined],
    ["", undefined],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', undefined],
  ])("%j as %s -> null", (body, contentType) => {
    expect(detectFormat(body, contentType)).toBeNull();
  });
});

describe("parsePayload", () => {
  it("dispatches to the parser of the detected format", () => {
    const hf = parsePayload(readFixture("hf-daily-papers-current-edge-cases.json"), "application/json");
    expect(hf.format).toBe("hf-json");
    expect(hf.items).toHaveLength(2);
    expect(hf.errors).toHaveLength(8);

    const atom = parsePayload(readFixture("arxiv-atom-sample.xml"));
    expect(atom.format).toBe("arxiv-atom");
    expect(atom.items.map((item) => item.input.source)).toEqual(["arxiv_api", "arxiv_api", "arxiv_api"]);

    const rss = parsePayload(readFixture("arxiv-rss-sample.xml"));
    expect(rss.format).toBe("arxiv-rss");
    expect(rss.items).toHaveLength(6);
  });

  it("reports malformed JSON with its position", () => {
    expect(parsePayload('[{"paper": {"id": "2606.00001",}}]')).toEqual({
      items: [],
      errors: [],
      format: "hf-json",
      payloadError: "Malformed JSON at position 31: Expected double-quoted property name",
    });
    expect(parsePayload('[{"paper": ').payloadError).toBe("Malformed JSON at position 11: unexpected end of input");
    expect(parsePayload("[1] x").payloadError).toBe("Malformed JSON at position 4: Unexpected non-whitespace character");
    // V8 gives no position for a bad first token; the message still says what is wrong.
    expect(parsePayload("not json", "application/json").payloadError).toMatch(/^Malformed JSON: Unexpected token 'o'/);
  });

  it("reports malformed XML with its line and column", () => {
    expect(parsePayload("<rss><channel><item></channel></rss>")).toMatchObject({
      format: "arxiv-rss",
      items: [],
      payloadError: expect.stringMatching(/^Malformed XML at line 1, column \d+: Expected closing tag 'item'/),
    });
  });

  it.each([
    ["<html><body>Too many requests</body></html>", "text/html", "Payload is an HTML page, not a paper feed"],
    ["<!doctype html><html></html>", undefined, "Payload is an HTML page, not a paper feed"],
    ["\x89PNG\r\n", "image/png", 'Content type "image/png" is not a paper feed (expected JSON, Atom or RSS)'],
    ["<feed/>", "application/json", 'Content type "application/json" declares JSON but the body is XML'],
    ["[]", "application/rss+xml", 'Content type "application/rss+xml" declares XML but the body is JSON'],
    ["   ", undefined, "Payload is empty"],
    ["hello", "text/plain", "Payload is neither JSON nor XML"],
    ["<opml/>", undefined, "Unsupported XML document with root element <opml>"],
  ])("%j as %s -> %s", (body, contentType, message) => {
    expect(parsePayload(body, contentType)).toEqual({ items: [], errors: [], format: null, payloadError: message });
  });

  it("rejects bodies over MAX_PAYLOAD_BYTES, counting UTF-8 bytes", () => {
    expect(MAX_PAYLOAD_BYTES).toBe(20 * 1024 * 1024);
    const tooLong = `[${" ".repeat(MAX_PAYLOAD_BYTES)}]`;
    expect(parsePayload(tooLong)).toEqual({ items: [], errors: [], format: null, payloadError: "Payload is larger than the 20 MB limit" });
    // 7 M three-byte characters: fewer UTF-16 units than the limit, more bytes.
    const wide = `["${"€".repeat(7 * 1024 * 1024)}"]`;
    expect(wide.length).toBeLessThan(MAX_PAYLOAD_BYTES);
    expect(parsePayload(wide).payloadError).toBe("Payload is larger than the 20 MB limit");
  });

  it("accepts a body just under the limit", () => {
    const padded = `[${" ".repeat(MAX_PAYLOAD_BYTES - 2)}]`;
    expect(parsePayload(padded)).toEqual({ items: [], errors: [], format: "hf-json" });
  });
});

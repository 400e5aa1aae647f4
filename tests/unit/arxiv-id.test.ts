import { describe, expect, it } from "vitest";
import { parseArxivId } from "@/lib/papers/arxiv-id";

describe("parseArxivId", () => {
  it.each([
    ["2606.13677", "2606.13677", null],
    ["2606.13677v3", "2606.13677", 3],
    ["0704.0001", "0704.0001", null],
    ["hep-th/9901001", "hep-th/9901001", null],
    ["hep-th/9901001v2", "hep-th/9901001", 2],
    ["math.GT/0309136", "math.GT/0309136", null],
    ["https://arxiv.org/abs/2606.13677v1", "2606.13677", 1],
    ["http://arxiv.org/pdf/2510.14968v1", "2510.14968", 1],
    ["https://arxiv.org/pdf/2510.14968.pdf", "2510.14968", null],
    ["arxiv.org/abs/hep-th/9901001", "hep-th/9901001", null],
    ["arXiv:2606.00467", "2606.00467", null],
    ["  2606.00467  ", "2606.00467", null],
  ])("parses %s", (input, id, version) => {
    expect(parseArxivId(input)).toEqual({ id, version });
  });

  it.each(["", "2606.1367", "2613.12345", "2600.12345", "../../etc/passwd", "2606.13677/../x", "hep-th/990100", "<script>", "2606.13677v", "x".repeat(300)])(
    "rejects %s",
    (input) => {
      expect(parseArxivId(input)).toBeNull();
    },
  );
});

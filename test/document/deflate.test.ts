/**
 * pdfkit's streams deflated at level 1 (src/document/deflateNode.ts): every stream inflates to the
 * bytes plain pdfkit would have deflated, the pages look the same, the file is barely larger; a
 * pdfkit whose finalize looks different is left alone.
 */
import { inflateSync } from "node:zlib";
import { buildDocument } from "../../src/document/build";
import { installFastDeflate, knownShape } from "../../src/document/deflateNode";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { lookDifferences } from "./samePdf";
import { richReport } from "./support";

jest.setTimeout(120_000);

/** Each stream of a PDF, inflated (pdfkit writes no other filter here). */
function streams(pdf: Uint8Array): Buffer[] {
  const buf = Buffer.from(pdf);
  const text = buf.toString("latin1");
  const out: Buffer[] = [];
  for (const m of text.matchAll(/\/Length (\d+)[^]*?stream\n/g)) {
    const start = m.index! + m[0].length;
    out.push(inflateSync(buf.subarray(start, start + Number(m[1]))));
  }
  return out;
}

test("streams deflated at level 1 inflate to the same bytes, and the pages look the same", async () => {
  const fonts = await loadFontsFromDir();
  const doc = buildDocument(richReport());
  const plain = await toPdf(doc, fonts);
  installFastDeflate();
  const fast = await toPdf(doc, fonts);
  const [a, b] = [streams(plain), streams(fast)];
  expect(a.length).toBeGreaterThan(5);
  expect(b.map((s) => s.toString("latin1"))).toEqual(a.map((s) => s.toString("latin1")));
  expect(Buffer.compare(Buffer.from(plain), Buffer.from(fast))).not.toBe(0);
  expect(fast.byteLength).toBeLessThan(plain.byteLength * 1.1);
  expect(lookDifferences(plain, fast)).toEqual([]);
});

test("another pdfkit's finalize is recognised as unknown", () => {
  expect(knownShape(function finalize() {})).toBe(false);
  expect(knownShape(undefined)).toBe(false);
});

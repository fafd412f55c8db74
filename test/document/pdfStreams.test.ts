/**
 * pdfkit's streams gathered as one string and deflated at level 1 (src/document/pdfStreamsNode.ts):
 * every stream holds the bytes plain pdfkit would have written, in the same order, the pages look
 * the same, the file is barely larger; a pdfkit whose write or finalize looks different is left
 * alone.
 */
import { inflateSync } from "node:zlib";
import { buildDocument } from "../../src/document/build";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { installFastStreams, knownShape } from "../../src/document/pdfStreamsNode";
import { pdfmakePdfkit } from "../../src/document/renderRunsNode";
import { lookDifferences } from "./samePdf";
import { richReport } from "./support";

jest.setTimeout(120_000);

/** Each stream of a PDF, inflated when `deflated` (pdfkit writes no other filter here). */
function streams(pdf: Uint8Array, deflated = true): Buffer[] {
  const buf = Buffer.from(pdf);
  const text = buf.toString("latin1");
  const out: Buffer[] = [];
  for (const m of text.matchAll(/\/Length (\d+)[^]*?stream\n/g)) {
    const start = m.index! + m[0].length;
    const raw = buf.subarray(start, start + Number(m[1]));
    out.push(deflated ? inflateSync(raw) : raw);
  }
  return out;
}

type Doc = { ref(data?: object): { write(c: unknown): void; end(c?: unknown): void }; on(e: string, f: (c: Buffer) => void): void; end(): void };
type DocClass = new (options: object) => Doc;

/**
 * A PDF whose one stream mixes what pdfkit's callers write: operator lines, binary chunks (an
 * image, a font), characters beyond latin1 (each UTF-16 unit written as its low byte: 中 → 0x2d, 𠀀 → 0x40 0x00), a number, and an object
 * whose valueOf differs from its toString (pdfkit's `chunk + '\n'` takes valueOf).
 */
function mixedStreams(compress: boolean): Promise<Buffer> {
  const PDFDocument = pdfmakePdfkit() as unknown as DocClass;
  const doc = new PDFDocument({ compress, autoFirstPage: false, info: { CreationDate: new Date(Date.UTC(2026, 0, 15)) } });
  const parts: Buffer[] = [];
  doc.on("data", (c) => parts.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(parts))));
  const a = doc.ref({});
  const b = doc.ref({});
  a.write("BT /F1 12 Tf");
  b.write("first line of b");
  a.write(Buffer.from([0xff, 0x00, 0x0a, 0x80]));
  a.write("é中\u{20000}");
  a.write(12.5);
  a.write({ valueOf: () => "by valueOf", toString: () => "by toString" });
  a.write(new Uint8Array([1, 2, 3]));
  a.end("ET");
  b.end();
  const empty = doc.ref({ Type: "EmptyStream" });
  empty.end();
  doc.end();
  return done;
}

// Plain pdfkit's output, made before the patch is installed (it patches pdfkit for the process).
let plainMixed: { deflated: Buffer; stored: Buffer };
beforeAll(async () => {
  plainMixed = { deflated: await mixedStreams(true), stored: await mixedStreams(false) };
});

test("streams inflate to the same bytes, and the pages look the same", async () => {
  const fonts = await loadFontsFromDir();
  const doc = buildDocument(richReport());
  const plain = await toPdf(doc, fonts);
  installFastStreams();
  const fast = await toPdf(doc, fonts);
  const [a, b] = [streams(plain), streams(fast)];
  expect(a.length).toBeGreaterThan(5);
  expect(b.map((s) => s.toString("latin1"))).toEqual(a.map((s) => s.toString("latin1")));
  expect(Buffer.compare(Buffer.from(plain), Buffer.from(fast))).not.toBe(0);
  expect(fast.byteLength).toBeLessThan(plain.byteLength * 1.1);
  expect(lookDifferences(plain, fast)).toEqual([]);
});

test("lines and binary chunks keep their order and bytes, deflated or stored", async () => {
  installFastStreams();
  const deflated = await mixedStreams(true);
  const stored = await mixedStreams(false);
  // The patch is in place (pdfkit's own write would still look known).
  const probe = new (pdfmakePdfkit() as unknown as DocClass)({ autoFirstPage: false }).ref({});
  const refProto = Object.getPrototypeOf(probe) as { write: unknown; finalize: unknown };
  expect(knownShape(refProto.write, refProto.finalize)).toBe(false);
  // Stored streams: the whole file is byte for byte what plain pdfkit writes.
  expect(stored.equals(plainMixed.stored)).toBe(true);
  const [plainA, plainB] = streams(plainMixed.stored, false);
  expect(plainA?.toString("latin1")).toBe("BT /F1 12 Tf\n\xff\x00\x0a\x80\xe9\x2d\x40\x00\n12.5\nby valueOf\n\x01\x02\x03ET\n");
  expect(plainB?.toString("latin1")).toBe("first line of b\n");
  // Deflated streams: the level differs, what they inflate to does not.
  expect(streams(deflated)).toEqual(streams(plainMixed.deflated));
  expect(deflated.toString("latin1")).toContain("/Type /EmptyStream");
});

test("another pdfkit's write or finalize is recognised as unknown", () => {
  expect(knownShape(function write() {}, function finalize() {})).toBe(false);
  expect(knownShape(undefined, undefined)).toBe(false);
});

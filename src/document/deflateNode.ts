/**
 * Node only (CLI): pdfkit's streams (page contents, embedded font subsets) deflated at zlib's
 * fastest level instead of its default.
 *
 * pdfkit deflates each stream with zlib.deflateSync at level 6. For a report's PDF that is ~13 ms
 * of an export's ~400 (measured on the Sanmenxia report's streams); level 1 takes ~7 ms and the
 * file grows by ~2 % (222 → 227 KB of streams). The streams still say /FlateDecode and inflate to
 * the same bytes, so every reader draws the same pages (test/document/deflate.test.ts).
 */
import { deflateSync } from "node:zlib";
import { pdfmakePdfkit } from "./renderRunsNode";

const PATCHED = Symbol.for("xxgk.fastDeflate");

interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  finalize(): void;
}
type RefMaker = (this: unknown, data?: unknown) => PdfReference;

/** Whether finalize is the code this module was written against (pdfkit 0.17–0.19). */
export function knownShape(finalize: unknown): boolean {
  const src = typeof finalize === "function" ? String(finalize) : "";
  const expected = ["this.buffer = Buffer.concat(this.buffer)", "if (this.compress)", "zlib.deflateSync(this.buffer)", "this.data.Length = this.buffer.length"];
  return expected.every((s) => src.includes(s));
}

/**
 * Deflate at level 1 from the next document's first stream on. PDFReference is not exported, so
 * its finalize is seen only when the first reference is made: another pdfkit's is left as it is.
 */
export function installFastDeflate(document = pdfmakePdfkit()): void {
  const proto = document.prototype as unknown as { ref: RefMaker & { [PATCHED]?: true } };
  if (proto.ref[PATCHED]) return;
  const originalRef = proto.ref;
  // PDFReference is not exported: its prototype is reached through the first reference made.
  const ref: RefMaker & { [PATCHED]?: true } = function ref(this: unknown, data?: unknown) {
    const made = originalRef.call(this, data);
    const refProto = Object.getPrototypeOf(made) as PdfReference & { [PATCHED]?: true };
    proto.ref = originalRef;
    if (!refProto[PATCHED] && knownShape(refProto.finalize)) {
      const originalFinalize = refProto.finalize;
      refProto.finalize = function finalize(this: PdfReference) {
        if (this.compress && this.buffer.length) {
          // pdfkit set /Filter /FlateDecode on the first write; its finalize then takes these
          // bytes as they are (compress off) and sets /Length from them.
          this.buffer = [deflateSync(Buffer.concat(this.buffer), { level: 1 })];
          this.compress = false;
        }
        originalFinalize.call(this);
      };
      refProto[PATCHED] = true;
    }
    return made;
  };
  ref[PATCHED] = true;
  proto.ref = ref;
}

/**
 * Node only (CLI): pdfkit's streams (page contents, embedded font subsets) gathered as one string
 * and deflated at zlib's fastest level.
 *
 * Each drawing operator pdfkit writes to a page (a line of text, a move, a colour) becomes its own
 * small Buffer (`Buffer.from(chunk + '\n', 'binary')`), and finalize joins thousands of them with
 * Buffer.concat: ~10 ms of a report's export in allocation, copying and garbage (profiled on the
 * Sanmenxia report). Here the lines are joined as a string and turned into bytes once, when a
 * binary chunk follows or the stream ends; the bytes are the same ('binary' is latin1: one byte
 * per UTF-16 unit, whatever the string).
 *
 * pdfkit deflates each stream with zlib.deflateSync at level 6. For a report's PDF that is ~13 ms
 * of an export's ~400 (measured on the Sanmenxia report's streams); level 1 takes ~7 ms and the
 * file grows by ~2 % (222 → 227 KB of streams). The streams still say /FlateDecode and inflate to
 * the same bytes, so every reader draws the same pages (test/document/pdfStreams.test.ts).
 */
import { deflateSync } from "node:zlib";
import { pdfmakePdfkit } from "./renderRunsNode";

const PATCHED = Symbol.for("xxgk.fastStreams");
/** Lines written since the last binary chunk, not yet turned into bytes. */
const PENDING = Symbol("xxgk.pendingLines");

interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  write(chunk: unknown): void;
  finalize(): void;
  [PENDING]?: string;
}
type RefMaker = (this: unknown, data?: unknown) => PdfReference;

/** Whether write and finalize are the code this module was written against (pdfkit 0.17–0.19). */
export function knownShape(write: unknown, finalize: unknown): boolean {
  const has = (fn: unknown, parts: string[]) => typeof fn === "function" && parts.every((s) => String(fn).includes(s));
  return (
    has(write, ["Buffer.from(chunk + '\\n', 'binary')", "this.buffer.push(chunk)", "this.data.Length += chunk.length"]) &&
    has(finalize, ["this.buffer = Buffer.concat(this.buffer)", "if (this.compress)", "zlib.deflateSync(this.buffer)", "this.data.Length = this.buffer.length"])
  );
}

/**
 * Patch pdfkit's streams from the next document's first stream on. PDFReference is not exported,
 * so its prototype is seen only when the first reference is made: another pdfkit's is left alone.
 */
export function installFastStreams(document = pdfmakePdfkit()): void {
  const proto = document.prototype as unknown as { ref: RefMaker & { [PATCHED]?: true } };
  if (proto.ref[PATCHED]) return;
  const originalRef = proto.ref;
  const ref: RefMaker & { [PATCHED]?: true } = function ref(this: unknown, data?: unknown) {
    const made = originalRef.call(this, data);
    const refProto = Object.getPrototypeOf(made) as PdfReference & { [PATCHED]?: true };
    proto.ref = originalRef;
    if (!refProto[PATCHED] && knownShape(refProto.write, refProto.finalize)) patchReference(refProto);
    return made;
  };
  ref[PATCHED] = true;
  proto.ref = ref;
}

function patchReference(refProto: PdfReference & { [PATCHED]?: true }): void {
  const originalWrite = refProto.write;
  const originalFinalize = refProto.finalize;
  // pdfkit's own write, with the pending lines as one binary chunk: its bookkeeping (/Length,
  // /Filter) is read only by finalize, which always flushes first.
  const flush = (ref: PdfReference) => {
    const lines = ref[PENDING];
    if (lines === undefined) return;
    ref[PENDING] = undefined;
    originalWrite.call(ref, Buffer.from(lines, "latin1"));
  };
  refProto.write = function write(this: PdfReference, chunk: unknown) {
    if (chunk instanceof Uint8Array) {
      flush(this);
      originalWrite.call(this, chunk);
      return;
    }
    // `+`, as pdfkit writes it (not a template: an object's valueOf would be skipped).
    const line = (chunk as string) + "\n";
    const lines = this[PENDING];
    this[PENDING] = lines === undefined ? line : lines + line;
  };
  refProto.finalize = function finalize(this: PdfReference) {
    flush(this);
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

/**
 * Node only (CLI): the .docx package deflated by Node's zlib instead of docx's own JavaScript
 * DEFLATE (fflate, inlined in docx), the same parts in the same order.
 *
 * docx's Packer compiles the document to its parts (document.xml is ~220 KB for a 5-page report)
 * and zips them with fflate's zipSync, plain JavaScript that runs before the JIT warms up
 * (measured: ~30 ms, a tenth of a whole `export --docx`). zlib deflates the same parts in about a
 * millisecond. The zip is written by fflate's streaming Zip, which takes parts compressed
 * elsewhere; it puts each part's CRC and sizes in a data descriptor after the part (general flag
 * bit 3), as Word and LibreOffice write their own files. The parts' bytes are docx's own
 * (test/document/docxPack.test.ts unzips both and compares them; test/document/cliExport.test.ts has
 * LibreOffice read the CLI's file).
 *
 * Not used by the add-in (no zlib in a webview): only toDocx's Packer.pack in this Node process is
 * wrapped, for the "uint8array" output the export asks for.
 */
import { Zip, type ZipInputFile } from "fflate";
import { crc32, deflateRawSync } from "node:zlib";

type Part = string | Uint8Array;
/** The private compiler docx's Packer zips the output of (docx 9: `compile(file, prettify, overrides)`). */
interface DocxCompiler {
  compile(file: unknown, prettify?: unknown, overrides?: unknown[]): Map<string, Part>;
}
interface PackerClass {
  pack(file: unknown, type: string, prettify?: unknown, overrides?: unknown[]): Promise<unknown>;
  compiler?: DocxCompiler;
}

const PATCHED = Symbol.for("xxgk.nativeDocxZip");

/** One zip of `parts` in their order, each deflated by zlib (a part that deflates larger is stored). */
export function zipParts(parts: Map<string, Part>): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const [filename, data] of parts) {
    const raw = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const deflated = deflateRawSync(raw);
    const stored = deflated.length >= raw.length;
    const file: ZipInputFile = { filename, size: raw.length, crc: crc32(raw), compression: stored ? 0 : 8 };
    zip.add(file);
    // (fflate's type asks for a plain ArrayBuffer; it only reads the bytes.)
    file.ondata!(null, (stored ? raw : deflated) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** Wrap docx's Packer.pack so "uint8array" output is zipped by zipParts; call before exporting Word. */
export function installNativeDocxZip(): void {
  const { Packer } = require("docx") as { Packer: PackerClass & { [PATCHED]?: true } };
  const compiler = Packer.compiler;
  if (Packer[PATCHED]) return;
  if (typeof compiler?.compile !== "function") throw new Error("docx: no Packer.compiler.compile");
  const original = Packer.pack;
  Packer.pack = function pack(this: unknown, file, type, prettify, overrides = []) {
    if (type !== "uint8array" || prettify) return original.call(this, file, type, prettify, overrides);
    return Promise.resolve().then(() => {
      const parts = compiler.compile(file, undefined, overrides);
      // Another docx's compiler (not a Map of parts): docx zips it itself, as without this module.
      return parts instanceof Map ? zipParts(parts) : original.call(this, file, type, prettify, overrides);
    });
  };
  Packer[PATCHED] = true;
}

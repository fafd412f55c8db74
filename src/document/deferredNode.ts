/**
 * Node only (CLI): packages pdfkit and fontkit require when they load but our PDFs never use,
 * loaded only if something does use them (measured: ~6 % of a whole `export --pdf` under load):
 * encryption (@noble/ciphers, @noble/hashes: we never set a password), WOFF2 fonts (brotli: ours
 * are OpenType) and PNG images (png-js: our PDFs have none). Same PDF bytes
 * (test/document/deferred.test.ts).
 */
import { createRequire } from "node:module";
import { pdfkitFontkitPath, pdfkitPath } from "./cffSubsetNode";
import { deferModule } from "./moduleCacheNode";

const PDFKIT_UNUSED = ["@noble/ciphers/aes", "@noble/hashes/sha2", "@noble/hashes/utils", "png-js"];
const FONTKIT_UNUSED = ["brotli/decompress.js"];

/** Where pdfkit and fontkit find each unused package (resolved as they resolve it). */
export function deferredFiles(): string[] {
  const pdfkit = createRequire(pdfkitPath());
  const fontkit = createRequire(pdfkitFontkitPath());
  return [...PDFKIT_UNUSED.map((id) => pdfkit.resolve(id)), ...FONTKIT_UNUSED.map((id) => fontkit.resolve(id))];
}

/** Defer them; call before pdfmake or fontkit load. */
export function deferUnusedPdfModules(): void {
  for (const file of deferredFiles()) deferModule(file);
}

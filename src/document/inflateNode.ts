/**
 * Node only (CLI): the Unicode tables of fontkit and linebreak inflated by Node's zlib instead of
 * tiny-inflate, same bytes.
 *
 * Loading pdfmake builds a dozen unicode-trie tables (line breaking, scripts, shaping); each is
 * stored deflated twice and inflated by tiny-inflate, plain JavaScript that runs before the JIT
 * warms up (measured: ~4 % of a whole `export --pdf`, ~60 ms under load). zlib does the same in
 * about a millisecond. tiny-inflate is swapped for a zlib version in Node's module cache before
 * those packages load it; test/document/inflate.test.ts compares both on every table they inflate.
 */
import { createRequire } from "node:module";
import { pdfkitFontkitPath } from "./cffSubsetNode";
import { cacheModule } from "./moduleCacheNode";
import { inflateRawSync } from "node:zlib";

/** tiny-inflate's contract: inflate `source` into `dest`; a shorter result comes back as a copy of its length. */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  const n = Math.min(out.length, dest.length);
  dest.set(out.subarray(0, n));
  return n < dest.length ? dest.slice(0, n) : dest;
}

/** Where tiny-inflate is for the packages pdfmake draws with (unicode-trie under fontkit and linebreak). */
function tinyInflatePaths(): string[] {
  const fontkit = createRequire(pdfkitFontkitPath());
  const linebreak = createRequire(createRequire(require.resolve("pdfmake")).resolve("linebreak"));
  const paths = new Set<string>();
  for (const from of [fontkit, linebreak]) {
    const trie = createRequire(from.resolve("unicode-trie"));
    paths.add(trie.resolve("tiny-inflate"));
  }
  paths.add(fontkit.resolve("tiny-inflate"));
  return [...paths];
}

/** Install the zlib inflate for modules not yet loaded; call before pdfmake or fontkit load. */
export function installNativeInflate(): void {
  for (const file of tinyInflatePaths()) cacheModule(file, inflateInto);
}

/**
 * Node only (CLI): the PDF fonts cut down to the characters a document draws, before pdfmake sees
 * them, by HarfBuzz's subsetter (harfbuzzjs' harfbuzz-subset.wasm, a self-contained WebAssembly
 * module shipped in the npm package: nothing is fetched).
 *
 * Why: pdfmake hands each font to fontkit, which reads the whole 2–5 MB face (charset, INDEX,
 * cmap, subroutines) to draw a few hundred characters, and subsets it again to embed it.
 * Measured on a published 4-page report: a fifth of the instructions of a whole `export --pdf`.
 * A face of a few hundred glyphs costs fontkit almost nothing; HarfBuzz cuts one in milliseconds.
 *
 * What is kept: the outlines, hints, advances and vertical metrics of every glyph drawn (and of
 * the glyphs GSUB can reach from them, HarfBuzz's layout closure), so the pages are the same to
 * the pixel (test/document/fontSubset.test.ts renders both). A GPOS holding only features applied
 * on request is dropped, as withoutInertGpos hides it. Not used by the add-in: IE11 has no WebAssembly.
 */
import { readFileSync } from "node:fs";
import { fontFacts } from "./cmap";
import { FONT_ROLES, type FontBytes, type UsedChars } from "./fonts";
import { hasInertGpos } from "./inertGpos";

interface HbExports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_length(blob: number): number;
  hb_blob_get_data(blob: number, length: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
/** Faces smaller than this are embedded as they are (the page-number face is 3 KB). */
const SMALL_FACE_BYTES = 64 * 1024;

const tagOf = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

let harfbuzz: HbExports | null = null;
/** One instance per process: its memory is reused from face to face. */
function hb(): HbExports {
  if (!harfbuzz) {
    const wasm = readFileSync(require.resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    const exports = new WebAssembly.Instance(new WebAssembly.Module(wasm), {}).exports as unknown as HbExports;
    exports._initialize?.();
    harfbuzz = exports;
  }
  return harfbuzz;
}

/** Compiles HarfBuzz now, so the first cut does not wait for it (the font worker does this first). */
export function prepareSubsetter(): void {
  hb();
}

/** One face cut to `codePoints`; throws when HarfBuzz cannot (the caller keeps the whole face). */
export function subsetFace(bytes: Uint8Array, codePoints: Iterable<number>, dropTables: readonly string[] = []): Uint8Array {
  const h = hb();
  const input = h.hb_subset_input_create_or_fail();
  if (!input) throw new Error("hb_subset_input_create_or_fail");
  const data = h.malloc(bytes.byteLength);
  let face = 0;
  let subset = 0;
  try {
    if (!data) throw new Error("malloc");
    new Uint8Array(h.memory.buffer, data, bytes.byteLength).set(bytes);
    const blob = h.hb_blob_create(data, bytes.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    face = h.hb_face_create(blob, 0);
    h.hb_blob_destroy(blob);
    const unicodes = h.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) h.hb_set_add(unicodes, cp);
    const drop = h.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const t of dropTables) h.hb_set_add(drop, tagOf(t));
    subset = h.hb_subset_or_fail(face, input);
    if (!subset) throw new Error("hb_subset_or_fail");
    const out = h.hb_face_reference_blob(subset);
    try {
      const length = h.hb_blob_get_length(out);
      if (!length) throw new Error("empty subset");
      // A copy: the wasm memory is reused (and may grow, detaching views) by the next face.
      return new Uint8Array(h.memory.buffer, h.hb_blob_get_data(out, 0), length).slice();
    } finally {
      h.hb_blob_destroy(out);
    }
  } finally {
    if (subset) h.hb_face_destroy(subset);
    if (face) h.hb_face_destroy(face);
    h.hb_subset_input_destroy(input);
    if (data) h.free(data);
  }
}

/**
 * The fonts cut to what `used` draws. A face nothing draws, or a small one, stays as it is. Every
 * cut face is checked to map every character it must draw; any failure throws, and the caller
 * draws with the whole faces (slower, never wrong).
 */
export function fitFonts(fonts: FontBytes, used: UsedChars): FontBytes {
  const out = { ...fonts };
  for (const role of FONT_ROLES) {
    const chars = used[role];
    const bytes = fonts[role];
    if (!chars.size || bytes.byteLength < SMALL_FACE_BYTES) continue;
    // vmtx stays: without it fontkit works out every glyph's vertical metrics from its outline.
    const cut = subsetFace(bytes, chars, hasInertGpos(bytes) ? ["GPOS"] : []);
    const facts = fontFacts(cut);
    for (const cp of chars) if (!facts.has(cp)) throw new Error(`subset of ${role} lost U+${cp.toString(16).toUpperCase()}`);
    out[role] = cut;
  }
  return out;
}

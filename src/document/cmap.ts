/**
 * Which code points a font maps, and its vertical metrics, read straight from the sfnt tables.
 * Why not fontkit here: the add-in's PDF chunk already carries pdfmake's private fontkit copy;
 * a second fontkit (~200 KB min) just to test coverage is not worth it. This reader handles the
 * cmap formats our fonts use (4 and 12) and is cross-checked against fontkit's
 * hasGlyphForCodePoint in test/document/glyphs.test.ts.
 */

import { FONT_ROLES, type FontBytes } from "./fonts";
import type { Coverage } from "./glyphs";

export interface FontFacts {
  unitsPerEm: number;
  /** hhea ascender/descender in font units (what pdfkit uses for line height). */
  ascent: number;
  descent: number;
  has(codePoint: number): boolean;
  /** Number of mapped code points. */
  size: number;
}

function tables(view: DataView): Map<string, { offset: number; length: number }> {
  const tag = view.getUint32(0);
  if (tag === 0x74746366) throw new Error("font collections (.ttc) are not supported; extract one face");
  const numTables = view.getUint16(4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(rec), view.getUint8(rec + 1), view.getUint8(rec + 2), view.getUint8(rec + 3));
    out.set(name, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

function format4(view: DataView, at: number, into: Set<number>): void {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const ro = view.getUint16(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (ro === 0) glyph = (c + delta) & 0xffff;
      else {
        const g = view.getUint16(rangeOffsets + s * 2 + ro + (c - start) * 2);
        glyph = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (glyph !== 0) into.add(c);
    }
  }
}

function format12(view: DataView, at: number, into: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12;
    const start = view.getUint32(g);
    const end = view.getUint32(g + 4);
    const glyph = view.getUint32(g + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) into.add(c);
  }
}

/** Read the facts of an OpenType/TrueType font. */
export function fontFacts(bytes: Uint8Array): FontFacts {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const t = tables(view);
  const cmap = t.get("cmap");
  const head = t.get("head");
  const hhea = t.get("hhea");
  if (!cmap || !head || !hhea) throw new Error("not an OpenType font (cmap/head/hhea missing)");
  const points = new Set<number>();
  const n = view.getUint16(cmap.offset + 2);
  for (let i = 0; i < n; i++) {
    const rec = cmap.offset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const at = cmap.offset + view.getUint32(rec + 4);
    const format = view.getUint16(at);
    if (format === 4) format4(view, at, points);
    else if (format === 12) format12(view, at, points);
  }
  return {
    unitsPerEm: view.getUint16(head.offset + 18),
    ascent: view.getInt16(hhea.offset + 4),
    descent: view.getInt16(hhea.offset + 6),
    has: (cp) => points.has(cp),
    size: points.size,
  };
}

const coverageCache = new WeakMap<FontBytes, Coverage>();
/** Code point coverage and metrics of a font set (computed once per set). */
export function coverageOf(fonts: FontBytes): Coverage {
  let c = coverageCache.get(fonts);
  if (!c) {
    c = Object.fromEntries(FONT_ROLES.map((r) => [r, fontFacts(fonts[r])])) as Coverage;
    coverageCache.set(fonts, c);
  }
  return c;
}

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
  /** Number of mapped code points (counted when first asked). */
  readonly size: number;
  /** Every mapped code point (listed when first asked; a new Set each call). */
  codePoints(): Set<number>;
}

/** Where each table of an sfnt lies, by tag (the table directory). */
export type TableDirectory = Map<string, { offset: number; length: number }>;

/** The table directory at the start of a font; `view` holds at least its first 12 + 16·n bytes. */
export function tableDirectory(view: DataView): TableDirectory {
  const tag = view.getUint32(0);
  if (tag === 0x74746366) throw new Error("font collections (.ttc) are not supported; extract one face");
  const numTables = view.getUint16(4);
  const out: TableDirectory = new Map();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(rec), view.getUint8(rec + 1), view.getUint8(rec + 2), view.getUint8(rec + 3));
    out.set(name, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

/** Bytes of the table directory for a font with `numTables` tables (numTables is at offset 4). */
export const directoryBytes = (numTables: number): number => 12 + numTables * 16;

/** The tables fontFacts reads: a reader of a font file needs only these. */
export const FACT_TABLES = ["cmap", "head", "hhea"] as const;

/** Whether a subtable maps a code point, and how to list what it maps. */
interface Subtable {
  has(cp: number): boolean;
  each(into: Set<number>): void;
}

/**
 * Format 4 (BMP segments), looked up by binary search over the segments' end codes instead of
 * listing ~30 000 code points per face into a Set: a PDF asks for a few hundred characters.
 */
function format4(view: DataView, at: number): Subtable {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  const glyphIn = (s: number, c: number): number => {
    const start = view.getUint16(starts + s * 2);
    if (c < start || c === 0xffff) return 0;
    const delta = view.getInt16(deltas + s * 2);
    const ro = view.getUint16(rangeOffsets + s * 2);
    if (ro === 0) return (c + delta) & 0xffff;
    const g = view.getUint16(rangeOffsets + s * 2 + ro + (c - start) * 2);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  };
  return {
    has(cp) {
      if (cp > 0xffff) return false;
      // The first segment whose end code is ≥ cp (end codes ascend; the last is 0xFFFF).
      let lo = 0;
      let hi = segCount - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (view.getUint16(ends + mid * 2) < cp) lo = mid + 1;
        else hi = mid;
      }
      return view.getUint16(ends + lo * 2) >= cp && glyphIn(lo, cp) !== 0;
    },
    each(into) {
      for (let s = 0; s < segCount; s++) {
        const end = view.getUint16(ends + s * 2);
        for (let c = view.getUint16(starts + s * 2); c <= end && c !== 0xffff; c++) if (glyphIn(s, c) !== 0) into.add(c);
      }
    },
  };
}

/** Format 12 (groups of consecutive code points), looked up by binary search over the groups. */
function format12(view: DataView, at: number): Subtable {
  const groups = view.getUint32(at + 12);
  const group = (i: number) => at + 16 + i * 12;
  const mapped = (g: number, c: number) => view.getUint32(g + 8) + (c - view.getUint32(g)) !== 0;
  return {
    has(cp) {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = group(mid);
        if (cp < view.getUint32(g)) hi = mid - 1;
        else if (cp > view.getUint32(g + 4)) lo = mid + 1;
        else return mapped(g, cp);
      }
      return false;
    },
    each(into) {
      for (let i = 0; i < groups; i++) {
        const g = group(i);
        const end = view.getUint32(g + 4);
        for (let c = view.getUint32(g); c <= end; c++) if (mapped(g, c)) into.add(c);
      }
    },
  };
}

/**
 * The facts of a font from its tables: `table(tag)` gives a table's bytes, or null when the font
 * has none. A whole font (fontFacts) and a reader that fetched only FACT_TABLES give the same facts.
 */
export function factsFromTables(table: (tag: (typeof FACT_TABLES)[number]) => DataView | null): FontFacts {
  const cmap = table("cmap");
  const head = table("head");
  const hhea = table("hhea");
  if (!cmap || !head || !hhea) throw new Error("not an OpenType font (cmap/head/hhea missing)");
  const subtables: Subtable[] = [];
  const n = cmap.getUint16(2);
  for (let i = 0; i < n; i++) {
    const rec = 4 + i * 8;
    const platform = cmap.getUint16(rec);
    const encoding = cmap.getUint16(rec + 2);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const at = cmap.getUint32(rec + 4);
    const format = cmap.getUint16(at);
    if (format === 4) subtables.push(format4(cmap, at));
    else if (format === 12) subtables.push(format12(cmap, at));
  }
  let all: Set<number> | null = null;
  const list = (): Set<number> => {
    if (!all) {
      all = new Set<number>();
      for (const t of subtables) t.each(all);
    }
    return all;
  };
  return {
    unitsPerEm: head.getUint16(18),
    ascent: hhea.getInt16(4),
    descent: hhea.getInt16(6),
    has: (cp) => subtables.some((t) => t.has(cp)),
    get size() {
      return list().size;
    },
    codePoints: () => new Set(list()),
  };
}

/** Read the facts of an OpenType/TrueType font. */
export function fontFacts(bytes: Uint8Array): FontFacts {
  const dir = tableDirectory(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return factsFromTables((tag) => {
    const t = dir.get(tag);
    return t ? new DataView(bytes.buffer, bytes.byteOffset + t.offset, t.length) : null;
  });
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

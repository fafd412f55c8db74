/**
 * Node only (CLI, bench, tests): a faster CFF subset for pdfkit's fontkit, byte for byte the same.
 *
 * When pdfkit embeds a font it asks fontkit for a subset, and fontkit's CFF subsetter parses every
 * used glyph's outline only to learn which subroutines the outline calls (measured: ~11 % of a
 * whole `export --pdf`). Our Fandol subsets (build-fonts.sh) carry no subroutines at all, so that
 * parse can only ever answer "none". For such fonts the subsetter is handed a stand-in whose
 * glyphs report no subroutines; fonts with subroutines (Noto Serif CJK) keep fontkit's own path.
 * test/document/cffSubset.test.ts checks the output stays identical for every shipped font.
 *
 * Not used by the add-in: its pdfmake build bundles a private fontkit this module cannot reach.
 */
import { createRequire } from "node:module";

interface CffIndexEntry {
  offset: number;
  length: number;
}
interface CffDict {
  Private?: { Subrs?: CffIndexEntry[] } | null;
  FDArray?: CffDict[];
}
/** The bits of fontkit's CFF subset class this module touches (fontkit ships no types). */
interface CffSubset {
  cff?: { globalSubrIndex?: CffIndexEntry[]; topDict: CffDict };
  font: unknown;
}
interface FontkitFont {
  createSubset(): CffSubset;
}
interface Fontkit {
  create(bytes: Buffer): FontkitFont;
}

/** What fontkit's subsetter reads from a glyph of a font without subroutines, after parsing it. */
const NO_SUBRS_GLYPH = Object.freeze({ path: null, _usedGsubrs: Object.freeze({}), _usedSubrs: Object.freeze({}) });
const NO_SUBRS_FONT = Object.freeze({ getGlyph: () => NO_SUBRS_GLYPH });

/** True when neither the global nor any private dictionary of the CFF has a subroutine. */
export function cffHasNoSubrs(cff: NonNullable<CffSubset["cff"]>): boolean {
  if ((cff.globalSubrIndex ?? []).length > 0) return false;
  const dicts = [cff.topDict, ...(cff.topDict.FDArray ?? [])];
  return dicts.every((d) => (d.Private?.Subrs ?? []).length === 0);
}

const PATCHED = Symbol.for("xxgk.fastCffSubset");

/** Where pdfmake's pdfkit is (resolved as pdfmake resolves it). */
export function pdfkitPath(): string {
  return createRequire(require.resolve("pdfmake")).resolve("pdfkit");
}

/** Where the fontkit pdfmake's pdfkit uses is (resolved as pdfkit resolves it). */
export function pdfkitFontkitPath(): string {
  return createRequire(pdfkitPath()).resolve("fontkit");
}

/** The fontkit instance pdfmake's pdfkit uses in this process. */
export function pdfkitFontkit(): Fontkit {
  return createRequire(pdfkitFontkitPath())(pdfkitFontkitPath()) as Fontkit;
}

/**
 * Install the fast path on fontkit's font class (once per process). `sample` is any OpenType
 * font's bytes: fontkit does not export its font class, so it is reached through an instance.
 */
export function installFastCffSubset(sample: Uint8Array, fontkit: Fontkit = pdfkitFontkit()): void {
  const proto = Object.getPrototypeOf(fontkit.create(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength))) as FontkitFont & {
    [PATCHED]?: true;
  };
  if (proto[PATCHED]) return;
  const original = proto.createSubset;
  proto.createSubset = function createSubset(this: FontkitFont): CffSubset {
    const subset = original.call(this);
    // The subsetter uses its `font` only to parse glyphs for their subroutine calls.
    if (subset.cff && cffHasNoSubrs(subset.cff)) subset.font = NO_SUBRS_FONT;
    return subset;
  };
  proto[PATCHED] = true;
}

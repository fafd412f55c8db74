/**
 * The fast CFF subset (src/document/cffSubsetNode.ts) writes exactly the bytes fontkit's own
 * subsetter writes, for every shipped font, and only takes over fonts without subroutines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FONT_ROLES, PDF_FONT_FILES, type FontRole } from "../../src/document/fonts";
import { cffHasNoSubrs, installFastCffSubset } from "../../src/document/cffSubsetNode";
import { FIXTURES } from "../helpers/paths";
import { FONTS_DIR, LONG_PARAGRAPH } from "./support";

interface Glyph {
  id: number;
}
interface Subset {
  font: unknown;
  cff?: Parameters<typeof cffHasNoSubrs>[0];
  includeGlyph(g: Glyph | number): number;
  encode(): Uint8Array;
}
interface Font {
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): Glyph;
  createSubset(): Subset;
}
interface Fontkit {
  create(b: Buffer): Font;
}

/** A fontkit of this test's own (jest's module registry), so patching it touches nothing else. */
const fontkit = require("fontkit") as Fontkit;
const bytesOf = (role: FontRole) => readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role]));
/** What a real report draws: a published report's text, and the page-number characters. */
const TEXT = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8") + LONG_PARAGRAPH + "— 0123456789 —";

function subsetBytes(role: FontRole): { bytes: Buffer; took: boolean } {
  const font = fontkit.create(bytesOf(role));
  const subset = font.createSubset();
  for (const ch of new Set(TEXT)) {
    const cp = ch.codePointAt(0)!;
    if (font.hasGlyphForCodePoint(cp)) subset.includeGlyph(font.glyphForCodePoint(cp));
  }
  return { bytes: Buffer.from(subset.encode()), took: subset.font !== font };
}

test("every shipped font embeds the same bytes with the fast subset as with fontkit's own", () => {
  const before = Object.fromEntries(FONT_ROLES.map((r) => [r, subsetBytes(r).bytes]));
  installFastCffSubset(bytesOf("song"), fontkit);
  installFastCffSubset(bytesOf("song"), fontkit); // twice: installed once, not wrapped twice
  for (const role of FONT_ROLES) {
    const after = subsetBytes(role);
    expect([role, after.bytes.equals(before[role]!)]).toEqual([role, true]);
    // The Fandol faces have no subroutines and take the fast path; the Noto title keeps fontkit's.
    expect([role, after.took]).toEqual([role, role !== "title"]);
  }
});

test("a font whose CFF has global or private subroutines is left to fontkit", () => {
  expect(cffHasNoSubrs({ globalSubrIndex: [], topDict: { FDArray: [{ Private: { Subrs: [] } }, { Private: null }] } })).toBe(true);
  expect(cffHasNoSubrs({ globalSubrIndex: [{ offset: 0, length: 1 }], topDict: {} })).toBe(false);
  expect(cffHasNoSubrs({ globalSubrIndex: [], topDict: { FDArray: [{}, { Private: { Subrs: [{ offset: 0, length: 1 }] } }] } })).toBe(false);
  expect(cffHasNoSubrs({ topDict: { Private: { Subrs: [{ offset: 0, length: 1 }] } } })).toBe(false);
});

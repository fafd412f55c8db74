/**
 * Hiding an inert GPOS (src/document/inertGpos.ts) changes no glyph and no position in fontkit's
 * layout (what pdfmake measures and draws with), for every shipped font and a real report's text.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FONT_ROLES, PDF_FONT_FILES, type FontRole } from "../../src/document/fonts";
import { withoutInertGpos } from "../../src/document/inertGpos";
import { FIXTURES } from "../helpers/paths";
import { FONTS_DIR, LONG_PARAGRAPH } from "./support";

interface Run {
  glyphs: Array<{ id: number }>;
  positions: Array<Record<string, number>>;
}
interface Font {
  GPOS?: unknown;
  characterSet: number[];
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string): Run;
}
const fontkit = require("fontkit") as { create(b: Buffer): Font };
const getCategory = (require("unicode-properties") as { getCategory(cp: number): string }).getCategory;

const bytesOf = (role: FontRole) => new Uint8Array(readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role])));
const open = (b: Uint8Array) => fontkit.create(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const REPORT = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");

/** Single characters (how pdfmake measures CJK) and whole lines (Latin words, digits, punctuation). */
const PROBES = [...new Set(REPORT + LONG_PARAGRAPH + "— 12 —ABC abc 0123456789 fi fl（一）“《》”、。")].concat(
  (REPORT + "\n" + LONG_PARAGRAPH).split("\n").filter(Boolean),
);

const shape = (f: Font, s: string) => {
  const r = f.layout(s);
  return { glyphs: r.glyphs.map((g) => g.id), positions: r.positions.map((p) => ({ ...p })) };
};

test.each(FONT_ROLES)("%s: the same glyphs and positions with an inert GPOS hidden", (role) => {
  const bytes = bytesOf(role);
  const slim = withoutInertGpos(bytes);
  const before = open(bytes);
  const after = open(slim);
  // The Fandol faces carry only on-request features and lose the table; Noto's kern/mark stay.
  expect([role, slim === bytes, Boolean(after.GPOS)]).toEqual(role === "title" ? [role, true, true] : [role, false, false]);
  for (const s of PROBES) expect([role, s, shape(after, s)]).toEqual([role, s, shape(before, s)]);
  // Without a GPOS fontkit places combining marks itself: none of these faces maps one.
  if (slim !== bytes) expect(after.characterSet.filter((cp) => after.hasGlyphForCodePoint(cp) && getCategory(cp).startsWith("M"))).toEqual([]);
  // The caller's bytes are never changed.
  expect(Buffer.from(bytes).equals(readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role])))).toBe(true);
});

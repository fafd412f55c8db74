/**
 * The fast CFF subset (src/document/cffSubsetNode.ts) writes exactly the bytes fontkit's own
 * subsetter writes, for every shipped font, and only takes over fonts without subroutines.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { FONT_ROLES, PDF_FONT_FILES, type FontRole } from "../../src/document/fonts";
import { installFastCffIndex } from "../../src/document/cffIndexNode";
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

describe("fontkit's CFF INDEX written in one loop (cffIndexNode.ts)", () => {
  interface CffDictLike {
    CharStrings?: unknown;
    Private?: { Subrs?: unknown } | null;
    FDArray?: CffDictLike[];
  }
  interface CffLike {
    globalSubrIndex: unknown;
    topDict: CffDictLike;
  }
  interface Index {
    type?: unknown;
    decode(stream: unknown, parent: unknown): unknown;
    size(arr: unknown, parent: unknown): number;
    encode(stream: unknown, arr: unknown, parent: unknown): void;
  }
  interface Restructure {
    DecodeStream: new (b: Uint8Array) => { pos: number };
    EncodeStream: new (b: Uint8Array) => { pos: number; buffer: Uint8Array };
    VersionedStruct: { prototype: { decode(...a: unknown[]): unknown; versions?: Record<string, { globalSubrIndex?: Index }> } };
  }
  /** This test's restructure: the one its fontkit (jest's registry) requires. */
  const restructure = require("restructure") as Restructure;
  const openCff = () => (fontkit.create(bytesOf("song")) as unknown as Record<string, unknown>)["CFF "];
  let index: Index;
  let original: Pick<Index, "decode" | "size" | "encode">;
  /** Every font's subset bytes and decoded INDEXes before the fast INDEX. */
  let before: Record<string, Buffer>;
  let decodedBefore: Record<string, string>;
  /** The INDEXes fontkit decodes when it opens a font: CharStrings, global and private subroutines. */
  const decodedIndexes = (role: FontRole) => {
    const cff = (fontkit.create(bytesOf(role)) as unknown as Record<string, CffLike>)["CFF "]!;
    const dicts = [cff.topDict, ...(cff.topDict.FDArray ?? [])];
    return JSON.stringify([cff.globalSubrIndex, cff.topDict.CharStrings, dicts.map((d) => d.Private?.Subrs ?? null)]);
  };

  beforeAll(() => {
    // The INDEX class as fontkit's CFF top level holds it, before the fast path is installed.
    const decode = restructure.VersionedStruct.prototype.decode;
    restructure.VersionedStruct.prototype.decode = function (this: { versions?: Record<string, { globalSubrIndex?: Index }> }, ...a: unknown[]) {
      index ??= this.versions?.[1]?.globalSubrIndex as Index;
      return decode.apply(this, a);
    };
    openCff();
    restructure.VersionedStruct.prototype.decode = decode;
    const proto = Object.getPrototypeOf(index) as Index;
    original = { decode: proto.decode, size: proto.size, encode: proto.encode };
    before = Object.fromEntries(FONT_ROLES.map((r) => [r, subsetBytes(r).bytes]));
    decodedBefore = Object.fromEntries(FONT_ROLES.map((r) => [r, decodedIndexes(r)]));
    installFastCffIndex(restructure as never, openCff);
    installFastCffIndex(restructure as never, openCff); // twice: installed once
  });

  test("every shipped font's CharStrings and subroutine INDEXes decode to the same entries", () => {
    for (const role of FONT_ROLES) expect([role, decodedIndexes(role) === decodedBefore[role]]).toEqual([role, true]);
    expect(decodedBefore.title!.length).toBeGreaterThan(100_000); // the title's ~20 000 subroutines among them
  });

  test("every shipped font, the Noto title with its ~20 000 subroutines included, embeds the same bytes", () => {
    expect(Object.getPrototypeOf(index).size).not.toBe(original.size);
    for (const role of FONT_ROLES) expect([role, subsetBytes(role).bytes.equals(before[role]!)]).toEqual([role, true]);
  });

  test.each([
    ["three entries, one-byte offsets", [0, 3, 1, 1, 2, 4, 4, 9, 9, 9]],
    ["two-byte offsets", [0, 2, 2, 0, 1, 0, 2, 0, 3, 7, 7]],
    ["no entries", [0, 0]],
    ["offsets running past the end", [0, 9, 2, 0, 1]],
    ["a bad offset size", [0, 1, 7, 0, 1, 0, 2]],
  ])("reading an INDEX of %s gives fontkit's entries, position or error", (_name, data) => {
    const read = (decode: Index["decode"]) => {
      const stream = new restructure.DecodeStream(Uint8Array.from(data));
      try {
        return { entries: decode.call(index, stream, null), pos: stream.pos };
      } catch (e) {
        return { error: String(e), pos: stream.pos };
      }
    };
    expect(read((Object.getPrototypeOf(index) as Index).decode)).toEqual(read(original.decode));
  });

  const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
  test.each([
    ["empty", []],
    ["one-byte offsets", [bytes(3, 1), bytes(0, 0), bytes(200, 2)]],
    ["two-byte offsets", Array.from({ length: 300 }, (_, i) => bytes(i % 7, i))],
    ["three-byte offsets", [bytes(70_000, 3), bytes(1, 11)]],
    ["four-byte offsets", [bytes(0x1000000, 4)]],
    ["a Node Buffer among them", [Buffer.from([1, 2]), bytes(2, 5)]],
    ["an item that is not bytes (left to fontkit)", [bytes(2, 1), "ab"]],
  ])("an INDEX of %s: the same size and bytes as fontkit's", (_name, items) => {
    const run = (impl: Pick<Index, "size" | "encode">) => {
      const size = impl.size.call(index, items, null);
      const stream = new restructure.EncodeStream(new Uint8Array(size + 16));
      impl.encode.call(index, stream, items, null);
      return { size, written: stream.pos, bytes: Buffer.from(stream.buffer.subarray(0, stream.pos)) };
    };
    const fast = Object.getPrototypeOf(index) as Index;
    const ours = run(fast);
    const theirs = run(original);
    expect([ours.size, ours.written]).toEqual([theirs.size, theirs.written]);
    expect(ours.bytes.equals(theirs.bytes)).toBe(true);
  });
});

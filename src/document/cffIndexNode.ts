/**
 * Node only (CLI): fontkit's CFF INDEX read, sized and written without restructure's per-item
 * calls, byte for byte the same.
 *
 * The title face (Noto Serif CJK Bold) keeps its subroutines: 2 317 global and 17 494 in one
 * private dictionary. fontkit's subset keeps every one of them (unused ones as a bare "return"), so
 * its INDEXes of ~20 000 entries are sized several times and written entry by entry through
 * restructure's generic number and buffer types (measured: ~10 % of a whole `export --pdf`, for a
 * title of some twenty characters). For an INDEX of plain byte strings — the only kind these are —
 * the same sizes and bytes are computed here in one loop; any other INDEX keeps fontkit's code.
 * Opening a font reads the INDEX of its CharStrings (one entry per glyph, 3 755–7 000 here) the
 * same way, entry by entry. test/document/cffSubset.test.ts compares every shipped font's decoded
 * INDEXes and subset bytes.
 */
import { createRequire } from "node:module";

interface EncodeStream {
  writeUInt8(v: number): void;
  writeUInt16BE(v: number): void;
  writeUInt24BE(v: number): void;
  writeUInt32BE(v: number): void;
  writeBuffer(b: Uint8Array): void;
}
interface DecodeStream {
  buffer: Uint8Array;
  pos: number;
  length: number;
  readUInt8(): number;
  readUInt16BE(): number;
  readUInt32BE(): number;
}
interface CffIndex {
  type?: unknown;
  getCFFVersion(parent: unknown): number;
  decode(stream: DecodeStream, parent: unknown): unknown;
  size(arr: unknown, parent: unknown): number;
  encode(stream: EncodeStream, arr: unknown, parent: unknown): void;
}
/** fontkit's CFF top level: a restructure VersionedStruct with an INDEX of global subroutines per version. */
interface VersionedStruct {
  versions?: Record<string, { globalSubrIndex?: CffIndex }>;
  decode(...args: unknown[]): unknown;
}
export interface Restructure {
  VersionedStruct: { prototype: VersionedStruct };
}

const PATCHED = Symbol.for("xxgk.fastCffIndex");

/** restructure as fontkit at `fontkitPath` requires it. */
export function restructureOf(fontkitPath: string): Restructure {
  return createRequire(fontkitPath)("restructure") as Restructure;
}

/** Total length + 1 of plain byte strings (the INDEX's last offset), or null for any other INDEX. */
function lastOffset(index: CffIndex, arr: unknown): number | null {
  if (index.type != null || !Array.isArray(arr) || arr.length === 0) return null;
  let offset = 1;
  for (const item of arr) {
    if (!(item instanceof Uint8Array)) return null;
    offset += item.length;
  }
  return offset <= 0xffffffff ? offset : null;
}

const offSizeOf = (offset: number) => (offset <= 0xff ? 1 : offset <= 0xffff ? 2 : offset <= 0xffffff ? 3 : 4);

/**
 * Install on fontkit's CFF INDEX class, found while `openCff` makes fontkit decode a CFF font's top
 * level (fontkit does not export the class; the decoder of its top level, CFFTop, holds instances).
 */
export function installFastCffIndex(restructure: Restructure, openCff: () => void): void {
  const structProto = restructure.VersionedStruct.prototype;
  const decode = structProto.decode;
  let index: CffIndex | undefined;
  structProto.decode = function (this: VersionedStruct, ...args: unknown[]) {
    index ??= this.versions?.[1]?.globalSubrIndex;
    return decode.apply(this, args);
  };
  try {
    openCff();
  } finally {
    structProto.decode = decode;
  }
  if (!index) return;
  const proto = Object.getPrototypeOf(index) as CffIndex & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const { decode: decodeIndex, size, encode } = proto;
  // Reading: an INDEX of byte strings becomes {offset, length} per entry (the CharStrings of every
  // glyph, the subroutines), its offsets read here instead of through restructure's number types.
  proto.decode = function (this: CffIndex, stream, parent) {
    const at = stream.pos;
    if (this.type != null) return decodeIndex.call(this, stream, parent);
    const count = this.getCFFVersion(parent) >= 2 ? stream.readUInt32BE() : stream.readUInt16BE();
    if (count === 0) return [];
    const offSize = stream.readUInt8();
    const first = stream.pos;
    if (offSize < 1 || offSize > 4 || first + (count + 1) * offSize > stream.length) {
      stream.pos = at; // a damaged INDEX: fontkit's own code, with its own error
      return decodeIndex.call(this, stream, parent);
    }
    const b = stream.buffer;
    const offsetAt = (i: number) => {
      let v = 0;
      for (let k = first + i * offSize, end = k + offSize; k < end; k++) v = v * 256 + b[k]!;
      return v;
    };
    const startPos = first + (count + 1) * offSize - 1;
    const ret: Array<{ offset: number; length: number }> = [];
    let start = offsetAt(0);
    for (let i = 0; i < count; i++) {
      const end = offsetAt(i + 1);
      ret.push({ offset: startPos + start, length: end - start });
      start = end;
    }
    stream.pos = startPos + start;
    return ret;
  };
  proto.size = function (this: CffIndex, arr, parent) {
    const offset = lastOffset(this, arr);
    if (offset === null) return size.call(this, arr, parent);
    return 2 + 1 + offSizeOf(offset) * ((arr as unknown[]).length + 1) + offset - 1;
  };
  proto.encode = function (this: CffIndex, stream, arr, parent) {
    const last = lastOffset(this, arr);
    if (last === null) return encode.call(this, stream, arr, parent);
    const items = arr as Uint8Array[];
    const offSize = offSizeOf(last);
    const write = [stream.writeUInt8, stream.writeUInt16BE, stream.writeUInt24BE, stream.writeUInt32BE][offSize - 1]!;
    stream.writeUInt16BE(items.length);
    stream.writeUInt8(offSize);
    let offset = 1;
    write.call(stream, offset);
    for (const item of items) {
      offset += item.length;
      write.call(stream, offset);
    }
    for (const item of items) stream.writeBuffer(item);
  };
  proto[PATCHED] = true;
}

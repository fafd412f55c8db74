/**
 * Bytes to text. Old portals serve GB2312/GBK pages; files saved from them keep that encoding.
 * The charset comes from a BOM, then a <meta charset> / XML declaration, then from whether the
 * bytes are valid UTF-8 (GB18030, a superset of GB2312 and GBK, is the fallback).
 */

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

const GB = /^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|x-euc-cn|csgb2312|chinese|iso-ir-58)$/i;
const DECLARED = /(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i;

function latin1Head(bytes: Uint8Array, n: number): string {
  let s = "";
  const end = Math.min(bytes.length, n);
  for (let i = 0; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1Head(bytes, 4096);
  const meta = /<meta[^>]*>|<\?xml[^>]*>/gi;
  for (const m of head.matchAll(meta)) {
    const c = DECLARED.exec(m[0]);
    if (c) return c[1]!.toLowerCase();
  }
  return null;
}

function decoder(encoding: TextEncoding, fatal = false): TextDecoder | null {
  try {
    return new TextDecoder(encoding, { fatal });
  } catch {
    return null; // an engine without GB18030 support
  }
}

/** Thrown when the bytes are GB18030 (not UTF-8) and this engine cannot decode GB18030. */
export class EncodingUnsupported extends Error {
  constructor() {
    super("GB18030 decoding is not available in this engine");
    // ES5 builds (IE11): keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF), for engines whose
 * TextDecoder has no `fatal` option: IE11 runs the fast-text-encoding polyfill (UTF-8 only).
 */
export function isUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return false;
    const b1 = bytes[i + 1]!;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < lo || b1 > hi) return false;
    for (let k = 2; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const declared = declaredCharset(bytes);
  const gb = decoder("gb18030");
  if (declared && GB.test(declared) && gb) return { text: gb.decode(bytes), encoding: "gb18030" };
  if (!decoder("utf-8", true)) {
    // A TextDecoder without `fatal` (IE11's polyfill): check UTF-8 by hand, and never decode
    // GB18030 bytes as UTF-8 garbage.
    if (isUtf8(bytes)) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
    if (gb) return { text: gb.decode(bytes), encoding: "gb18030" };
    throw new EncodingUnsupported();
  }
  try {
    return { text: decoder("utf-8", true)!.decode(bytes), encoding: "utf-8" };
  } catch {
    if (gb) return { text: gb.decode(bytes), encoding: "gb18030" };
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
  }
}

/** Share of bytes that never occur in text (NUL and most C0 controls) in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b)) odd++;
  }
  return odd / n > 0.05;
}

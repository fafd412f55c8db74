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

export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const declared = declaredCharset(bytes);
  const gb = decoder("gb18030");
  if (declared && GB.test(declared) && gb) return { text: gb.decode(bytes), encoding: "gb18030" };
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

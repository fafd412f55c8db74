/**
 * The legacy encodings the PDF export's font code asks TextDecoder for, where the webview has no
 * TextDecoder (EdgeHTML 18, IE11) and the UTF-8-only polyfill would throw at load: fontkit builds
 * `new TextDecoder("ascii")` when its module is evaluated, and reads font names as UTF-16BE and Mac
 * Roman. Decoded as the WHATWG Encoding Standard does; any other label is refused with the
 * RangeError a browser throws. No DOM: tested in Node against Node's own decoders.
 */

/** WHATWG windows-1252 for 0x80–0x9F (the rest is Latin-1). */
const CP1252_80 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c,
  0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** WHATWG macintosh (Mac Roman) for 0x80–0xFF. */
const MAC_80 = [
  0xc4, 0xc5, 0xc7, 0xc9, 0xd1, 0xd6, 0xdc, 0xe1, 0xe0, 0xe2, 0xe4, 0xe3, 0xe5, 0xe7, 0xe9, 0xe8, 0xea, 0xeb, 0xed, 0xec, 0xee, 0xef, 0xf1, 0xf3, 0xf2, 0xf4,
  0xf6, 0xf5, 0xfa, 0xf9, 0xfb, 0xfc, 0x2020, 0xb0, 0xa2, 0xa3, 0xa7, 0x2022, 0xb6, 0xdf, 0xae, 0xa9, 0x2122, 0xb4, 0xa8, 0x2260, 0xc6, 0xd8, 0x221e, 0xb1,
  0x2264, 0x2265, 0xa5, 0xb5, 0x2202, 0x2211, 0x220f, 0x3c0, 0x222b, 0xaa, 0xba, 0x3a9, 0xe6, 0xf8, 0xbf, 0xa1, 0xac, 0x221a, 0x192, 0x2248, 0x2206, 0xab,
  0xbb, 0x2026, 0xa0, 0xc0, 0xc3, 0xd5, 0x152, 0x153, 0x2013, 0x2014, 0x201c, 0x201d, 0x2018, 0x2019, 0xf7, 0x25ca, 0xff, 0x178, 0x2044, 0x20ac, 0x2039,
  0x203a, 0xfb01, 0xfb02, 0x2021, 0xb7, 0x201a, 0x201e, 0x2030, 0xc2, 0xca, 0xc1, 0xcb, 0xc8, 0xcd, 0xce, 0xcf, 0xcc, 0xd3, 0xd4, 0xf8ff, 0xd2, 0xda, 0xdb,
  0xd9, 0x131, 0x2c6, 0x2dc, 0xaf, 0x2d8, 0x2d9, 0x2da, 0xb8, 0x2dd, 0x2db, 0x2c7,
];

export type LegacyEncoding = "utf-8" | "windows-1252" | "macintosh" | "utf-16le" | "utf-16be";

/** The WHATWG labels of the encodings handled here (lower case, trimmed). */
const LABELS: Record<string, LegacyEncoding> = {};
const label = (enc: LegacyEncoding, names: string[]) => names.forEach((n) => (LABELS[n] = enc));
label("utf-8", ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]);
label("windows-1252", [
  "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
  "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
]);
label("macintosh", ["csmacintosh", "mac", "macintosh", "x-mac-roman"]);
label("utf-16le", ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"]);
label("utf-16be", ["unicodefffe", "utf-16be"]);

/** The encoding a label names, or null where a browser's TextDecoder would throw. */
export function encodingOf(labelText: string | undefined): LegacyEncoding | null {
  // ASCII whitespace only, as the standard trims (String.prototype.trim would also take U+00A0).
  const key = (labelText === undefined ? "utf-8" : String(labelText)).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").toLowerCase();
  return Object.prototype.hasOwnProperty.call(LABELS, key) ? LABELS[key]! : null;
}

function bytesOf(input: unknown): Uint8Array {
  if (input === undefined || input === null) return new Uint8Array(0);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw new TypeError("The provided value is not of type '(ArrayBuffer or ArrayBufferView)'");
}

/** Builds a string from code units in slices (String.fromCharCode takes limited arguments). */
function fromUnits(units: ArrayLike<number>, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 8192) {
    out += String.fromCharCode.apply(null, Array.prototype.slice.call(units, i, Math.min(length, i + 8192)) as number[]);
  }
  return out;
}

/** Decodes a single-byte or UTF-16 encoding (not UTF-8: that is the polyfill's). */
export function decodeLegacy(encoding: Exclude<LegacyEncoding, "utf-8">, input: unknown, fatal = false, ignoreBOM = false): string {
  const bytes = bytesOf(input);
  if (encoding === "windows-1252" || encoding === "macintosh") {
    const units = new Uint16Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      units[i] = b < 0x80 ? b : encoding === "macintosh" ? MAC_80[b - 0x80]! : b < 0xa0 ? CP1252_80[b - 0x80]! : b;
    }
    return fromUnits(units, units.length);
  }
  const le = encoding === "utf-16le";
  const n = bytes.length >> 1;
  const units = new Uint16Array(n);
  for (let i = 0; i < n; i++) units[i] = le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
  const start = !ignoreBOM && n > 0 && units[0] === 0xfeff ? 1 : 0;
  let out = fromUnits(start ? units.subarray(1) : units, n - start);
  // An odd trailing byte and lone surrogates are errors: U+FFFD, or a TypeError when fatal.
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  if (fatal && (bytes.length % 2 === 1 || lone.test(out))) throw new TypeError("The encoded data was not valid.");
  out = out.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g, "\uFFFD").replace(/(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1\uFFFD");
  return bytes.length % 2 === 1 ? `${out}\uFFFD` : out;
}

interface DecoderLike {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: unknown, options?: { stream?: boolean }): string;
}
type DecoderClass = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => DecoderLike;

/**
 * A TextDecoder that hands UTF-8 to `Utf8` (the polyfill) and decodes the encodings above itself.
 * Streaming is supported for UTF-8 only (the polyfill's); the font code never streams.
 */
export function withLegacyEncodings(Utf8: DecoderClass): DecoderClass {
  return class TextDecoder implements DecoderLike {
    readonly encoding: string;
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    private readonly utf8: DecoderLike | null;
    constructor(labelText?: string, options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
      const enc = encodingOf(labelText);
      if (enc === null) throw new RangeError(`Failed to construct 'TextDecoder': The encoding label provided ('${String(labelText)}') is invalid.`);
      this.encoding = enc;
      this.fatal = !!options.fatal;
      this.ignoreBOM = !!options.ignoreBOM;
      this.utf8 = enc === "utf-8" ? new Utf8("utf-8", options) : null;
    }
    decode(input?: unknown, options?: { stream?: boolean }): string {
      if (this.utf8) return this.utf8.decode(input, options);
      return decodeLegacy(this.encoding as Exclude<LegacyEncoding, "utf-8">, input, this.fatal, this.ignoreBOM);
    }
  };
}

/**
 * The TextDecoder given to EdgeHTML 18 and IE11 (src/pane/legacyDecoders.ts), checked against
 * Node's own decoders (ICU) and iconv-lite byte for byte.
 */
import iconv from "iconv-lite";
import { decodeLegacy, encodingOf, withLegacyEncodings } from "../../src/pane/legacyDecoders";

const all = Uint8Array.from({ length: 256 }, (_, i) => i);
/** A UTF-8-only decoder like the fast-text-encoding polyfill. */
class Utf8Only {
  readonly encoding = "utf-8";
  readonly fatal = false;
  readonly ignoreBOM = false;
  constructor(label = "utf-8") {
    if (!/^utf-?8$/i.test(label)) throw new RangeError(`Failed to construct 'TextDecoder': the encoding label provided ('${label}') is invalid.`);
  }
  decode(input?: Uint8Array): string {
    return new TextDecoder().decode(input);
  }
}
const Legacy = withLegacyEncodings(Utf8Only as never);

describe("legacy TextDecoder", () => {
  test("fontkit's labels are accepted; unknown labels throw RangeError as in a browser", () => {
    expect(new Legacy("ascii").encoding).toBe("windows-1252");
    expect(new Legacy(" UTF-16BE\n").encoding).toBe("utf-16be");
    expect(new Legacy("x-mac-roman").encoding).toBe("macintosh");
    expect(new Legacy().encoding).toBe("utf-8");
    expect(() => new Legacy("gb18030")).toThrow(RangeError);
    expect(() => new Legacy("\u00a0ascii")).toThrow(RangeError);
    for (const l of ["latin1", "us-ascii", "utf-16", "utf8", "mac", "unicodefffe"]) expect(encodingOf(l)).toBe(new TextDecoder(l).encoding);
  });

  test("Mac Roman matches Node's ICU decoder for every byte", () => {
    expect(new Legacy("macintosh").decode(all)).toBe(new TextDecoder("macintosh").decode(all));
  });

  test("windows-1252 matches the WHATWG table (iconv-lite for the defined bytes)", () => {
    const ours = new Legacy("ascii").decode(all);
    const theirs = iconv.decode(Buffer.from(all), "windows-1252");
    expect(ours).toHaveLength(256);
    for (let i = 0; i < 256; i++) {
      // Bytes cp1252 leaves undefined are U+0080-block controls in WHATWG, U+FFFD in iconv-lite.
      expect(ours.charCodeAt(i)).toBe(theirs[i] === "\ufffd" ? i : theirs.charCodeAt(i));
    }
    expect(new Legacy("ascii").decode(new TextEncoder().encode("OTTO"))).toBe("OTTO");
  });

  test("UTF-16 both ways matches Node, with the BOM, lone surrogates and an odd byte", () => {
    const text = "政务公开 Noto Sans SC 😀";
    const le = Buffer.from(`\ufeff${text}`, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const [label, bytes] of [["utf-16le", le], ["utf-16be", be]] as const) {
      expect(new Legacy(label).decode(bytes)).toBe(new TextDecoder(label).decode(bytes));
      expect(new Legacy(label, { ignoreBOM: true }).decode(bytes)).toBe(new TextDecoder(label, { ignoreBOM: true }).decode(bytes));
    }
    const broken = Uint8Array.from([0x3d, 0xd8, 0x41, 0x00, 0x00, 0xdc, 0x42]);
    expect(new Legacy("utf-16le").decode(broken)).toBe(new TextDecoder("utf-16le").decode(broken));
    expect(() => new Legacy("utf-16le", { fatal: true }).decode(broken)).toThrow(TypeError);
    expect(decodeLegacy("utf-16be", new DataView(be.buffer, be.byteOffset, be.byteLength))).toBe(text);
  });

  test("UTF-8 goes to the polyfill; a non-buffer is a TypeError", () => {
    expect(new Legacy("utf-8").decode(new TextEncoder().encode("年报"))).toBe("年报");
    expect(() => new Legacy("ascii").decode("x" as never)).toThrow(TypeError);
    expect(new Legacy("ascii").decode()).toBe("");
  });
});

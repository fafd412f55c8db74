/**
 * Decoding on IE11: its TextDecoder is the fast-text-encoding polyfill (UTF-8 only, no `fatal`).
 * UTF-8 files must still import; GB18030 files must be refused with a message, never decoded into
 * garbage. The real polyfill is installed in place of the engine's TextDecoder for these tests.
 */
import fc from "fast-check";
import { decodeBytes, EncodingUnsupported, isUtf8 } from "../../src/import/decode";
import { importReport } from "../../src/import";
import { encodeGb18030, readSeed } from "./support/layout";

// Encoded before the engine's TextDecoder is taken away (the GB18030 encoder is built with it).
const UTF8 = new TextEncoder().encode(readSeed());
const GBK = encodeGb18030(readSeed());
const GB_WORDS = encodeGb18030("政府信息公开");
const g = globalThis as unknown as Record<string, unknown>;
const native = { TextDecoder: g.TextDecoder, TextEncoder: g.TextEncoder };

describe("with IE11's TextDecoder polyfill", () => {
  beforeAll(() => {
    delete g.TextDecoder;
    delete g.TextEncoder;
    jest.isolateModules(() => require("fast-text-encoding"));
    // The polyfill, not the engine: it refuses `fatal` and every label but UTF-8.
    expect(() => new TextDecoder("utf-8", { fatal: true })).toThrow();
    expect(() => new TextDecoder("gb18030")).toThrow();
  });
  afterAll(() => Object.assign(g, native));

  test("a UTF-8 report still imports", async () => {
    const res = await importReport({ name: "report.txt", data: UTF8 });
    expect(res.report.meta.agency).toBe("三门峡市湖滨区前进街道办事处");
  });

  test("a GBK report is refused in plain words, not read as garbage", async () => {
    expect(() => decodeBytes(GBK)).toThrow(EncodingUnsupported);
    const res = await importReport({ name: "report.txt", data: GBK });
    expect(res.recognised).toBe(false);
    expect(res.findings.map((f) => f.message).join("")).toContain("不能识别 GBK/GB18030 编码的文件");
  });
});

test("isUtf8 agrees with a strict (fatal) UTF-8 decoder on any bytes", () => {
  const strict = new TextDecoder("utf-8", { fatal: true });
  const ok = (b: Uint8Array) => {
    try {
      strict.decode(b);
      return true;
    } catch {
      return false;
    }
  };
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => isUtf8(b) === ok(b)), { numRuns: 3000 });
  fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => isUtf8(new TextEncoder().encode(s))), { numRuns: 1000 });
  expect(isUtf8(GB_WORDS)).toBe(false);
});

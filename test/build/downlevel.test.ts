/**
 * What TypeScript leaves for old webviews and the build fixes: regex syntax (scripts/downlevel-
 * loader.js), duplicate keys in ES5, and CSS custom properties for IE11 (scripts/legacy-css.js).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { installNormalize, normalizeByTable, parseNfkcTable } from "../../src/pane/legacyNormalize";
import { PROJECT_ROOT } from "../helpers/paths";

const { downlevel, downlevelRegex } = require(path.join(PROJECT_ROOT, "scripts/downlevel-loader.js")) as {
  downlevel(src: string, o: { es5: boolean; resourcePath: string }): string;
  downlevelRegex(p: string, f: string, es5: boolean): string | null;
};
const { legacyCss } = require(path.join(PROJECT_ROOT, "scripts/legacy-css.js")) as { legacyCss(css: string): string };

const SPLIT = String.raw`[^\p{L}\p{N}]+`;

test("\\p{L}\\p{N} become explicit ranges that split text exactly as before (ES2017 keeps u, astral included)", () => {
  const modern = downlevelRegex(SPLIT, "gu", false)!;
  expect(() => parse(`x = ${modern};`, { ecmaVersion: 2017 })).not.toThrow();
  const re = new RegExp(modern.slice(1, -3), "gu");
  for (const s of ["收到申请81件，办结80件", "本机关 2023年 (一)", "𠀀字 test_x"]) expect(s.split(re)).toEqual(s.split(new RegExp(SPLIT, "gu")));
});

test("ES5: the u flag goes and \\p ranges are BMP-only; the literal parses as ES5", () => {
  const legacy = downlevelRegex(SPLIT, "gu", true)!;
  expect(legacy.endsWith("/g")).toBe(true);
  expect(() => parse(`x = ${legacy};`, { ecmaVersion: 5 })).not.toThrow();
  expect("收到申请81件，办结80件".split(new RegExp(legacy.slice(1, -2), "g"))).toEqual(["收到申请81件", "办结80件"]);
  expect(downlevelRegex(String.raw`\s+$`, "u", true)).toBe(String.raw`/\s+$/`);
  expect(downlevelRegex(String.raw`\s+$`, "u", false)).toBeNull();
});

test("what cannot be made ES5 stops the build with the module named", () => {
  expect(() => downlevel("const a = /(?<=x)y/;", { es5: false, resourcePath: "m.js" })).toThrow(/m\.js: lookbehind/);
  expect(() => downlevel("const a = /a.b/s;", { es5: true, resourcePath: "m.js" })).toThrow(/s flag/);
  expect(() => downlevel(String.raw`const a = /\u{1F600}/u;`, { es5: true, resourcePath: "m.js" })).toThrow(/astral/);
});

test("ES5: an earlier duplicate key without side effects is dropped (the later one wins, as at run time)", () => {
  const out = downlevel("var t = {a: s.u16, b: 1, a: s.u32};", { es5: true, resourcePath: "fontkit.js" });
  expect(out).toBe("var t = {b: 1, a: s.u32};");
  expect(() => parse(`"use strict"; ${out}`, { ecmaVersion: 5 })).not.toThrow();
  expect(() => downlevel("var t = {a: f(), a: 2};", { es5: true, resourcePath: "x.js" })).toThrow(/side effect/);
});

test("the IE11 stylesheet has every var() resolved to the light theme and no custom property left", () => {
  const css = readFileSync(path.join(PROJECT_ROOT, "src/pane/taskpane.css"), "utf8");
  const out = legacyCss(css);
  expect(out).not.toMatch(/var\(|--[\w-]+\s*:/);
  expect(legacyCss(":root{--a:#111;--b:var(--a)}\n.x{color:var(--b);border:1px solid var(--c, #222)}")).toBe(":root{}\n.x{color:#111;border:1px solid #222}");
  expect(() => legacyCss(".x{color:var(--missing)}")).toThrow(/--missing/);
});

describe("regexes built from constant strings (scripts/regex-constructor.js through the loader)", () => {
  // As xmlchars does inside ExcelJS's browser bundle: constants on `exports`, joined with +.
  const XMLCHARS = [
    `(function (exports) {`,
    `  exports.CHAR = "\\t\\n\\r -\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF";`,
    `  exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");`,
    `})(module.exports);`,
    `var other = new RegExp("^\\\\s*SEQ\\\\b(.*)$", "is");`,
    `var letters = RegExp("^\\\\p{L}+$", "u");`,
    `var dynamic = new RegExp(prefix + "x", "u");`,
  ].join("\n");
  const evalRegexes = (code: string) => {
    const m = { exports: {} as Record<string, RegExp> };
    return new Function("module", "prefix", `${code}; return { xml: module.exports.CHAR_RE, other, letters };`)(m, "") as Record<string, RegExp>;
  };

  test("ES5: u and s are gone, astral ranges become surrogate pairs, and each matches what the original matches", () => {
    const out = downlevel(XMLCHARS, { es5: true, resourcePath: "xmlchars.js" });
    const before = evalRegexes(XMLCHARS.replace(/^var dynamic.*$/m, ""));
    const after = evalRegexes(out.replace(/^var dynamic.*$/m, ""));
    expect(after.xml!.flags).toBe("");
    expect(after.other!.flags).toBe("i");
    expect(after.letters!.flags).toBe("");
    for (const s of ["a", "\u{1F600}", "\uFFFE", "中"]) expect(after.xml!.test(s)).toBe(before.xml!.test(s));
    for (const s of [" seq 1\n2", "SEQX"]) expect(after.other!.test(s)).toBe(before.other!.test(s));
    for (const s of ["公开", "abc", "a1"]) expect(after.letters!.test(s)).toBe(before.letters!.test(s));
    // A pattern that is not constant is left for the bundle scan (test/e2e/bundles.test.ts).
    expect(out).toContain(`new RegExp(prefix + "x", "u")`);
  });

  test("ES2017: u stays, \\p{…} and the s flag go", () => {
    const out = downlevel(XMLCHARS, { es5: false, resourcePath: "xmlchars.js" });
    const after = evalRegexes(out.replace(/^var dynamic.*$/m, ""));
    expect(after.xml!.flags).toBe("u");
    expect(after.other!.flags).toBe("i");
    expect(after.letters!.source).not.toContain("\\p{");
    expect(after.letters!.test("公开")).toBe(true);
  });
});

describe("String.prototype.normalize for IE11 (src/pane/legacyNormalize.ts)", () => {
  const { nfkcTable } = require(path.join(PROJECT_ROOT, "scripts/nfkc-table.js")) as { nfkcTable(): string };
  const table = parseNfkcTable(nfkcTable());

  test("folds what published reports write as Node's NFKC does", () => {
    for (const s of ["（一）予以公开", "１２３件", "２０２４－０１－０５", "①收到申请", "㈠ 行政复议", "Ⅲ．其他", "　全角空格", "ＡＢＣ：ｘｙｚ", "⼀⼆"]) {
      expect(normalizeByTable(s, "NFKC", table)).toBe(s.normalize("NFKC"));
    }
    expect(() => normalizeByTable("x", "NFX", table)).toThrow(RangeError);
  });

  test("is installed only where missing", () => {
    const proto: { normalize?: unknown } = {};
    installNormalize(proto, nfkcTable());
    expect((proto.normalize as (this: string, f: string) => string).call("１２", "NFKC")).toBe("12");
    const native = String.prototype.normalize;
    installNormalize(String.prototype, "");
    expect(String.prototype.normalize).toBe(native);
  });
});

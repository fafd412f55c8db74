/**
 * Modules deferred in Node's module cache (src/document/moduleCacheNode.ts, deferredNode.ts): not
 * loaded when required, loaded on first use and then the real thing; and a PDF export never uses
 * the packages the CLI defers (encryption, WOFF2, PNG).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/paths";

/** Runs `script` in a fresh Node with TypeScript (the module cache in question is Node's own, not jest's). */
const node = (script: string) => execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });

test("a deferred module loads on first use, and answers as itself", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-defer-"));
  try {
    const fn = path.join(dir, "fn.js");
    const obj = path.join(dir, "obj.js");
    writeFileSync(fn, "globalThis.loaded = (globalThis.loaded || []).concat('fn'); module.exports = function (a) { return a * 2; }; module.exports.k = 7;\n");
    writeFileSync(
      obj,
      "globalThis.loaded = (globalThis.loaded || []).concat('obj'); class C { constructor(x) { this.x = x; } } module.exports = { C, v: 1 };\n",
    );
    const out = node(`
      const { deferModule } = require("./src/document/moduleCacheNode.ts");
      deferModule(${JSON.stringify(fn)}); deferModule(${JSON.stringify(obj)});
      const f = require(${JSON.stringify(fn)}), o = require(${JSON.stringify(obj)});
      const seen = [String(globalThis.loaded || "none")];
      seen.push(f(21), f.k, String(globalThis.loaded));
      seen.push(o.v, new o.C(5).x, "C" in o, String(globalThis.loaded));
      seen.push(require(${JSON.stringify(fn)}).k, String(globalThis.loaded));
      process.stdout.write(JSON.stringify(seen));
    `);
    expect(JSON.parse(out)).toEqual(["none", 42, 7, "fn", 1, 5, true, "fn,obj", 7, "fn,obj"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a PDF export loads none of the deferred packages", () => {
  const out = node(`
    const { deferUnusedPdfModules, deferredFiles } = require("./src/document/deferredNode.ts");
    deferUnusedPdfModules();
    const stubs = deferredFiles().map((f) => require.cache[f].exports);
    const { toPdf } = require("./src/document/pdf.ts");
    const { buildDocument } = require("./src/document/build.ts");
    const { loadFontsFromDir } = require("./src/document/fontsNode.ts");
    const { richReport } = require("./test/document/support.ts");
    loadFontsFromDir().then((fonts) => toPdf(buildDocument(richReport()), fonts)).then((pdf) => {
      const still = deferredFiles().map((f, i) => require.cache[f].exports === stubs[i]);
      process.stdout.write(JSON.stringify({ files: deferredFiles().length, still, pdf: pdf.length > 10000 }));
    });
  `);
  expect(JSON.parse(out)).toEqual({ files: 5, still: [true, true, true, true, true], pdf: true });
});

#!/usr/bin/env node
/**
 * Compiles the CLI (src/cli/main.ts and what it imports) into one CommonJS file, dist-cli/main.cjs,
 * so `xxgk-report` starts without transpiling TypeScript at every run (tsx costs ~0.5 s a start).
 * Large packages stay external: node_modules loads them only when a command needs them (ExcelJS,
 * docx, pdfmake, mammoth), and esbuild keeps each lazily imported module's body unevaluated until
 * then.
 * A stamp records the sources' newest modification time; bin/xxgk-report.js runs the bundle only
 * while no source is newer, and falls back to tsx otherwise (a developer editing src/).
 * Runs at install (postinstall), before the tests (pretest) and with `npm run build:cli`.
 */
"use strict";
const { mkdirSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { newestSource, OUT_DIR, BUNDLE, STAMP } = require("./cliBundle");

/** --strict (npm test): a failed build fails; at install it only warns (the tsx path still works). */
const STRICT = process.argv.includes("--strict");

/** Loaded from node_modules when a command needs them (large, or with files of their own). */
const LAZY_PACKAGES = ["exceljs", "docx", "pdfmake", "pdfmake/*", "mammoth", "fastify", "@fastify/*", "hyperformula", "pdfjs-dist", "pdfjs-dist/*", "fontkit", "harfbuzzjs", "harfbuzzjs/*", "tsx", "esbuild"];

/** What the ES module packages' import() becomes (see ESM_SHIM). */
const ESM_PACKAGES = /^pdfjs-dist\//;
const ESM_SHIM = path.join(OUT_DIR, "import.cjs");

/** Keeps import() of an ES-module-only package a real import(), through dist-cli/import.cjs. */
const esmThroughShim = {
  name: "esm-through-shim",
  setup(build) {
    build.onResolve({ filter: ESM_PACKAGES }, (args) =>
      // (A path not ending in .mjs, or esbuild would read the stand-in as an ES module.)
      args.kind === "dynamic-import" ? { path: `${args.path}.js`, namespace: "esm-import", pluginData: args.path } : undefined,
    );
    build.onResolve({ filter: /^\.\/import\.cjs$/ }, () => ({ path: "./import.cjs", external: true }));
    build.onLoad({ filter: /.*/, namespace: "esm-import" }, (args) => ({
      // A promise of the module's namespace: awaited by the importer like the import() it replaces.
      contents: `module.exports = { then: (ok, fail) => require("./import.cjs")(${JSON.stringify(args.pluginData)}).then(ok, fail) };`,
      loader: "js",
    }));
  },
};

async function main() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    // No esbuild (an install without tsx's dependencies): the CLI runs through tsx as before.
    process.stderr.write("[build-cli] esbuild not available; xxgk-report will run from the TypeScript sources.\n");
    if (STRICT) process.exitCode = 1;
    return;
  }
  const root = path.resolve(__dirname, "..");
  const newest = newestSource(root);
  mkdirSync(path.join(root, OUT_DIR), { recursive: true });
  // The one ES module the CLI loads (pdf.js) is imported from a file of its own, so the bundle has
  // no import() and can be compiled with the V8 code cache (scripts/codeCache.js).
  writeFileSync(path.join(root, ESM_SHIM), "module.exports = (id) => import(id);\n");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Small packages on the start path (zod, fflate, node-html-parser) are bundled: one file to
    // read instead of dozens. Large ones that only some commands use stay in node_modules.
    external: LAZY_PACKAGES,
    outfile: path.join(root, BUNDLE),
    // import() of a CommonJS package becomes require(): cheaper than Node's ESM loader, and cacheable.
    supported: { "dynamic-import": false },
    plugins: [esmThroughShim],
    // Source paths in stack traces point at src/, for bug reports.
    sourcemap: "linked",
    sourcesContent: false,
    legalComments: "none",
    logLevel: "warning",
  });
  // The PDF font fitter's worker (src/document/fontFitWorkerNode.ts): a file of its own, since a
  // worker thread starts from a file; small, so it loads in a few milliseconds.
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["src/document/fontFitWorkerNode.ts"],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: LAZY_PACKAGES,
    outfile: path.join(root, OUT_DIR, "font-fit-worker.cjs"),
    legalComments: "none",
    logLevel: "warning",
  });
  writeFileSync(path.join(root, STAMP), JSON.stringify({ newest }) + "\n");
}

main().catch((err) => {
  // Never fail an install over it: the tsx path still works.
  process.stderr.write(`[build-cli] ${err && err.message ? err.message : err}\n`);
  process.exitCode = STRICT ? 1 : 0;
});

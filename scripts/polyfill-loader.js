/**
 * webpack loader, run last on every script (ours and node_modules): core-js polyfills chosen by
 * usage (babel-plugin-polyfill-corejs3, "usage-global"), for the engine a build targets:
 *   ES5    → IE11 (Trident: Office 2016/2019 volume-licensed);
 *   ES2017 → Edge 18 (EdgeHTML: Office 2019 retail, older Microsoft 365 on Windows 10).
 * Each module that names a global, a static or an instance method (`x.flatMap`, `Object.fromEntries`,
 * `globalThis`) the target lacks gets `require("core-js/modules/…")` in front of it; nothing else is
 * transformed (TypeScript has already down-levelled the syntax). What core-js does not provide
 * (TextDecoder, Blob.arrayBuffer, String.prototype.normalize, DOM methods) is installed by
 * src/pane/webviewRuntime.ts.
 */
"use strict";
const path = require("node:path");
const babel = require("@babel/core");

const CORE_JS = require("core-js/package.json").version;
const TARGETS = { es5: { ie: "11" }, es2017: { edge: "18" } };
/** Resolved from here, so a library's own (or missing) core-js is never picked up. */
const ROOT = path.resolve(__dirname, "..");

/**
 * @this {import("webpack").LoaderContext<{ target: string }>}
 * @param {string} source
 * @param {any} map
 */
module.exports = function polyfillLoader(source, map) {
  const done = this.async();
  const target = String(this.getOptions().target).toLowerCase();
  babel
    .transformAsync(source, {
      filename: this.resourcePath,
      sourceType: "unambiguous",
      babelrc: false,
      configFile: false,
      browserslistConfigFile: false,
      compact: false,
      sourceMaps: !!map,
      inputSourceMap: map || undefined,
      targets: TARGETS[target],
      plugins: [[require.resolve("babel-plugin-polyfill-corejs3"), { method: "usage-global", version: CORE_JS, absoluteImports: ROOT }]],
    })
    .then((r) => done(null, r?.code ?? source, r?.map || undefined), done);
};

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
 * Never injected. "usage-global" matches by name only: every `.map`, `.filter` or `.some` is taken
 * for a possible iterator helper (ES2025), every `new Uint8Array` brings the ES2023+ typed-array
 * methods and base64, every Set the ES2025 set methods: about 40 KB gz of the pane's first load for
 * code that calls none of them (issue 23). Our TypeScript is checked against lib ES2022
 * (tsconfig.json) and cannot call them; a library that does fails in the webview simulations, which
 * take these built-ins away before the pane's scripts run (test/e2e/webviews.ts, NEWER_THAN_ES2022).
 */
const NEWER_THAN_ES2022 = [
  /^esnext\./,
  /^es\.iterator\./,
  /^es\.set\.[a-z-]+\.v2$/,
  /^es\.(weak-)?map\.get-or-insert/,
  /^es\.uint8-array\./,
  /^es\.array-buffer\.(detached|transfer)/,
  /^es\.typed-array\.(find-last|find-last-index|to-reversed|to-sorted|with)$/,
  /^es\.array\.(find-last|find-last-index|to-reversed|to-sorted|to-spliced|with)$/,
  /^es\.object\.group-by$/,
  /^es\.map\.group-by$/,
  /^es\.promise\.(with-resolvers|try)$/,
  /^es\.string\.(is-well-formed|to-well-formed)$/,
];

/**
 * EdgeHTML 18 has these, good enough for what the pane does; core-js replaces them for details
 * the pane never meets (URLSearchParams.size and two-argument has/delete, DOMException's stack,
 * unhandled-rejection events, WeakMap on frozen keys). IE11 lacks them outright and keeps them.
 */
const NATIVE_IN_EDGE18 = [/^web\.url(-search-params)?(\.|$)/, /^web\.dom-exception\./, /^es\.promise(\.|$)/, /^es\.weak-map(\.|$)/];

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
      plugins: [
        [
          require.resolve("babel-plugin-polyfill-corejs3"),
          { method: "usage-global", version: CORE_JS, absoluteImports: ROOT, exclude: target === "es2017" ? [...NEWER_THAN_ES2022, ...NATIVE_IN_EDGE18] : NEWER_THAN_ES2022 },
        ],
      ],
    })
    .then((r) => done(null, r?.code ?? source, r?.map || undefined), done);
};

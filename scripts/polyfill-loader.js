/**
 * webpack loader, run last on every script (ours and node_modules): core-js polyfills chosen by
 * usage (babel-plugin-polyfill-corejs3, "usage-global"), for the engine a build targets:
 *   ES5    → IE11 (Trident: Office 2016/2019 volume-licensed), injected in each module;
 *   ES2017 → Edge 18 (EdgeHTML: Office 2019 retail, older Microsoft 365 on Windows 10). With
 *            `split`, a module keeps only what an engine that passes the pages' gate
 *            (src/pane/webviewGate.js: Chromium 98, Safari 15.4, Firefox 94 or newer) still needs;
 *            the rest must be listed in src/pane/edgePolyfills.ts, which only engines that fail
 *            the gate load (edge-runtime.js). A module that needs one not listed fails the build.
 * Each module that names a global, a static or an instance method (`x.flatMap`, `Object.fromEntries`,
 * `globalThis`) the target lacks gets `require("core-js/modules/…")` in front of it; nothing else is
 * transformed (TypeScript has already down-levelled the syntax). What core-js does not provide
 * (TextDecoder, Blob.arrayBuffer, String.prototype.normalize, DOM methods) is installed by
 * src/pane/webviewRuntime.ts.
 */
"use strict";
const path = require("node:path");
const fs = require("node:fs");
const babel = require("@babel/core");
const compat = require("core-js-compat");

const CORE_JS = require("core-js/package.json").version;
const TARGETS = { es5: { ie: "11" }, es2017: { edge: "18" } };
/**
 * The oldest engines that pass the gate (src/pane/webviewGate.js tests structuredClone,
 * Object.hasOwn and Array.prototype.at): what these still lack stays in each module.
 */
const GATE_PASSES = { chrome: "98", safari: "15.4", firefox: "94" };
/**
 * What core-js still replaces in those engines for details the pane's code cannot reach: JSON.rawJSON
 * (es.json.stringify: ES2026, not in our lib) and push() on an array whose length is read-only
 * (es.array.push). EdgeHTML 18 gets them in edge-runtime.js (well-formed JSON.stringify).
 */
const GATE_ENOUGH = new Set(["es.json.stringify", "es.array.push"]);
/** The EdgeHTML runtime's list of core-js modules (the split's other half). */
const EDGE_LIST = path.resolve(__dirname, "../src/pane/edgePolyfills.ts");
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
  // JSON.parse's source text access (the reviver's third argument, ES2026): ~9 KB of IE11's first load.
  /^es\.json\.parse$/,
];

/**
 * EdgeHTML 18 has these, good enough for what the pane does; core-js replaces them for details
 * the pane never meets (URLSearchParams.size and two-argument has/delete, DOMException's stack,
 * unhandled-rejection events, WeakMap on frozen keys). IE11 lacks them outright and keeps them.
 */
const NATIVE_IN_EDGE18 = [/^web\.url(-search-params)?(\.|$)/, /^web\.dom-exception\./, /^es\.promise(\.|$)/, /^es\.weak-map(\.|$)/];

/**
 * Per-library exceptions, each for a reason in the library's own code. fast-text-encoding names URL
 * only for URL.createObjectURL (IE11 has it, and legacyText.ts hides it while the library loads):
 * core-js's whole URL and URLSearchParams, ~12 KB gz of IE11's first load, would serve nothing.
 */
const NOT_FOR = [
  { file: /node_modules[\\/]fast-text-encoding[\\/]/, modules: /^web\.url(-search-params)?(\.|$)/ },
  // tslib names SuppressedError, Symbol.dispose and Symbol.asyncDispose only in
  // __addDisposableResource and __disposeResources, which TypeScript emits for `using`
  // declarations alone. Ours cannot have one: lib ES2022 has no Symbol.dispose, so `using` does not
  // compile (test/build/polyfillSplit.test.ts checks both). Their polyfills, ~2 KB gz of IE11's
  // first load, would serve helpers that webpack drops as unused.
  { file: /node_modules[\\/]tslib[\\/]/, modules: /^es\.(suppressed-error\.|symbol\.(async-)?dispose$|async-iterator\.async-dispose$)/ },
];

/** The core-js module names an edge list (src/pane/edgePolyfills.ts) imports, read again when it changes. */
const edgeLists = new Map();
function edgeListNames(file) {
  const { mtimeMs } = fs.statSync(file);
  const known = edgeLists.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.names;
  const text = fs.readFileSync(file, "utf8");
  const names = new Set([...text.matchAll(/^import "core-js\/modules\/([\w.-]+)";$/gm)].map((m) => m[1]));
  edgeLists.set(file, { mtimeMs, names });
  return names;
}

const INJECTED = /^(?:import "[^"\n]*\/core-js\/modules\/([\w.-]+)\.js";|require\("[^"\n]*\/core-js\/modules\/([\w.-]+)\.js"\);)$/gm;

/**
 * Takes out of `code` the injected core-js modules an engine passing the gate does not need,
 * leaving an empty line for each (the source map's lines stay right). Returns the code and the
 * names taken out.
 */
function splitForGate(code) {
  const injected = [...code.matchAll(INJECTED)].map((m) => m[1] || m[2]);
  if (injected.length === 0) return { code, moved: [] };
  const stay = new Set(compat({ targets: GATE_PASSES, modules: injected, version: CORE_JS }).list.filter((n) => !GATE_ENOUGH.has(n)));
  const moved = injected.filter((n) => !stay.has(n));
  const out = code.replace(INJECTED, (line, a, b) => (stay.has(a || b) ? line : ""));
  return { code: out, moved };
}

/**
 * @this {import("webpack").LoaderContext<{ target: string; split?: boolean; edgeList?: string }>}
 * @param {string} source
 * @param {any} map
 */
module.exports = function polyfillLoader(source, map) {
  const done = this.async();
  const options = this.getOptions();
  const target = String(options.target).toLowerCase();
  const split = !!options.split && target === "es2017";
  // `edgeList`: another list file (the loader's own tests).
  const listFile = options.edgeList || EDGE_LIST;
  if (split) this.addDependency(listFile);
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
          {
            method: "usage-global",
            version: CORE_JS,
            absoluteImports: ROOT,
            exclude: [
              ...NEWER_THAN_ES2022,
              ...(target === "es2017" ? NATIVE_IN_EDGE18 : []),
              ...NOT_FOR.filter((x) => x.file.test(this.resourcePath)).map((x) => x.modules),
            ],
          },
        ],
      ],
    })
    .then((r) => {
      let code = r?.code ?? source;
      if (split) {
        const result = splitForGate(code);
        code = result.code;
        const listed = edgeListNames(listFile);
        const missing = result.moved.filter((n) => !listed.has(n));
        if (missing.length) {
          const lines = missing.map((n) => `import "core-js/modules/${n}";`).join("\n");
          this.emitError(new Error(`${path.relative(ROOT, this.resourcePath)} needs core-js modules EdgeHTML 18 lacks that ${path.relative(ROOT, listFile)} does not load; add:\n${lines}`));
        }
      }
      done(null, code, r?.map || undefined);
    }, done);
};

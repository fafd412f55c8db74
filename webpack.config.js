/**
 * webpack for the add-in pages:
 *   taskpane   – the pane on Office.js (src/hosts/office/taskpane.ts + taskpane.html), the initial bundle kept small;
 *   commands   – the ribbon's function file (src/hosts/office/commands/commands.ts + commands.html);
 *   notice     – the small dialog a ribbon command shows its result in;
 *   workbench  – only with `--env workbench`: the pane beside an in-memory Excel fake (no Office),
 *                and its ES5 twin, workbench-legacy.html (as IE11 runs it).
 *
 * Export code (docx, pdfmake, fonts) is reached only through import() and lands in lazy chunks.
 * office.js is Microsoft's production library from its CDN (the numbered API sets need it), or a
 * self-hosted mirror of it for isolated intranets (XXGK_OFFICE_JS, below); never the stale npm
 * package @microsoft/office-js, which only offline tests use.
 * No devtool uses eval, so the CSP needs no 'unsafe-eval' (see CSP below).
 *
 * Env: XXGK_BASE_URL=https://xxgk.example.gov.cn/addin rewrites https://localhost:3000 in
 * dist/manifest.xml (production). `--env outDir=…` builds elsewhere (tests, bench).
 * XXGK_OFFICE_JS (or `--env officeJs=…`): unset = the CDN; an https URL of a mirror's office.js;
 * or a local folder made by scripts/mirror-office-js.mjs, copied to dist/office-js/ and served
 * from our own origin (docs/deployment.md).
 */
"use strict";
const { existsSync, readdirSync, readFileSync, statSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { legacyCss, lightValues } = require("./scripts/legacy-css.js");

const DEV_ORIGIN = "https://localhost:3000";
const DEV_PORT = 3000;
const WORKBENCH_PORT = 3001;
const { rootPage, WORKBENCH_INDEX, ADDIN_INDEX } = require("./scripts/dev-index");

/** The workbench port: `--port N` on the command line wins (webpack serve), then XXGK_WORKBENCH_PORT. */
function workbenchPort() {
  const raw = process.env.XXGK_WORKBENCH_PORT;
  if (raw === undefined || raw === "") return WORKBENCH_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`XXGK_WORKBENCH_PORT 必须是 1–65535 的整数 / must be a port number, got "${raw}"`);
  }
  return port;
}

/** Content-Security-Policy of every page: one definition, shared with the server (src/security/csp.json). */
const CSP_SOURCE = require("./src/security/csp.json");
const OFFICE_JS_CDN = CSP_SOURCE.officeJsCdn;
const CSP = CSP_SOURCE.directives.join("; ");
/** Where a local mirror lands in dist/, and so the path the pages load it from. */
const MIRROR_DIR = "office-js";

/**
 * Where the pages load office.js from: {src, origin, copyFrom}. `setting` is XXGK_OFFICE_JS:
 * empty → the CDN; https://… → a mirror on that server; anything else → a local mirror folder,
 * which must hold office.js (a plain copy of the npm package would be refused: it is stale).
 */
function officeJsSource(setting, root = __dirname) {
  const value = String(setting || "").trim();
  if (!value || value === "cdn") return { src: OFFICE_JS_CDN, origin: new URL(OFFICE_JS_CDN).origin, copyFrom: null };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || url.protocol !== "https:" || !/\/office\.js$/.test(url.pathname)) {
      throw new Error(`XXGK_OFFICE_JS 必须是 https://…/office.js 或本地镜像文件夹 / must be an https URL ending in office.js or a mirror folder, got "${value}"`);
    }
    return { src: url.href, origin: url.origin, copyFrom: null };
  }
  const dir = path.resolve(root, value);
  if (!existsSync(path.join(dir, "office.js"))) {
    throw new Error(`XXGK_OFFICE_JS 文件夹中没有 office.js（先运行 scripts/mirror-office-js.mjs）/ no office.js in "${dir}"`);
  }
  return { src: `${MIRROR_DIR}/office.js`, origin: null, copyFrom: dir };
}

/**
 * The policy for a build: the CDN's origin in script-src becomes the mirror's origin, or goes
 * when the mirror is on our own origin ('self' covers it).
 */
function cspFor(officeJs) {
  const cdnOrigin = new URL(OFFICE_JS_CDN).origin;
  return CSP_SOURCE.directives.map((d) => {
    if (!d.startsWith("script-src ")) return d;
    const sources = d.split(/\s+/).slice(1).filter((s) => s !== cdnOrigin);
    if (officeJs.origin && !sources.includes(officeJs.origin)) sources.push(officeJs.origin);
    return ["script-src", ...sources].join(" ");
  });
}

/** Records the page policy in dist/csp.json, which the server sends as the header (src/server/headers.ts). */
class EmitCspPlugin {
  constructor(directives) {
    this.directives = directives;
  }
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("EmitCspPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "EmitCspPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("csp.json", new sources.RawSource(JSON.stringify({ directives: this.directives }, null, 2) + "\n"));
      });
    });
  }
}

/**
 * webpack's own global lookup (`__webpack_require__.g`, for modules that use `global`) falls back to
 * `new Function("return this")` where `globalThis` is missing (EdgeHTML 18, IE11); the CSP blocks
 * that and logs a violation. Pages are never workers, so `self` or `window` is the global object.
 */
class CspSafeGlobalPlugin {
  apply(compiler) {
    const { RuntimeGlobals } = compiler.webpack;
    compiler.hooks.compilation.tap("CspSafeGlobalPlugin", (compilation) => {
      compilation.hooks.runtimeModule.tap("CspSafeGlobalPlugin", (module) => {
        if (module.name !== "global") return;
        module.generate = () =>
          `${RuntimeGlobals.global} = typeof globalThis === "object" ? globalThis : typeof self === "object" ? self : window;`;
      });
    });
  }
}

/** Rewrite the dev origin in the manifest to the deployment base URL (https only). */
function rewriteManifestUrls(xml, baseUrl) {
  const base = String(baseUrl).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"'<>]+$/i.test(base)) {
    throw new Error(`XXGK_BASE_URL 必须是 https 地址 / must be an https URL, got "${baseUrl}"`);
  }
  return xml.split(DEV_ORIGIN).join(base);
}

/** The template workbook built by scripts/build-template.ts, offered as a download where Excel cannot insert it. */
const TEMPLATE_FILE = "dist-template/template.xlsx";

/**
 * The template workbook is generated, not committed (src/template/generated/, dist-template/).
 * Generate it when missing so `npm run build`, the dev server, the workbench, the bench and the
 * E2E test all work from a fresh checkout.
 */
/**
 * HTTPS options for the dev server. office-addin-dev-certs generates a localhost certificate and
 * installs its CA; where installing is impossible (Linux without sudo, CI) use the generated files
 * as they are and let the clerk's browser trust ca.crt by hand.
 */
async function devHttpsOptions(devCerts) {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const [crt, key, ca] = ["localhost.crt", "localhost.key", "ca.crt"].map((f) => path.join(dir, f));
    if (!existsSync(crt)) await devCerts.generateCertificates(ca, crt, key);
    console.warn(`[webpack] 未能安装开发证书（${e && e.message}），请手动信任 ${ca}。/ Could not install the dev CA; trust ${ca} by hand.`);
    return { cert: readFileSync(crt), key: readFileSync(key), ca: readFileSync(ca) };
  }
}

/** Newest modification time of the files the template is generated from. */
function newestSource() {
  const roots = ["src/report", "src/template", "scripts/build-template.ts"].map((p) => path.resolve(__dirname, p));
  let newest = 0;
  const walk = (p) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      if (path.basename(p) === "generated") return;
      for (const e of readdirSync(p)) walk(path.join(p, e));
    } else newest = Math.max(newest, st.mtimeMs);
  };
  roots.filter(existsSync).forEach(walk);
  return newest;
}

/** Generate the template (.xlsx and its base64 module) when missing or older than its sources. */
function ensureTemplateGenerated() {
  const outputs = [path.resolve(__dirname, "src/template/generated/templateBase64.ts"), path.resolve(__dirname, TEMPLATE_FILE)];
  if (outputs.every(existsSync) && Math.min(...outputs.map((f) => statSync(f).mtimeMs)) >= newestSource()) return;
  const tsx = path.resolve(__dirname, "node_modules/tsx/dist/cli.mjs");
  const r = spawnSync(process.execPath, [tsx, "scripts/build-template.ts"], { cwd: __dirname, stdio: "inherit" });
  if (r.status !== 0) throw new Error("scripts/build-template.ts failed: the template workbook could not be generated");
}

/**
 * Script rules for one syntax level. Our TypeScript and the JavaScript of node_modules are both
 * down-levelled by ts-loader (allowJs for the latter: zod, fflate and others ship ES2018+ syntax
 * such as `?.`, `??` and object spread, which EdgeHTML 18 and IE11 cannot parse), then by
 * scripts/downlevel-loader.js (regex literals and regexes built from constant strings, duplicate
 * keys), then given the core-js polyfills their code uses (scripts/polyfill-loader.js: IE11 for
 * ES5, Edge 18 for ES2017). core-js is already ES5 and is never rewritten; whatwg-fetch (and tslib
 * in the ES2017 build) only get their polyfills. Each rule has its own ts-loader instance (options differ).
 */
function scriptRules(target, tag, { split = false } = {}) {
  const es5 = target === "ES5";
  // ES5: generators, for-of over Map/Set and spread need the iteration protocol (core-js provides it).
  const common = { target, noEmit: false, sourceMap: !es5, ...(es5 ? { downlevelIteration: true, importHelpers: true } : {}) };
  // Runs after ts-loader: regex syntax and duplicate keys TypeScript leaves as they are.
  const downlevel = { loader: path.resolve(__dirname, "scripts/downlevel-loader.js"), options: { target } };
  const polyfill = { loader: path.resolve(__dirname, "scripts/polyfill-loader.js"), options: { target, split } };
  return [
    {
      test: /\.ts$/,
      exclude: /node_modules/,
      // Types are checked by `tsc --noEmit` separately; webpack only strips them.
      use: [polyfill, downlevel, { loader: "ts-loader", options: { instance: `${tag}-ts`, transpileOnly: true, compilerOptions: common } }],
    },
    {
      test: /\.m?js$/,
      include: /node_modules/,
      // ES5: tslib's ES module build is down-levelled too, so only the helpers the bundle calls stay
      // (its UMD build is all of them, ~4 KB gz of IE11's first load).
      exclude: es5 ? /node_modules[\\/](core-js|whatwg-fetch)[\\/]/ : /node_modules[\\/](core-js|whatwg-fetch|tslib)[\\/]/,
      // No importHelpers here: in a script that is not a module (ExcelJS's browser bundle), TypeScript
      // would reference helpers it neither imports nor emits (ReferenceError: __await_1 is not defined).
      use: [polyfill, downlevel, { loader: "ts-loader", options: { instance: `${tag}-js`, transpileOnly: true, compilerOptions: { ...common, allowJs: true, checkJs: false, importHelpers: false } } }],
    },
    { test: /\.m?js$/, include: es5 ? /node_modules[\\/]whatwg-fetch[\\/]/ : /node_modules[\\/](whatwg-fetch|tslib)[\\/]/, use: [polyfill] },
    // chinese-days' data: the dates only, as runs (src/ledger/calendar.ts reads nothing else).
    { test: /chinese-days[\\/]dist[\\/]chinese-days\.json$/, type: "javascript/auto", use: [path.resolve(__dirname, "scripts/calendar-days-loader.js")] },
  ];
}

/**
 * Where lazy chunks are loaded from: "" = next to the page (every page and chunk is in one folder).
 * Never "auto": it takes the last <script> on the page, and office.js appends its own to <head>,
 * so chunks could be requested from Microsoft's CDN.
 */
const PUBLIC_PATH = "";

/** pdf.js for the pane's PDF import: a lazy chunk and its worker from our own origin. */
const { PDF_WORKER_FILE, pdfWorkerCopy, pdfjsRule, definePdfWorker } = require("./scripts/pdfjs-build.js");

/**
 * What engines that fail the pages' gate (webview-gate.js) load before the page's bundle: the
 * core-js modules the ES2017 bundles were built without, and what old webviews lack beyond core-js.
 * A fixed name: the gate writes it into the page.
 */
const EDGE_RUNTIME = { "edge-runtime": { import: "./src/pane/edgeRuntime.ts", filename: "edge-runtime.js" } };

/**
 * The ES5 build of a page's script for Trident (IE11: Office 2016/2019 volume-licensed): its own
 * compiler, because webpack targets are per config. legacy.js has a fixed name (the pages load it
 * with nomodule); its lazy chunks are legacy.*.js under their own JSONP global.
 */
function legacyConfig({ entry, outDir, mode, stats }) {
  const production = mode === "production";
  return {
    mode,
    context: __dirname,
    name: "legacy",
    entry,
    output: {
      path: outDir,
      filename: "[name].js",
      chunkFilename: production ? "legacy.[name].[contenthash:8].js" : "legacy.[name].js",
      publicPath: PUBLIC_PATH,
      uniqueName: "xxgk-legacy",
      clean: false,
    },
    devtool: false,
    target: ["web", "es5"],
    // tslib: its ES module build (tree-shaken; down-levelled to ES5 by the script rules).
    // pdfjs-dist: false, an empty module (src/pane/pdfjs.ts refuses PDFs before it would load it).
    resolve: { extensions: [".ts", ".js"], alias: { tslib$: require.resolve("tslib/tslib.es6.mjs"), "pdfjs-dist": false } },
    module: { rules: scriptRules("ES5", "legacy") },
    // String.prototype.normalize's NFKC table for IE11 (src/pane/legacyNormalize.ts).
    plugins: [
      new CspSafeGlobalPlugin(),
      new (require("webpack").DefinePlugin)({ __XXGK_NFKC_TABLE__: JSON.stringify(require("./scripts/nfkc-table.js").nfkcTable()) }),
      definePdfWorker(),
    ],
    performance: { hints: false },
    stats,
  };
}

/** Where each page's HTML template lives (the file moves of issue 19). */
const PAGE_TEMPLATES = {
  taskpane: "src/hosts/office/taskpane.html",
  commands: "src/hosts/office/commands/commands.html",
  notice: "src/hosts/office/commands/notice.html",
  workbench: "src/workbench/workbench.html",
};

function page(name, chunks, title, csp, officeJsSrc) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: path.resolve(__dirname, PAGE_TEMPLATES[name]),
    chunks,
    title,
    // type="module": Trident (IE11, Office 2019 volume licence) skips it and runs legacy.js instead.
    scriptLoading: "module",
    inject: "head",
    templateParameters: { csp, officeJs: officeJsSrc },
    minify: false,
  });
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "development";
  const production = mode === "production";
  const workbench = !!env.workbench;
  const serving = !!env.WEBPACK_SERVE;
  const outDir = path.resolve(__dirname, env.outDir || (workbench ? "dist/workbench" : "dist"));
  const baseUrl = process.env.XXGK_BASE_URL || "";
  // The workbench never loads office.js (it runs on the fake), so it keeps the base policy.
  const officeJs = workbench ? { src: null, origin: null, copyFrom: null } : officeJsSource(env.officeJs ?? process.env.XXGK_OFFICE_JS);
  const pageCspDirectives = workbench ? CSP_SOURCE.directives : cspFor(officeJs);
  const pageCsp = pageCspDirectives.join("; ");
  ensureTemplateGenerated();
  if (production && !workbench && !baseUrl && !env.quiet) {
    console.warn("[webpack] XXGK_BASE_URL 未设置：dist/manifest.xml 仍指向 https://localhost:3000。/ XXGK_BASE_URL unset: dist/manifest.xml still points at localhost.");
  }

  const entry = workbench
    ? { ...EDGE_RUNTIME, workbench: "./src/workbench/index.ts" }
    : {
        ...EDGE_RUNTIME,
        taskpane: "./src/hosts/office/taskpane.ts",
        commands: "./src/hosts/office/commands/commands.ts",
        notice: "./src/hosts/office/commands/notice.ts",
      };

  const copy = [
    // The first script of every page (ES3, every engine): edge-runtime.js only where it is needed.
    { from: "src/pane/webviewGate.js", to: "webview-gate.js" },
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/pane/taskpane.css", to: "taskpane.css" },
    // IE11 ignores declarations with var(): the same sheet with the light theme's values filled in.
    { from: "src/pane/taskpane.css", to: "taskpane-legacy.css", transform: (c) => legacyCss(c.toString("utf8")) },
    // PDF fonts (GB2312 subsets, ~16 MB) with their licences: fetched on the first PDF export only.
    { from: "assets/fonts", to: "fonts", noErrorOnMissing: true },
    // Written by `tsx scripts/build-template.ts` (run before webpack); missing only in a bare checkout.
    { from: TEMPLATE_FILE, to: "template/xxgk-template.xlsx", noErrorOnMissing: true },
    // pdf.js's worker, fetched on the first PDF import only (src/pane/pdfjs.ts).
    pdfWorkerCopy,
  ];
  if (workbench) {
    const paneTokens = lightValues(readFileSync(path.resolve(__dirname, "src/pane/taskpane.css"), "utf8"));
    copy.push(
      { from: "src/workbench/workbench.css", to: "workbench.css" },
      { from: "src/workbench/workbench.css", to: "workbench-legacy.css", transform: (c) => legacyCss(c.toString("utf8"), paneTokens) },
    );
  } else {
    copy.push(
      ...(officeJs.copyFrom
        ? [{ from: officeJs.copyFrom, to: MIRROR_DIR, globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/*-vsdoc.js"] } }]
        : []),
      { from: "src/pane/help.html", to: "help.html" },
      {
        from: "manifest.xml",
        to: "manifest.xml",
        transform: (content) => (production && baseUrl ? rewriteManifestUrls(content.toString("utf8"), baseUrl) : content),
      },
    );
  }

  const config = {
    name: workbench ? "workbench" : "addin",
    mode,
    context: __dirname,
    entry,
    output: {
      path: outDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Relative to the page: the add-in may live under a sub-path of the intranet server.
      publicPath: PUBLIC_PATH,
      // legacy*.js come from the second (ES5) compiler writing into the same folder.
      clean: serving ? false : { keep: /^legacy/ },
    },
    // Never an eval-based devtool: the CSP forbids eval.
    devtool: "source-map",
    // EdgeHTML 18 (Office 2019 retail, older Microsoft 365 on Windows 10) parses ES2017, no later.
    target: ["web", "es2017"],
    resolve: { extensions: [".ts", ".js"] },
    // Polyfills split: engines that pass the gate get only what they lack; EdgeHTML 18 gets the rest
    // in edge-runtime.js (scripts/polyfill-loader.js).
    module: { rules: [pdfjsRule, ...scriptRules("ES2017", "modern", { split: true })] },
    plugins: workbench
      ? [
          new CspSafeGlobalPlugin(),
          definePdfWorker(),
          page("workbench", ["workbench"], "政务公开年报助手 · 工作台", pageCsp, null),
          // The same workbench as IE11 would run it: the ES5 bundle and the var()-free stylesheets.
          new HtmlWebpackPlugin({
            filename: "workbench-legacy.html",
            template: path.resolve(__dirname, "src/workbench/workbench-legacy.html"),
            chunks: [],
            inject: false,
            templateParameters: { csp: pageCsp },
            minify: false,
          }),
          new CopyWebpackPlugin({ patterns: copy }),
        ]
      : [
          new CspSafeGlobalPlugin(),
          definePdfWorker(),
          page("taskpane", ["taskpane"], "政务公开年报助手", pageCsp, officeJs.src),
          page("commands", ["commands"], "政务公开年报助手", pageCsp, officeJs.src),
          page("notice", ["notice"], "政务公开年报助手", pageCsp, officeJs.src),
          new CopyWebpackPlugin({ patterns: copy }),
          new EmitCspPlugin(pageCspDirectives),
        ],
    performance: { hints: false },
    stats: env.quiet ? "errors-warnings" : "normal",
  };

  // Trident (IE11): the whole pane (or, with --env workbench, the whole workbench) as ES5.
  const legacy = legacyConfig({
    entry: workbench
      ? { "legacy-workbench": "./src/workbench/legacy.ts" }
      : { legacy: "./src/hosts/office/taskpaneLegacy.ts", "legacy-commands": "./src/hosts/office/commands/legacy.ts", "legacy-notice": "./src/hosts/office/commands/legacyNotice.ts" },
    outDir,
    mode,
    stats: config.stats,
  });
  // Both compilers always, so the static site is complete (workbench-legacy.html with its script).
  const configs = [config, legacy];


  if (serving) {
    const headers = { "Content-Security-Policy": pageCsp, "Cache-Control": "no-store" };
    if (workbench) {
      config.devServer = {
        port: workbenchPort(),
        host: "127.0.0.1",
        headers,
        hot: false,
        static: false,
        setupMiddlewares: rootPage(WORKBENCH_INDEX, headers),
      };
      return configs;
    }
    // Office requires https even for localhost; office-addin-dev-certs creates and trusts a CA.
    return (async () => {
      const devCerts = require("office-addin-dev-certs");
      config.devServer = {
        port: Number(process.env.npm_package_config_dev_server_port || DEV_PORT),
        server: { type: "https", options: await devHttpsOptions(devCerts) },
        headers: { ...headers, "Access-Control-Allow-Origin": "*" },
        hot: false,
        static: false,
        setupMiddlewares: rootPage(ADDIN_INDEX, headers),
      };
      return configs;
    })();
  }
  return configs;
};

module.exports.rewriteManifestUrls = rewriteManifestUrls;
module.exports.CSP = CSP;
module.exports.cspFor = cspFor;
module.exports.officeJsSource = officeJsSource;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.PDF_WORKER_FILE = PDF_WORKER_FILE;

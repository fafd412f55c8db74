/**
 * webpack for the add-in pages:
 *   taskpane   – the pane (src/taskpane/index.ts + taskpane.html), the initial bundle kept small;
 *   commands   – the ribbon's function file (src/commands/commands.ts + commands.html);
 *   notice     – the small dialog a ribbon command shows its result in;
 *   workbench  – only with `--env workbench`: the pane beside an in-memory Excel fake (no Office).
 *
 * Export code (docx, pdfmake, fonts) is reached only through import() and lands in lazy chunks.
 * office.js is copied from @microsoft/office-js and served from our own origin (intranet: no CDN).
 * No devtool uses eval, so the CSP needs no 'unsafe-eval' (see CSP below).
 *
 * Env: XXGK_BASE_URL=https://xxgk.example.gov.cn/addin rewrites https://localhost:3000 in
 * dist/manifest.xml (production). `--env outDir=…` builds elsewhere (tests, bench).
 */
"use strict";
const { existsSync, readdirSync, readFileSync, statSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

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
const CSP = require("./src/security/csp.json").directives.join("; ");

/** Rewrite the dev origin in the manifest to the deployment base URL (https only). */
function rewriteManifestUrls(xml, baseUrl) {
  const base = String(baseUrl).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"'<>]+$/i.test(base)) {
    throw new Error(`XXGK_BASE_URL 必须是 https 地址 / must be an https URL, got "${baseUrl}"`);
  }
  return xml.split(DEV_ORIGIN).join(base);
}

function officeJsPatterns() {
  // Excel needs office.js, its Excel host scripts and the locale strings; other hosts' scripts
  // and the .debug.js twins would only add ~60 MB.
  return {
    from: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
    to: "office",
    globOptions: {
      ignore: ["**/*.debug.js", "**/*.d.ts", "**/word*", "**/outlook*", "**/powerpoint*", "**/onenote*", "**/project*", "**/visio*", "**/access*"],
    },
  };
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

function page(name, chunks, title) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: path.resolve(__dirname, `src/${name === "notice" ? "commands" : name}/${name}.html`),
    chunks,
    title,
    // type="module": Trident (IE11, Office 2019 volume licence) skips it and runs legacy.js instead.
    scriptLoading: "module",
    inject: "head",
    templateParameters: { csp: CSP },
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
  ensureTemplateGenerated();
  if (production && !workbench && !baseUrl && !env.quiet) {
    console.warn("[webpack] XXGK_BASE_URL 未设置：dist/manifest.xml 仍指向 https://localhost:3000。/ XXGK_BASE_URL unset: dist/manifest.xml still points at localhost.");
  }

  const entry = workbench
    ? { workbench: "./src/workbench/index.ts" }
    : { taskpane: "./src/taskpane/index.ts", commands: "./src/commands/commands.ts", notice: "./src/commands/notice.ts" };

  const copy = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
    // PDF fonts (GB2312 subsets, ~16 MB) with their licences: fetched on the first PDF export only.
    { from: "assets/fonts", to: "fonts", noErrorOnMissing: true },
    // Written by `tsx scripts/build-template.ts` (run before webpack); missing only in a bare checkout.
    { from: TEMPLATE_FILE, to: "template/xxgk-template.xlsx", noErrorOnMissing: true },
  ];
  if (workbench) {
    copy.push({ from: "src/workbench/workbench.css", to: "workbench.css" });
  } else {
    copy.push(
      officeJsPatterns(),
      { from: "src/taskpane/help.html", to: "help.html" },
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
      // Relative URLs: the add-in may live under a sub-path of the intranet server.
      publicPath: "auto",
      // legacy.js comes from the second (ES5) compiler writing into the same folder.
      clean: serving ? false : { keep: /^legacy\.js/ },
    },
    // Never an eval-based devtool: the CSP forbids eval.
    devtool: "source-map",
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `tsc --noEmit` separately; webpack only strips them.
            options: { transpileOnly: true, compilerOptions: { target: "ES2020", noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    plugins: workbench
      ? [page("workbench", ["workbench"], "政务公开年报助手 · 工作台"), new CopyWebpackPlugin({ patterns: copy })]
      : [
          page("taskpane", ["taskpane"], "政务公开年报助手"),
          page("commands", ["commands"], "政务公开年报助手"),
          page("notice", ["notice"], "政务公开年报助手"),
          new CopyWebpackPlugin({ patterns: copy }),
        ],
    performance: { hints: false },
    stats: env.quiet ? "errors-warnings" : "normal",
  };

  // Trident fallback: ES5 syntax and runtime, so its own compiler (webpack targets are per config).
  const legacy = {
    mode,
    context: __dirname,
    name: "legacy",
    entry: { legacy: "./src/taskpane/legacy.ts" },
    output: { path: outDir, filename: "legacy.js", publicPath: "auto", clean: false },
    devtool: false,
    target: ["web", "es5"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "ES5", noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    stats: config.stats,
  };
  const configs = workbench ? config : [config, legacy];

  if (serving) {
    const headers = { "Content-Security-Policy": CSP, "Cache-Control": "no-store" };
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
module.exports.DEV_ORIGIN = DEV_ORIGIN;

/**
 * webpack for the WPS 表格 add-in (WPS加载项), `npm run build:wps` → dist-wps/wps/:
 *   index.html + index.js   – the page WPS loads hidden; defines the callbacks ribbon.xml names;
 *   taskpane.html + .js     – the same pane as in Excel, on the WPS adapter (src/hosts/wps);
 *   ribbon.xml, manifest.xml (wpsjs's <JsPlugin> description), taskpane.css, assets/, template/xxgk-template.xlsx (inserted by opening it),
 *   fonts/ (PDF export), pdfjs/ (pdf.js's worker, PDF import).
 * No office.js. scripts/package-wps.js then writes the publish files (jsplugins.xml for online
 * mode, the offline folder). Our code is compiled to ES2017: the Chromium of WPS on 信创 Linux
 * is older than Edge's WebView2.
 *
 * Env: XXGK_BASE_URL (as for the Office add-in) is the server the add-in is published on;
 * `--env outDir=…` builds elsewhere (tests).
 */
"use strict";
const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const CSP = require("./src/security/csp.json").directives.join("; ");
const { pdfWorkerCopy, pdfjsRule, definePdfWorker } = require("./scripts/pdfjs-build.js");
const TEMPLATE_FILE = "dist-template/template.xlsx";

function ensureTemplateFile() {
  if (existsSync(path.resolve(__dirname, TEMPLATE_FILE))) return;
  const tsx = path.resolve(__dirname, "node_modules/tsx/dist/cli.mjs");
  const r = spawnSync(process.execPath, [tsx, "scripts/build-template.ts"], { cwd: __dirname, stdio: "inherit" });
  if (r.status !== 0) throw new Error("scripts/build-template.ts failed: the template workbook could not be generated");
}

function page(name, title) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: path.resolve(__dirname, `src/hosts/wps/${name}.html`),
    chunks: [name],
    title,
    scriptLoading: "defer",
    inject: "head",
    templateParameters: { csp: CSP },
    minify: false,
  });
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || "production";
  const production = mode === "production";
  const outDir = path.resolve(__dirname, env.outDir || "dist-wps", "wps");
  ensureTemplateFile();
  return {
    name: "wps",
    mode,
    context: __dirname,
    entry: { index: "./src/hosts/wps/ribbon.ts", taskpane: "./src/hosts/wps/taskpane.ts" },
    output: {
      path: outDir,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    devtool: "source-map",
    target: ["web", "es2017"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        pdfjsRule,
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // As the Office build: ts-loader down to ES2017, then regex syntax (\p{…}) TypeScript leaves as it is.
          use: [
            { loader: path.resolve(__dirname, "scripts/downlevel-loader.js"), options: { target: "ES2017" } },
            { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "ES2017", noEmit: false, sourceMap: true } } },
          ],
        },
      ],
    },
    plugins: [
      definePdfWorker(),
      page("index", "政务公开年报助手"),
      page("taskpane", "政务公开年报助手"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/hosts/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/hosts/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/pane/taskpane.css", to: "taskpane.css" },
          { from: "src/pane/help.html", to: "help.html" },
          { from: "assets/fonts", to: "fonts", noErrorOnMissing: true },
          { from: TEMPLATE_FILE, to: "template/xxgk-template.xlsx" },
          // pdf.js's worker for 导入报告 of a PDF (scripts/pdfjs-build.js).
          pdfWorkerCopy,
        ],
      }),
    ],
    performance: { hints: false },
    stats: env.quiet ? "errors-warnings" : "normal",
  };
};
module.exports.CSP = CSP;

/**
 * pdf.js in the pane's builds (webpack.config.js for Office, webpack.wps.config.js for WPS): the
 * library is a lazy chunk ("pdfjs", src/pane/pdfjs.ts); its worker, pdfjs-dist's legacy build as
 * shipped (a module worker, ES2022), is copied next to the pages under a versioned name (".js",
 * which every intranet server serves as JavaScript; IIS knows no ".mjs" by default) and loaded from
 * the pane's own origin. The ES5 build (IE11, no module workers) aliases pdfjs-dist to nothing.
 */
"use strict";
const path = require("node:path");

const PDFJS = require("pdfjs-dist/package.json");
const PDFJS_DIR = path.dirname(require.resolve("pdfjs-dist/package.json"));
const PDF_WORKER_FILE = `pdfjs/pdf.worker-${PDFJS.version}.min.js`;

module.exports = {
  PDF_WORKER_FILE,
  /** CopyWebpackPlugin pattern: the worker, fetched on the first PDF import only. */
  pdfWorkerCopy: { from: path.join(PDFJS_DIR, "legacy/build/pdf.worker.min.mjs"), to: PDF_WORKER_FILE, info: { minimized: true } },
  /** Runs first on pdf.js: its fake-worker fallback rejects instead (scripts/pdfjs-loader.js). */
  pdfjsRule: {
    test: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/,
    enforce: "pre",
    use: [path.resolve(__dirname, "pdfjs-loader.js")],
  },
  /** __XXGK_PDF_WORKER__ for src/pane/pdfjs.ts. */
  definePdfWorker: () => new (require("webpack").DefinePlugin)({ __XXGK_PDF_WORKER__: JSON.stringify(PDF_WORKER_FILE) }),
};

/**
 * webpack pre-loader for pdfjs-dist's legacy build (the pane's "pdfjs" chunk, src/pane/pdfjs.ts).
 * When its worker cannot start, pdf.js falls back to a "fake worker": it imports the worker file
 * into the page with a native `import()` (webpackIgnore), i.e. parses ~1.3 MB on the pane's
 * thread, and that ES2020 syntax would also make the chunk unparsable for EdgeHTML 18. The pane
 * wants a plain message instead, so the fallback rejects. Fails the build if pdf.js changes shape.
 */
"use strict";

const FAKE_WORKER_IMPORT = /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*this\.workerSrc\)/g;
const REJECT = 'await Promise.reject(new Error("xxgk: no fake worker in the pane"))';

/**
 * @this {import("webpack").LoaderContext<{}>}
 * @param {string} source
 */
module.exports = function pdfjsLoader(source) {
  const hits = source.match(FAKE_WORKER_IMPORT) || [];
  if (hits.length !== 1) {
    throw new Error(`scripts/pdfjs-loader.js: expected one fake-worker import() in ${this.resourcePath}, found ${hits.length}; check pdf.js's PDFWorker`);
  }
  return source.replace(FAKE_WORKER_IMPORT, REJECT);
};

/**
 * pdf.js for the pane's 导入报告 and 上年结转: first a feature test, then the library in a lazy
 * chunk of its own ("pdfjs", never in the initial bundle) and its worker from the pane's own folder
 * (webpack copies pdfjs-dist's legacy worker there: scripts/pdfjs-build.js). Nothing comes from another origin.
 *
 * pdf.js 5 runs its parser in a module worker (`new Worker(url, { type: "module" })`). EdgeHTML 18
 * and Internet Explorer take no worker options and would load the module as a classic script,
 * which fails; so without module workers the library is not even loaded and the caller says which
 * other form to import. The ES5 pane (IE11) is built without pdf.js at all (webpack.config.js).
 * A worker that does not start within WORKER_START_MS, or fails to load, is an error too: pdf.js's
 * fallback of parsing on the page's thread is switched off at build time (scripts/pdfjs-loader.js).
 */
import type { PdfLib } from "../import";

/** The worker's path next to the page, versioned so a new release is never served from cache (scripts/pdfjs-build.js). */
declare const __XXGK_PDF_WORKER__: string | undefined;
function workerFile(): string {
  // Unset outside webpack (jest): no worker to start there.
  if (typeof __XXGK_PDF_WORKER__ !== "string") throw new Error("this build has no pdf.js worker");
  return __XXGK_PDF_WORKER__;
}

/** A worker parses ~1.3 MB of script before it answers; a slow office PC takes a few seconds. */
const WORKER_START_MS = 20_000;

/** True when `new Worker(url, options)` reads its options (module workers); no worker is started. */
function readsWorkerOptions(): boolean {
  if (typeof Worker !== "function") return false;
  let read = false;
  const options = {
    get type(): "module" {
      read = true;
      return "module";
    },
  };
  try {
    // An invalid URL: the constructor converts its options first, then throws on the URL.
    new Worker("http://[", options).terminate();
  } catch {
    /* expected */
  }
  return read;
}

/** What this webview lacks for pdf.js (empty when it can read PDFs). */
export function pdfjsMissing(): string[] {
  const missing: string[] = [];
  if (!readsWorkerOptions()) missing.push("module Worker");
  if (typeof ReadableStream !== "function") missing.push("ReadableStream");
  if (typeof AbortController !== "function") missing.push("AbortController");
  if (typeof URL !== "function" || typeof Blob !== "function") missing.push("URL/Blob");
  return missing;
}

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type Worker_ = InstanceType<Pdfjs["PDFWorker"]>;

/** One worker for the pane's life: a second PDF needs no second start. */
let started: Promise<{ pdfjs: Pdfjs; worker: Worker_ }> | null = null;

function timeout(ms: number, what: string): { promise: Promise<never>; clear(): void } {
  let id: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    id = setTimeout(() => reject(new Error(what)), ms);
  });
  return { promise, clear: () => clearTimeout(id) };
}

async function start(): Promise<{ pdfjs: Pdfjs; worker: Worker_ }> {
  const missing = pdfjsMissing();
  if (missing.length) throw new Error(`pdf.js needs ${missing.join(", ")}`);
  const pdfjs = (await import(/* webpackChunkName: "pdfjs" */ "pdfjs-dist/legacy/build/pdf.mjs")) as Pdfjs;
  // The ES5 build resolves pdf.js to an empty module (webpack.config.js).
  if (typeof pdfjs.getDocument !== "function") throw new Error("pdf.js is not part of this build");
  pdfjs.GlobalWorkerOptions.workerSrc = new URL(workerFile(), document.baseURI).href;
  const worker = new pdfjs.PDFWorker();
  const limit = timeout(WORKER_START_MS, "the pdf.js worker did not start");
  try {
    await Promise.race([worker.promise, limit.promise]);
  } catch (e) {
    worker.destroy();
    throw e;
  } finally {
    limit.clear();
  }
  return { pdfjs, worker };
}

/** Loads pdf.js for importReport ({ pdf: loadPanePdfjs }); rejects when this webview cannot read PDFs. */
export async function loadPanePdfjs(): Promise<PdfLib> {
  started ??= start();
  let ready: { pdfjs: Pdfjs; worker: Worker_ };
  try {
    ready = await started;
  } catch (e) {
    started = null; // a worker that failed to load may load next time (the network came back)
    throw e;
  }
  const { pdfjs, worker } = ready;
  return {
    getDocument: (src) => pdfjs.getDocument({ ...src, worker }) as unknown as ReturnType<PdfLib["getDocument"]>,
  };
}

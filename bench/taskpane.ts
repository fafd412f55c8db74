/**
 * Task pane size figures from a production build (webpack Node API, into a temp folder):
 *   paneInitialKbGz  – the JS the pane loads before it can show anything where the engine passes
 *                      the gate (WebView2, Excel on the web, Mac): webview-gate.js and the
 *                      taskpane entry's initial chunks, gzipped, in KB;
 *   edgePaneKbGz     – the same on EdgeHTML 18 (Office 2019 retail, Microsoft 365 on Windows 10
 *                      without WebView2) and other engines that fail the gate: plus edge-runtime.js;
 *   exportChunksKbGz – the lazily imported chunks (export: docx, pdfmake, fonts) gzipped, in KB,
 *                      when the build has any;
 *   pdfChunkKbGz     – the lazy chunk(s) holding pdf.js (导入报告 of a PDF), gzipped, in KB;
 *   pdfWorkerKbGz    – pdf.js's worker as copied next to the pages (PDF_WORKER_FILE), gzipped, in KB.
 * office.js is excluded: it is Microsoft's, served as-is from our origin.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";

const ROOT = path.resolve(__dirname, "..");

const EXPORT_CODE = /src\/(taskpane\/exportModule|document|delivery)\/?|node_modules\/(docx|pdfmake|fontkit|@foliojs)/;
const PDFJS_CODE = /node_modules\/pdfjs-dist\//;

const kbGz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024;
const round = (n: number): number => Math.round(n * 10) / 10;

export async function bench(): Promise<Record<string, number>> {
  const out = mkdtempSync(path.join(tmpdir(), "xxgk-pane-bench-"));
  try {
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration | Configuration[];
    const configs = ([] as Configuration[]).concat(makeConfig({ outDir: out, quiet: true }, { mode: "production" }));
    const addin = configs.find((c) => c.name === "addin");
    if (!addin) throw new Error("webpack.config.js has no 'addin' config");
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack(addin, (err, s) => (err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s!))),
    );
    const json = stats.toJson({ all: false, entrypoints: true, chunks: true, chunkModules: true, assets: false });
    const initial = (json.entrypoints?.taskpane?.assets ?? []).map((a) => a.name).filter((n) => n.endsWith(".js"));
    if (initial.length === 0) throw new Error("no taskpane entry assets");
    // Lazy chunks that hold export code (not e.g. the template's base64 chunk).
    const moduleNames = (c: NonNullable<typeof json.chunks>[number]): string[] =>
      (c.modules ?? []).flatMap((m) => [m.name ?? "", ...(m.modules ?? []).map((n) => n.name ?? "")]);
    const lazyWith = (code: RegExp): string[] =>
      (json.chunks ?? []).filter((c) => !c.initial && moduleNames(c).some((n) => code.test(n))).flatMap((c) => (c.files ?? []).filter((f) => f.endsWith(".js")));
    const lazy = lazyWith(EXPORT_CODE);
    const pdfjs = lazyWith(PDFJS_CODE);
    const { PDF_WORKER_FILE } = require(path.join(ROOT, "webpack.config.js")) as { PDF_WORKER_FILE: string };
    const initialKb = kbGz(path.join(out, "webview-gate.js")) + initial.reduce((s, f) => s + kbGz(path.join(out, f)), 0);
    const figures: Record<string, number> = {
      paneInitialKbGz: round(initialKb),
      edgePaneKbGz: round(initialKb + kbGz(path.join(out, "edge-runtime.js"))),
    };
    if (lazy.length) figures.exportChunksKbGz = round(lazy.reduce((s, f) => s + kbGz(path.join(out, f)), 0));
    if (pdfjs.length) figures.pdfChunkKbGz = round(pdfjs.reduce((s, f) => s + kbGz(path.join(out, f)), 0));
    figures.pdfWorkerKbGz = round(kbGz(path.join(out, PDF_WORKER_FILE)));
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) void bench().then((f) => console.log(JSON.stringify(f, null, 2)));

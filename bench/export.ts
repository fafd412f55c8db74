/**
 * Figures of the export: a report with every cell filled (test/document/support.ts richReport).
 *   docxMs     build the document model and write the .docx (median)
 *   pdfColdMs  first PDF in a fresh process: read the fonts, load pdfmake, parse fonts, render
 *              (median over fresh child processes: what a clerk waits for on the first export)
 *   pdfWarmMs  a later PDF in the same process (median)
 *   docxKb, pdfKb  file sizes
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildDocument } from "../src/document/build";
import { toDocx } from "../src/document/docx";
import { loadFontsFromDir } from "../src/document/fontsNode";
import { toPdf } from "../src/document/pdf";
import { richReport } from "../test/document/support";
import { median, medianMs, round } from "./stats";

const COLD_FLAG = "XXGK_BENCH_PDF_COLD";

/** One cold PDF export, timed inside this process (run as a child by bench()). */
async function coldOnce(): Promise<number> {
  const t = performance.now();
  await toPdf(buildDocument(richReport()), await loadFontsFromDir());
  return performance.now() - t;
}

function coldInChild(): number {
  const tsx = path.join(__dirname, "..", "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, [__filename], { env: { ...process.env, [COLD_FLAG]: "1" }, encoding: "utf8" });
  const ms = Number(/cold=([\d.]+)/.exec(r.stdout)?.[1]);
  if (r.status !== 0 || !Number.isFinite(ms)) throw new Error(`cold PDF child failed: ${r.stderr.split("\n")[0]}`);
  return ms;
}

export async function bench(): Promise<Record<string, number>> {
  const report = richReport();
  const docxMs = await medianMs(10, () => toDocx(buildDocument(report)), 2);
  const docx = await toDocx(buildDocument(report));
  const pdfColdMs = round(median(Array.from({ length: 3 }, coldInChild)));
  const fonts = await loadFontsFromDir();
  const pdfWarmMs = await medianMs(5, () => toPdf(buildDocument(report), fonts), 1);
  const pdf = await toPdf(buildDocument(report), fonts);
  return { docxMs, pdfColdMs, pdfWarmMs, docxKb: round(docx.byteLength / 1024, 1), pdfKb: round(pdf.byteLength / 1024, 1) };
}

if (require.main === module && process.env[COLD_FLAG]) {
  void coldOnce().then((ms) => process.stdout.write(`cold=${ms}\n`));
}

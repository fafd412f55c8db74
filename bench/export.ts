/**
 * Figures of the export: a report with every cell filled (test/document/support.ts richReport).
 *   docxMs     build the document model and write the .docx (median)
 *   pdfColdMs  first PDF in a fresh process: read the fonts, load pdfmake, parse fonts, render
 *              (median over fresh child processes: what a clerk waits for on the first export)
 *   pdfWarmMs  a later PDF in the same process (median)
 *   docxKb, pdfKb  file sizes
 *
 * Whole process, against LibreOffice (issue 23), on a published report (test/fixtures, .txt):
 *   cliExportPdfMs          `node bin/xxgk-report.js export report.txt --pdf out.pdf` (compiled
 *                           CLI), wall time, median
 *   pdfExportVsLibreOffice  that run ÷ `soffice --headless --convert-to pdf` of the .docx our CLI
 *                           writes for the same report: what a clerk would otherwise do to get a
 *                           PDF. LibreOffice gets the same fonts (the tests' fontconfig) and a
 *                           profile made by a warm-up run. Median of paired runs (each pair back to
 *                           back, alternating which goes first), so the machine's load moves both.
 *                           Our CLI has, as after any earlier export of this report, its font cuts
 *                           kept (src/document/fontCutCacheNode.ts) and its V8 code cache.
 *   cliExportPdfUncachedMs, pdfExportUncachedVsLibreOffice
 *                           the same with no font cut kept (an empty XXGK_FONT_CACHE_DIR each
 *                           run): the first export of a report, cut by the font worker. Reported,
 *                           not budgeted: it shows what the kept cuts save.
 *   docxExportVsLibreOffice `export report.txt --docx out.docx` ÷ `soffice --convert-to docx
 *                           report.txt`: the same input file to a Word file, the only Word export
 *                           LibreOffice can make of our input by itself. It is the easier job for
 *                           LibreOffice (plain paragraphs, no tables or GB/T 9704 layout), so the
 *                           ratio flatters LibreOffice, not us. Paired runs, median.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildDocument } from "../src/document/build";
import { toDocx } from "../src/document/docx";
import { loadFontsFromDir } from "../src/document/fontsNode";
import { toPdf } from "../src/document/pdf";
import { fontconfigFile, richReport } from "../test/document/support";
import { FIXTURES, PROJECT_ROOT } from "../test/helpers/paths";
import { ensureCompiledCli } from "./compiledCli";
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

/** Pairs per ratio: LibreOffice's own time varies by ±15 % from run to run here; 9 steady the median. */
const PAIRS = 9;
const REPORT = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");

/** Wall time of one process; throws when it fails or does not write `out`. */
function wallMs(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, stdio: "ignore", timeout: 180_000 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} exited ${r.status}`);
  return ms;
}

/** Median of ours ÷ theirs over runs in pairs (alternating who goes first), and our median. */
function paired(ours: () => number, theirs: () => number): { ratio: number; oursMs: number } {
  const ratios: number[] = [];
  const mine: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    let a: number, b: number;
    if (i % 2 === 0) {
      a = ours();
      b = theirs();
    } else {
      b = theirs();
      a = ours();
    }
    ratios.push(a / b);
    mine.push(a);
  }
  return { ratio: round(median(ratios), 3), oursMs: round(median(mine), 1) };
}

/** Our CLI and LibreOffice, each converting the same report, whole process. */
function versusLibreOffice(): Record<string, number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-bench-export-"));
  try {
    ensureCompiledCli();
    const bin = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
    const report = path.join(dir, "report.txt");
    copyFileSync(REPORT, report);
    const cli = (...args: string[]) => () => wallMs(process.execPath, [bin, "export", report, ...args], process.env, dir);
    const lo = { ...process.env, FONTCONFIG_FILE: fontconfigFile(dir), HOME: dir };
    const soffice = (to: string, input: string) => () =>
      wallMs("soffice", ["--headless", `-env:UserInstallation=file://${dir}/lo-profile`, "--convert-to", to, "--outdir", path.join(dir, "lo"), input], lo, dir);
    // Warm-ups: the file cache, the CLI's V8 code cache (written by its first run after a build,
    // scripts/codeCache.js) and LibreOffice's first start (it builds its profile).
    cli("--docx", path.join(dir, "report.docx"))();
    cli("--pdf", path.join(dir, "warm.pdf"))();
    soffice("pdf", path.join(dir, "report.docx"))();
    const pdf = paired(cli("--pdf", path.join(dir, "out.pdf")), soffice("pdf", path.join(dir, "report.docx")));
    let fresh = 0;
    const uncached = () => {
      const cacheDir = path.join(dir, `no-kept-cuts-${++fresh}`);
      return wallMs(process.execPath, [bin, "export", report, "--pdf", path.join(dir, "uncached.pdf")], { ...process.env, XXGK_FONT_CACHE_DIR: cacheDir }, dir);
    };
    const pdfUncached = paired(uncached, soffice("pdf", path.join(dir, "report.docx")));
    const docx = paired(cli("--docx", path.join(dir, "out.docx")), soffice("docx", report));
    return {
      cliExportPdfMs: pdf.oursMs,
      pdfExportVsLibreOffice: pdf.ratio,
      cliExportPdfUncachedMs: pdfUncached.oursMs,
      pdfExportUncachedVsLibreOffice: pdfUncached.ratio,
      cliExportDocxMs: docx.oursMs,
      docxExportVsLibreOffice: docx.ratio,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<Record<string, number>> {
  const whole = versusLibreOffice();
  const report = richReport();
  const docxMs = await medianMs(10, () => toDocx(buildDocument(report)), 2);
  const docx = await toDocx(buildDocument(report));
  const pdfColdMs = round(median(Array.from({ length: 3 }, coldInChild)));
  const fonts = await loadFontsFromDir();
  const pdfWarmMs = await medianMs(5, () => toPdf(buildDocument(report), fonts), 1);
  const pdf = await toPdf(buildDocument(report), fonts);
  return { ...whole, docxMs, pdfColdMs, pdfWarmMs, docxKb: round(docx.byteLength / 1024, 1), pdfKb: round(pdf.byteLength / 1024, 1) };
}

if (require.main === module && process.env[COLD_FLAG]) {
  void coldOnce().then((ms) => process.stdout.write(`cold=${ms}\n`));
}

/**
 * "These two PDFs look the same", for PDFs whose bytes may differ (the CLI's Node-only speed-ups
 * write other content streams and font subsets than plain pdfmake): poppler reads both and
 *   - every word's box (`pdftotext -bbox`) is equal within `tolerancePt` (glyph positions),
 *   - the text laid out (`pdftotext -layout`) is identical,
 *   - every page rendered at `dpi` (`pdftoppm`) has identical pixels, or differs in at most
 *     `pixelTolerance` of them when the caller states why.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Word {
  page: number;
  box: [number, number, number, number];
  text: string;
}

export interface PdfLook {
  words: Word[];
  layout: string;
  /** One PPM file's bytes per page. */
  pages: Buffer[];
}

const decode = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos);/g, (_m: string, e: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[e]!);

function words(html: string): Word[] {
  const out: Word[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page [^>]*>|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
    if (m[0].startsWith("<page")) page++;
    else out.push({ page, box: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])], text: decode(m[5]!) });
  }
  return out;
}

/** What poppler reads and draws of a PDF (bytes or a file). */
export function lookOf(pdf: Uint8Array | string, dpi = 100): PdfLook {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-look-"));
  try {
    const file = typeof pdf === "string" ? pdf : path.join(dir, "in.pdf");
    if (typeof pdf !== "string") writeFileSync(file, pdf);
    const bbox = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    const layout = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    execFileSync("pdftoppm", ["-r", String(dpi), file, path.join(dir, "page")]);
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith(".ppm"))
      .sort((a, b) => Number(/(\d+)\.ppm$/.exec(a)![1]) - Number(/(\d+)\.ppm$/.exec(b)![1]))
      .map((f) => readFileSync(path.join(dir, f)));
    return { words: words(bbox), layout, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SameOptions {
  tolerancePt?: number;
  /** Pixels (per page, any channel) allowed to differ; 0 unless a reason is stated by the caller. */
  pixelTolerance?: number;
  dpi?: number;
}

/** How b looks different from a; empty when they look the same. */
export function lookDifferences(a: Uint8Array | string, b: Uint8Array | string, options: SameOptions = {}): string[] {
  const { tolerancePt = 0.01, pixelTolerance = 0, dpi = 100 } = options;
  const [la, lb] = [lookOf(a, dpi), lookOf(b, dpi)];
  const out: string[] = [];
  if (la.words.length === 0) out.push("no words read from the first PDF");
  if (la.words.length !== lb.words.length) out.push(`word count ${la.words.length} ≠ ${lb.words.length}`);
  la.words.forEach((w, i) => {
    const v = lb.words[i];
    if (!v) return;
    const far = w.box.some((c, k) => Math.abs(c - v.box[k]!) > tolerancePt);
    if (w.page !== v.page || w.text !== v.text || far) out.push(`word ${i}: p${w.page} "${w.text}" ${w.box.join(",")} ≠ p${v.page} "${v.text}" ${v.box.join(",")}`);
  });
  if (la.layout !== lb.layout) out.push("pdftotext -layout differs");
  if (la.pages.length !== lb.pages.length) out.push(`page count ${la.pages.length} ≠ ${lb.pages.length}`);
  la.pages.forEach((p, i) => {
    const q = lb.pages[i];
    if (!q) return;
    if (p.length !== q.length) return void out.push(`page ${i + 1}: image sizes differ`);
    let differing = 0;
    for (let k = 0; k < p.length; k++) if (p[k] !== q[k]) differing++;
    if (differing > pixelTolerance) out.push(`page ${i + 1}: ${differing} pixel bytes differ`);
  });
  return out;
}

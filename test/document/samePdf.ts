/**
 * "These two PDFs look the same", for PDFs whose bytes may differ (the CLI's Node-only speed-ups
 * write other content streams and font subsets than plain pdfmake): poppler reads both and
 *   - every word's box (`pdftotext -bbox`) is equal within `tolerancePt` (glyph positions),
 *   - the text laid out (`pdftotext -layout`) is identical,
 *   - every page rendered at `dpi` (`pdftoppm`) has identical pixels, or, when the caller states
 *     why, at most `pixelTolerance.bytes` pixel bytes differ, each by at most `.level`.
 * glyphsOf reads where each glyph is drawn (for PDFs from the same fonts: same glyph ids).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";

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
  /** Pixel bytes (per page) allowed to differ, and by how much; none unless the caller states why. */
  pixelTolerance?: { bytes: number; level: number };
  dpi?: number;
}

/** How b looks different from a; empty when they look the same. */
export function lookDifferences(a: Uint8Array | string, b: Uint8Array | string, options: SameOptions = {}): string[] {
  const { tolerancePt = 0.01, pixelTolerance = { bytes: 0, level: 0 }, dpi = 100 } = options;
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
    let most = 0;
    for (let k = 0; k < p.length; k++) {
      if (p[k] === q[k]) continue;
      differing++;
      most = Math.max(most, Math.abs(p[k]! - q[k]!));
    }
    if (differing > pixelTolerance.bytes || most > pixelTolerance.level) out.push(`page ${i + 1}: ${differing} pixel bytes differ, by up to ${most}`);
  });
  return out;
}

export interface Glyph {
  page: number;
  font: string;
  gid: number;
  size: number;
  x: number;
  y: number;
}

/** A pdfkit PDF's objects (dictionaries) and their streams, inflated. */
function pdfObjects(pdf: Uint8Array): { objects: Map<number, string>; streams: Map<number, Buffer> } {
  const latin = Buffer.from(pdf).toString("latin1");
  // Objects as pdfkit writes them: "n 0 obj\n<<…>>\n[stream\n<Length bytes>\nendstream\n]endobj".
  const objects = new Map<number, string>();
  const streams = new Map<number, Buffer>();
  const header = /(?:^|\n)(\d+) 0 obj\n/g;
  for (let m = header.exec(latin); m; m = header.exec(latin)) {
    const start = header.lastIndex;
    const [end, streamAt] = [latin.indexOf("endobj", start), latin.indexOf(">>\nstream\n", start)];
    if (streamAt >= 0 && (end < 0 || streamAt < end)) {
      const dict = latin.slice(start, streamAt + 2);
      const from = streamAt + ">>\nstream\n".length;
      const data = Buffer.from(latin.slice(from, from + Number(/\/Length (\d+)/.exec(dict)?.[1])), "latin1");
      objects.set(Number(m[1]), dict);
      streams.set(Number(m[1]), /\/Filter \/FlateDecode/.test(dict) ? inflateSync(data) : data);
      header.lastIndex = latin.indexOf("endobj", from + data.length);
    } else {
      objects.set(Number(m[1]), latin.slice(start, end));
      header.lastIndex = end;
    }
  }
  return { objects, streams };
}

const ref = (body: string, key: string) => Number(new RegExp(`/${key} \\[?(\\d+) 0 R`).exec(body)?.[1]);

/** How many times an operator (BT, Tc…) occurs in the pages' content streams. */
export function countOperator(pdf: Uint8Array, op: string): number {
  const { objects, streams } = pdfObjects(pdf);
  let n = 0;
  for (const body of objects.values()) {
    if (!/\/Type \/Page\s/.test(body)) continue;
    const text = streams.get(ref(body, "Contents"))?.toString("latin1") ?? "";
    n += text.split("\n").filter((line) => line === op || line.endsWith(` ${op}`)).length;
  }
  return n;
}

/**
 * Every glyph's font, id and origin, read from the content streams as a PDF reader places it (text
 * matrix, Tf, Tc, TJ displacements and the fonts' /W widths). Enough for pdfkit's output: fonts with
 * two-byte Identity-H codes, text objects in `q … Q`, no text rise or scaling.
 */
export function glyphsOf(pdf: Uint8Array): Glyph[] {
  const { objects, streams } = pdfObjects(pdf);
  const content = (n: number) => streams.get(n)?.toString("latin1") ?? "";
  const widths = new Map<number, number[]>();
  const widthsOf = (fontObj: number) => {
    let w = widths.get(fontObj);
    if (!w) {
      const descendant = objects.get(ref(objects.get(fontObj) ?? "", "DescendantFonts")) ?? "";
      w = (/\/W \[0 \[([\d.\s-]*)\]\]/.exec(descendant)?.[1] ?? "").trim().split(/\s+/).map(Number);
      widths.set(fontObj, w);
    }
    return w;
  };
  const out: Glyph[] = [];
  const pages = [...objects.entries()].filter(([, b]) => /\/Type \/Page\s/.test(b)).sort(([a], [b]) => a - b);
  pages.forEach(([, page], pageIndex) => {
    const resources = objects.get(ref(page, "Resources")) ?? "";
    const fontRefs = new Map([.../\/Font <<([^>]*)>>/.exec(resources)?.[1]?.matchAll(/\/(\S+) (\d+) 0 R/g) ?? []].map((m) => [m[1]!, Number(m[2])]));
    let tc = 0;
    const saved: number[] = [];
    let font = "";
    let size = 0;
    let x = 0;
    let y = 0;
    let operands: string[] = [];
    for (const tok of content(ref(page, "Contents")).matchAll(/\[[^\]]*\]|<[0-9a-fA-F]*>|\/\S+|[-\d.]+|[A-Za-z*'"]+/g)) {
      const t = tok[0];
      if (!/^[A-Za-z*'"]+$/.test(t)) {
        operands.push(t);
        continue;
      }
      if (t === "q") saved.push(tc);
      else if (t === "Q") tc = saved.pop() ?? 0;
      else if (t === "Tc") tc = Number(operands[0]);
      else if (t === "Tf") [font, size] = [operands[0]!.slice(1), Number(operands[1])];
      else if (t === "Tm") [x, y] = [Number(operands[4]), Number(operands[5])];
      else if (t === "TJ" || t === "Tj") {
        const w = widthsOf(fontRefs.get(font) ?? -1);
        for (const item of operands[0]!.matchAll(/<([0-9a-fA-F]*)>|[-\d.]+/g)) {
          if (item[1] === undefined) {
            x -= (Number(item[0]) / 1000) * size;
            continue;
          }
          for (let k = 0; k < item[1].length; k += 4) {
            const gid = parseInt(item[1].slice(k, k + 4), 16);
            out.push({ page: pageIndex + 1, font, gid, size, x, y });
            x += ((w[gid] ?? NaN) / 1000) * size + tc;
          }
        }
      }
      operands = [];
    }
  });
  return out;
}

/**
 * The PDF fonts of one CLI export (src/cli/commands/export.ts pdfFonts): when faces kept from an
 * earlier export map everything the report draws, the font worker is stopped as soon as the
 * report's model exists and never asked; otherwise it is hinted and asked. Either way the PDF
 * looks as it does with the whole faces.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pdfFonts } from "../../src/cli/commands/export";
import { loadReportFile } from "../../src/cli/load";
import { buildDocument } from "../../src/document/build";
import { startFontFitter, type FontFitter } from "../../src/document/fontFitWorkerNode";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { coverageOf, drawPdf, pdfDefinition, toPdf, usedChars } from "../../src/document/pdf";
import { FIXTURES } from "../helpers/paths";
import { lookDifferences } from "../document/samePdf";
import { FONTS_DIR } from "../document/support";

jest.setTimeout(120_000);

/** A real worker, with what the export did to it written down. */
function watched(cacheDir: string): { fitter: FontFitter; calls: string[] } {
  const real = startFontFitter(FONTS_DIR, { cacheDir });
  const calls: string[] = [];
  return {
    calls,
    fitter: {
      hint: (doc) => (calls.push("hint"), real.hint(doc)),
      faces: (used) => (calls.push("faces"), real.faces(used)),
      dismiss: () => (calls.push("dismiss"), real.dismiss()),
    },
  };
}

test("kept faces that map the report: the worker is stopped before layout and never asked; the PDF looks the same", async () => {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "xxgk-exportfonts-"));
  try {
    const loaded = await loadReportFile(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"));
    if (!loaded.ok) throw new Error(loaded.error);
    const doc = buildDocument(loaded.report);
    const whole = await toPdf(doc, await loadFontsFromDir());

    // First export: nothing kept, so the worker is hinted, then asked, and keeps its cut.
    const first = watched(cacheDir);
    const fonts1 = pdfFonts(FONTS_DIR, cacheDir, first.fitter);
    fonts1.prepare(doc);
    expect(lookDifferences(whole, await drawPdf(doc, await fonts1.source()))).toEqual([]);
    expect(first.calls).toEqual(["hint", "faces"]);

    // Second export of the same report: stopped at once, drawn with the kept faces.
    const second = watched(cacheDir);
    const fonts2 = pdfFonts(FONTS_DIR, cacheDir, second.fitter);
    fonts2.prepare(doc);
    expect(second.calls).toEqual(["dismiss"]);
    const source = await fonts2.source();
    expect(source.coverage.fang.has("前".codePointAt(0)!)).toBe(true);
    expect(lookDifferences(whole, await drawPdf(doc, source))).toEqual([]);
    expect(second.calls).toEqual(["dismiss"]);
    // What the laid-out PDF draws is what the model predicted.
    expect(usedChars(pdfDefinition(doc, coverageOf(await loadFontsFromDir())))).toEqual(usedChars(pdfDefinition(doc, source.coverage)));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});

/**
 * Figures of the importer: parsing the seed text report (the common paste-and-import case),
 * published PDFs (test/fixtures/pdf-real: per page, pdf.js included) and text taken out of a PDF
 * (`pdftotext -layout`, and `-raw` as a viewer's copy gives it).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readText, type PdfLib } from "../src/import";
import { readPdf } from "../src/import/pdf";
import { FIXTURES } from "../test/helpers/paths";
import { medianMs, round } from "./stats";

export async function bench(): Promise<Record<string, number>> {
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const parseSeedMs = await medianMs(50, () => readText(seed), 10);
  const base = path.join(FIXTURES, "pdf", "2024-pingtan.export-libreoffice");
  const layout = readFileSync(`${base}.layout.txt`, "utf8");
  const parseLayoutTextMs = await medianMs(30, () => readText(layout), 5);
  const realDir = path.join(FIXTURES, "pdf-real");
  const raw = readFileSync(path.join(realDir, "2024-huaian-shi.raw.txt"), "utf8");
  const parseRawTextMs = await medianMs(30, () => readText(raw), 5);
  // Every published PDF of the corpus, read in turn: the median of the whole round, per page.
  const lib = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfLib;
  const pdfs = readdirSync(realDir)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => new Uint8Array(readFileSync(path.join(realDir, f))));
  let pages = 0;
  for (const pdf of pdfs) pages += (await lib.getDocument({ data: pdf.slice(), verbosity: 0 }).promise).numPages;
  const roundMs = await medianMs(
    5,
    async () => {
      for (const pdf of pdfs) await readPdf(pdf, lib);
    },
    1,
  );
  return { parseSeedMs, parseLayoutTextMs, parseRawTextMs, pdfImportMsPerPage: round(roundMs / pages) };
}

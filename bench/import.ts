/**
 * Figures of the importer: parsing the seed text report (the common paste-and-import case), a
 * published-style PDF (per page, pdf.js included) and its `pdftotext -layout` text.
 */
import { readFileSync } from "node:fs";
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
  const lib = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfLib;
  const pdf = new Uint8Array(readFileSync(`${base}.pdf`));
  const pages = (await lib.getDocument({ data: pdf.slice(), verbosity: 0 }).promise).numPages;
  const pdfMs = await medianMs(10, () => readPdf(pdf, lib), 2);
  return { parseSeedMs, parseLayoutTextMs, pdfImportMsPerPage: round(pdfMs / pages) };
}

/**
 * Lazy chunk of 结转/导入 (loaded by transferApi.loadTransferModule): reads the source with
 * src/import (.txt/.html/.docx/.pdf, pasted text) or the template reader (.xlsx, ExcelJS in a chunk of
 * its own); the preview is the workflow's prepare. Never throws at the clerk.
 */
// First: the decoders the readers ask for where the webview has none (legacyEncodings.ts).
import "./legacyEncodings";
import type { Finding, Report } from "../report";
import { importReport } from "../import";
import type { RegisterFileOutcome, SourceInput, SourceOutcome } from "./transferApi";
import { parseCsv } from "../ledger/csv";
import { EncodingUnsupported } from "../import/decode";
import { xlsxGrids } from "../ledger/file";
import { LEDGER_IMPORT_STRINGS } from "./ledgerImportStrings";
import { TRANSFER_STRINGS } from "./transferStrings";
import { loadPanePdfjs } from "./pdfjs";

/** The preview is the workflow's (src/workflow/transferPreview.ts); it lands in this chunk. */
export { prepare } from "../workflow/transferPreview";

const XLSX_EXT = /\.(xlsx|xlsm)$/i;
const T = TRANSFER_STRINGS;

function isZip(data: Uint8Array | string): data is Uint8Array {
  return typeof data !== "string" && data[0] === 0x50 && data[1] === 0x4b;
}

function hasAscii(bytes: Uint8Array, needle: string): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + needle.length <= n; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

async function readXlsx(bytes: Uint8Array): Promise<{ report: Report | null; findings: Finding[] } | null> {
  try {
    const { readWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../template/read");
    return await readWorkbook(bytes);
  } catch {
    return null; // the ExcelJS chunk could not load or run in this webview
  }
}

export async function readSource(input: SourceInput): Promise<SourceOutcome> {
  const from = input.name || T.pasted;
  const label = (r: Report) => T.source(r.meta.agency, r.meta.year, from);
  if (XLSX_EXT.test(input.name) || (isZip(input.data) && hasAscii(input.data, "xl/workbook"))) {
    const read = await readXlsx(input.data as Uint8Array);
    if (!read) return { ok: false, message: T.xlsxUnavailable, details: [] };
    if (!read.report) return { ok: false, message: T.notReport, details: read.findings.map((f) => f.message) };
    return { ok: true, source: { report: read.report, label: label(read.report) }, findings: read.findings };
  }
  // pdf.js loads for a PDF only (a chunk of its own); where this webview cannot run it, say what to import instead.
  let pdfUnavailable = false;
  const pdf = () =>
    loadPanePdfjs().catch((e: unknown) => {
      pdfUnavailable = true;
      throw e;
    });
  const result = await importReport({ name: input.name, data: input.data, pdf });
  if (pdfUnavailable) return { ok: false, message: T.pdfUnavailable, details: [] };
  if (!result.recognised) {
    // Only a reader that could not load is "unavailable"; a damaged file is said as such (its finding).
    if (result.unavailable) return { ok: false, message: result.input === "docx" ? T.docxUnavailable : T.notReport, details: [] };
    return { ok: false, message: T.notReport, details: result.findings.map((f) => f.message) };
  }
  return { ok: true, source: { report: result.report, label: label(result.report) }, findings: result.findings };
}

/**
 * 导入已有台账: the file's grids. ExcelJS loads in its own chunk; CSV needs TextDecoder, which
 * Internet Explorer (Office 2016 and older on Windows) lacks: then a message, not a crash.
 */
export async function readRegister(input: { name: string; data: Uint8Array }): Promise<RegisterFileOutcome> {
  const L = LEDGER_IMPORT_STRINGS;
  const csv = /\.(csv|txt)$/i.test(input.name) && !isZip(input.data);
  if (csv) {
    if (typeof TextDecoder === "undefined") return { ok: false, message: L.csvUnavailable };
    try {
      return { ok: true, sheets: [{ name: input.name, rows: parseCsv(input.data) }] };
    } catch (e) {
      if (e instanceof EncodingUnsupported) return { ok: false, message: L.csvUnavailable };
      return { ok: false, message: L.readFailed(e instanceof Error ? e.message : String(e)) };
    }
  }
  let grids;
  try {
    // xlsxGrids loads ExcelJS with import() itself.
    grids = await xlsxGrids(input.data);
  } catch {
    return { ok: false, message: L.xlsxUnavailable };
  }
  if ("error" in grids) return { ok: false, message: L.readFailed(grids.error) };
  return { ok: true, sheets: grids };
}

/**
 * Importing a published report (text, web page, Word) into the report model. Chooses the reader
 * by file extension and content, and never throws: whatever goes wrong becomes a finding.
 */
import { emptyReport, type Finding, type FormatId, type Report } from "../report";
import { decodeBytes, EncodingUnsupported, looksBinary } from "./decode";
import type { DocumentResult } from "./document";
import { MAX_PDF_MS, MAX_WORD_PARAGRAPHS, MAX_WORD_RUNS } from "./limits";
import type { PdfLib } from "./pdf";
import { importText } from "./messages";
import { readText } from "./text";

// The page, Word and PDF readers (node-html-parser, fflate, mammoth) load when such a file comes:
// a pasted text or a .txt report never pays for them (the CLI starts faster, the pane's chunk is smaller).
const htmlReader = () => import(/* webpackChunkName: "read-html" */ "./html");
const docxReader = () => import(/* webpackChunkName: "read-docx" */ "./docx");
const pdfReader = () => import(/* webpackChunkName: "read-pdf" */ "./pdf");

/** Beyond the PDF reader's own time limit, before a read that no longer progresses is given up. */
const PDF_STALL_GRACE_MS = 5_000;

export type InputKind = "text" | "html" | "docx" | "pdf" | "unknown";

export interface ImportInput {
  /** File name (for its extension); "" for pasted text. */
  name: string;
  data: Uint8Array | string;
  /** Loads pdf.js (the host's own build); without it a PDF is refused with a plain message. */
  pdf?: () => Promise<PdfLib>;
}

export interface ImportResult {
  report: Report;
  findings: Finding[];
  /** The report format recognised from the labels (2021 or 2019). */
  format: FormatId;
  /** What the input was read as. */
  input: InputKind;
  /** False when the input is not a report at all (then `report` is empty and a finding says why). */
  recognised: boolean;
  /** Set when this environment could not load the reader the file needs: the file itself was not judged. */
  unavailable?: true;
}

const TEXT_EXT = /\.(txt|text|md|markdown|csv|tsv)$/i;
const HTML_EXT = /\.(html?|shtml|xhtml|aspx?|jsp|php)$/i;
const HTML_SNIFF = /<(html|table|body|!doctype\s+html|p[\s>]|div[\s>])/i;

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function containsAscii(bytes: Uint8Array, needle: string, limit = 1 << 20): boolean {
  const n = Math.min(bytes.length, limit);
  const first = needle.charCodeAt(0);
  outer: for (let i = 0; i + needle.length <= n; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function failed(input: InputKind, message: string): ImportResult {
  return {
    report: emptyReport("2021"),
    findings: [{ rule: "IMPORT.MISSING", severity: "error", cells: [], message }],
    format: "2021",
    input,
    recognised: false,
  };
}

function done(input: InputKind, r: DocumentResult): ImportResult {
  return { report: r.report, findings: r.findings, format: r.report.format, input, recognised: r.recognised };
}

async function readString(name: string, text: string): Promise<ImportResult> {
  const head = text.slice(0, 4096);
  // An .html file with no markup at all is text that was saved under the wrong name.
  const html = (HTML_EXT.test(name) && /<[a-z!]/i.test(head)) || (!TEXT_EXT.test(name) && HTML_SNIFF.test(head)) || /<(html|table)[\s>]/i.test(head);
  return html ? done("html", (await htmlReader()).readHtml(text)) : done("text", readText(text));
}

async function readPdfBytes(bytes: Uint8Array, load: ImportInput["pdf"]): Promise<ImportResult> {
  let lib: PdfLib;
  try {
    if (!load) return failed("pdf", importText.pdfUnavailable());
    lib = await load();
  } catch {
    return failed("pdf", importText.pdfUnavailable());
  }
  const { PdfRefused, readPdf } = await pdfReader();
  // The reader checks its time between pages; a worker that stops answering (crashed, killed)
  // would leave a page's promise pending for ever: the clerk gets the slow-file message instead.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfRefused(importText.pdfTooSlow())), MAX_PDF_MS + PDF_STALL_GRACE_MS);
  });
  try {
    return done("pdf", await Promise.race([readPdf(bytes, lib), stalled]));
  } catch (e) {
    return failed("pdf", e instanceof PdfRefused ? e.message : importText.pdfBroken());
  } finally {
    clearTimeout(timer);
  }
}

async function readBytes(name: string, bytes: Uint8Array, pdf?: ImportInput["pdf"]): Promise<ImportResult> {
  if (bytes.length === 0) return failed("unknown", importText.empty());
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, "xl/workbook")) return failed("unknown", importText.spreadsheet());
    const unavailable = (): ImportResult => ({ ...failed("docx", importText.docxUnavailable()), unavailable: true });
    let reader: Awaited<ReturnType<typeof docxReader>>;
    try {
      reader = await docxReader();
    } catch {
      return unavailable();
    }
    const { DocxRefused, DocxUnavailable, readDocx } = reader;
    try {
      return done("docx", await readDocx(bytes));
    } catch (e) {
      if (e instanceof DocxUnavailable) return unavailable();
      if (!(e instanceof DocxRefused)) return failed("docx", importText.brokenDocx());
      const p = e.problem;
      return failed("docx", p.kind === "content" ? importText.wordTooLarge(p.paragraphs, p.runs, MAX_WORD_PARAGRAPHS, MAX_WORD_RUNS) : importText.container(p, "docx"));
    }
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return readPdfBytes(bytes, pdf);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return failed("unknown", importText.legacyDoc());
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes)) return failed("unknown", importText.binary());
  let text: string;
  try {
    text = decodeBytes(bytes).text;
  } catch (e) {
    if (e instanceof EncodingUnsupported) return failed("unknown", importText.gbUnsupported());
    throw e;
  }
  return readString(name, text);
}

/** Import a report file or pasted text. Never throws. */
export async function importReport(input: ImportInput): Promise<ImportResult> {
  try {
    const name = input.name ?? "";
    if (typeof input.data === "string") {
      if (input.data.trim() === "") return failed("text", importText.empty());
      return await readString(name, input.data);
    }
    // Callers from the browser sometimes hand over the File's ArrayBuffer itself.
    const data: unknown = input.data;
    return await readBytes(name, data instanceof ArrayBuffer ? new Uint8Array(data) : input.data, input.pdf);
  } catch {
    return failed("unknown", importText.internalError());
  }
}

// The readers themselves are imported from their modules (./html, ./docx, ./pdf), not from here:
// re-exporting them would load them with every import.
export { readText, textToBlocks } from "./text";
export type { PdfLib } from "./pdf";
export { decodeBytes } from "./decode";
export type { DocumentResult } from "./document";

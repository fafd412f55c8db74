/**
 * Reading a report file for the CLI: .xlsx through the template's layout map, everything else
 * (.txt, .html, .docx) through the importer. Never throws at the caller: problems become messages.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Finding, Report } from "../report";
import { cliText } from "./messages";
import { printable } from "./terminal";
import type { SheetNames } from "../template/places";
import type { PdfLib } from "../import/pdf";

export type Loaded =
  /** sheetNames: a workbook's template sheets as named in the file (for 表三!E5 in messages). */
  | { ok: true; report: Report; findings: Finding[]; file: string; sheetNames?: SheetNames }
  | { ok: false; file: string; error: string };

/** Largest input read at all (a report is well under 5 MB; the pane's own limit is 20 MB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const SUPPORTED_EXTENSIONS = [".xlsx", ".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf"];

/** pdf.js for Node: the legacy build (no DOM, no worker file to serve), loaded only for a PDF. */
const loadPdfjs = async () => (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfLib;

export async function loadReportFile(file: string): Promise<Loaded> {
  return parseReportFile(file, await readReportFile(file));
}

/**
 * Load many files in order, reading the next few while the current one is parsed: a folder of
 * 2 000 units spent a sixth of its time waiting on the disk one file at a time. The window keeps
 * memory flat (at most READ_AHEAD files' bytes held at once).
 */
export async function* loadReportFiles(files: readonly string[]): AsyncGenerator<Loaded> {
  const reads: Promise<Buffer | Loaded>[] = [];
  let next = 0;
  const fill = () => {
    while (next < files.length && reads.length < READ_AHEAD) reads.push(readReportFile(files[next++]!));
  };
  for (const file of files) {
    fill();
    const bytes = await reads.shift()!;
    fill();
    yield await parseReportFile(file, bytes);
  }
}

const READ_AHEAD = 8;

/** The file's bytes, or why they cannot be had (never throws). */
async function readReportFile(file: string): Promise<Buffer | Loaded> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return { ok: false, file, error: cliText.notAFile(file) };
    if (st.size > MAX_INPUT_BYTES) return { ok: false, file, error: cliText.tooBig(file, MAX_INPUT_BYTES / 1024 / 1024) };
    return await readFile(file);
  } catch {
    return { ok: false, file, error: cliText.cannotRead(file) };
  }
}

/** Modules a command loads only for the files that need them, loaded once (not once per file). */
const workbookReader = once(() => import("../template/index"));
const importer = once(() => import("../import/index"));

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

async function parseReportFile(file: string, data: Buffer | Loaded): Promise<Loaded> {
  if (!Buffer.isBuffer(data)) return data;
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".xlsx" || ext === ".xlsm") {
      const { readWorkbook } = await workbookReader();
      const res = await readWorkbook(new Uint8Array(data));
      if (!res.report) {
        // An unreadable file is not "a workbook without the template": say only what is wrong.
        const unreadable = res.findings.find((f) => f.rule === "TEMPLATE.UNREADABLE");
        return { ok: false, file, error: unreadable ? `“${file}”：${printable(unreadable.message)}` : cliText.noTemplate(file, res.findings) };
      }
      const sheetNames: SheetNames = {};
      for (const [role, info] of Object.entries(res.template?.sheets ?? {})) if (info) sheetNames[role as keyof SheetNames] = info.name;
      return { ok: true, file, report: res.report, findings: res.findings, sheetNames };
    }
    const { importReport } = await importer();
    const res = await importReport({ name: path.basename(file), data: new Uint8Array(data), pdf: loadPdfjs });
    if (!res.recognised) return { ok: false, file, error: cliText.unrecognised(file, res.findings) };
    return { ok: true, file, report: res.report, findings: res.findings };
  } catch {
    // Library text ("Bug : uncompressed data size mismatch") means nothing to a clerk.
    return { ok: false, file, error: cliText.broken(file) };
  }
}

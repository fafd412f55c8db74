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

export type Loaded =
  /** sheetNames: a workbook's template sheets as named in the file (for 表三!E5 in messages). */
  | { ok: true; report: Report; findings: Finding[]; file: string; sheetNames?: SheetNames }
  | { ok: false; file: string; error: string };

/** Largest input read at all (a report is well under 5 MB; the pane's own limit is 20 MB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export const SUPPORTED_EXTENSIONS = [".xlsx", ".txt", ".text", ".md", ".html", ".htm", ".docx"];

export async function loadReportFile(file: string): Promise<Loaded> {
  let data: Buffer;
  try {
    const st = await stat(file);
    if (!st.isFile()) return { ok: false, file, error: cliText.notAFile(file) };
    if (st.size > MAX_INPUT_BYTES) return { ok: false, file, error: cliText.tooBig(file, MAX_INPUT_BYTES / 1024 / 1024) };
    data = await readFile(file);
  } catch {
    return { ok: false, file, error: cliText.cannotRead(file) };
  }
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".xlsx" || ext === ".xlsm") {
      const { readWorkbook } = await import("../template/index");
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
    const { importReport } = await import("../import/index");
    const res = await importReport({ name: path.basename(file), data: new Uint8Array(data) });
    if (!res.recognised) return { ok: false, file, error: cliText.unrecognised(file, res.findings) };
    return { ok: true, file, report: res.report, findings: res.findings };
  } catch {
    // Library text ("Bug : uncompressed data size mismatch") means nothing to a clerk.
    return { ok: false, file, error: cliText.broken(file) };
  }
}

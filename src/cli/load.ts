/**
 * Reading a report file for the CLI: .xlsx through the template's layout map, everything else
 * (.txt, .html, .docx) through the importer. Never throws at the caller: problems become messages.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Finding, Report } from "../report";
import { cliText } from "./messages";
import type { SheetNames } from "../template/places";

export type Loaded =
  /** sheetNames: a workbook's template sheets as named in the file (for 表三!E5 in messages). */
  | { ok: true; report: Report; findings: Finding[]; file: string; sheetNames?: SheetNames }
  | { ok: false; file: string; error: string };

export const SUPPORTED_EXTENSIONS = [".xlsx", ".txt", ".text", ".md", ".html", ".htm", ".docx"];

export async function loadReportFile(file: string): Promise<Loaded> {
  let data: Buffer;
  try {
    const st = await stat(file);
    if (!st.isFile()) return { ok: false, file, error: cliText.notAFile(file) };
    data = await readFile(file);
  } catch {
    return { ok: false, file, error: cliText.cannotRead(file) };
  }
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".xlsx" || ext === ".xlsm") {
      const { readWorkbook } = await import("../template/index");
      const res = await readWorkbook(new Uint8Array(data));
      if (!res.report) return { ok: false, file, error: cliText.noTemplate(file, res.findings) };
      const sheetNames: SheetNames = {};
      for (const [role, info] of Object.entries(res.template?.sheets ?? {})) if (info) sheetNames[role as keyof SheetNames] = info.name;
      return { ok: true, file, report: res.report, findings: res.findings, sheetNames };
    }
    const { importReport } = await import("../import/index");
    const res = await importReport({ name: path.basename(file), data: new Uint8Array(data) });
    if (!res.recognised) return { ok: false, file, error: cliText.unrecognised(file, res.findings) };
    return { ok: true, file, report: res.report, findings: res.findings };
  } catch (e) {
    return { ok: false, file, error: cliText.broken(file, e) };
  }
}

/**
 * Reading a filled template (.xlsx) with ExcelJS — by the same layout map the builder wrote with.
 * Sheets are found by their markers, so renamed sheets are fine; a deleted sheet gives a Chinese
 * finding. Totals and checks are formulas: the values read are the results the host cached when
 * it saved (ExcelJS `cell.result`); a file that was never recalculated gets its totals recomputed.
 */
import ExcelJS from "exceljs";
import type { Finding, RawCell, Report } from "../report";
import { declareCjkDateFormats } from "./builtinFormats";
import { fromExcelJsValue } from "./cellValue";
import { assembleReport, type RoleGrids } from "./assemble";
import { chooseTemplate, type ChosenTemplate, type SheetInfo } from "./discover";
import { templateLayout } from "./layout";
import { MARKER_CELL } from "./marker";
import { importText } from "../import/messages";
import { readZipParts, repack } from "../import/zip";
import { READ_TEXT } from "./messages";
import { TEMPLATE_ROLES } from "./roles";

export interface ReadResult {
  /** null when the file holds no template sheets or cannot be read. */
  report: Report | null;
  findings: Finding[];
  template: ChosenTemplate<number> | null;
}

const UNCOMPUTED = Symbol("uncomputed");

/** The value a cell shows: a formula's cached result, or UNCOMPUTED when none was saved. */
function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
    const result = (v as { result?: unknown }).result;
    return result === undefined ? UNCOMPUTED : result;
  }
  return v;
}

/**
 * The parts a template read needs: the workbook, its sheets' cells, shared strings and styles
 * (number formats tell a date from a count). Drawings, images, comments, pivot caches and any
 * other part are never inflated (./zip bounds what is).
 */
const XLSX_PART = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/[^/]+\.xml|xl\/sharedStrings\.xml|xl\/styles\.xml)$/;

const unreadable = (message: string): ReadResult => ({
  report: null,
  findings: [{ rule: "TEMPLATE.UNREADABLE", severity: "error", cells: [], message }],
  template: null,
});

/** "=formula" of an input cell whose formula has no numeric result; null otherwise. */
function typedFormula(cell: ExcelJS.Cell): string | null {
  const v = cell.value as unknown;
  if (!v || typeof v !== "object" || !("formula" in v || "sharedFormula" in v)) return null;
  const result = (v as { result?: unknown }).result;
  if (typeof result === "number" && Number.isFinite(result)) return null;
  const formula = (v as { formula?: unknown }).formula;
  return `=${typeof formula === "string" ? formula : cell.formula ?? ""}`;
}

/**
 * Open an .xlsx within the zip bounds (src/import/zip.ts): only the parts a reader needs, CJK date
 * formats declared. Every reader of workbooks (template, register) opens them through here.
 */
export async function openXlsxBounded(xlsx: Uint8Array): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; message: string }> {
  const parts = readZipParts(xlsx, (n) => XLSX_PART.test(n), ["[Content_Types].xml", "xl/workbook.xml"]);
  if (!parts.ok) return { ok: false, message: importText.container(parts.problem, "xlsx") };
  const styles = parts.parts.get("xl/styles.xml");
  if (styles) parts.parts.set("xl/styles.xml", new TextEncoder().encode(declareCjkDateFormats(new TextDecoder().decode(styles))));
  const small = repack(parts.parts);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(small.buffer.slice(small.byteOffset, small.byteOffset + small.byteLength) as ArrayBuffer);
  } catch {
    // The library's own words ("Bug : uncompressed data size mismatch") mean nothing to a clerk.
    return { ok: false, message: READ_TEXT.unreadable };
  }
  return { ok: true, workbook: wb };
}

export async function readWorkbook(xlsx: Uint8Array): Promise<ReadResult> {
  const opened = await openXlsxBounded(xlsx);
  if (!opened.ok) return unreadable(opened.message);
  const wb = opened.workbook;
  const sheets: SheetInfo<number>[] = wb.worksheets.map((ws) => {
    const m = shown(ws.getCell(MARKER_CELL.row, MARKER_CELL.col));
    return { id: ws.id, name: ws.name, marker: m === UNCOMPUTED ? null : fromExcelJsValue(m) };
  });
  const activeTab = wb.views?.[0]?.activeTab;
  const activeId = activeTab !== undefined ? wb.worksheets[activeTab]?.id : undefined;
  const chosen = chooseTemplate(sheets, activeId);
  if (!chosen) {
    return { report: null, findings: [{ rule: "TEMPLATE.NOT_FOUND", severity: "error", cells: [], message: READ_TEXT.noTemplate }], template: null };
  }

  const layout = templateLayout();
  const grids: RoleGrids = {};
  const uncomputed = new Set<string>();
  const keyAt = new Map([...layout.cells.values()].map((c) => [`${c.role}:${c.row}:${c.col}`, c.key]));
  for (const role of TEMPLATE_ROLES) {
    const info = chosen.sheets[role];
    if (!info) continue;
    const ws = wb.getWorksheet(info.id)!;
    const r = layout.readRects[role];
    const grid: RawCell[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: RawCell[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const cell = ws.getCell(row, col);
        const v = shown(cell);
        const key = keyAt.get(`${role}:${row}:${col}`);
        const typed = key && !layout.cells.get(key)!.computed ? typedFormula(cell) : null;
        if (typed !== null) {
          // A formula in an input cell that gave no number (a DDE link, an external reference):
          // the rules see what was typed and name the cell, instead of reading a blank.
          line.push(typed);
        } else if (v === UNCOMPUTED) {
          if (key) uncomputed.add(key);
          line.push(null);
        } else {
          line.push(fromExcelJsValue(v, cell.numFmt));
        }
      }
      grid.push(line);
    }
    grids[role] = grid;
  }
  const sheetNames = Object.fromEntries(Object.entries(chosen.sheets).map(([role, info]) => [role, info!.name]));
  const { report, findings } = assembleReport(grids, { uncomputed, sheetNames });
  return { report, findings: [...chosen.findings, ...findings], template: chosen };
}

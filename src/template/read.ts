/**
 * Reading a filled template (.xlsx) with ExcelJS — by the same layout map the builder wrote with.
 * Sheets are found by their markers, so renamed sheets are fine; a deleted sheet gives a Chinese
 * finding. Totals and checks are formulas: the values read are the results the host cached when
 * it saved (ExcelJS `cell.result`); a file that was never recalculated gets its totals recomputed.
 */
import ExcelJS from "exceljs";
import type { Finding, RawCell, Report } from "../report";
import { fromExcelJsValue } from "./cellValue";
import { assembleReport, type RoleGrids } from "./assemble";
import { chooseTemplate, type ChosenTemplate, type SheetInfo } from "./discover";
import { templateLayout } from "./layout";
import { MARKER_CELL } from "./marker";
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

export async function readWorkbook(xlsx: Uint8Array): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { report: null, findings: [{ rule: "TEMPLATE.UNREADABLE", severity: "error", cells: [], message: READ_TEXT.unreadable(detail) }], template: null };
  }
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
        if (v === UNCOMPUTED) {
          const key = keyAt.get(`${role}:${row}:${col}`);
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

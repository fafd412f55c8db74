/**
 * The template .xlsx builder (ExcelJS): renders the sheet designs — labels and merged headers
 * exactly as the national format, input cells (light fill, unlocked, data validation), totals
 * and cross-checks as formulas, helper grids, conditional formats, print setup, the marker —
 * and protects every sheet without a password.
 *
 * Formula cells carry their cached results for the blank template (totals 0, checks ✓), so a
 * viewer that does not recalculate still shows the right state; Excel and LibreOffice recalculate
 * on load (fullCalcOnLoad).
 */
import ExcelJS from "exceljs";
import { FORMAT_2021 } from "../report";
import { coverRects, rectAddress, type Rect } from "./address";
import type { ComputedCell, ComputedStyle, SheetDesign, ValueCell } from "./design/types";
import { PLACEHOLDER_COL, PLACEHOLDER_VALUES } from "./formulas";
import { templateDesign, META_KEYS } from "./layout";
import { formatMarker, MARKER_CELL } from "./marker";
import { CHECK_TEXT, META_LABELS, VALIDATION_TEXT, WORKBOOK_TEXT } from "./messages";
import { TEMPLATE_ROLES } from "./roles";
import {
  CF_STYLES,
  CHECK_STYLE,
  DERIVED_STYLE,
  HIDDEN_STYLE,
  KEPT_STYLE,
  INPUT_STYLE,
  LABEL_STYLES,
  TEXT_INPUT_STYLE,
  TOTAL_STYLE,
} from "./styles";

export interface BuildOptions {
  year?: number | null;
  agency?: string | null;
  contact?: string | null;
}

const DV: Record<"count" | "amount" | "year", ExcelJS.DataValidation> = {
  // Style "stop": typing text or a negative number into a count is refused on the spot, with the
  // reason. It cannot stop a paste (DV never does), which the formulas, conditional formats
  // and the add-in's validator still catch.
  count: {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: VALIDATION_TEXT.countTitle,
    prompt: VALIDATION_TEXT.countPrompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: VALIDATION_TEXT.countErrorTitle,
    error: VALIDATION_TEXT.countError,
  },
  amount: {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: VALIDATION_TEXT.amountTitle,
    prompt: VALIDATION_TEXT.amountPrompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: VALIDATION_TEXT.amountErrorTitle,
    error: VALIDATION_TEXT.amountError,
  },
  year: {
    type: "whole",
    operator: "between",
    formulae: [1990, 2200],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: VALIDATION_TEXT.yearTitle,
    prompt: VALIDATION_TEXT.yearPrompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: VALIDATION_TEXT.yearErrorTitle,
    error: VALIDATION_TEXT.yearError,
  },
};

/** ExcelJS has `worksheet.dataValidations` (range-keyed) but its typings miss it. */
function validations(ws: ExcelJS.Worksheet): { add(address: string, dv: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(address: string, dv: ExcelJS.DataValidation): void } }).dataValidations;
}

function eachCell(r: Rect, fn: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

function styleRect(ws: ExcelJS.Worksheet, r: Rect, style: Partial<ExcelJS.Style>): void {
  // Every cell of a merged area gets the style: Excel draws a merged area's border per cell.
  eachCell(r, (row, col) => {
    ws.getCell(row, col).style = style as ExcelJS.Style;
  });
}

function merge(ws: ExcelJS.Worksheet, r: Rect): void {
  if (r.top !== r.bottom || r.left !== r.right) ws.mergeCells(r.top, r.left, r.bottom, r.right);
}

function renderValue(ws: ExcelJS.Worksheet, v: ValueCell, prefill: Map<string, string | number>): void {
  const r: Rect = { top: v.row, left: v.col, bottom: v.row, right: v.col + v.span - 1 };
  const cell = ws.getCell(v.row, v.col);
  if (v.formula !== undefined) {
    styleRect(ws, r, v.kind === "text" ? DERIVED_STYLE : TOTAL_STYLE);
    merge(ws, r);
    cell.value = { formula: v.formula, result: v.kind === "text" ? "" : 0 } as ExcelJS.CellFormulaValue;
    return;
  }
  styleRect(ws, r, v.kind === "text" || v.kind === "paragraph" ? TEXT_INPUT_STYLE : INPUT_STYLE);
  merge(ws, r);
  const pre = prefill.get(v.key);
  if (pre !== undefined) cell.value = pre;
}

async function renderSheet(wb: ExcelJS.Workbook, d: SheetDesign, opts: BuildOptions): Promise<void> {
  const ws = wb.addWorksheet(d.name, {
    views: d.freeze
      ? [{ state: "frozen", xSplit: d.freeze.cols, ySplit: d.freeze.rows, showGridLines: false }]
      : [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: d.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      // ExcelJS prefixes "$" to each corner ("A1" → "$A1"); rows made absolute here give $A$1.
      printArea: rectAddress(d.print.area).replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
      ...(d.print.titleRows ? { printTitlesRow: `${d.print.titleRows[0]}:${d.print.titleRows[1]}` } : {}),
    },
    headerFooter: { oddFooter: WORKBOOK_TEXT.footer } as ExcelJS.HeaderFooter,
  });
  // ExcelJS writes no <col> for a width of exactly 9 (its own default), and Excel then draws 8.43:
  // a hair over 9 is written, so the column is as designed (是否延期 in the register).
  for (const [col, width] of Object.entries(d.widths)) ws.getColumn(Number(col)).width = width === EXCELJS_DEFAULT_WIDTH ? width + 1e-9 : width;
  for (let col = d.hiddenFrom; col <= MARKER_CELL.col; col++) ws.getColumn(col).hidden = true;
  for (const [row, h] of Object.entries(d.heights)) ws.getRow(Number(row)).height = h;

  for (const l of d.labels) {
    styleRect(ws, l.rect, LABEL_STYLES[l.style]);
    merge(ws, l.rect);
    ws.getCell(l.rect.top, l.rect.left).value = l.text;
  }

  const prefill = new Map<string, string | number>();
  if (opts.agency) prefill.set(META_KEYS.agency, opts.agency);
  if (opts.year) prefill.set(META_KEYS.year, opts.year);
  if (opts.contact) prefill.set(META_KEYS.contact, opts.contact);
  for (const v of d.values) renderValue(ws, v, prefill);
  // Data validation by disjoint rectangles (ExcelJS's own per-cell merging can overlap ranges).
  for (const kind of ["count", "amount", "year"] as const) {
    const cells = d.values.filter((v) => v.kind === kind && v.formula === undefined);
    for (const r of coverRects(cells)) validations(ws).add(rectAddress(r), DV[kind]);
  }
  for (const v of d.derived) {
    renderValue(ws, v, prefill);
    if (v.key === META_KEYS.title && opts.agency && opts.year) {
      ws.getCell(v.row, v.col).value = { formula: v.formula!, result: `${opts.agency}${opts.year}${META_LABELS.titleFormulaSuffix}` } as ExcelJS.CellFormulaValue;
    }
  }
  // Kept figures: locked and without validation (the add-in writes them; the clerk reads them).
  for (const v of d.kept) ws.getCell(v.row, v.col).style = KEPT_STYLE as ExcelJS.Style;
  for (const b of d.blocks) {
    for (let i = 0; i < b.rows; i++) {
      const cell = ws.getCell(b.firstRow + i, b.col);
      cell.style = TEXT_INPUT_STYLE as ExcelJS.Style;
    }
  }
  renderRegister(ws, d, opts);
  for (const c of d.checks) {
    styleRect(ws, c.rect, CHECK_STYLE);
    merge(ws, c.rect);
    ws.getCell(c.rect.top, c.rect.left).value = { formula: c.formula, result: CHECK_TEXT.ok } as ExcelJS.CellFormulaValue;
  }
  if (d.summary) {
    styleRect(ws, d.summary.rect, { ...CHECK_STYLE, font: { ...CHECK_STYLE.font, bold: true } });
    merge(ws, d.summary.rect);
    const ok = d.checks.length ? CHECK_TEXT.summaryOk : CHECK_TEXT.summaryOkNoChecks;
    ws.getCell(d.summary.rect.top, d.summary.rect.left).value = { formula: d.summary.formula, result: ok } as ExcelJS.CellFormulaValue;
  }
  writeFormulas(ws, d.helpers.map((h) => ({ ...h, style: HIDDEN_STYLE, result: h.blank === null ? undefined : (h.blank ?? 0) })), d.register !== undefined);
  if (d.helpers.length) {
    PLACEHOLDER_VALUES.forEach((p, i) => {
      const cell = ws.getCell(1 + i, PLACEHOLDER_COL);
      cell.style = HIDDEN_STYLE as ExcelJS.Style;
      cell.value = p;
    });
  }
  const marker = ws.getCell(MARKER_CELL.row, MARKER_CELL.col);
  marker.style = HIDDEN_STYLE as ExcelJS.Style;
  marker.value = formatMarker(d.role);

  let priority = 1;
  for (const cf of d.cf) {
    ws.addConditionalFormatting({
      ref: rectAddress(cf.rect),
      rules: [{ type: "expression", formulae: [cf.formula], style: CF_STYLES[cf.style], priority: priority++ }],
    });
  }

  // No password: the protection guards against slips, not people (the notes say how to lift it).
  await ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatRows: true,
    formatColumns: false,
    formatCells: false,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });
}

const DATE_FORMAT = "yyyy-mm-dd";

const DATE_DV: ExcelJS.DataValidation = {
  type: "date",
  operator: "between",
  // 2008-01-01 … 2200-12-31 as serials: the 条例 in force from 2008; anything later is a typo.
  formulae: [39448, 110960],
  allowBlank: true,
  showInputMessage: true,
  promptTitle: VALIDATION_TEXT.dateTitle,
  prompt: VALIDATION_TEXT.datePrompt,
  showErrorMessage: true,
  errorStyle: "stop",
  errorTitle: VALIDATION_TEXT.dateErrorTitle,
  error: VALIDATION_TEXT.dateError,
};

function listDv(source: Rect): ExcelJS.DataValidation {
  return {
    type: "list",
    formulae: [rectAddress(source, true)],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: VALIDATION_TEXT.listTitle,
    prompt: VALIDATION_TEXT.listPrompt,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: VALIDATION_TEXT.listErrorTitle,
    error: VALIDATION_TEXT.listError,
  };
}

const COMPUTED_STYLES: Record<ComputedStyle, Partial<ExcelJS.Style>> = {
  total: TOTAL_STYLE,
  check: CHECK_STYLE,
  date: { ...DERIVED_STYLE, numFmt: DATE_FORMAT, alignment: { horizontal: "center", vertical: "middle" } },
  status: { ...DERIVED_STYLE, alignment: { horizontal: "center", vertical: "middle" } },
};

/** A register: unlocked input rows (dates as dates), validation lists, hidden lists, computed cells. */
function renderRegister(ws: ExcelJS.Worksheet, d: SheetDesign, opts: BuildOptions): void {
  for (const l of d.lists) {
    l.values.forEach((v, i) => {
      const cell = ws.getCell(l.firstRow + i, l.col);
      cell.style = HIDDEN_STYLE as ExcelJS.Style;
      cell.value = v;
    });
  }
  const g = d.register;
  if (g) {
    g.columns.forEach((c, i) => {
      const col = g.firstCol + i;
      const style = { ...(c.kind === "list" || c.kind === "date" ? INPUT_STYLE : TEXT_INPUT_STYLE), ...(c.kind === "date" ? { numFmt: DATE_FORMAT } : {}) };
      const wrapless = { ...style, alignment: { ...style.alignment, vertical: "middle" as const } };
      for (let row = g.firstRow; row <= g.lastRow; row++) ws.getCell(row, col).style = wrapless as ExcelJS.Style;
      const area = rectAddress({ top: g.firstRow, left: col, bottom: g.lastRow, right: col });
      if (c.kind === "date") validations(ws).add(area, DATE_DV);
      if (c.kind === "list" && c.list) validations(ws).add(area, listDv(c.list));
    });
  }
  writeFormulas(ws, d.computed.map((c) => ({ ...c, style: COMPUTED_STYLES[c.style], result: blankResult(c, opts.year ?? null) })), true);
}

/** What a computed cell shows in the blank template (its cached value). */
function blankResult(c: ComputedCell, year: number | null): number | string {
  if (c.blank === "year") return year ?? "";
  return c.blank ?? (c.style === "total" ? 0 : "");
}

/** ExcelJS's DEFAULT_COLUMN_WIDTH (lib/doc/column.js), which it treats as "no width". */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Shift the relative row references of a formula by `by` rows (as filling down does). */
export function shiftRows(formula: string, by: number): string {
  return formula.replace(/(?<![A-Za-z_$'!])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (all, col: string, dollar: string, row: string) =>
    dollar ? all : `${col}${Number(row) + by}`,
  );
}

interface FormulaWrite {
  row: number;
  col: number;
  formula: string;
  style: Partial<ExcelJS.Style>;
  /** The cached value; undefined writes none. */
  result: number | string | undefined;
}

/**
 * Write formula cells; a column of per-row formulas that are one formula filled down is written
 * as a shared formula (the register's thousand rows would otherwise make the file ten times larger).
 */
function writeFormulas(ws: ExcelJS.Worksheet, cells: FormulaWrite[], share: boolean): void {
  const byCol = new Map<number, FormulaWrite[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  for (const list of byCol.values()) {
    list.sort((a, b) => a.row - b.row);
    for (let i = 0; i < list.length; ) {
      const master = list[i]!;
      let j = i;
      while (j + 1 < list.length && list[j + 1]!.row === list[j]!.row + 1 && shiftRows(master.formula, list[j + 1]!.row - master.row) === list[j + 1]!.formula) j++;
      const first = ws.getCell(master.row, master.col);
      first.style = master.style as ExcelJS.Style;
      if (share && j - i >= 2) {
        const ref = `${first.address}:${ws.getCell(list[j]!.row, master.col).address}`;
        first.value = { formula: master.formula, result: master.result, shareType: "shared", ref } as unknown as ExcelJS.CellFormulaValue;
        for (let k = i + 1; k <= j; k++) {
          const cell = ws.getCell(list[k]!.row, master.col);
          cell.style = list[k]!.style as ExcelJS.Style;
          cell.value = { sharedFormula: first.address, result: list[k]!.result } as ExcelJS.CellSharedFormulaValue;
        }
      } else {
        for (let k = i; k <= j; k++) {
          const cell = ws.getCell(list[k]!.row, master.col);
          cell.style = list[k]!.style as ExcelJS.Style;
          cell.value = { formula: list[k]!.formula, result: list[k]!.result } as ExcelJS.CellFormulaValue;
        }
      }
      i = j + 1;
    }
  }
}

/** Build the template workbook; year / agency / contact are pre-filled when given. */
export async function buildTemplate(opts: BuildOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = WORKBOOK_TEXT.creator;
  wb.title = META_LABELS.title;
  wb.subject = FORMAT_2021.name;
  wb.created = new Date(Date.UTC(2021, 0, 1));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  const designs = templateDesign();
  for (const role of TEMPLATE_ROLES) await renderSheet(wb, designs[role], opts);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

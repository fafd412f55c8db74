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
import type { SheetDesign, ValueCell } from "./design/types";
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
  for (const [col, width] of Object.entries(d.widths)) ws.getColumn(Number(col)).width = width;
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
  for (const h of d.helpers) {
    const cell = ws.getCell(h.row, h.col);
    cell.style = HIDDEN_STYLE as ExcelJS.Style;
    cell.value = { formula: h.formula, result: 0 } as ExcelJS.CellFormulaValue;
  }
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

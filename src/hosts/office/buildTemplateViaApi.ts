/**
 * The template built cell by cell through ExcelApi 1.1–1.7 where insertWorksheetsFromBase64
 * (1.13) is missing (Office 2019: volume-licensed 1.7, retail 1.8). Everything comes from the
 * same sheet designs as the .xlsx builder (src/template/build.ts): labels, merges, styles
 * (src/template/styles.ts), values, formulas, checks, helper grids, conditional formats (1.6),
 * column widths, hidden columns, frozen panes (1.7), protection (1.2); data validation and
 * hidden gridlines only where ExcelApi 1.8 exists. Not available below 1.9, so not built:
 * print setup (pageLayout) — the clerk's own print settings apply.
 *
 * Two batches, each one context.sync() (see docs/manifest.md, insertSyncsApiBuilt):
 *   1. queueSheets: add the sheets (names chosen by the caller, never an existing one) with all
 *      content and formats, unprotected and without markers;
 *   2. queueFinish: the markers (only now are they template sheets for the readers), the cover
 *      fields, protection, 表三 active.
 * A failure in batch 1 leaves sheets without markers, which the add-in never reads as a
 * template; the caller reports which sheets exist.
 */
import type { Borders, Fill, Font, Style } from "exceljs";
import { HostError } from "../../workbook/hostErrors";
import { causeOf, hostError } from "./hostErrors";
import { API_BUILD_TEXT, EXCEL_TEXT } from "./messages";
import { officeInput } from "../../workbook/writePlan";
import { colLetters, coverRects, rectAddress, type Rect } from "../../template/address";
import type { ComputedCell, ComputedStyle, SheetDesign, ValueCell } from "../../template/design/types";
import { PLACEHOLDER_COL, PLACEHOLDER_VALUES } from "../../template/formulas";
import { templateDesign } from "../../template/layout";
import { formatMarker, MARKER_ADDRESS, MARKER_CELL } from "../../template/marker";
import { VALIDATION_TEXT } from "../../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";
import {
  CF_STYLES,
  CHECK_STYLE,
  DERIVED_STYLE,
  HIDDEN_STYLE,
  INPUT_STYLE,
  KEPT_STYLE,
  LABEL_STYLES,
  TEXT_INPUT_STYLE,
  TOTAL_STYLE,
} from "../../template/styles";

type Ctx = Excel.RequestContext;

export interface ApiTemplateOptions {
  /** Sheet name per role, chosen by the caller so that none exists yet. */
  names: Record<TemplateRole, string>;
  /** Template set number written into the markers (1 for the first template). */
  set: number;
  /** ExcelApi 1.8: data validation and hidden gridlines. */
  dataValidation: boolean;
}

/** Number of context.sync() calls the API path makes after the caller's read (see the file comment). */
export const API_BUILD_SYNCS = 2;

/** ExcelJS argb "FF0F6CBD" → Office "#0F6CBD". */
function color(argb: string | undefined): string | null {
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** ExcelJS column width (characters of the default font) → points, as Excel converts it. */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

const H_ALIGN: Record<string, Excel.HorizontalAlignment> = { left: "Left", center: "Center", right: "Right" } as Record<string, Excel.HorizontalAlignment>;
const V_ALIGN: Record<string, Excel.VerticalAlignment> = { top: "Top", middle: "Center", bottom: "Bottom" } as Record<string, Excel.VerticalAlignment>;

function applyFont(target: Excel.RangeFont | Excel.ConditionalRangeFont, font: Partial<Font> | undefined): void {
  if (!font) return;
  const f = target as Excel.RangeFont;
  if (font.name) f.name = font.name;
  if (font.size) f.size = font.size;
  if (font.bold !== undefined) f.bold = font.bold;
  const c = color(font.color?.argb);
  if (c) f.color = c;
}

function fillColor(fill: Fill | undefined): string | null {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  return color(fill.fgColor?.argb) ?? color(fill.bgColor?.argb);
}

function applyBorders(range: Excel.Range, border: Partial<Borders> | undefined, r: Rect): void {
  if (!border) return;
  const sides: Array<[keyof Borders, string]> = [
    ["top", "EdgeTop"],
    ["bottom", "EdgeBottom"],
    ["left", "EdgeLeft"],
    ["right", "EdgeRight"],
  ];
  // ExcelJS styles every cell of a rect: the lines between its cells are drawn too.
  if (r.bottom > r.top && border.top) sides.push(["top", "InsideHorizontal"]);
  if (r.right > r.left && border.left) sides.push(["left", "InsideVertical"]);
  for (const [side, item] of sides) {
    const b = border[side] as { style?: string; color?: { argb?: string } } | undefined;
    if (!b?.style) continue;
    const edge = range.format.borders.getItem(item as Excel.BorderIndex);
    edge.style = "Continuous" as Excel.BorderLineStyle;
    edge.weight = (b.style === "medium" ? "Medium" : "Thin") as Excel.BorderWeight;
    const c = color(b.color?.argb);
    if (c) edge.color = c;
  }
}

/** One ExcelJS style on a rectangle of cells, as Office.js range formats. */
function applyStyle(range: Excel.Range, style: Partial<Style>, r: Rect): void {
  const fmt = range.format;
  applyFont(fmt.font, style.font);
  const fill = fillColor(style.fill as Fill | undefined);
  if (fill) fmt.fill.color = fill;
  applyBorders(range, style.border, r);
  const a = style.alignment;
  if (a?.horizontal && H_ALIGN[a.horizontal]) fmt.horizontalAlignment = H_ALIGN[a.horizontal]!;
  if (a?.vertical && V_ALIGN[a.vertical]) fmt.verticalAlignment = V_ALIGN[a.vertical]!;
  if (a?.wrapText) fmt.wrapText = true;
  // New sheets are locked everywhere; only inputs are unlocked.
  if (style.protection?.locked === false) fmt.protection.locked = false;
}

function styled(ws: Excel.Worksheet, r: Rect, style: Partial<Style>, merge: boolean): Excel.Range {
  const range = ws.getRange(rectAddress(r));
  applyStyle(range, style, r);
  if (merge && (r.bottom > r.top || r.right > r.left)) range.merge(false);
  return range;
}

/**
 * Text written through Range.values is parsed as if typed ("1" becomes a number, "=…" a
 * formula); the one escaping path of every host text write keeps it text, as the .xlsx stores it.
 */
export function asText(s: string): string {
  return officeInput(s) as string;
}

const topLeft = (ws: Excel.Worksheet, r: Rect): Excel.Range => ws.getRange(rectAddress({ top: r.top, left: r.left, bottom: r.top, right: r.left }));

function valueCell(ws: Excel.Worksheet, v: ValueCell): void {
  const r: Rect = { top: v.row, left: v.col, bottom: v.row, right: v.col + v.span - 1 };
  if (v.formula !== undefined) {
    styled(ws, r, v.kind === "text" ? DERIVED_STYLE : TOTAL_STYLE, true);
    topLeft(ws, r).formulas = [[`=${v.formula}`]];
    return;
  }
  styled(ws, r, v.kind === "text" || v.kind === "paragraph" ? TEXT_INPUT_STYLE : INPUT_STYLE, true);
}

/** Data validation rules as in build.ts (style "stop"; prompts and messages from VALIDATION_TEXT). */
function validation(kind: "count" | "amount" | "year"): { rule: Excel.DataValidationRule; prompt: Excel.DataValidationPrompt; errorAlert: Excel.DataValidationErrorAlert } {
  const t = VALIDATION_TEXT;
  const texts = {
    count: [t.countTitle, t.countPrompt, t.countErrorTitle, t.countError],
    amount: [t.amountTitle, t.amountPrompt, t.amountErrorTitle, t.amountError],
    year: [t.yearTitle, t.yearPrompt, t.yearErrorTitle, t.yearError],
  }[kind];
  const rule: Excel.DataValidationRule =
    kind === "count"
      ? { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } }
      : kind === "amount"
        ? { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } }
        : { wholeNumber: { formula1: 1990, formula2: 2200, operator: "Between" as Excel.DataValidationOperator } };
  return {
    rule,
    prompt: { showPrompt: true, title: texts[0]!, message: texts[1]! },
    errorAlert: { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: texts[2]!, message: texts[3]! },
  };
}

function queueSheet(ctx: Ctx, d: SheetDesign, name: string, opts: ApiTemplateOptions): void {
  const ws = ctx.workbook.worksheets.add(name);
  // Width, height and hiding apply to whole columns / rows whatever cells of them the range holds.
  for (const [col, width] of Object.entries(d.widths)) ws.getRange(`${colLetters(Number(col))}1`).format.columnWidth = widthToPoints(width);
  ws.getRange(`${colLetters(d.hiddenFrom)}1:${colLetters(MARKER_CELL.col)}1`).columnHidden = true;
  for (const [row, h] of Object.entries(d.heights)) ws.getRange(`A${row}`).format.rowHeight = h;
  if (d.freeze && (d.freeze.rows > 0 || d.freeze.cols > 0)) {
    if (d.freeze.rows > 0 && d.freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRange(rectAddress({ top: 1, left: 1, bottom: d.freeze.rows, right: d.freeze.cols })));
    else if (d.freeze.rows > 0) ws.freezePanes.freezeRows(d.freeze.rows);
    else ws.freezePanes.freezeColumns(d.freeze.cols);
  }
  if (opts.dataValidation) ws.showGridlines = false;

  for (const l of d.labels) {
    styled(ws, l.rect, LABEL_STYLES[l.style], true);
    topLeft(ws, l.rect).values = [[asText(l.text)]];
  }
  for (const v of d.values) valueCell(ws, v);
  if (opts.dataValidation) {
    for (const kind of ["count", "amount", "year"] as const) {
      const cells = d.values.filter((v) => v.kind === kind && v.formula === undefined);
      const dv = validation(kind);
      for (const r of coverRects(cells)) {
        const range = ws.getRange(rectAddress(r));
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.rule = dv.rule;
        range.dataValidation.prompt = dv.prompt;
        range.dataValidation.errorAlert = dv.errorAlert;
      }
    }
  }
  for (const v of d.derived) valueCell(ws, v);
  for (const v of d.kept) styled(ws, { top: v.row, left: v.col, bottom: v.row, right: v.col }, KEPT_STYLE, false);
  for (const b of d.blocks) styled(ws, { top: b.firstRow, left: b.col, bottom: b.firstRow + b.rows - 1, right: b.col }, TEXT_INPUT_STYLE, false);
  for (const c of d.checks) {
    styled(ws, c.rect, CHECK_STYLE, true);
    topLeft(ws, c.rect).formulas = [[`=${c.formula}`]];
  }
  if (d.summary) {
    styled(ws, d.summary.rect, { ...CHECK_STYLE, font: { ...CHECK_STYLE.font, bold: true } }, true);
    topLeft(ws, d.summary.rect).formulas = [[`=${d.summary.formula}`]];
  }
  for (const h of d.helpers) {
    const r = { top: h.row, left: h.col, bottom: h.row, right: h.col };
    styled(ws, r, HIDDEN_STYLE, false).formulas = [[`=${h.formula}`]];
  }
  if (d.helpers.length) {
    const r = { top: 1, left: PLACEHOLDER_COL, bottom: PLACEHOLDER_VALUES.length, right: PLACEHOLDER_COL };
    styled(ws, r, HIDDEN_STYLE, false).values = PLACEHOLDER_VALUES.map((p) => [asText(p)]);
  }
  if (d.register || d.lists.length || d.computed.length) queueRegister(ws, d, opts);
  styled(ws, { top: MARKER_CELL.row, left: MARKER_CELL.col, bottom: MARKER_CELL.row, right: MARKER_CELL.col }, HIDDEN_STYLE, false);

  // Conditional formats in the order build.ts gives them priorities (first = highest).
  for (const [i, rule] of d.cf.entries()) {
    const cf = ws.getRange(rectAddress(rule.rect)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    cf.custom.rule.formula = `=${rule.formula}`;
    const style = CF_STYLES[rule.style];
    const fill = fillColor(style.fill as Fill | undefined);
    if (fill) cf.custom.format.fill.color = fill;
    applyFont(cf.custom.format.font, style.font);
    cf.priority = i;
  }
}

/** The register's date cells, as build.ts formats them. */
const DATE_FORMAT = "yyyy-mm-dd";

const COMPUTED_STYLES: Record<ComputedStyle, Partial<Style>> = {
  total: TOTAL_STYLE,
  check: CHECK_STYLE,
  date: { ...DERIVED_STYLE, alignment: { horizontal: "center", vertical: "middle" } },
  status: { ...DERIVED_STYLE, alignment: { horizontal: "center", vertical: "middle" } },
};

/**
 * The register sheets' formulas name the other template sheets ('表三'!D5): point them at the
 * names this insertion uses (a second copy is "表三 (2)"), as patchTemplate does for the .xlsx.
 */
export function retarget(formula: string, names: Record<TemplateRole, string>): string {
  const designs = templateDesign();
  let out = formula;
  for (const role of TEMPLATE_ROLES) {
    const from = designs[role].name;
    const to = names[role];
    if (from !== to) out = out.split(`'${from.replace(/'/g, "''")}'!`).join(`'${to.replace(/'/g, "''")}'!`);
  }
  return out;
}

/**
 * A register sheet (template v3): hidden lists, the input block column by column (dates as
 * dates; list and date validation from 1.8), and the computed cells (deadlines, 台账汇总 and its
 * checks) written as runs of one column, so a 500-row register is a few dozen range writes.
 */
function queueRegister(ws: Excel.Worksheet, d: SheetDesign, opts: ApiTemplateOptions): void {
  for (const l of d.lists) {
    if (!l.values.length) continue;
    const r = { top: l.firstRow, left: l.col, bottom: l.firstRow + l.values.length - 1, right: l.col };
    styled(ws, r, HIDDEN_STYLE, false).values = l.values.map((v) => [typeof v === "string" ? asText(v) : v]);
  }
  const g = d.register;
  if (g) {
    g.columns.forEach((c, i) => {
      const col = g.firstCol + i;
      const r = { top: g.firstRow, left: col, bottom: g.lastRow, right: col };
      const base = c.kind === "list" || c.kind === "date" ? INPUT_STYLE : TEXT_INPUT_STYLE;
      const range = styled(ws, r, { ...base, alignment: { ...base.alignment, vertical: "middle" } }, false);
      if (c.kind === "date") range.numberFormat = Array.from({ length: g.lastRow - g.firstRow + 1 }, () => [DATE_FORMAT]);
      if (!opts.dataValidation) return;
      if (c.kind === "date") {
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.rule = { date: { formula1: "2008-01-01", formula2: "2200-12-31", operator: "Between" as Excel.DataValidationOperator } };
        range.dataValidation.prompt = { showPrompt: true, title: VALIDATION_TEXT.dateTitle, message: VALIDATION_TEXT.datePrompt };
        range.dataValidation.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: VALIDATION_TEXT.dateErrorTitle, message: VALIDATION_TEXT.dateError };
      }
      if (c.kind === "list" && c.list) {
        range.dataValidation.ignoreBlanks = true;
        range.dataValidation.rule = { list: { inCellDropDown: true, source: `=${rectAddress(c.list, true)}` } };
        range.dataValidation.prompt = { showPrompt: true, title: VALIDATION_TEXT.listTitle, message: VALIDATION_TEXT.listPrompt };
        range.dataValidation.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: VALIDATION_TEXT.listErrorTitle, message: VALIDATION_TEXT.listError };
      }
    });
  }
  // Runs of consecutive rows in one column with one style: one styled range, one formulas array.
  const byCol = new Map<number, ComputedCell[]>();
  for (const c of d.computed) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  for (const cells of byCol.values()) {
    cells.sort((a, b) => a.row - b.row);
    for (let i = 0; i < cells.length; ) {
      let j = i;
      while (j + 1 < cells.length && cells[j + 1]!.row === cells[j]!.row + 1 && cells[j + 1]!.style === cells[i]!.style) j++;
      const run = cells.slice(i, j + 1);
      const r = { top: run[0]!.row, left: run[0]!.col, bottom: run[run.length - 1]!.row, right: run[0]!.col };
      const range = styled(ws, r, COMPUTED_STYLES[run[0]!.style], false);
      if (run[0]!.style === "date") range.numberFormat = run.map(() => [DATE_FORMAT]);
      range.formulas = run.map((c) => [`=${retarget(c.formula, opts.names)}`]);
      i = j + 1;
    }
  }
}

/** Batch 1: every sheet with its content and formats (no markers, no protection yet). */
export function queueSheets(ctx: Ctx, opts: ApiTemplateOptions): void {
  const designs = templateDesign();
  for (const role of TEMPLATE_ROLES) queueSheet(ctx, designs[role], opts.names[role], opts);
}

/** Protection options of build.ts (no password: the protection guards against slips, not people). */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatRows: true,
  allowFormatColumns: false,
  allowFormatCells: false,
  allowInsertRows: false,
  allowDeleteRows: false,
  allowInsertColumns: false,
  allowDeleteColumns: false,
  allowSort: false,
  allowAutoFilter: false,
};

/** Batch 2: markers, then protection; the caller adds the cover fields and activates 表三. */
export function queueFinish(ctx: Ctx, opts: ApiTemplateOptions): void {
  for (const role of TEMPLATE_ROLES) {
    const ws = ctx.workbook.worksheets.getItem(opts.names[role]);
    ws.getRange(MARKER_ADDRESS).values = [[formatMarker(role, opts.set)]];
    ws.protection.protect(PROTECTION);
  }
}

export interface ApiInsertResult {
  /** Sheet ids in TEMPLATE_ROLES order. */
  ids: string[];
  syncs: number;
}

/**
 * Build the template in its two syncs. `finish` queues what the caller adds to the second batch
 * (the cover fields, 表三 active). After a failed first sync the sheet names are read again and
 * the error says which of ours exist (they carry no marker, so the add-in never reads them).
 */
export async function buildTemplateViaApi(ctx: Ctx, opts: ApiTemplateOptions, finish: (ctx: Ctx) => void): Promise<ApiInsertResult> {
  let syncs = 0;
  queueSheets(ctx, opts);
  try {
    await ctx.sync();
    syncs++;
  } catch (e) {
    const why = hostError(e).message;
    let present: string[] = [];
    try {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      const ours = new Set(TEMPLATE_ROLES.map((r) => opts.names[r]));
      present = sheets.items.map((s) => s.name).filter((n) => ours.has(n));
    } catch {
      // Unreadable: report the first error alone.
    }
    throw new HostError(causeOf(e), present.length ? API_BUILD_TEXT.partly(present, why) : EXCEL_TEXT.insertNone(why), { cause: e });
  }
  queueFinish(ctx, opts);
  finish(ctx);
  const sheets = TEMPLATE_ROLES.map((r) => {
    const ws = ctx.workbook.worksheets.getItem(opts.names[r]);
    ws.load("id");
    return ws;
  });
  try {
    await ctx.sync();
    syncs++;
  } catch (e) {
    throw new HostError(causeOf(e), API_BUILD_TEXT.notFinished(hostError(e).message), { cause: e });
  }
  return { ids: sheets.map((s) => s.id), syncs };
}

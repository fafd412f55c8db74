/**
 * The template built cell by cell through ExcelApi 1.1–1.7 where insertWorksheetsFromBase64
 * (1.13) is missing (Office 2019: volume-licensed 1.7, retail 1.8). Everything comes from the
 * same sheet designs as the .xlsx builder (src/template/build.ts): labels, merges, styles
 * (src/template/styles.ts), values, formulas, checks, helper grids, conditional formats (1.6),
 * column widths, hidden columns, frozen panes (1.7), protection (1.2); data validation and
 * hidden gridlines only where ExcelApi 1.8 exists. Not available below 1.9, so not built:
 * print setup (pageLayout) — the clerk's own print settings apply.
 *
 * Batches of at most OPS_PER_SYNC (3 000) operations, one context.sync() each — one batch of
 * ~27 000 hangs desktop Excel (OfficeDev/office-js #1046) and froze the workbench for a minute:
 *   1. per sheet, in template order: the sheet added (a name chosen by the caller, never an
 *      existing one) with a building marker, then its content and formats in as many batches as
 *      they need (planContentBatches; each step's cost counted beforehand, opCount.ts);
 *   2. the finish: the caller's cover fields and 表三 active, then each sheet's marker and
 *      protection — the markers last, so only a finished build is a template for the readers.
 * Excel does not roll a failed batch back: a failure leaves sheets with the building marker,
 * which the next insertion recognises, removes and builds again (officeWorkbook.ts).
 */
import { widthToPoints } from "../../template/columnWidth";
import type { Borders, Fill, Font, Style } from "exceljs";
import { HostError } from "../../workbook/hostErrors";
import { causeOf, hostError } from "./hostErrors";
import { API_BUILD_TEXT } from "./messages";
import { officeInput } from "../../workbook/writePlan";
import { colLetters, coverRects, rectAddress, type Rect } from "../../template/address";
import type { ComputedCell, ComputedStyle, SheetDesign, ValueCell } from "../../template/design/types";
import { PLACEHOLDER_COL, PLACEHOLDER_VALUES } from "../../template/formulas";
import { templateDesign } from "../../template/layout";
import { formatMarker, MARKER_ADDRESS, MARKER_CELL } from "../../template/marker";
import { opsOf } from "./opCount";
import { formatBuildingMarker } from "./buildingMarker";
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

/** ExcelJS argb "FF0F6CBD" → Office "#0F6CBD". */
function color(argb: string | undefined): string | null {
  return argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
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

type Step = (ws: Excel.Worksheet) => void;

/** One sheet as small steps, in the order build.ts lays it out; cut into batches by their cost. */
function sheetSteps(d: SheetDesign, opts: ApiTemplateOptions): Step[] {
  const steps: Step[] = [];
  const add = (f: Step) => steps.push(f);
  // Width, height and hiding apply to whole columns / rows whatever cells of them the range holds.
  for (const [col, width] of Object.entries(d.widths)) add((ws) => void (ws.getRange(`${colLetters(Number(col))}1`).format.columnWidth = widthToPoints(width)));
  add((ws) => void (ws.getRange(`${colLetters(d.hiddenFrom)}1:${colLetters(MARKER_CELL.col)}1`).columnHidden = true));
  for (const [row, h] of Object.entries(d.heights)) add((ws) => void (ws.getRange(`A${row}`).format.rowHeight = h));
  const freeze = d.freeze;
  if (freeze && (freeze.rows > 0 || freeze.cols > 0)) {
    add((ws) => {
      if (freeze.rows > 0 && freeze.cols > 0) ws.freezePanes.freezeAt(ws.getRange(rectAddress({ top: 1, left: 1, bottom: freeze.rows, right: freeze.cols })));
      else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
      else ws.freezePanes.freezeColumns(freeze.cols);
    });
  }
  if (opts.dataValidation) add((ws) => void (ws.showGridlines = false));

  for (const l of d.labels) {
    add((ws) => {
      styled(ws, l.rect, LABEL_STYLES[l.style], true);
      topLeft(ws, l.rect).values = [[asText(l.text)]];
    });
  }
  for (const v of d.values) add((ws) => valueCell(ws, v));
  if (opts.dataValidation) {
    for (const kind of ["count", "amount", "year"] as const) {
      const cells = d.values.filter((v) => v.kind === kind && v.formula === undefined);
      const dv = validation(kind);
      for (const r of coverRects(cells)) {
        add((ws) => {
          const range = ws.getRange(rectAddress(r));
          range.dataValidation.ignoreBlanks = true;
          range.dataValidation.rule = dv.rule;
          range.dataValidation.prompt = dv.prompt;
          range.dataValidation.errorAlert = dv.errorAlert;
        });
      }
    }
  }
  for (const v of d.derived) add((ws) => valueCell(ws, v));
  for (const v of d.kept) add((ws) => void styled(ws, { top: v.row, left: v.col, bottom: v.row, right: v.col }, KEPT_STYLE, false));
  for (const b of d.blocks) add((ws) => void styled(ws, { top: b.firstRow, left: b.col, bottom: b.firstRow + b.rows - 1, right: b.col }, TEXT_INPUT_STYLE, false));
  for (const c of d.checks) {
    add((ws) => {
      styled(ws, c.rect, CHECK_STYLE, true);
      topLeft(ws, c.rect).formulas = [[`=${c.formula}`]];
    });
  }
  const summary = d.summary;
  if (summary) {
    add((ws) => {
      styled(ws, summary.rect, { ...CHECK_STYLE, font: { ...CHECK_STYLE.font, bold: true } }, true);
      topLeft(ws, summary.rect).formulas = [[`=${summary.formula}`]];
    });
  }
  for (const h of d.helpers) {
    const r = { top: h.row, left: h.col, bottom: h.row, right: h.col };
    add((ws) => void (styled(ws, r, HIDDEN_STYLE, false).formulas = [[`=${h.formula}`]]));
  }
  if (d.helpers.length) {
    const r = { top: 1, left: PLACEHOLDER_COL, bottom: PLACEHOLDER_VALUES.length, right: PLACEHOLDER_COL };
    add((ws) => void (styled(ws, r, HIDDEN_STYLE, false).values = PLACEHOLDER_VALUES.map((p) => [asText(p)])));
  }
  if (d.register || d.lists.length || d.computed.length) steps.push(...registerSteps(d, opts));
  add((ws) => void styled(ws, { top: MARKER_CELL.row, left: MARKER_CELL.col, bottom: MARKER_CELL.row, right: MARKER_CELL.col }, HIDDEN_STYLE, false));

  // Conditional formats in the order build.ts gives them priorities (first = highest).
  for (const [i, rule] of d.cf.entries()) {
    add((ws) => {
      const cf = ws.getRange(rectAddress(rule.rect)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = `=${rule.formula}`;
      const style = CF_STYLES[rule.style];
      const fill = fillColor(style.fill as Fill | undefined);
      if (fill) cf.custom.format.fill.color = fill;
      applyFont(cf.custom.format.font, style.font);
      cf.priority = i;
    });
  }
  return steps;
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
function registerSteps(d: SheetDesign, opts: ApiTemplateOptions): Step[] {
  const steps: Step[] = [];
  for (const l of d.lists) {
    if (!l.values.length) continue;
    const r = { top: l.firstRow, left: l.col, bottom: l.firstRow + l.values.length - 1, right: l.col };
    steps.push((ws) => void (styled(ws, r, HIDDEN_STYLE, false).values = l.values.map((v) => [typeof v === "string" ? asText(v) : v])));
  }
  const g = d.register;
  if (g) {
    g.columns.forEach((c, i) => {
      const col = g.firstCol + i;
      const r = { top: g.firstRow, left: col, bottom: g.lastRow, right: col };
      const base = c.kind === "list" || c.kind === "date" ? INPUT_STYLE : TEXT_INPUT_STYLE;
      steps.push((ws) => {
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
    });
  }
  // Runs of consecutive rows in one column with one style: one styled range, one formulas array.
  for (const run of computedRuns(d.computed, (a, b) => a.style === b.style)) {
    const r = { top: run[0]!.row, left: run[0]!.col, bottom: run[run.length - 1]!.row, right: run[0]!.col };
    steps.push((ws) => {
      const range = styled(ws, r, COMPUTED_STYLES[run[0]!.style], false);
      if (run[0]!.style === "date") range.numberFormat = run.map(() => [DATE_FORMAT]);
      range.formulas = run.map((c) => [`=${retarget(c.formula, opts.names)}`]);
    });
  }
  return steps;
}

/** Cells of one column in runs of consecutive rows (`same`: may two neighbours share a run), by column. */
export function computedRuns(cells: readonly ComputedCell[], same: (a: ComputedCell, b: ComputedCell) => boolean = () => true): ComputedCell[][] {
  const byCol = new Map<number, ComputedCell[]>();
  for (const c of cells) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  const out: ComputedCell[][] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const list = byCol.get(col)!.sort((a, b) => a.row - b.row);
    for (let i = 0; i < list.length; ) {
      let j = i;
      while (j + 1 < list.length && list[j + 1]!.row === list[j]!.row + 1 && same(list[i]!, list[j + 1]!)) j++;
      out.push(list.slice(i, j + 1));
      i = j + 1;
    }
  }
  return out;
}

/** Protection options of build.ts (no password: the protection guards against slips, not people). */
export const TEMPLATE_PROTECTION: Excel.WorksheetProtectionOptions = {
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

/** Operations one context.sync() carries at most (bench: insertOpsPerSyncMax; docs/hosts.md). */
export const OPS_PER_SYNC = 3000;

export { formatBuildingMarker, parseBuildingMarker, type BuildingMarker } from "./buildingMarker";

/** One context.sync() of the build: a sheet's content (`role`) or the finish. */
export interface BuildBatch {
  role: TemplateRole | null;
  /** Operations it queues (the finish is counted by the fake only: a few dozen). */
  ops: number;
  queue: (ctx: Ctx) => void;
}

/**
 * The batches that build `roles` (default: all), each at most OPS_PER_SYNC operations: per
 * sheet, the first adds it with the building marker, the next ones continue it. Pure.
 */
export function planContentBatches(opts: ApiTemplateOptions, roles: readonly TemplateRole[] = TEMPLATE_ROLES): BuildBatch[] {
  const designs = templateDesign();
  const out: BuildBatch[] = [];
  for (const role of TEMPLATE_ROLES.filter((r) => roles.includes(r))) {
    const name = opts.names[role];
    const marker = formatBuildingMarker(role, opts.set);
    // The sheet comes with its building marker as the batch's second operation.
    let steps: Step[] = [(ws) => void (ws.getRange(MARKER_ADDRESS).values = [[marker]])];
    let ops = 1 + opsOf(steps[0]!);
    let first = true;
    const flush = () => {
      const batchSteps = steps;
      const isFirst = first;
      out.push({
        role,
        ops,
        queue: (ctx) => {
          const sheets = ctx.workbook.worksheets;
          const ws = isFirst ? sheets.add(name) : sheets.getItem(name);
          for (const step of batchSteps) step(ws);
        },
      });
      first = false;
      steps = [];
      ops = 1;
    };
    for (const step of sheetSteps(designs[role], opts)) {
      const cost = opsOf(step);
      if (1 + cost > OPS_PER_SYNC) throw new Error(`A template step of ${cost} operations cannot fit one batch.`);
      if (ops + cost > OPS_PER_SYNC) flush();
      steps.push(step);
      ops += cost;
    }
    flush();
  }
  return out;
}

/**
 * The last batch: what the caller adds (the cover fields, 表三 active), then per sheet its
 * marker and protection — the markers last, so that until this batch ran no sheet is a template.
 */
function finishBatch(opts: ApiTemplateOptions, roles: readonly TemplateRole[], finish: (ctx: Ctx) => void, ids: (ws: Excel.Worksheet[]) => void): BuildBatch {
  return {
    role: null,
    ops: 0,
    queue: (ctx) => {
      finish(ctx);
      const sheets = roles.map((role) => {
        const ws = ctx.workbook.worksheets.getItem(opts.names[role]);
        ws.load("id");
        return ws;
      });
      ids(sheets);
      for (const role of roles) {
        const ws = ctx.workbook.worksheets.getItem(opts.names[role]);
        // The marker before the protection: the marker cell is locked.
        ws.getRange(MARKER_ADDRESS).values = [[formatMarker(role, opts.set)]];
        ws.protection.protect(TEMPLATE_PROTECTION);
      }
    },
  };
}

export interface ApiInsertResult {
  /** Sheet ids of `roles`, in TEMPLATE_ROLES order. */
  ids: string[];
  syncs: number;
}

export interface ApiBuildRun {
  /** Which roles to build (default: all); the others of the set exist already. */
  roles?: readonly TemplateRole[];
  /** Queued first in the finish batch: the cover fields, 表三 active. */
  finish: (ctx: Ctx) => void;
  /** Steps already taken before the build (a repair's removal), counted in the progress. */
  before?: number;
  /** Called before each sync: step k of n. */
  progress?: (step: number, steps: number) => void;
  /** Lets the pane redraw between batches (default: a zero timeout). */
  yieldToUi?: () => Promise<void>;
}

/** The number of syncs a full build takes (content batches and the finish); bench and tests. */
export function apiBuildSteps(opts: ApiTemplateOptions): number {
  return planContentBatches(opts).length + 1;
}

/**
 * Build the template batch by batch, one sheet at a time. A failed batch leaves what ran (Excel
 * does not roll back): sheets that carry only the building marker, which no reader takes for a
 * template and the next insertion removes and builds again (officeWorkbook.ts repairs).
 */
export async function buildTemplateViaApi(ctx: Ctx, opts: ApiTemplateOptions, run: ApiBuildRun): Promise<ApiInsertResult> {
  const roles = run.roles ?? TEMPLATE_ROLES;
  let loaded: Excel.Worksheet[] = [];
  const batches = [...planContentBatches(opts, roles), finishBatch(opts, roles, run.finish, (ws) => (loaded = ws))];
  const before = run.before ?? 0;
  const steps = before + batches.length;
  const pause = run.yieldToUi ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  let syncs = 0;
  for (const [i, batch] of batches.entries()) {
    run.progress?.(before + i + 1, steps);
    batch.queue(ctx);
    try {
      await ctx.sync();
      syncs++;
    } catch (e) {
      const why = hostError(e).message;
      throw new HostError(causeOf(e), API_BUILD_TEXT.interrupted(before + i + 1, steps, why), { cause: e });
    }
    if (i < batches.length - 1) await pause();
  }
  return { ids: loaded.map((ws) => ws.id), syncs };
}

/**
 * The layout map: where every part of the report lives in the template — cell keys
 * (T2.R1.C1, T3.R01.C1 … T3.R25.C7, T4.C01 … C15), META.AGENCY / META.YEAR / META.CONTACT /
 * META.TITLE, the text blocks OPENING / S1 / S5 / S6, last year's figures PRIOR.YEAR /
 * PRIOR.<cell key> — as sheet role + address.
 * Extracted from the sheet designs, so the builder writes and both readers (ExcelJS, Office.js)
 * read with the same positions.
 */
import { boundingRect, rectAddress, rect, type Cell, type Rect } from "./address";
import { designMeta } from "./design/meta";
import { designT2 } from "./design/t2";
import { designT3 } from "./design/t3";
import { designT4 } from "./design/t4";
import { designText } from "./design/text";
import { designApps, designCases } from "./design/registers";
import type { RegisterDesign, SheetDesign, TextBlock, ValueCell, ValueKind } from "./design/types";
import { registerRowOf } from "../ledger/sheets";
import { TEMPLATE_ROLES, type RegisterRole, type TemplateRole } from "./roles";
import { rulesOfTable, totalDefinitions } from "./design/common";

export { META_KEYS, PRIOR_YEAR_KEY, priorKey, priorGroups } from "./design/meta";
export { OPENING_KEY, TEXT_BLOCK_ROWS } from "./design/text";

let designs: Record<TemplateRole, SheetDesign> | null = null;

/** The full sheet designs (labels, formulas, formats), built once from src/report. */
export function templateDesign(): Record<TemplateRole, SheetDesign> {
  designs ??= { meta: designMeta(), text: designText(), t2: designT2(), t3: designT3(), t4: designT4(), apps: designApps(), cases: designCases() };
  return designs;
}

export interface CellLocation extends Cell {
  key: string;
  role: TemplateRole;
  address: string;
  kind: ValueKind;
  /** True when the template computes the cell (totals, the title). */
  computed: boolean;
  /** True for figures the add-in keeps (last year's, PRIOR.*): locked, never typed in. */
  kept: boolean;
  /** Columns the cell spans (a merged area when > 1; its value lives in the top-left cell). */
  span: number;
}

export interface BlockLocation extends TextBlock {
  role: TemplateRole;
  address: string;
  rect: Rect;
}

export interface TemplateLayout {
  cells: ReadonlyMap<string, CellLocation>;
  blocks: ReadonlyMap<string, BlockLocation>;
  /** One rectangle per sheet that covers everything the readers need (read in one request). */
  readRects: Readonly<Record<TemplateRole, Rect>>;
  /** Totals the template computes, with the keys they sum (for files saved without results). */
  totals: ReadonlyMap<string, string[]>;
  /** The registers: header row and input rows, read as one rectangle (readRects of the role). */
  registers: Readonly<Record<RegisterRole, RegisterDesign>>;
}

function build(): TemplateLayout {
  const d = templateDesign();
  const cells = new Map<string, CellLocation>();
  const blocks = new Map<string, BlockLocation>();
  const readRects = {} as Record<TemplateRole, Rect>;
  for (const role of TEMPLATE_ROLES) {
    const sheet = d[role];
    const all: Cell[] = [];
    const add = (v: ValueCell, computed: boolean, kept = false) => {
      if (cells.has(v.key)) throw new Error(`duplicate layout key ${v.key}`);
      cells.set(v.key, { key: v.key, role, row: v.row, col: v.col, kind: v.kind, address: rectAddress(rect(v.row, v.col)), computed, kept, span: v.span });
      all.push(v);
    };
    for (const v of sheet.values) add(v, v.formula !== undefined);
    for (const v of sheet.derived) add(v, true);
    for (const v of sheet.kept) add(v, false, true);
    for (const b of sheet.blocks) {
      const r = rect(b.firstRow, b.col, b.firstRow + b.rows - 1, b.col);
      blocks.set(b.key, { ...b, role, rect: r, address: rectAddress(r) });
      all.push({ row: r.top, col: r.left }, { row: r.bottom, col: r.right });
    }
    if (sheet.register) {
      const g = sheet.register;
      all.push({ row: g.headerRow, col: g.firstCol }, { row: g.lastRow, col: g.firstCol + g.columns.length - 1 });
    }
    readRects[role] = boundingRect(all);
  }
  const registers = { apps: d.apps.register!, cases: d.cases.register! };
  const totals = new Map([...totalDefinitions(rulesOfTable(3)), ...totalDefinitions(rulesOfTable(4))]);
  return { cells, blocks, readRects, totals, registers };
}

let layout: TemplateLayout | null = null;

export function templateLayout(): TemplateLayout {
  layout ??= build();
  return layout;
}

export interface KeyLocation {
  role: TemplateRole;
  /** Address on the sheet, without the sheet name ("D5", "B4:B43"). */
  address: string;
  rect: Rect;
}

const TABLE_SECTIONS: Record<string, TemplateRole> = { S2: "t2", S3: "t3", S4: "t4" };

/** Register row keys are the ledger's (the template only locates them). */
export { registerRowKey, registerRowOf } from "../ledger/sheets";

/**
 * Where a key lives: a cell key, META.*, a text block (OPENING, S1, S5, S6) or a table section
 * (S2–S4: the table's value area), or a register row (LEDGER.APP.12, LEDGER.CASE.4). Unknown keys give null.
 */
export function locate(key: string): KeyLocation | null {
  const l = templateLayout();
  const c = l.cells.get(key);
  if (c) return { role: c.role, address: c.address, rect: rect(c.row, c.col) };
  const b = l.blocks.get(key);
  if (b) return { role: b.role, address: b.address, rect: b.rect };
  const reg = registerRowOf(key);
  if (reg) {
    const { role, row } = reg;
    const g = l.registers[role];
    if (row < g.firstRow || row > g.lastRow) return null;
    const r = rect(row, g.firstCol, row, g.firstCol + g.columns.length - 1);
    return { role, address: rectAddress(r), rect: r };
  }
  const tableRole = TABLE_SECTIONS[key];
  if (tableRole) {
    const vals = templateDesign()[tableRole].values;
    const r = boundingRect(vals);
    return { role: tableRole, address: rectAddress(r), rect: r };
  }
  return null;
}

/**
 * The template as data: what goes where on each sheet. Built from src/report by the design
 * modules; the .xlsx builder renders it, and layout.ts extracts from it the address map that
 * the readers use — so labels, inputs and formulas are positioned in exactly one place.
 */
import type { Cell, Rect } from "../address";
import type { TemplateRole } from "../roles";

export type LabelStyle = "title" | "subtitle" | "header" | "rowLabel" | "blockHeader" | "note" | "paraNo" | "checkLabel";

export interface LabelCell {
  rect: Rect;
  text: string;
  style: LabelStyle;
}

export type ValueKind = "count" | "amount" | "text" | "year" | "paragraph";

/** A cell whose content belongs to the report: a clerk's input or a total formula. */
export interface ValueCell extends Cell {
  key: string;
  kind: ValueKind;
  /** Number of columns merged to the right, including the cell itself (1 = not merged). */
  span: number;
  /** Formula (without "=") when the template computes the cell; such cells are locked. */
  formula?: string;
}

/** A cross-check cell, one per instance of a sum rule (index into sumRules("2021")). */
export interface CheckCell {
  ruleIndex: number;
  rect: Rect;
  formula: string;
}

export interface FormulaCell extends Cell {
  formula: string;
  /**
   * The formula's result in the blank template, written as its cached value (0 when not given);
   * null: no cached value, so that a reader computes it (a per-row value that any filled row changes).
   */
  blank?: number | string | null;
}

/** A block of paragraph rows in 正文: one paragraph per row, in column `col`. */
export interface TextBlock {
  key: string; // "OPENING" | "S1" | "S5" | "S6"
  heading: string;
  headingRow: number;
  firstRow: number;
  rows: number;
  col: number;
}

export type CfStyle = "invalid" | "fail" | "checkFail" | "checkInvalid" | "checkOk";

export interface CfRule {
  rect: Rect;
  /** Formula relative to the rect's top-left cell. */
  formula: string;
  style: CfStyle;
}

/** A register column: its exact title and what its cells take. */
export interface RegisterColumn {
  title: string;
  kind: "text" | "date" | "list";
  width: number;
  /** For lists: the hidden cells (same sheet) holding the allowed values. */
  list?: Rect;
}

/** A register: a header row of titles over a bounded block of input rows (template version 3). */
export interface RegisterDesign {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  columns: RegisterColumn[];
}

/** Values written once into hidden cells (validation lists, the working-day calendar). */
export interface ListCells {
  col: number;
  firstRow: number;
  values: (string | number)[];
}

export type ComputedStyle = "total" | "check" | "date" | "status";

/** A visible, locked formula cell outside the report's keys (deadlines, 台账汇总, its checks). */
export interface ComputedCell extends Cell {
  formula: string;
  style: ComputedStyle;
  /**
   * The formula's result in the blank template, written as its cached value (LibreOffice shows
   * cached values as they are until a hard recalculation, whatever fullCalcOnLoad says): "year" is
   * the report year the template is built with ("" without one). Default: 0 for a total, "" else.
   */
  blank?: number | string | "year";
}

export interface SheetDesign {
  role: TemplateRole;
  name: string;
  /** Column widths by column number (characters). */
  widths: Record<number, number>;
  /** Columns from here to the marker column are hidden (helper grids, placeholder list, marker). */
  hiddenFrom: number;
  labels: LabelCell[];
  values: ValueCell[];
  /** Derived read-only cells the readers also read (the report title). */
  derived: ValueCell[];
  /**
   * Figures the add-in writes and the clerk only reads (last year's figures kept by a roll
   * forward): locked, no validation, read back into report.priorFigures.
   */
  kept: ValueCell[];
  checks: CheckCell[];
  helpers: FormulaCell[];
  summary: { rect: Rect; formula: string } | null;
  blocks: TextBlock[];
  /** The register of a register sheet (申请台账, 复议诉讼台账). */
  register?: RegisterDesign;
  /** Where the 台账汇总 block counts each 表三 / 表四 cell key (register sheets only). */
  tally?: Record<string, Cell>;
  lists: ListCells[];
  computed: ComputedCell[];
  cf: CfRule[];
  print: { area: Rect; titleRows?: [number, number]; landscape: boolean };
  freeze?: { rows: number; cols: number };
  /** Row heights that differ from the default (header rows with wrapped labels). */
  heights: Record<number, number>;
}

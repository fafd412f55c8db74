/**
 * The workbook port: everything the task pane and the ribbon commands need from a spreadsheet
 * host. Implemented by the Office.js adapter (officeWorkbook.ts) and exercised in tests and the
 * workbench against an in-memory fake of the Excel object model. Keep it small and stable.
 */
import type { Finding, RawCell, Report } from "../report";
import type { TemplateRole } from "../template/roles";
import type { InputWrites, TextBlockKey } from "./writePlan";

export type { TemplateRole, InputWrites, TextBlockKey };

export interface HostCapabilities {
  /** ExcelApi 1.13: workbook.insertWorksheetsFromBase64. Missing on Office 2019. */
  insertTemplate: boolean;
  /** OpenBrowserWindowApi 1.1 (desktop hand-off of exported files). */
  openBrowserWindow: boolean;
  /** Office.context.platform, e.g. "PC", "Mac", "OfficeOnline". */
  platform: string;
}

export interface TemplateSheets {
  /** Actual sheet names by role (the clerk may have renamed them). */
  sheets: Partial<Record<TemplateRole, string>>;
  /** Format / template version read from the marker. */
  formatVersion: string;
  templateVersion: string;
  /** Roles whose sheet is missing or unrecognisable. */
  missing: TemplateRole[];
  /** Which copy of the template this is, and how many copies the workbook holds. */
  set?: number;
  sets?: number;
}

export type InsertOutcome =
  /** `notes`: what else the clerk should know (an interrupted build finished), in Chinese. */
  | { kind: "inserted"; sheets: string[]; syncs: number; notes?: string[] }
  | { kind: "exists"; existing: TemplateSheets }
  | { kind: "unsupported"; reason: string };

export interface ReadOutcome {
  /** null when no template sheets were found. */
  report: Report | null;
  /** Layout problems (sheet missing, damaged marker), as findings in Chinese. */
  findings: Finding[];
  template: TemplateSheets | null;
  syncs: number;
  /** The clerk was typing in a cell the whole time: this is the previous read, kept. */
  heldWhileEditing?: boolean;
}

export type WriteOutcome =
  /** Written; `written` counts worksheet cells; `notes` are things to tell the clerk (Chinese). */
  | { kind: "written"; written: number; syncs: number; notes: string[] }
  /** `expect` did not hold: the clerk changed these keys since; nothing was written. */
  | { kind: "changed"; changed: string[]; written: 0; syncs: number }
  /** Not written at all, with the reason in Chinese (locked or formula cells, no template…). */
  | { kind: "refused"; reason: string; written: 0; syncs: number };

/** What restoreSheets did: put back, refused (with the reason in Chinese), or not possible here. */
export type RestoreOutcome =
  /** `notes`: what else was done or could not be done (the registers' formulas), in Chinese. */
  | { kind: "restored"; sheets: string[]; syncs: number; notes: string[] }
  | { kind: "refused"; reason: string }
  | { kind: "unsupported"; reason: string };

/** A sheet of plain values beside the template (汇总's 单位一览, 雷同): row 1 is its header. */
export interface PlainSheet {
  name: string;
  rows: RawCell[][];
  /** Number formats by column index (0-based), e.g. "0%" for a ratio. */
  formats?: Record<number, string>;
}

export type SheetsOutcome =
  | { kind: "written"; sheets: string[]; syncs: number }
  /**
   * Nothing was done: a sheet to add has a name that is taken now, or a sheet to remove is gone
   * or no longer holds exactly what was written (the clerk changed it). `names` says which.
   */
  | { kind: "changed"; names: string[]; syncs: number }
  | { kind: "refused"; reason: string; syncs: number };

export interface WorkbookPort {
  capabilities(): HostCapabilities;
  /** Locate the template sheets by their markers. */
  findTemplate(): Promise<TemplateSheets | null>;
  /**
   * Insert the template; never overwrites. `copy` inserts a second copy with distinct names.
   * Three syncs (list; insert alone; cover + activate) once the workbook is known (after
   * findTemplate/readReport) or when all its sheets are the active, first or last one (a new
   * workbook); otherwise one more reads the other markers. Failures throw HostError saying what
   * really happened (nothing, part, or all but the cover inserted). Where the template is built
   * through the API (Office 2019) it takes more syncs of at most 3 000 operations each, and an
   * interrupted build is finished by the next call. `progress` is told step k of n before each.
   */
  insertTemplate(opts: { year: number; agency: string; copy?: boolean }, progress?: (step: number, steps: number) => void): Promise<InsertOutcome>;
  /**
   * Read every input of the template and write nothing: ONE sync once the workbook is known;
   * the first read of a workbook needs three (sheets, markers, the template's ranges), and after
   * sheets were added or deleted the list and the ranges are read again.
   */
  readReport(): Promise<ReadOutcome>;
  /**
   * Write the clerk's inputs: report cells, 正文 blocks (one paragraph per row), 封面 fields and
   * last year's figures, by the layout map only — never a total, a label or anything outside the
   * template. All or nothing: every target is checked (unlocked, no formula, `expect` holds)
   * before the one write batch. TWO syncs once the workbook is known (check; write); a cold
   * adapter first rediscovers the sheets.
   */
  writeInputs(w: InputWrites): Promise<WriteOutcome>;
  /**
   * Put back deleted template sheets (`roles` among `TemplateSheets.missing`): the same layout and
   * marker, nothing else touched. ExcelApi 1.13; optional for hosts that cannot (the pane then
   * offers the template file instead).
   */
  restoreSheets?(roles: TemplateRole[]): Promise<RestoreOutcome>;
  /** Every worksheet's name, in order (one sync). Optional: the pane then offers no 汇总. */
  sheetNames?(): Promise<string[]>;
  /**
   * Add sheets of plain values after the last sheet, or remove sheets this add-in added (撤销),
   * all or nothing: a name to add that is taken, or a sheet to remove that no longer holds
   * exactly its `rows` (nothing else anywhere on it), is `changed` and nothing is done. Never
   * touches another sheet. Two syncs (check; write).
   */
  writeSheets?(w: { add?: PlainSheet[]; remove?: PlainSheet[] }): Promise<SheetsOutcome>;
  /**
   * Activate the sheet of the first key and select exactly the cells named there (cell keys,
   * S1…S6, META.*): several areas from ExcelApi 1.18, below it the first named cell.
   */
  select(keys: string[]): Promise<void>;
  /** Subscribe to edits of the template sheets; returns an unsubscribe function. */
  onChanged(handler: () => void): Promise<() => Promise<void>>;
  /** Subscribe to sheet activation. */
  onActivated(handler: () => void): Promise<() => Promise<void>>;
}

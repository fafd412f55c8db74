/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS's ET object model (window.Application) the adapter uses, as narrow interfaces
 * checked member by member against et-jsapi-declare: a misspelt or invented member fails the type
 * check here (`Members<…>` below), and the fake (src/hosts/wps/fake) implements exactly these
 * interfaces. Values crossing the boundary are `unknown` and narrowed where they are read.
 *
 * Reference: et-jsapi-declare lib.et.d.ts (Et.Application, Workbooks, Workbook, Sheets, Worksheet,
 * Range), addon.et.d.ts (ApiEvent), index.d.ts (OAAssist, FileSystem, CreateTaskPane).
 */

export interface EtRange {
  /** Raw values: a scalar for one cell, a 1-based-free 2-D array (rows of columns) for a block. */
  Value2: unknown;
  /** For a block, a 2-D array of formulas (or values); for one cell a string. */
  readonly Formula: unknown;
  /** True, false, or null when the block is mixed. */
  Locked: unknown;
  /** True, false, or null when the block is mixed. */
  readonly HasFormula: unknown;
  /** Read: the block's format (null when mixed); write: one format string for every cell. */
  NumberFormat: unknown;
  Select(): unknown;
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  readonly ProtectContents: boolean;
  Range(Cell1: string): EtRange;
  Protect(...args: Parameters<Et.Worksheet["Protect"]>): void;
  Unprotect(Password?: string): void;
  Activate(): void;
  /** Asks the clerk first (a modal dialog) unless Application.DisplayAlerts is false. */
  Delete(): void;
  /** The block of every cell holding something, from the first used cell. */
  readonly UsedRange: EtRange;
}

/** Sheets.Item with an array of names: a group of sheets, copied together (references kept). */
export interface EtSheetGroup {
  Copy(Before?: EtWorksheet, After?: EtWorksheet): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name; throws when out of range or unknown. An array gives a group. */
  Item(Index: number | string): EtWorksheet;
  Item(Index: string[]): EtSheetGroup;
  /** A new worksheet (named by WPS, activated) before `Before` or after `After`. */
  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Sheets: EtSheets;
  /** The worksheets only (Sheets also holds chart sheets, which have no cells). */
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet | null;
  Close(SaveChanges?: boolean): void;
}

export interface EtWorkbooks {
  readonly Count: number;
  Open(Filename: string): EtWorkbook;
  Add(): EtWorkbook;
}

export type EtEventName = "SheetChange" | "SheetActivate" | "WorkbookActivate" | "WorkbookNewSheet" | "SheetBeforeDelete";
export type EtSheetChangeListener = (sheet: EtWorksheet, target: EtRange) => void;
export type EtSheetListener = (sheet: EtWorksheet) => void;
export type EtWorkbookListener = (workbook: EtWorkbook) => void;
export type EtListener = EtSheetChangeListener | EtSheetListener | EtWorkbookListener | ((workbook: EtWorkbook, sheet: EtWorksheet) => void);

export interface EtApiEvent {
  AddApiEventListener(EventName: EtEventName, callback: EtListener): void;
  RemoveApiEventListener(EventName: EtEventName, callback?: EtListener): void;
}

export interface EtOAAssist {
  /** Synchronous download: the local path of the file, "" on failure. */
  DownloadFile(url: string): string;
  ShellExecute(file: string, params?: string): void;
}

export interface EtFileSystem {
  Remove(path: string): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  /** False: no confirmation dialogs (Worksheet.Delete); set back to true after. */
  DisplayAlerts: boolean;
  readonly Workbooks: EtWorkbooks;
  readonly ApiEvent: EtApiEvent;
  readonly OAAssist: EtOAAssist;
  readonly FileSystem: EtFileSystem;
}

/** What WPS adds to Application for add-ins (index.d.ts WPS.AddonRoot), as far as the ribbon page uses it. */
export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
}
export interface EtAddonRoot {
  CreateTaskPane(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: number): EtTaskPane | null;
  readonly PluginStorage: { getItem(key: string): string; setItem(key: string, value: string | number | boolean): void };
}

// ------------------------------------------------------------------ checks against the declarations
/** Fails to compile when T has a member U does not declare (a misspelt or invented member). */
type Members<T, U> = Exclude<keyof T, keyof U> extends never ? true : Exclude<keyof T, keyof U>;
const checks: [
  Members<EtRange, Et.Range>,
  Members<EtWorksheet, Et.Worksheet>,
  Members<EtSheetGroup, Et.Sheets>,
  Members<EtSheets, Et.Sheets>,
  Members<EtWorkbook, Et.Workbook>,
  Members<EtWorkbooks, Et.Workbooks>,
  Members<EtApiEvent, WPS.EtApiEvent>,
  Members<EtOAAssist, WPS.OAAssist>,
  Members<EtFileSystem, WPS.FileSystem>,
  Members<EtApplication, WPSMergedRoot>,
  Members<EtTaskPane, WPS.CustomTaskpane>,
  Members<EtAddonRoot, WPS.AddonRoot>,
  Members<EtAddonRoot["PluginStorage"], WPS.PluginStorage>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void checks;

/** Never called: compiles only while every event name we use is one the declarations list. */
export function declaredEvents(ev: WPS.EtApiEvent): Record<EtEventName, true> {
  ev.AddApiEventListener("SheetChange", () => undefined);
  ev.AddApiEventListener("SheetActivate", () => undefined);
  ev.AddApiEventListener("WorkbookActivate", () => undefined);
  ev.AddApiEventListener("WorkbookNewSheet", () => undefined);
  ev.AddApiEventListener("SheetBeforeDelete", () => undefined);
  return { SheetChange: true, SheetActivate: true, WorkbookActivate: true, WorkbookNewSheet: true, SheetBeforeDelete: true };
}

/** The real host object, seen through the narrow interfaces (the declarations are wider). */
export function hostApplication(): EtApplication | null {
  const app = (globalThis as { Application?: unknown }).Application;
  return app && typeof app === "object" ? (app as EtApplication) : null;
}

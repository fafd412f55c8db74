/**
 * The in-memory workbook behind the fake Excel object model: sheets with ids and names, cells
 * (formulas recalculated by HyperFormula), number formats, locks and sheet protection, merges
 * and column widths for the workbench, the active sheet and selection, and the events Excel
 * fires. No Node APIs: it also runs in the browser workbench.
 *
 * HyperFormula is GPL-3.0 (or commercial): it is used only here, in tests and the workbench,
 * never in the add-in bundle.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { parseRect, rectContains, type Rect } from "../../template/address";
import { shiftReferences } from "./references";
import { FakeOfficeError } from "./errors";
import { parseEntry, type EngineInput } from "./entry";
import { deepClone } from "./deepClone";
import { installRangeReuse } from "./rangeReuse";

export type OfficeValue = number | string | boolean;

export interface FakeCellStyle {
  bold?: boolean;
  /** Fill colour "#RRGGBB", or null. */
  fill?: string | null;
  fontColor?: string | null;
  align?: "left" | "center" | "right";
  wrap?: boolean;
}

export interface FakeCellSeed {
  row: number;
  col: number;
  input: EngineInput;
  numberFormat?: string;
  locked?: boolean;
  style?: FakeCellStyle;
}

export interface FakeSheetSeed {
  name: string;
  cells: FakeCellSeed[];
  merges: Rect[];
  widths: Record<number, number>;
  hiddenColumns: number[];
  protected: boolean;
  visible: boolean;
  /** The file's conditional formats (expression rules), as the API records them. */
  conditionalFormats?: FakeAppearance["conditionalFormats"];
}

interface CellMeta {
  numberFormat: string;
  locked: boolean;
  style?: FakeCellStyle;
}

/**
 * What the API writes that the fake keeps but does not render or evaluate (formats.ts): widths
 * and heights in points, borders, fonts, conditional formats, data validation, frozen panes.
 */
export interface FakeAppearance {
  columnPoints: Record<number, number>;
  rowPoints: Record<number, number>;
  /** "address|EdgeTop" → {style, weight, color}. */
  borders: Record<string, Record<string, unknown>>;
  /** "address" → font name, size, vertical alignment. */
  fonts: Record<string, Record<string, unknown>>;
  conditionalFormats: Array<{ address: string; type: string; formula: string | null; fill: string | null; fontColor: string | null; bold: boolean | null; priority: number | null }>;
  validations: Array<{ address: string; rule: unknown; prompt: unknown; errorAlert: unknown; ignoreBlanks: boolean | null }>;
  freeze: { rows: number; cols: number } | null;
  showGridlines: boolean;
}

/** The look a true conditional format gives a cell ("#RRGGBB" or null). */
export interface ConditionalStyle {
  fill: string | null;
  fontColor: string | null;
}

export const emptyAppearance = (): FakeAppearance => ({
  columnPoints: {},
  rowPoints: {},
  borders: {},
  fonts: {},
  conditionalFormats: [],
  validations: [],
  freeze: null,
  showGridlines: true,
});

export class FakeSheet {
  /** Formats and locks by cell; write through putMeta, which keeps metaExtent. */
  readonly meta = new Map<string, CellMeta>();
  /** Last row and column that have an entry in `meta` (usedSize is asked for on every redraw). */
  metaExtent = { rows: 0, cols: 0 };
  appearance: FakeAppearance = emptyAppearance();
  merges: Rect[] = [];
  readonly widths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  protected = false;
  /** Options of the current protection (Office.js WorksheetProtectionOptions), and its password. */
  protectionOptions: Record<string, unknown> = {};
  password: string | null = null;
  visible = true;
  constructor(
    readonly id: string,
    public name: string,
    readonly hfId: number,
  ) {}
}

/** A workbook as plain data (FakeWorkbookModel.snapshot); treat as opaque and never change it. */
export interface FakeWorkbookSnapshot {
  readonly cells: Parameters<typeof HyperFormula.buildFromSheets>[0];
  readonly state: {
    sheets: Array<
      Pick<FakeSheet, "id" | "name" | "meta" | "metaExtent" | "appearance" | "merges" | "widths" | "hiddenColumns" | "protected" | "protectionOptions" | "password" | "visible">
    >;
    activeId: string | null;
    selection: FakeWorkbookModel["selection"];
    counters: Pick<FakeWorkbookModel, "syncCount" | "opsPerSync" | "responseBytesPerSync" | "writeCount" | "uiCount">;
    seq: number;
  };
}

export type FakeCellEntry =
  | { address: string; value: OfficeValue | null }
  | { address: string; formula: string }
  | { address: string; error: string };

export type FakeEventName = "changed" | "activated" | "added" | "deleted";
export type FakeHandler = (args: Record<string, unknown>) => unknown;

const key = (row: number, col: number) => `${row},${col}`;

function putMeta(sheet: FakeSheet, row: number, col: number, m: CellMeta): void {
  sheet.meta.set(key(row, col), m);
  if (row > sheet.metaExtent.rows) sheet.metaExtent.rows = row;
  if (col > sheet.metaExtent.cols) sheet.metaExtent.cols = col;
}

/**
 * A copy of a sheet's formats and locks, every entry a new object (a template's register sheet has
 * about 170 000: deepClone's bookkeeping of each made them most of the cost of a clone).
 */
function copyMeta(from: ReadonlyMap<string, CellMeta>, to = new Map<string, CellMeta>()): Map<string, CellMeta> {
  for (const [k, m] of from) to.set(k, m.style ? { ...m, style: { ...m.style } } : { ...m });
  return to;
}

/** Sheet ids look like Excel desktop's: braces and hex groups. */
function sheetId(n: number): string {
  const hex = n.toString(16).toUpperCase().padStart(4, "0");
  return `{00000000-${hex}-0000-FFFF-000000000000}`;
}

/** Thrown by an action whose effects stay although the sync reports an error (the web's #3179). */
export class AppliedThenFailed extends Error {
  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    // ES5 builds (the IE11 workbench): keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * HyperFormula settings of the fake. Its own undo stack is off: the fake never undoes (a failed
 * batch keeps what ran, as desktop Excel does), and keeping old versions of thousands of register
 * formulas made every template insertion seconds slower.
 */
const HF_CONFIG = { licenseKey: "gpl-v3", useArrayArithmetic: true, undoLimit: 0 } as const;

export class FakeWorkbookModel {
  private hf: HyperFormula;
  readonly sheets: FakeSheet[] = [];
  activeId: string | null = null;
  /** The selection: `rect` is its first area; `areas` all of them (RangeAreas.select). */
  selection: { sheetId: string; rect: Rect; areas?: Rect[] } | null = null;
  /** The clerk is typing in a cell (batches fail unless delayForCellEdit). */
  cellEditing = false;
  private editWaiters: (() => void)[] = [];
  /** Inserts to apply and then report as failed (the web's "sheets inserted, sync failed"). */
  insertThenFail = 0;
  private batch: { changed: boolean; events: (() => void)[] } | null = null;
  /** Planned failures (test hook): skip this many syncs, then fail one after `after` operations. */
  private plannedFailures: { skip: number; after: number }[] = [];
  /** Round trips: every context.sync() (and the implicit one at the end of Excel.run). */
  syncCount = 0;
  /** Operations queued in each sync since the last resetCounters(), in order. */
  opsPerSync: number[] = [];
  /** Bytes each successful-so-far sync's loads returned (JSON), in order. */
  responseBytesPerSync: number[] = [];
  /** Mutating operations executed (cell writes, sheet insert/add/delete/rename). */
  writeCount = 0;
  /** UI operations executed (activate, select). */
  uiCount = 0;
  private seq = 0;
  private readonly collectionHandlers = new Map<FakeEventName, Set<FakeHandler>>();
  private readonly sheetHandlers = new Map<string, Map<FakeEventName, Set<FakeHandler>>>();
  private readonly listeners = new Set<() => void>();
  private pending: Promise<unknown>[] = [];

  /** Conditional formats' results by "sheetId|row|col", until a value changes (HyperFormula says when). */
  private readonly conditionalCache = new Map<string, ConditionalStyle | null>();

  constructor(sheets?: Parameters<typeof HyperFormula.buildFromSheets>[0]) {
    // Formulas naming an already wired range skip HyperFormula's walk over its cells. A call, not
    // an import for its effect: the production workbench build drops those (package.json sideEffects).
    installRangeReuse();
    this.hf = sheets ? HyperFormula.buildFromSheets(sheets, HF_CONFIG) : HyperFormula.buildEmpty(HF_CONFIG);
    this.hf.on("valuesUpdated", () => this.conditionalCache.clear());
  }

  /**
   * An independent copy of the workbook as it is now: sheets (ids, names, order), cells and
   * formulas (recalculated by a HyperFormula of its own), formats, locks, protection, merges,
   * appearance, the active sheet, the selection and the counters; nothing done to one shows in the
   * other. Not copied: event handlers and workbench listeners (a new pane registers its own) and
   * planned failures (failSync, insertThenFail). Only between batches, with no event pending and
   * no cell being edited.
   */
  clone(): FakeWorkbookModel {
    return FakeWorkbookModel.fromSnapshot(this.snapshot());
  }

  /**
   * The workbook as plain data, for fromSnapshot (what clone copies). For tests that need a
   * workbook holding the template many times: taking a snapshot is cheap, and building a workbook
   * from it (HyperFormula from the finished sheets) costs about half of inserting the template.
   */
  snapshot(): FakeWorkbookSnapshot {
    if (this.batch || this.pending.length > 0 || this.cellEditing) {
      throw new Error("FakeWorkbookModel.snapshot: the workbook is busy (a batch, pending events or a cell edit).");
    }
    this.recalculate();
    const state = deepClone({
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        metaExtent: s.metaExtent,
        appearance: s.appearance,
        merges: s.merges,
        widths: s.widths,
        hiddenColumns: s.hiddenColumns,
        protected: s.protected,
        protectionOptions: s.protectionOptions,
        password: s.password,
        visible: s.visible,
      })),
      activeId: this.activeId,
      selection: this.selection,
      counters: { syncCount: this.syncCount, opsPerSync: this.opsPerSync, responseBytesPerSync: this.responseBytesPerSync, writeCount: this.writeCount, uiCount: this.uiCount },
      seq: this.seq,
    });
    const sheets = state.sheets.map((c, i) => ({ ...c, meta: copyMeta(this.sheets[i]!.meta) }));
    return { cells: this.hf.getAllSheetsSerialized(), state: { ...state, sheets } };
  }

  /** A new workbook from a snapshot (which stays as it was: it can make many). */
  static fromSnapshot(snapshot: FakeWorkbookSnapshot): FakeWorkbookModel {
    const out = new FakeWorkbookModel(snapshot.cells);
    const st = deepClone({ ...snapshot.state, sheets: snapshot.state.sheets.map(({ meta: _, ...rest }) => rest) });
    st.sheets.forEach((s, i) => {
      const c = new FakeSheet(s.id, s.name, out.hf.getSheetId(s.name)!);
      copyMeta(snapshot.state.sheets[i]!.meta, c.meta);
      Object.assign(c, { metaExtent: s.metaExtent, appearance: s.appearance, merges: s.merges, protected: s.protected, protectionOptions: s.protectionOptions, password: s.password, visible: s.visible });
      for (const [col, w] of s.widths) c.widths.set(col, w);
      for (const col of s.hiddenColumns) c.hiddenColumns.add(col);
      out.sheets.push(c);
    });
    out.activeId = st.activeId;
    out.selection = st.selection;
    Object.assign(out, st.counters);
    out.seq = st.seq;
    return out;
  }

  /**
   * What the sheet's conditional formats do to a cell now, as Excel draws it: the first rule (by
   * priority) whose formula, moved from its range's top-left cell to this one, is true. For the
   * workbench's grid (red invalid cells, orange failed checks); null when no rule applies.
   */
  conditionalStyle(sheet: FakeSheet, row: number, col: number): ConditionalStyle | null {
    const rules = sheet.appearance.conditionalFormats;
    if (rules.length === 0) return null;
    const k = `${sheet.id}|${row}|${col}`;
    const hit = this.conditionalCache.get(k);
    if (hit !== undefined) return hit;
    this.recalculate();
    let out: ConditionalStyle | null = null;
    const ordered = rules.map((r, i) => ({ r, i })).sort((a, b) => (a.r.priority ?? Infinity) - (b.r.priority ?? Infinity) || a.i - b.i);
    for (const { r } of ordered) {
      if (!r.formula) continue;
      const area = r.address
        .split(/[ ,]+/)
        .map((a) => parseRect(a))
        .find((a) => rectContains(a, row, col));
      if (!area) continue;
      let value: unknown;
      try {
        value = this.hf.calculateFormula(`=${shiftReferences(r.formula.replace(/^=/, ""), row - area.top, col - area.left)}`, sheet.hfId);
      } catch {
        continue; // a rule HyperFormula cannot parse is not applied (Excel would show it unapplied too)
      }
      if (value === true || (typeof value === "number" && value !== 0)) {
        out = { fill: r.fill, fontColor: r.fontColor };
        break;
      }
    }
    this.conditionalCache.set(k, out);
    return out;
  }

  // ------------------------------------------------------------------ sheets

  sheet(keyOrName: string): FakeSheet | undefined {
    return (
      this.sheets.find((s) => s.id === keyOrName || s.name === keyOrName) ??
      this.sheets.find((s) => s.name.localeCompare(keyOrName, undefined, { sensitivity: "accent" }) === 0)
    );
  }

  requireSheet(keyOrName: string): FakeSheet {
    const s = this.sheet(keyOrName);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${keyOrName}".`);
    return s;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  addSheet(name?: string, position = this.sheets.length): FakeSheet {
    this.touch();
    let n = this.sheets.length + 1;
    const finalName = name ?? (() => {
      while (this.sheet(`Sheet${n}`)) n++;
      return `Sheet${n}`;
    })();
    if (this.sheet(finalName)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${finalName}" already exists.`);
    if (!/^[^\\/?*[\]:]{1,31}$/.test(finalName) || finalName.startsWith("'")) {
      throw new FakeOfficeError("InvalidArgument", `Invalid worksheet name "${finalName}".`);
    }
    const hfName = this.hf.addSheet(finalName);
    const s = new FakeSheet(sheetId(++this.seq), finalName, this.hf.getSheetId(hfName)!);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, s);
    if (!this.activeId) this.activeId = s.id;
    this.emit("added", { type: "WorksheetAdded", worksheetId: s.id, source: "Local" });
    this.notify();
    return s;
  }

  deleteSheet(keyOrName: string): void {
    this.touch();
    const s = this.requireSheet(keyOrName);
    if (this.sheets.filter((x) => x.visible).length === 1 && s.visible) {
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    }
    this.hf.removeSheet(s.hfId);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    if (this.activeId === s.id) this.activeId = this.sheets.find((x) => x.visible)?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
    this.emit("deleted", { type: "WorksheetDeleted", worksheetId: s.id, source: "Local" });
    this.notify();
  }

  renameSheet(keyOrName: string, name: string): void {
    this.touch();
    const s = this.requireSheet(keyOrName);
    const other = this.sheet(name);
    if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
    this.hf.renameSheet(s.hfId, name);
    s.name = name;
    this.notify();
  }

  activate(keyOrName: string): void {
    const s = this.requireSheet(keyOrName);
    if (this.activeId === s.id) return;
    this.touch();
    this.activeId = s.id;
    this.emit("activated", { type: "WorksheetActivated", worksheetId: s.id }, s.id);
    this.notify();
  }

  activeSheet(): FakeSheet | null {
    return this.activeId ? (this.sheet(this.activeId) ?? null) : null;
  }

  select(keyOrName: string, address: string | Rect[]): void {
    const s = this.requireSheet(keyOrName);
    this.touch();
    this.activate(s.id);
    const areas = typeof address === "string" ? [parseRect(address)] : address;
    this.selection = { sheetId: s.id, rect: areas[0]!, ...(areas.length > 1 ? { areas } : {}) };
    this.notify();
  }

  // ------------------------------------------------------------------ cells

  value(sheet: FakeSheet, row: number, col: number): OfficeValue {
    this.recalculate();
    const v = this.hf.getCellValue({ sheet: sheet.hfId, row: row - 1, col: col - 1 });
    if (v === null || v === undefined) return "";
    if (v instanceof DetailedCellError) return v.value;
    return v as OfficeValue;
  }

  formula(sheet: FakeSheet, row: number, col: number): OfficeValue {
    const addr = { sheet: sheet.hfId, row: row - 1, col: col - 1 };
    if (this.hf.doesCellHaveFormula(addr)) return this.hf.getCellFormula(addr) ?? "";
    this.recalculate();
    const raw = this.hf.getCellSerialized(addr);
    if (raw === null || raw === undefined) return "";
    if (typeof raw === "string" && raw.startsWith("'")) return raw.slice(1);
    return raw as OfficeValue;
  }

  isFormula(sheet: FakeSheet, row: number, col: number): boolean {
    return this.hf.doesCellHaveFormula({ sheet: sheet.hfId, row: row - 1, col: col - 1 });
  }

  numberFormat(sheet: FakeSheet, row: number, col: number): string {
    return sheet.meta.get(key(row, col))?.numberFormat ?? "General";
  }

  locked(sheet: FakeSheet, row: number, col: number): boolean {
    return sheet.meta.get(key(row, col))?.locked ?? true;
  }

  style(sheet: FakeSheet, row: number, col: number): FakeCellStyle {
    return sheet.meta.get(key(row, col))?.style ?? {};
  }

  /** The text Excel would display (no column-width effects). */
  text(sheet: FakeSheet, row: number, col: number): string {
    const v = this.value(sheet, row, col);
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    if (typeof v === "string") return v;
    const f = this.numberFormat(sheet, row, col);
    if (f === "0%") return `${Math.round(v * 100)}%`;
    if (/y/i.test(f) && /d/i.test(f)) {
      const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86400000));
      return `${d.getUTCFullYear()}/${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
    }
    return String(Number(v.toPrecision(11)));
  }

  mergeAt(sheet: FakeSheet, row: number, col: number): Rect | undefined {
    return sheet.merges.find((m) => rectContains(m, row, col));
  }

  /** Extent of the cells holding anything (values, formulas or formats). */
  usedSize(sheet: FakeSheet): { rows: number; cols: number } {
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    return { rows: Math.max(dims.height, sheet.metaExtent.rows), cols: Math.max(dims.width, sheet.metaExtent.cols) };
  }

  /** Extent of the cells holding a value or a formula (formats ignored: getUsedRange(true)). */
  valuesSize(sheet: FakeSheet): { rows: number; cols: number } {
    const dims = this.hf.getSheetDimensions(sheet.hfId);
    return { rows: dims.height, cols: dims.width };
  }

  /** Low-level write (no protection check, no event). */
  writeCell(sheet: FakeSheet, row: number, col: number, input: EngineInput, numberFormat?: string): void {
    this.touch();
    this.hf.setCellContents({ sheet: sheet.hfId, row: row - 1, col: col - 1 }, [[input]]);
    if (numberFormat !== undefined) this.setNumberFormat(sheet, row, col, numberFormat);
  }

  /** Cell style and lock, as Range.format writes them (formats.ts); no protection check here. */
  setCellFormat(sheet: FakeSheet, rect: Rect, patch: { style?: FakeCellStyle; locked?: boolean }): void {
    this.touch();
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const m = sheet.meta.get(key(r, c)) ?? { numberFormat: "General", locked: true };
        const next: CellMeta = { ...m, ...(patch.locked !== undefined ? { locked: patch.locked } : {}) };
        if (patch.style) next.style = { ...m.style, ...patch.style };
        putMeta(sheet, r, c, next);
      }
    }
  }

  /** A change that only appearance records (formats.ts). */
  changeAppearance(sheet: FakeSheet, fn: (a: FakeAppearance) => void): void {
    this.touch();
    fn(sheet.appearance);
  }

  /** Range.merge: fails over a part of another merged area (Excel refuses overlapping merges). */
  merge(sheet: FakeSheet, rect: Rect, across: boolean): void {
    this.touch();
    const rects = across ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
    for (const r of rects) {
      if (r.top === r.bottom && r.left === r.right) continue;
      const overlap = sheet.merges.find((m) => m.top <= r.bottom && r.top <= m.bottom && m.left <= r.right && r.left <= m.right);
      if (overlap) throw new FakeOfficeError("InvalidOperation", `Cannot merge over another merged area (${sheet.name}).`);
      sheet.merges.push(r);
    }
  }

  setNumberFormat(sheet: FakeSheet, row: number, col: number, numberFormat: string): void {
    this.touch();
    const m = sheet.meta.get(key(row, col)) ?? { numberFormat: "General", locked: true };
    putMeta(sheet, row, col, { ...m, numberFormat });
  }

  /** Lock state of a range as Office.js reports it: true, false, or null when mixed. */
  lockedState(sheet: FakeSheet, rect: Rect): boolean | null {
    let seen: boolean | null = null;
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        const l = this.locked(sheet, r, c);
        if (seen === null) seen = l;
        else if (seen !== l) return null;
      }
    }
    return seen;
  }

  /** WorksheetProtection.protect: fails when the sheet is already protected (as Excel does). */
  protect(sheet: FakeSheet, options: Record<string, unknown> = {}, password?: string): void {
    this.touch();
    if (sheet.protected) throw new FakeOfficeError("InvalidOperation", `The worksheet "${sheet.name}" is already protected.`);
    sheet.protected = true;
    sheet.protectionOptions = { ...options };
    sheet.password = password ?? null;
    this.notify();
  }

  /** WorksheetProtection.unprotect: a password-protected sheet needs its password; unprotected: no effect. */
  unprotect(sheet: FakeSheet, password?: string): void {
    this.touch();
    if (!sheet.protected) return;
    if (sheet.password !== null && sheet.password !== password) {
      throw new FakeOfficeError("InvalidArgument", `The password for worksheet "${sheet.name}" is incorrect.`, "WorksheetProtection.unprotect");
    }
    sheet.protected = false;
    sheet.password = null;
    this.notify();
  }

  assertWritable(sheet: FakeSheet, rect: Rect): void {
    if (!sheet.protected) return;
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        if (this.locked(sheet, r, c)) {
          throw new FakeOfficeError("AccessDenied", `The cell you're trying to change is on a protected sheet (${sheet.name}!${r},${c}).`);
        }
      }
    }
  }

  /**
   * Type text into a cell as a user would: refused on locked cells of a protected sheet,
   * parsed like Excel's input (numbers, formulas, dates…), then the change events fire.
   */
  typeInto(sheetKey: string, address: string, text: string): void {
    const s = this.requireSheet(sheetKey);
    const r = parseRect(address);
    this.assertWritable(s, r);
    const p = parseEntry(text);
    this.writeCell(s, r.top, r.left, p.input, p.numberFormat);
    this.changed(s, address, "Unknown");
  }

  /**
   * Put an exact value into a cell (a string stays text, even "12" or "#REF!"): for tests that
   * need precise bad content. Ignores protection (like a paste from another program).
   */
  setCell(sheetKey: string, address: string, value: OfficeValue | null, opts: { numberFormat?: string; event?: boolean } = {}): void {
    const s = this.requireSheet(sheetKey);
    const r = parseRect(address);
    const input: EngineInput = typeof value === "string" ? (value === "" ? null : `'${value}`) : value;
    this.writeCell(s, r.top, r.left, input, opts.numberFormat);
    if (opts.event !== false) this.changed(s, address, "Unknown");
  }

  /**
   * setCell for many cells at once (one recalculation): for tests that fill whole tables.
   * An entry holds an exact value, a formula ("=…") or an error value ("#REF!").
   */
  setCells(sheetKey: string, entries: readonly FakeCellEntry[], opts: { event?: boolean } = {}): void {
    const s = this.requireSheet(sheetKey);
    this.writeMany(() => {
      for (const e of entries) {
        const r = parseRect(e.address);
        let input: EngineInput;
        if ("formula" in e) input = e.formula.startsWith("=") ? e.formula : `=${e.formula}`;
        else if ("error" in e) input = e.error;
        else input = typeof e.value === "string" ? (e.value === "" ? null : `'${e.value}`) : e.value;
        this.writeCell(s, r.top, r.left, input);
      }
    });
    if (opts.event !== false && entries.length) this.changed(s, entries[0]!.address, "Unknown");
  }

  /**
   * Run many low-level writes with one recalculation (a 2-D Range write is one operation in
   * Excel; recalculating the registers' formulas after each of its cells made the fake crawl).
   * Nothing may read computed values inside `fn`.
   */
  writeMany(fn: () => void): void {
    if (this.hf.isEvaluationSuspended()) return fn();
    this.touch();
    if (this.batch) {
      // Inside a batch: recalculated at the next read or at the batch's end.
      this.hf.suspendEvaluation();
      return fn();
    }
    // Not hf.batch(): its undo bookkeeping rescans the whole batch on every write (quadratic),
    // even with undo off. Suspending evaluation is all that is wanted.
    this.hf.suspendEvaluation();
    try {
      fn();
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  /** Put an error value (#REF!, #VALUE!, …) into a cell. */
  setError(sheetKey: string, address: string, error: "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#N/A" | "#NUM!"): void {
    const s = this.requireSheet(sheetKey);
    const r = parseRect(address);
    this.writeCell(s, r.top, r.left, error);
    this.changed(s, address, "Unknown");
  }

  changed(sheet: FakeSheet, address: string, triggerSource: "Unknown" | "ThisLocalAddin"): void {
    this.emit(
      "changed",
      { type: "WorksheetChanged", worksheetId: sheet.id, address, changeType: "RangeEdited", source: "Local", triggerSource },
      sheet.id,
    );
    this.notify();
  }

  // ------------------------------------------------------------------ import

  /** Add sheets built from an .xlsx (insertWorksheetsFromBase64); returns their ids. */
  importSheets(seeds: FakeSheetSeed[], position: number): string[] {
    this.touch();
    for (const seed of seeds) {
      if (this.sheet(seed.name)) throw new FakeOfficeError("InvalidOperation", `A worksheet named "${seed.name}" already exists; the fake does not guess how Excel renames on insert.`);
    }
    const ids: string[] = [];
    this.writeMany(() => {
      seeds.forEach((seed, i) => {
        const hfName = this.hf.addSheet(seed.name);
        const s = new FakeSheet(sheetId(++this.seq), seed.name, this.hf.getSheetId(hfName)!);
        s.protected = seed.protected;
        s.visible = seed.visible;
        s.merges = [...seed.merges];
        for (const [c, w] of Object.entries(seed.widths)) s.widths.set(Number(c), w);
        for (const c of seed.hiddenColumns) s.hiddenColumns.add(c);
        if (seed.conditionalFormats) s.appearance.conditionalFormats = seed.conditionalFormats.map((cf) => ({ ...cf }));
        for (const cell of seed.cells) {
          if (cell.input !== null) this.hf.setCellContents({ sheet: s.hfId, row: cell.row - 1, col: cell.col - 1 }, [[cell.input]]);
          putMeta(s, cell.row, cell.col, {
            numberFormat: cell.numberFormat ?? "General",
            locked: cell.locked ?? true,
            ...(cell.style ? { style: { ...cell.style } } : {}),
          });
        }
        this.sheets.splice(Math.min(position + i, this.sheets.length), 0, s);
        ids.push(s.id);
      });
    });
    if (!this.activeId && ids[0]) this.activeId = ids[0];
    for (const id of ids) this.emit("added", { type: "WorksheetAdded", worksheetId: id, source: "Local" });
    this.notify();
    return ids;
  }

  // ------------------------------------------------------------------ events

  addHandler(event: FakeEventName, handler: FakeHandler, sheetId?: string): () => void {
    let set: Set<FakeHandler>;
    if (sheetId) {
      const m = this.sheetHandlers.get(sheetId) ?? new Map<FakeEventName, Set<FakeHandler>>();
      this.sheetHandlers.set(sheetId, m);
      set = m.get(event) ?? new Set();
      m.set(event, set);
    } else {
      set = this.collectionHandlers.get(event) ?? new Set();
      this.collectionHandlers.set(event, set);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  handlerCount(): number {
    let n = 0;
    for (const s of this.collectionHandlers.values()) n += s.size;
    for (const m of this.sheetHandlers.values()) for (const s of m.values()) n += s.size;
    return n;
  }

  /** The task pane closed or reloaded: its handlers are gone (as in Excel). */
  dropHandlers(): void {
    this.collectionHandlers.clear();
    this.sheetHandlers.clear();
  }

  private emit(event: FakeEventName, args: Record<string, unknown>, sheetId?: string): void {
    const targets = [...(this.collectionHandlers.get(event) ?? [])];
    if (sheetId) targets.push(...(this.sheetHandlers.get(sheetId)?.get(event) ?? []));
    const fire = () => {
      for (const h of targets) {
        // Excel calls handlers asynchronously, after the change.
        this.pending.push(Promise.resolve().then(() => h({ ...args })));
      }
    };
    // Inside a batch the events wait for its outcome: a failed batch changed nothing.
    if (this.batch) this.batch.events.push(fire);
    else fire();
  }

  /** Wait until every event handler triggered so far has finished. */
  async settle(): Promise<void> {
    while (this.pending.length) {
      const p = this.pending;
      this.pending = [];
      await Promise.allSettled(p);
    }
  }

  // ------------------------------------------------------------------ listeners (workbench)

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  // ------------------------------------------------------------------ batches

  /**
   * Start a batch: its events wait for its end, and formulas are recalculated once when
   * something is read or the batch ends (a build batch writes hundreds of formula ranges;
   * recalculating the registers after each made the workbench crawl).
   */
  beginBatch(): void {
    this.batch = { changed: false, events: [] };
    if (!this.hf.isEvaluationSuspended()) this.hf.suspendEvaluation();
  }

  /** Bring computed values up to date (a batch defers recalculation until a read). */
  private recalculate(): void {
    if (this.hf.isEvaluationSuspended()) this.hf.resumeEvaluation();
  }

  /**
   * The batch ended, well or not: what ran stays (no rollback, as on desktop Excel) and its
   * events fire.
   */
  commitBatch(): void {
    const b = this.batch;
    this.batch = null;
    this.recalculate();
    for (const fire of b?.events ?? []) fire();
    // A batch that only read changed nothing the workbench would draw differently.
    if (b?.changed || b?.events.length) this.notify();
  }

  /**
   * Test hook: after `skip` more syncs, the next one fails with GeneralException once `after`
   * of its operations ran (they stay). Several calls queue several failures.
   */
  failSync(after: number, skip = 0): void {
    this.plannedFailures.push({ skip, after });
  }

  /** For the sync now starting: how many operations run before a planned failure, or null. */
  takePlannedFailure(): number | null {
    const next = this.plannedFailures[0];
    if (!next) return null;
    if (next.skip > 0) {
      next.skip--;
      return null;
    }
    this.plannedFailures.shift();
    return next.after;
  }

  /** Called before every change. */
  private touch(): void {
    if (this.batch) this.batch.changed = true;
  }

  // ------------------------------------------------------------------ cell-edit mode

  /** The clerk starts typing in a cell: Excel.run batches fail (or wait, with delayForCellEdit). */
  beginCellEdit(): void {
    this.cellEditing = true;
  }

  /** The clerk pressed Enter or Esc: delayed batches run. */
  endCellEdit(): void {
    this.cellEditing = false;
    const w = this.editWaiters;
    this.editWaiters = [];
    for (const f of w) f();
  }

  /** Resolves when cell-edit mode ends (at once when not editing). */
  cellEditEnded(): Promise<void> {
    if (!this.cellEditing) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /**
   * Writes into merged areas, as strictly as Excel may treat them: a write may cover a merged
   * area whole (its other cells left null) or name exactly its top-left cell; a write that cuts
   * through a merged area, or puts a value into one of its other cells, fails.
   */
  assertMergeWrite(sheet: FakeSheet, rect: Rect, data: readonly (readonly unknown[])[]): void {
    for (const m of sheet.merges) {
      const inter = m.top <= rect.bottom && rect.top <= m.bottom && m.left <= rect.right && rect.left <= m.right;
      if (!inter) continue;
      const anchorOnly = rect.top === m.top && rect.left === m.left && rect.bottom === m.top && rect.right === m.left;
      const whole = rect.top <= m.top && rect.left <= m.left && rect.bottom >= m.bottom && rect.right >= m.right;
      const where = `${sheet.name}!R${m.top}C${m.left}:R${m.bottom}C${m.right}`;
      if (anchorOnly) continue;
      if (!whole) throw new FakeOfficeError("InvalidOperation", `Cannot change part of a merged cell (${where}).`);
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          const v = data[r - rect.top]?.[c - rect.left];
          if (v !== null && v !== undefined) throw new FakeOfficeError("InvalidOperation", `Cannot put a value into a merged cell other than its top-left one (${where}).`);
        }
      }
    }
  }

  resetCounters(): void {
    this.opsPerSync = [];
    this.responseBytesPerSync = [];
    this.syncCount = 0;
    this.writeCount = 0;
    this.uiCount = 0;
  }
}

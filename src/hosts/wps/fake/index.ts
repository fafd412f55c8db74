/**
 * An in-memory fake of WPS 表格's ET object model (window.Application) over the same workbook
 * model as the Excel fake (src/workbook/memory/model.ts), so the workbench grid, the formulas and the
 * protection rules are shared. It implements exactly the narrow interfaces of src/hosts/wps/et.ts (which
 * are checked against et-jsapi-declare), and is strict where WPS is or may be:
 *  - collections are 1-based; Item() of an unknown name or an index out of range throws;
 *  - Value2 of one cell is a scalar, of a block a 2-D array; writing a block needs an array of
 *    exactly its shape; error cells read as the COM CVErr codes (VBA's Value2), empty as undefined;
 *  - writing a locked cell of a protected sheet throws, as does Protect on a protected sheet and
 *    Unprotect with a wrong password;
 *  - a Worksheet or Range object of a deleted sheet, or of a closed workbook, throws when used;
 *  - events (SheetChange, SheetActivate, WorkbookActivate, WorkbookNewSheet, SheetBeforeDelete)
 *    arrive after the change, like the Excel fake's.
 * `calls` counts every member the page uses (reads, writes, calls), independently of the
 * adapter's own counter, so tests can check that the adapter counts honestly.
 */
import { parseRect, rectAddress, type Rect } from "../../../template/address";
import { FakeWorkbookModel, type FakeSheet } from "../../../workbook/memory/model";
import { parseEntry } from "../../../workbook/memory/entry";
import type { FakeCellSeed, FakeSheetSeed } from "../../../workbook/memory/model";
import { CVERR_TEXT } from "../values";
import type {
  EtApiEvent,
  EtApplication,
  EtEventName,
  EtFileSystem,
  EtListener,
  EtOAAssist,
  EtRange,
  EtSheetGroup,
  EtSheets,
  EtWorkbook,
  EtWorkbooks,
  EtWorksheet,
} from "../et";

export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WpsApiError";
  }
}

const ERROR_CODE = new Map([...CVERR_TEXT].map(([code, text]) => [text, code]));

interface Counter {
  calls: number;
}

/** A template sheet as seeds again (for Sheets.Copy between two fake workbooks). */
function sheetSeed(model: FakeWorkbookModel, s: FakeSheet): FakeSheetSeed {
  const cells: FakeCellSeed[] = [];
  const used = model.usedSize(s);
  for (let row = 1; row <= used.rows; row++) {
    for (let col = 1; col <= used.cols; col++) {
      const isFormula = model.isFormula(s, row, col);
      const v = isFormula ? model.formula(s, row, col) : model.value(s, row, col);
      const input = isFormula ? String(v) : typeof v === "string" ? (v === "" ? null : ERROR_CODE.has(v) ? v : `'${v}`) : v;
      const metaKnown = s.meta.has(`${row},${col}`);
      if (input === null && !metaKnown) continue;
      cells.push({ row, col, input, numberFormat: model.numberFormat(s, row, col), locked: model.locked(s, row, col), style: model.style(s, row, col) });
    }
  }
  return {
    name: s.name,
    cells,
    merges: [...s.merges],
    widths: Object.fromEntries(s.widths),
    hiddenColumns: [...s.hiddenColumns],
    protected: s.protected,
    visible: s.visible,
    // Copy keeps the sheet's conditional formats, as in ET and Excel.
    ...(s.appearance.conditionalFormats.length ? { conditionalFormats: s.appearance.conditionalFormats.map((c) => ({ ...c })) } : {}),
  };
}

class FakeEtRange implements EtRange {
  constructor(
    private readonly ws: FakeEtWorksheet,
    readonly rect: Rect,
    /** All areas of a union address ("D5,D29"); only Select uses more than the first. */
    private readonly areas: Rect[] = [rect],
  ) {}

  /** Values of a multi-area range are not modelled: refuse rather than guess. */
  private single_area(): void {
    if (this.areas.length > 1) throw new FakeEtError("多区域的 Range 只支持 Select（读写值请逐个区域进行）。");
  }

  private cells<T>(f: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const line: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) line.push(f(r, c));
      out.push(line);
    }
    return out;
  }

  private single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  private shaped<T>(grid: T[][]): T | T[][] {
    return this.single() ? grid[0]![0]! : grid;
  }

  /** One value of the block: all equal, or null when mixed (Excel's rule for Locked, HasFormula…). */
  private uniform<T>(grid: T[][]): T | null {
    const all = grid.flat();
    return all.every((v) => v === all[0]) ? all[0]! : null;
  }

  get Value2(): unknown {
    const { model, sheet } = this.ws.live();
    this.single_area();
    return this.shaped(
      this.cells((r, c) => {
        const v = model.value(sheet, r, c);
        if (v === "") return undefined;
        if (typeof v === "string" && ERROR_CODE.has(v)) return ERROR_CODE.get(v);
        return v;
      }),
    );
  }

  set Value2(v: unknown) {
    const { model, sheet } = this.ws.live();
    this.single_area();
    const rows = this.rect.bottom - this.rect.top + 1;
    const cols = this.rect.right - this.rect.left + 1;
    let grid: unknown[][];
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeEtError(`Value2: 数组的形状与区域 ${rectAddress(this.rect)} 不一致（${rows} 行 ${cols} 列）。`);
      }
      grid = v as unknown[][];
    } else {
      grid = this.cells(() => v);
    }
    model.assertWritable(sheet, this.rect);
    for (const line of grid) {
      for (const x of line) {
        if (x !== null && x !== undefined && typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") {
          throw new FakeEtError(`Value2: 不支持的值 ${String(x)}。`);
        }
      }
    }
    grid.forEach((line, i) =>
      line.forEach((x, j) => {
        const input = typeof x === "string" ? parseEntry(x) : { input: x === undefined ? null : (x as number | boolean | null) };
        model.writeCell(sheet, this.rect.top + i, this.rect.left + j, input.input, "numberFormat" in input ? input.numberFormat : undefined);
      }),
    );
    model.writeCount++;
    model.changed(sheet, rectAddress(this.rect), "Unknown");
  }

  get Formula(): unknown {
    const { model, sheet } = this.ws.live();
    this.single_area();
    return this.shaped(this.cells((r, c) => {
      const f = model.formula(sheet, r, c);
      return typeof f === "string" ? f : String(f === true ? "TRUE" : f === false ? "FALSE" : f);
    }));
  }

  get HasFormula(): unknown {
    const { model, sheet } = this.ws.live();
    this.single_area();
    return this.uniform(this.cells((r, c) => model.isFormula(sheet, r, c)));
  }

  get Locked(): unknown {
    const { model, sheet } = this.ws.live();
    this.single_area();
    return model.lockedState(sheet, this.rect);
  }

  set Locked(v: unknown) {
    const { model, sheet } = this.ws.live();
    this.single_area();
    if (sheet.protected) throw new FakeEtError("不能在受保护的工作表上更改单元格的锁定状态。");
    model.setCellFormat(sheet, this.rect, { locked: Boolean(v) });
  }

  get NumberFormat(): unknown {
    const { model, sheet } = this.ws.live();
    this.single_area();
    return this.uniform(this.cells((r, c) => model.numberFormat(sheet, r, c)));
  }

  /** One format for every cell of the block (as VBA assigns a single string). */
  set NumberFormat(v: unknown) {
    const { model, sheet } = this.ws.live();
    this.single_area();
    if (typeof v !== "string") throw new FakeEtError("NumberFormat: 需要一个格式字符串。");
    if (sheet.protected) throw new FakeEtError("不能在受保护的工作表上更改单元格格式。");
    this.cells((r, c) => model.setNumberFormat(sheet, r, c, v));
  }

  Select(): unknown {
    const { model, sheet } = this.ws.live();
    if (model.activeId !== sheet.id) throw new FakeEtError("Select: 只能选择活动工作表上的区域（请先 Activate）。");
    model.select(sheet.id, this.areas);
    model.uiCount++;
    return true;
  }
}

/** Members of the fake's classes that are not part of the ET model (used between fake objects). */
const INTERNAL = new Set(["live", "sheet", "model", "rect", "book", "app", "assertOpen", "worksheet", "open", "single_area", "displayAlerts"]);

/** Count every member use of an object (a Proxy, so no member can be forgotten). */
function tally<T extends object>(obj: T, counter: Counter): T {
  return new Proxy(obj, {
    // Members run on the object itself, so the fake's own internal use is not counted.
    get(o, p) {
      const v = Reflect.get(o, p, o);
      if (typeof p === "symbol" || p === "constructor" || INTERNAL.has(p)) return v;
      if (typeof v === "function") {
        return (...args: unknown[]) => {
          counter.calls++;
          return (v as (...a: unknown[]) => unknown).apply(o, args);
        };
      }
      counter.calls++;
      return v;
    },
    set(o, p, v) {
      counter.calls++;
      return Reflect.set(o, p, v, o);
    },
  });
}

class FakeEtWorksheet implements EtWorksheet {
  constructor(
    readonly book: FakeEtWorkbook,
    readonly sheet: FakeSheet,
    private readonly counter: Counter,
  ) {}

  /** The sheet, if it still exists in an open workbook. */
  live(): { model: FakeWorkbookModel; sheet: FakeSheet } {
    this.book.assertOpen();
    const model = this.book.model;
    if (!model.sheets.includes(this.sheet)) throw new FakeEtError("该工作表已被删除（对象不再可用）。");
    return { model, sheet: this.sheet };
  }

  get Name(): string {
    return this.live().sheet.name;
  }

  set Name(name: string) {
    const { model, sheet } = this.live();
    if (!/^[^\\/?*[\]:]{1,31}$/.test(name) || name.startsWith("'")) throw new FakeEtError(`工作表名称无效：“${name}”。`);
    model.renameSheet(sheet.id, name);
  }

  get Index(): number {
    const { model, sheet } = this.live();
    return model.sheets.indexOf(sheet) + 1;
  }

  get ProtectContents(): boolean {
    return this.live().sheet.protected;
  }

  Range(Cell1: string): EtRange {
    this.live();
    let areas: Rect[];
    try {
      areas = Cell1.split(",").map((a) => parseRect(a.trim()));
    } catch {
      throw new FakeEtError(`Range: 无效的地址“${Cell1}”。`);
    }
    return tally(new FakeEtRange(this, areas[0]!, areas), this.counter);
  }

  Protect(Password?: unknown): void {
    const { model, sheet } = this.live();
    if (sheet.protected) throw new FakeEtError(`工作表“${sheet.name}”已受保护。`);
    model.protect(sheet, {}, typeof Password === "string" && Password !== "" ? Password : undefined);
  }

  Unprotect(Password?: string): void {
    const { model, sheet } = this.live();
    try {
      model.unprotect(sheet, Password);
    } catch {
      throw new FakeEtError(`密码不正确，不能撤销工作表“${sheet.name}”的保护。`);
    }
  }

  Activate(): void {
    const { model, sheet } = this.live();
    this.book.app.activateBook(this.book);
    model.activate(sheet.id);
    model.uiCount++;
  }

  Delete(): void {
    const { model, sheet } = this.live();
    // With alerts on, WPS asks "要删除此工作表吗" in a modal dialog a script cannot answer: refused.
    const used = model.usedSize(sheet);
    if (this.book.app.displayAlerts && (used.rows > 0 || used.cols > 0)) throw new FakeEtError(`删除工作表“${sheet.name}”需要确认（DisplayAlerts 未关闭）。`);
    try {
      model.deleteSheet(sheet.id);
    } catch (e) {
      throw new FakeEtError(e instanceof Error ? e.message : String(e));
    }
    model.writeCount++;
  }

  get UsedRange(): EtRange {
    const { model, sheet } = this.live();
    // As WPS: formats count too; an empty sheet's used range is A1.
    const used = model.usedSize(sheet);
    const rect = { top: 1, left: 1, bottom: Math.max(1, used.rows), right: Math.max(1, used.cols) };
    return tally(new FakeEtRange(this, rect, [rect]), this.counter);
  }
}

class FakeEtSheetGroup implements EtSheetGroup {
  constructor(
    private readonly book: FakeEtWorkbook,
    private readonly sheets: FakeSheet[],
  ) {}

  Copy(Before?: EtWorksheet, After?: EtWorksheet): void {
    this.book.assertOpen();
    const anchor = (After ?? Before) as FakeEtWorksheet | undefined;
    if (!anchor || !(anchor instanceof FakeEtWorksheet)) throw new FakeEtError("Copy: 需要指定 Before 或 After（复制到新工作簿未实现）。");
    const { model: target, sheet } = anchor.live();
    const seeds = this.sheets.map((s) => sheetSeed(this.book.model, s));
    // Excel names a colliding copy "表三 (2)"; the adapter names its copies itself, so the fake
    // refuses instead of guessing.
    for (const s of seeds) if (target.sheet(s.name)) throw new FakeEtError(`目标工作簿中已有名为“${s.name}”的工作表。`);
    const at = target.sheets.indexOf(sheet) + (After ? 1 : 0);
    const ids = target.importSheets(seeds, at);
    target.writeCount++;
    target.activate(ids[0]!);
  }
}

class FakeEtSheets implements EtSheets {
  constructor(
    private readonly book: FakeEtWorkbook,
    private readonly counter: Counter,
  ) {}

  get Count(): number {
    this.book.assertOpen();
    return this.book.model.sheets.length;
  }

  Item(Index: number | string): EtWorksheet;
  Item(Index: string[]): EtSheetGroup;
  Item(Index: number | string | string[]): EtWorksheet | EtSheetGroup {
    this.book.assertOpen();
    const model = this.book.model;
    const one = (i: number | string): FakeSheet => {
      const s = typeof i === "number" ? (Number.isInteger(i) && i >= 1 ? model.sheets[i - 1] : undefined) : model.sheet(i);
      if (!s) throw new FakeEtError(`Sheets.Item(${JSON.stringify(i)}): 下标越界。`);
      return s;
    };
    if (Array.isArray(Index)) return tally(new FakeEtSheetGroup(this.book, Index.map(one)), this.counter);
    return this.book.worksheet(one(Index));
  }

  Add(Before?: EtWorksheet, After?: EtWorksheet): EtWorksheet {
    this.book.assertOpen();
    const model = this.book.model;
    const anchor = (After ?? Before) as FakeEtWorksheet | undefined;
    if (anchor !== undefined && !(anchor instanceof FakeEtWorksheet)) throw new FakeEtError("Sheets.Add: Before/After 不是工作表。");
    const active = model.activeSheet();
    // As Excel: without an anchor, before the active sheet.
    const at = anchor ? model.sheets.indexOf(anchor.live().sheet) + (After ? 1 : 0) : active ? model.sheets.indexOf(active) : 0;
    const s = model.addSheet(undefined, at);
    model.writeCount++;
    model.activate(s.id);
    return this.book.worksheet(s);
  }
}

class FakeEtWorkbook implements EtWorkbook {
  open = true;
  private readonly sheetObjects = new Map<string, FakeEtWorksheet>();
  constructor(
    readonly app: FakeEtApplication,
    readonly model: FakeWorkbookModel,
    readonly name: string,
    readonly path: string,
    private readonly counter: Counter,
  ) {}

  assertOpen(): void {
    if (!this.open) throw new FakeEtError("该工作簿已关闭（对象不再可用）。");
  }

  worksheet(s: FakeSheet): EtWorksheet {
    // A new proxy per call, as a bridge hands out new wrapper objects.
    return tally(new FakeEtWorksheet(this, s, this.counter), this.counter);
  }

  get Name(): string {
    this.assertOpen();
    return this.name;
  }

  get FullName(): string {
    this.assertOpen();
    return this.path || this.name;
  }

  get Sheets(): EtSheets {
    this.assertOpen();
    return tally(new FakeEtSheets(this, this.counter), this.counter);
  }

  /** The model has worksheets only (no chart sheets), so Worksheets is Sheets. */
  get Worksheets(): EtSheets {
    this.assertOpen();
    return tally(new FakeEtSheets(this, this.counter), this.counter);
  }

  get ActiveSheet(): EtWorksheet | null {
    this.assertOpen();
    const s = this.model.activeSheet();
    return s ? this.worksheet(s) : null;
  }

  Close(SaveChanges?: boolean): void {
    this.assertOpen();
    void SaveChanges;
    this.open = false;
    this.app.closeBook(this);
  }
}

type Listeners = Map<EtEventName, Set<EtListener>>;

class FakeEtApplication implements EtApplication {
  readonly books: FakeEtWorkbook[] = [];
  displayAlerts = true;
  active: FakeEtWorkbook | null = null;
  readonly listeners: Listeners = new Map();
  readonly files = new Map<string, FakeSheetSeed[]>();
  readonly served = new Map<string, FakeSheetSeed[]>();
  private tmp = 0;

  constructor(readonly counter: Counter) {}

  emit(name: EtEventName, ...args: unknown[]): void {
    for (const l of [...(this.listeners.get(name) ?? [])]) (l as (...a: unknown[]) => void)(...args);
  }

  addBook(model: FakeWorkbookModel, name: string, path = ""): FakeEtWorkbook {
    const book = new FakeEtWorkbook(this, model, name, path, this.counter);
    const proxy = () => tally(book, this.counter) as EtWorkbook;
    model.addHandler("changed", (a) => {
      const s = model.sheet(String(a.worksheetId));
      if (s && book.open) this.emit("SheetChange", book.worksheet(s), tally(new FakeEtRange(new FakeEtWorksheet(book, s, this.counter), parseRect(String(a.address))), this.counter));
    });
    model.addHandler("activated", (a) => {
      const s = model.sheet(String(a.worksheetId));
      if (s && book.open) this.emit("SheetActivate", book.worksheet(s));
    });
    model.addHandler("added", (a) => {
      const s = model.sheet(String(a.worksheetId));
      if (s && book.open) this.emit("WorkbookNewSheet", proxy(), book.worksheet(s));
    });
    model.addHandler("deleted", () => {
      if (book.open) this.emit("SheetBeforeDelete", proxy());
    });
    this.books.push(book);
    this.activateBook(book);
    return book;
  }

  activateBook(book: FakeEtWorkbook): void {
    if (this.active === book) return;
    this.active = book;
    const proxy = tally(book, this.counter) as EtWorkbook;
    void Promise.resolve().then(() => this.emit("WorkbookActivate", proxy));
  }

  closeBook(book: FakeEtWorkbook): void {
    this.books.splice(this.books.indexOf(book), 1);
    if (this.active === book) {
      this.active = null;
      const next = this.books[this.books.length - 1];
      if (next) this.activateBook(next);
    }
  }

  get DisplayAlerts(): boolean {
    return this.displayAlerts;
  }

  set DisplayAlerts(v: boolean) {
    this.displayAlerts = v;
  }

  get ActiveWorkbook(): EtWorkbook | null {
    return this.active ? (tally(this.active, this.counter) as EtWorkbook) : null;
  }

  get Workbooks(): EtWorkbooks {
    const { books, files, counter } = this;
    const add = (model: FakeWorkbookModel, name: string, path?: string) => tally(this.addBook(model, name, path), counter) as EtWorkbook;
    return tally<EtWorkbooks>(
      {
        get Count() {
          return books.length;
        },
        Open(Filename: string): EtWorkbook {
          const seeds = files.get(Filename);
          if (!seeds) throw new FakeEtError(`打开文件失败：找不到“${Filename}”。`);
          const model = new FakeWorkbookModel();
          model.importSheets(seeds, 0);
          return add(model, Filename.split(/[\\/]/).pop() ?? Filename, Filename);
        },
        Add(): EtWorkbook {
          const model = new FakeWorkbookModel();
          model.addSheet("Sheet1");
          return add(model, `工作簿${books.length + 1}`);
        },
      },
      this.counter,
    );
  }

  get ApiEvent(): EtApiEvent {
    const listeners = this.listeners;
    return tally<EtApiEvent>(
      {
        AddApiEventListener(EventName, callback) {
          const set = listeners.get(EventName) ?? new Set();
          listeners.set(EventName, set);
          set.add(callback);
        },
        RemoveApiEventListener(EventName, callback) {
          if (callback) listeners.get(EventName)?.delete(callback);
          else listeners.delete(EventName);
        },
      },
      this.counter,
    );
  }

  get OAAssist(): EtOAAssist {
    const { served, files } = this;
    const next = () => ++this.tmp;
    return tally<EtOAAssist>(
      {
        DownloadFile(url: string): string {
          const seeds = served.get(url);
          if (!seeds) return "";
          const path = `/tmp/wps-${next()}/${decodeURIComponent(url.split("/").pop() ?? "download")}`;
          files.set(path, seeds);
          return path;
        },
        ShellExecute() {
          // nothing to open in a test
        },
      },
      this.counter,
    );
  }

  get FileSystem(): EtFileSystem {
    const files = this.files;
    return tally<EtFileSystem>(
      {
        Remove(path: string) {
          if (!files.delete(path)) throw new FakeEtError(`删除文件失败：找不到“${path}”。`);
        },
      },
      this.counter,
    );
  }
}

export interface FakeEt {
  /** Stand-in for window.Application. */
  Application: EtApplication;
  /** The active workbook's model (the same class as the Excel fake's): type, inspect, settle. */
  readonly workbook: FakeWorkbookModel;
  /** Calls the page made into the fake so far. */
  readonly calls: number;
  resetCalls(): void;
  /** Serve a workbook at a URL (for OAAssist.DownloadFile): our template, as parsed sheets. */
  serve(url: string, seeds: FakeSheetSeed[]): void;
  /** A workbook file on the local disk (for Workbooks.Open of a path). */
  putFile(path: string, seeds: FakeSheetSeed[]): void;
  /** Whether a local file exists (e.g. after FileSystem.Remove). */
  hasFile(path: string): boolean;
  /** Open another workbook and make it active (as the clerk would). */
  openWorkbook(name: string): FakeWorkbookModel;
  /** Switch to a workbook opened before. */
  activateWorkbook(model: FakeWorkbookModel): void;
  /** Registered event listeners. */
  listenerCount(): number;
  /** Let pending event deliveries run. */
  settle(): Promise<void>;
}

export function createFakeEt(opts: { firstSheet?: string; model?: FakeWorkbookModel } = {}): FakeEt {
  const counter: Counter = { calls: 0 };
  const app = new FakeEtApplication(counter);
  const model = opts.model ?? new FakeWorkbookModel();
  if (!opts.model) model.addSheet(opts.firstSheet ?? "Sheet1");
  app.addBook(model, "工作簿1");
  const application = tally(app as EtApplication, counter);
  return {
    Application: application,
    get workbook() {
      if (!app.active) throw new FakeEtError("没有打开的工作簿。");
      return app.active.model;
    },
    get calls() {
      return counter.calls;
    },
    resetCalls() {
      counter.calls = 0;
    },
    serve(url, seeds) {
      app.served.set(url, seeds);
    },
    putFile(path, seeds) {
      app.files.set(path, seeds);
    },
    hasFile(path) {
      return app.files.has(path);
    },
    openWorkbook(name) {
      const m = new FakeWorkbookModel();
      m.addSheet("Sheet1");
      app.addBook(m, name);
      return m;
    },
    activateWorkbook(m) {
      const book = app.books.find((b) => b.model === m);
      if (!book) throw new FakeEtError("该工作簿未打开。");
      app.activateBook(book);
    },
    listenerCount() {
      let n = 0;
      for (const s of app.listeners.values()) n += s.size;
      return n;
    },
    async settle() {
      for (const b of app.books) await b.model.settle();
      await Promise.resolve();
      for (const b of app.books) await b.model.settle();
    },
  };
}

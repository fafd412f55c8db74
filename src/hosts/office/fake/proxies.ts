/**
 * Proxy objects shaped like Office.js's Excel API, over FakeWorkbookModel. They keep Office.js's
 * batching rules: methods and property writes are queued and run at context.sync(); a property
 * can be read only after it was loaded AND a sync ran (else PropertyNotLoaded is thrown);
 * ClientResult.value is available only after a sync; errors (ItemNotFound, …) surface at sync.
 * Only what the adapter, the pane and the workbench use is implemented — faithfully.
 */
import { a1, parseRect, quoteSheet, rectAddress, type Rect } from "../../../template/address";
import { base64ToBytes } from "../../../template/base64";
import { parseEntry, textInput, type EngineInput } from "../../../workbook/memory/entry";
import { FakeOfficeError, notLoaded } from "../../../workbook/memory/errors";
import { conditionalFormats, dataValidation, freezePanes, mergeRange, rangeFormat, setColumnHidden, setLocked, setShowGridlines } from "./formats";
import { ApiGate } from "./gate";
import { AppliedThenFailed, type FakeEventName, type FakeSheet, type FakeSheetSeed, type FakeWorkbookModel, type OfficeValue } from "../../../workbook/memory/model";
import { parseXlsx } from "../../../workbook/memory/xlsxImport";

type Action = () => void | Promise<void>;

/** What one sync may carry on the simulated host (HostProfile.queueLimit, responseLimitBytes). */
export interface FakeSyncLimits {
  queueLimit: number;
  responseLimitBytes: number | null;
}

const NO_LIMITS: FakeSyncLimits = { queueLimit: Number.POSITIVE_INFINITY, responseLimitBytes: null };

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Action[] = [];
  /** Bytes the current sync's loads return (JSON of the loaded values), for the response limit. */
  private responseBytes = 0;
  /** Excel.run({ delayForCellEdit: true }, …): batches wait for cell-edit mode to end. */
  delayForCellEdit = false;
  constructor(
    readonly model: FakeWorkbookModel,
    /** What the host profile has (default: everything the map knows). */
    readonly gate: ApiGate = new ApiGate(() => ({ ExcelApi: "99.0", ExcelApiOnline: "99.0", ExcelApiDesktop: "99.0" })),
    readonly limits: FakeSyncLimits = NO_LIMITS,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Wrap a proxy so members of Excel type `type` outside the host profile are missing. */
  gated<T extends object>(target: T, type: string): T {
    return this.gate.wrap(target, type, (member) =>
      this.enqueue(() => {
        throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found (${type}.${member}). It may be available in a newer version of Excel.`);
      }),
    );
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  /**
   * A method that returns an object (getRange, getItem, borders.getItem…) is an operation of the
   * request too, as in Office.js: it counts toward the queue limit and does nothing at sync.
   */
  instantiate(): void {
    this.queue.push(() => undefined);
  }

  /** Called by loads as they run: the size of what the response would carry. */
  addResponse(value: unknown): void {
    this.responseBytes += JSON.stringify(value ?? null).length;
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /**
   * Run the queued batch. In cell-edit mode it fails with InvalidOperationInCellEditMode before
   * running anything, unless the run asked for delayForCellEdit (honoured from ExcelApi 1.11 — an
   * assumption, see docs/hosts.md), which waits until the edit ends. Otherwise, like desktop
   * Excel, a failing batch is NOT rolled back: the operations before the failing one stay and
   * their events fire. A batch above the profile's queue limit runs that many operations and
   * fails; a response above the profile's limit (the web: 5 MB) fails after the batch ran.
   */
  async sync<T>(passThroughValue?: T): Promise<T> {
    const m = this.model;
    m.syncCount++;
    const q = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    m.opsPerSync.push(q.length);
    if (m.cellEditing) {
      if (this.delayForCellEdit && this.gate.supports("ExcelApi", "1.11")) await m.cellEditEnded();
      else throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    const planned = m.takePlannedFailure();
    const runnable = Math.min(q.length, this.limits.queueLimit, planned ?? Number.POSITIVE_INFINITY);
    m.beginBatch();
    try {
      for (let i = 0; i < runnable; i++) await q[i]!();
      if (q.length > this.limits.queueLimit) {
        throw new FakeOfficeError("GeneralException", `An internal error has occurred (the batch of ${q.length} operations is larger than this Excel takes: ${this.limits.queueLimit}).`);
      }
      if (planned !== null) throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      m.responseBytesPerSync.push(this.responseBytes);
      const max = this.limits.responseLimitBytes;
      if (max !== null && this.responseBytes > max) {
        throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${max}).`);
      }
    } catch (e) {
      // What ran stays (no rollback), as on desktop Excel.
      m.commitBatch();
      if (e instanceof AppliedThenFailed) throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      throw e;
    }
    m.commitBatch();
    return passThroughValue as T;
  }
}

/** Property names asked for by load(): "a,b", ["a","b"], {select:"a,b"}; "items/x" for collections. */
function parseLoad(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null;
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => String(s).split(",")).map((s) => s.trim()).filter(Boolean);
  if (typeof arg === "object" && "select" in arg) return parseLoad((arg as { select?: unknown }).select);
  throw new FakeOfficeError("InvalidArgument", "Unsupported load option.");
}

abstract class FakeClientObject {
  protected readonly loadedProps = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}

  protected abstract readonly scalarProps: readonly string[];
  /** The Excel type this proxy stands for (its members are gated by the host profile). */
  abstract get apiType(): string;
  /** Read a property from the model; runs at sync time. */
  protected abstract readProp(name: string): unknown;

  load(arg?: unknown): this {
    const names = parseLoad(arg) ?? [...this.scalarProps];
    for (const n of names) {
      if (!this.scalarProps.includes(n)) throw new FakeOfficeError("InvalidArgument", `Cannot load unknown property '${n}'.`);
    }
    const missing = names.filter((n) => !this.context.gate.has(this.apiType, n));
    if (missing.length) {
      this.context.enqueue(() => {
        throw new FakeOfficeError("ApiNotFound", `The API you are trying to use could not be found (${this.apiType}.${missing.join(", ")}).`);
      });
      return this;
    }
    this.context.enqueue(() => {
      for (const n of names) {
        const v = this.readProp(n);
        this.context.addResponse(v);
        this.loadedProps.set(n, v);
      }
    });
    return this;
  }

  protected prop<T>(name: string): T {
    if (!this.loadedProps.has(name)) throw notLoaded(name);
    return this.loadedProps.get(name) as T;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

export class FakeClientResult<T> {
  private set = false;
  private v: T | undefined;
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.v as T;
  }
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly unregister: () => (() => void) | null,
  ) {}
  remove(): void {
    this.context.enqueue(() => {
      this.unregister()?.();
    });
  }
}

const EVENT_ARGS: Record<FakeEventName, string> = {
  changed: "WorksheetChangedEventArgs",
  activated: "WorksheetActivatedEventArgs",
  added: "WorksheetAddedEventArgs",
  deleted: "WorksheetDeletedEventArgs",
};

export class FakeEventHandlers {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly event: FakeEventName,
    private readonly sheet?: FakeWorksheet,
  ) {}
  add(handler: (args: never) => Promise<unknown> | unknown): FakeEventHandlerResult {
    let off: (() => void) | null = null;
    this.context.enqueue(() => {
      const sheetId = this.sheet ? this.sheet.resolve().id : undefined;
      const type = EVENT_ARGS[this.event];
      const gate = this.context.gate;
      const h = handler as (args: Record<string, unknown>) => unknown;
      // The host sends only the fields its requirement sets define (triggerSource is 1.14).
      off = this.context.model.addHandler(this.event, (args) => h(gate.filterArgs(type, args)), sheetId);
    });
    return new FakeEventHandlerResult(this.context, () => off);
  }
}

// ---------------------------------------------------------------------------------- Range

function dims(r: Rect): { rows: number; cols: number } {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function grid<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

/** Expand a value for a range: a 2-D array of the range's shape, or one value for every cell. */
function shape<T>(r: Rect, value: unknown, what: string): (T | null)[][] {
  const { rows, cols } = dims(r);
  if (!Array.isArray(value)) return grid(r, () => value as T);
  if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return value as (T | null)[][];
}

export class FakeRange extends FakeClientObject {
  protected readonly scalarProps = [
    "values",
    "formulas",
    "numberFormat",
    "text",
    "address",
    "addressLocal",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "valueTypes",
  ] as const;

  /** Range.format: protection (locked) and the formats of formats.ts. */
  readonly format: { readonly protection: FakeFormatProtection } & Record<string, unknown>;

  constructor(
    context: FakeRequestContext,
    private readonly sheetRef: FakeWorksheet,
    /** An address, a rectangle, or one computed at sync time (the used range). */
    private readonly where: string | Rect | ((sheet: FakeSheet) => Rect),
  ) {
    super(context);
    this.format = rangeFormat(this, new FakeFormatProtection(context, this)) as FakeRange["format"];
    return context.gated(this, "Range");
  }

  get apiType(): string {
    return "Range";
  }

  resolve(): { sheet: FakeSheet; rect: Rect } {
    const sheet = this.sheetRef.resolve();
    if (typeof this.where === "function") return { sheet, rect: this.where(sheet) };
    if (typeof this.where !== "string") return { sheet, rect: this.where };
    try {
      return { sheet, rect: parseRect(this.where) };
    } catch {
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${this.where}".`);
    }
  }

  protected readProp(name: string): unknown {
    const { sheet, rect } = this.resolve();
    const m = this.context.model;
    switch (name) {
      case "values":
        return grid(rect, (r, c) => m.value(sheet, r, c));
      case "formulas":
        return grid(rect, (r, c) => m.formula(sheet, r, c));
      case "numberFormat":
        return grid(rect, (r, c) => m.numberFormat(sheet, r, c));
      case "text":
        return grid(rect, (r, c) => m.text(sheet, r, c));
      case "valueTypes":
        return grid(rect, (r, c) => {
          const v = m.value(sheet, r, c);
          if (v === "") return "Empty";
          if (typeof v === "boolean") return "Boolean";
          if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
          return /^#/.test(v) && m.isFormula(sheet, r, c) ? "Error" : "String";
        });
      case "address":
      case "addressLocal":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return dims(rect).rows;
      case "columnCount":
        return dims(rect).cols;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
    }
    return undefined;
  }

  get values(): OfficeValue[][] {
    return this.prop("values");
  }
  set values(v: unknown) {
    this.loadedProps.set("values", v);
    this.write(v, "values");
  }
  get formulas(): OfficeValue[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown) {
    this.loadedProps.set("formulas", v);
    this.write(v, "formulas");
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.loadedProps.set("numberFormat", v);
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolve();
      const f = shape<string>(rect, v, "numberFormat");
      const m = this.context.model;
      m.assertWritable(sheet, rect);
      m.writeCount++;
      f.forEach((line, i) => line.forEach((fmt, j) => fmt !== null && m.setNumberFormat(sheet, rect.top + i, rect.left + j, String(fmt))));
    });
  }
  get text(): string[][] {
    return this.prop("text");
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get address(): string {
    return this.prop("address");
  }
  get addressLocal(): string {
    return this.prop("addressLocal");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }

  private write(v: unknown, what: "values" | "formulas"): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolve();
      const m = this.context.model;
      const data = shape<unknown>(rect, v, what);
      m.assertWritable(sheet, rect);
      m.assertMergeWrite(sheet, rect, data);
      m.writeCount++;
      m.writeMany(() =>
        data.forEach((line, i) =>
          line.forEach((x, j) => {
            if (x === null || x === undefined) return; // null leaves the cell as it is
            const row = rect.top + i;
            const col = rect.left + j;
            if (typeof x === "string") {
              const asText = m.numberFormat(sheet, row, col) === "@";
              const p = asText ? { input: textInput(x) } : parseEntry(x);
              m.writeCell(sheet, row, col, p.input, "numberFormat" in p ? p.numberFormat : undefined);
            } else if (typeof x === "number" || typeof x === "boolean") {
              m.writeCell(sheet, row, col, x as EngineInput);
            } else {
              throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${String(x)}.`);
            }
          }),
        ),
      );
      m.changed(sheet, rectAddress(rect), "ThisLocalAddin");
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, rect } = this.resolve();
      this.context.model.uiCount++;
      this.context.model.select(sheet.id, rectAddress(rect));
    });
  }

  merge(across = false): void {
    mergeRange(this, across);
  }
  set columnHidden(v: boolean) {
    setColumnHidden(this, v);
  }
  get conditionalFormats(): Record<string, unknown> {
    return conditionalFormats(this) as Record<string, unknown>;
  }
  get dataValidation(): Record<string, unknown> {
    return dataValidation(this) as Record<string, unknown>;
  }

  getCell(row: number, column: number): FakeRange {
    this.context.instantiate();
    const where = this.where;
    if (typeof where === "function") {
      return new FakeRange(this.context, this.sheetRef, (sheet) => {
        const r = where(sheet);
        return { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column };
      });
    }
    return new FakeRange(this.context, this.sheetRef, this.offsetRect(row, column));
  }

  private offsetRect(row: number, column: number): string {
    // Resolved lazily: the range's own address is only known at sync.
    const base = typeof this.where === "string" ? this.where : rectAddress(this.where as Rect);
    const r = parseRect(base);
    return a1(r.top + row, r.left + column);
  }
}

/** Range.format.protection (ExcelApi 1.2): `locked` is true, false, or null for a mixed range. */
export class FakeFormatProtection extends FakeClientObject {
  protected readonly scalarProps = ["locked"] as const;
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    return context.gated(this, "FormatProtection");
  }
  get apiType(): string {
    return "FormatProtection";
  }
  protected readProp(): unknown {
    const { sheet, rect } = this.range.resolve();
    return this.context.model.lockedState(sheet, rect);
  }
  get locked(): boolean | null {
    return this.prop("locked");
  }
  set locked(v: boolean | null) {
    this.loadedProps.set("locked", v);
    setLocked(this.range, Boolean(v));
  }
}

export class FakeRangeAreas extends FakeClientObject {
  protected readonly scalarProps = ["address", "areaCount"] as const;
  constructor(
    context: FakeRequestContext,
    private readonly sheetRef: FakeWorksheet,
    private readonly addresses: string,
  ) {
    super(context);
    return context.gated(this, "RangeAreas");
  }
  get apiType(): string {
    return "RangeAreas";
  }
  private rects(): Rect[] {
    return this.addresses.split(/[,;]/).map((a) => parseRect(a.trim()));
  }
  protected readProp(name: string): unknown {
    const sheet = this.sheetRef.resolve();
    const rects = this.rects();
    if (name === "areaCount") return rects.length;
    return rects.map((r) => `${quoteSheet(sheet.name)}!${rectAddress(r)}`).join(",");
  }
  get address(): string {
    return this.prop("address");
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
  select(): void {
    this.context.enqueue(() => {
      const sheet = this.sheetRef.resolve();
      this.context.model.uiCount++;
      this.context.model.select(sheet.id, this.rects());
    });
  }
}

// ---------------------------------------------------------------------------------- Worksheet

export class FakeWorksheetProtection extends FakeClientObject {
  protected readonly scalarProps = ["protected", "options"] as const;
  constructor(
    context: FakeRequestContext,
    private readonly sheetRef: FakeWorksheet,
  ) {
    super(context);
    return context.gated(this, "WorksheetProtection");
  }
  get apiType(): string {
    return "WorksheetProtection";
  }
  protected readProp(name: string): unknown {
    const s = this.sheetRef.resolve();
    return name === "options" ? { ...s.protectionOptions } : s.protected;
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  get options(): Record<string, unknown> {
    return this.prop("options");
  }
  /** Fails when already protected (Excel: "Fails if the worksheet has already been protected"). */
  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.enqueue(() => {
      const m = this.context.model;
      m.writeCount++;
      m.protect(this.sheetRef.resolve(), options, password);
    });
  }
  unprotect(password?: string): void {
    this.context.enqueue(() => {
      const m = this.context.model;
      m.writeCount++;
      m.unprotect(this.sheetRef.resolve(), password);
    });
  }
}

export class FakeWorksheet extends FakeClientObject {
  protected readonly scalarProps = ["id", "name", "position", "visibility"] as const;
  private boundId: string | null = null;
  readonly protection: FakeWorksheetProtection;
  readonly onChanged: FakeEventHandlers;
  readonly onActivated: FakeEventHandlers;

  constructor(
    context: FakeRequestContext,
    /** Looks the sheet up at sync time; null means "null object". */
    private readonly lookup: () => FakeSheet | null,
    private readonly nullable = false,
  ) {
    super(context);
    this.protection = new FakeWorksheetProtection(context, this);
    this.onChanged = new FakeEventHandlers(context, "changed", this);
    this.onActivated = new FakeEventHandlers(context, "activated", this);
    if (nullable) {
      context.enqueue(() => {
        this.loadedProps.set("isNullObject", this.lookup() === null);
      });
    }
    return context.gated(this, "Worksheet");
  }

  get apiType(): string {
    return "Worksheet";
  }

  /** The sheet this proxy stands for; ItemNotFound if it does not exist (or is a null object). */
  resolve(): FakeSheet {
    if (this.boundId) {
      const s = this.context.model.sheet(this.boundId);
      if (s) return s;
    } else {
      const s = this.lookup();
      if (s) {
        this.boundId = s.id;
        return s;
      }
    }
    throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
  }

  /** Fill loaded properties now (the collection's load does this for its items at sync). */
  prime(props: readonly string[]): void {
    for (const p of props) this.loadedProps.set(p, this.readProp(p));
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.prop("isNullObject");
  }

  protected readProp(name: string): unknown {
    const s = this.resolve();
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return this.context.model.sheets.indexOf(s);
      case "visibility":
        return s.visible ? "Visible" : "Hidden";
    }
    return undefined;
  }

  get id(): string {
    return this.prop("id");
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.loadedProps.set("name", v);
    this.context.enqueue(() => {
      const s = this.resolve();
      this.context.model.writeCount++;
      this.context.model.renameSheet(s.id, v);
    });
  }
  get position(): number {
    return this.prop("position");
  }
  get visibility(): string {
    return this.prop("visibility");
  }

  getRange(address?: string): FakeRange {
    this.context.instantiate();
    if (address === undefined) return new FakeRange(this.context, this, { top: 1, left: 1, bottom: 1048576, right: 16384 });
    return new FakeRange(this.context, this, address);
  }

  /** The cells holding anything (values only: values and formulas); A1 on an empty sheet. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.context.instantiate();
    const m = this.context.model;
    return new FakeRange(this.context, this, (sheet) => {
      const used = valuesOnly ? m.valuesSize(sheet) : m.usedSize(sheet);
      return { top: 1, left: 1, bottom: Math.max(1, used.rows), right: Math.max(1, used.cols) };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.instantiate();
    return new FakeRange(this.context, this, {
      top: startRow + 1,
      left: startColumn + 1,
      bottom: startRow + rowCount,
      right: startColumn + columnCount,
    });
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.instantiate();
    return new FakeRangeAreas(this.context, this, address);
  }

  getCell(row: number, column: number): FakeRange {
    this.context.instantiate();
    return new FakeRange(this.context, this, { top: row + 1, left: column + 1, bottom: row + 1, right: column + 1 });
  }

  get freezePanes(): Record<string, unknown> {
    return freezePanes({ context: this.context, resolve: () => ({ sheet: this.resolve(), rect: { top: 1, left: 1, bottom: 1, right: 1 } }) }) as Record<string, unknown>;
  }
  set showGridlines(v: boolean) {
    setShowGridlines({ context: this.context, resolve: () => ({ sheet: this.resolve(), rect: { top: 1, left: 1, bottom: 1, right: 1 } }) }, v);
  }

  activate(): void {
    this.context.enqueue(() => {
      const s = this.resolve();
      this.context.model.uiCount++;
      this.context.model.activate(s.id);
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.resolve();
      this.context.model.writeCount++;
      this.context.model.deleteSheet(s.id);
    });
  }
}

export class FakeWorksheetCollection extends FakeClientObject {
  protected readonly scalarProps = ["items"] as const;
  private itemProxies: FakeWorksheet[] | null = null;
  readonly onChanged: FakeEventHandlers;
  readonly onActivated: FakeEventHandlers;
  readonly onAdded: FakeEventHandlers;
  readonly onDeleted: FakeEventHandlers;

  constructor(context: FakeRequestContext) {
    super(context);
    this.onChanged = new FakeEventHandlers(context, "changed");
    this.onActivated = new FakeEventHandlers(context, "activated");
    this.onAdded = new FakeEventHandlers(context, "added");
    this.onDeleted = new FakeEventHandlers(context, "deleted");
    return context.gated(this, "WorksheetCollection");
  }

  get apiType(): string {
    return "WorksheetCollection";
  }

  protected readProp(): unknown {
    return undefined;
  }

  /** load("items/name,items/id"), load("name,id") or load() — item properties. */
  override load(arg?: unknown): this {
    const names = (parseLoad(arg) ?? ["items"]).map((n) => n.replace(/^items\/?/, "")).filter(Boolean);
    const props = names.length ? names : ["id", "name", "position", "visibility"];
    const allowed = ["id", "name", "position", "visibility"];
    for (const p of props) if (!allowed.includes(p)) throw new FakeOfficeError("InvalidArgument", `Cannot load unknown property '${p}'.`);
    this.context.enqueue(() => {
      this.itemProxies = this.context.model.sheets.map((s) => {
        const id = s.id;
        const ws = new FakeWorksheet(this.context, () => this.context.model.sheet(id) ?? null);
        ws.prime(props);
        this.context.addResponse(ws.toJSON());
        return ws;
      });
      this.loadedProps.set("items", true);
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  getItem(key: string): FakeWorksheet {
    this.context.instantiate();
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    this.context.instantiate();
    return new FakeWorksheet(this.context, () => this.context.model.activeSheet());
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    this.context.instantiate();
    return new FakeWorksheet(this.context, () => this.context.model.sheets.find((s) => !visibleOnly || s.visible) ?? null);
  }

  getLast(visibleOnly = false): FakeWorksheet {
    this.context.instantiate();
    return new FakeWorksheet(this.context, () => [...this.context.model.sheets].reverse().find((s) => !visibleOnly || s.visible) ?? null);
  }

  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.context.enqueue(() => {
      r.resolve(this.context.model.sheets.length);
      this.context.addResponse(r.value);
    });
    return r;
  }

  add(name?: string): FakeWorksheet {
    let id: string | null = null;
    this.context.enqueue(() => {
      this.context.model.writeCount++;
      id = this.context.model.addSheet(name).id;
    });
    return new FakeWorksheet(this.context, () => (id ? (this.context.model.sheet(id) ?? null) : null));
  }
}

// ---------------------------------------------------------------------------------- Workbook

export interface FakeInsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: "None" | "Before" | "After" | "Beginning" | "End";
  relativeTo?: FakeWorksheet | string;
}

/**
 * A sheet inserted without the sheets its formulas name keeps them pointing at the source file,
 * as Excel does ('[source]表三'!D5, an external link; the fake computes #REF!). Quoted references
 * only: the template quotes every sheet name.
 */
function externalise(seed: FakeSheetSeed, left: readonly string[]): FakeSheetSeed {
  if (!left.length) return seed;
  const ref = /'((?:[^']|'')+)'!/g;
  const cells = seed.cells.map((c) => {
    if (typeof c.input !== "string" || !c.input.startsWith("=")) return c;
    const input = c.input.replace(ref, (all, quoted: string) => (left.includes(quoted.replace(/''/g, "'")) ? `'[xxgk-template.xlsx]${quoted}'!` : all));
    return input === c.input ? c : { ...c, input };
  });
  return { ...seed, cells };
}

/**
 * The last file insertWorksheetsFromBase64 read, parsed: the pane inserts the same template again
 * and again (tests, the workbench), and reading it took a tenth of each insertion. The seeds are
 * only read (importSheets and externalise copy what they keep).
 */
let lastFile: { base64: string; seeds: Promise<FakeSheetSeed[]> } | null = null;

function parsedFile(base64: string): Promise<FakeSheetSeed[]> {
  if (lastFile?.base64 !== base64) {
    const seeds = Promise.resolve().then(() => parseXlsx(base64ToBytes(base64)));
    lastFile = { base64, seeds };
    seeds.catch(() => {
      if (lastFile?.seeds === seeds) lastFile = null; // a bad file is read (and refused) again each time
    });
  }
  return lastFile.seeds;
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    return context.gated(this, "Workbook");
  }

  insertWorksheetsFromBase64(base64File: string, options: FakeInsertOptions = {}): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.context.enqueue(async () => {
      const m = this.context.model;
      let seeds: FakeSheetSeed[];
      try {
        seeds = await parsedFile(base64File);
      } catch (e) {
        throw new FakeOfficeError("InvalidArgument", `The base64 string is not a valid workbook: ${e instanceof Error ? e.message : String(e)}`);
      }
      const wanted = options.sheetNamesToInsert;
      if (wanted && wanted.length) {
        const missing = wanted.filter((n) => !seeds.some((s) => s.name === n));
        if (missing.length) throw new FakeOfficeError("InvalidArgument", `Source workbook has no sheet named ${missing.join(", ")}.`);
        const all = seeds.map((s) => s.name);
        seeds = seeds.filter((s) => wanted.includes(s.name)).map((s) => externalise(s, all.filter((n) => !wanted.includes(n))));
      }
      let position = m.sheets.length;
      const type = options.positionType ?? "End";
      if (type === "Beginning") position = 0;
      if (type === "Before" || type === "After") {
        const rel = options.relativeTo;
        const sheet = typeof rel === "string" ? m.requireSheet(rel) : rel ? rel.resolve() : null;
        if (!sheet) throw new FakeOfficeError("InvalidArgument", "relativeTo is required for Before/After.");
        position = m.sheets.indexOf(sheet) + (type === "After" ? 1 : 0);
      }
      m.writeCount++;
      result.resolve(m.importSheets(seeds, position));
      if (m.insertThenFail > 0) {
        m.insertThenFail--;
        throw new AppliedThenFailed();
      }
    });
    return result;
  }

  getSelectedRange(): FakeRange {
    this.context.instantiate();
    const m = this.context.model;
    const sheetRef = new FakeWorksheet(this.context, () => (m.selection ? (m.sheet(m.selection.sheetId) ?? null) : m.activeSheet()));
    return new FakeRange(this.context, sheetRef, m.selection ? rectAddress(m.selection.rect) : "A1");
  }
}

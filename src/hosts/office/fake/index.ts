/**
 * An in-memory fake of the Excel object model for tests and the browser workbench.
 *
 *   const fake = createFakeExcel();
 *   const port = createOfficeWorkbook({ Excel: fake.Excel, Office: fake.Office, loadTemplate });
 *   await port.insertTemplate({ year: 2024, agency: "某某局" });
 *   fake.workbook.typeInto("表三", "D5", "12");   // as if typed: protection, parsing, events
 *   await fake.workbook.settle();                  // let event handlers run
 *   fake.syncCount; fake.writeCount;               // round trips and mutations so far
 *
 * `Excel.run`, `context.sync()` and the proxies follow Office.js's load/sync rules (reading an
 * unloaded property throws). `fake.workbook` is the model itself: inspect cells, type, fire events.
 *
 * Host profiles: `createFakeExcel({ profile: "office2019vl" })` answers isSetSupported, platform
 * and webview as that Excel does, and members outside its requirement sets are missing on the
 * proxies (generated from @types/office-js; see profiles.ts, gate.ts and docs/hosts.md).
 */
import { FakeOfficeError } from "../../../workbook/memory/errors";
import { ApiGate } from "./gate";
import { FakeWorkbookModel } from "../../../workbook/memory/model";
import { HOST_PROFILES, setsSupport, type HostProfile, type HostProfileId } from "./profiles";
import { FakeRequestContext } from "./proxies";

export { FakeOfficeError } from "../../../workbook/memory/errors";
export { FakeWorkbookModel, FakeSheet, type FakeCellEntry, type FakeCellStyle, type OfficeValue } from "../../../workbook/memory/model";
export { FakeRequestContext, type FakeSyncLimits } from "./proxies";
export { parseXlsx } from "../../../workbook/memory/xlsxImport";
export { ApiGate } from "./gate";
export { WEB_PAYLOAD_BYTES, HOST_PROFILES, HOST_PROFILE_IDS, isHostProfileId, type HostProfile, type HostProfileId } from "./profiles";

export interface FakeExcelOptions {
  /** The Excel to simulate (default "m365"). */
  profile?: HostProfileId;
  /** Override the profile's requirement sets (highest version per set). */
  apiSets?: Record<string, string>;
  /** Override the profile's Office.context.platform. */
  platform?: string;
  /** Start with one empty sheet of this name (default "Sheet1"); null for none. */
  firstSheet?: string | null;
  /** Override the profile's queue limit (operations per sync). */
  queueLimit?: number;
  /** Start from this workbook (say, a clone of one prepared earlier); firstSheet is then ignored. */
  model?: FakeWorkbookModel;
}

export interface FakeExcelRun {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(context: FakeRequestContext | { context: FakeRequestContext }, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
}

export interface FakeExcel {
  /** Stand-in for the global `Excel` (only `run` and a few enums). */
  Excel: FakeExcelRun & {
    WorksheetPositionType: Record<string, string>;
    EventTriggerSource: Record<string, string>;
    ErrorCodes: Record<string, string>;
  };
  /** Stand-in for the global `Office`. */
  Office: {
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
      platform: string;
      host: string;
      diagnostics: { host: string; platform: string; version: string };
    };
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    HostType: { Excel: string };
    PlatformType: Record<string, string>;
  };
  workbook: FakeWorkbookModel;
  /** The simulated host (its apiSets reflect overrides and setApiSets). */
  readonly profile: HostProfile;
  readonly syncCount: number;
  readonly writeCount: number;
  readonly uiCount: number;
  /** Operations queued in each sync since resetCounters() (the queue limit applies to each). */
  readonly opsPerSync: readonly number[];
  /** Response bytes of each sync since resetCounters() (the web fails above 5 MB). */
  readonly responseBytesPerSync: readonly number[];
  resetCounters(): void;
  /**
   * After `skip` more syncs, fail the next one with GeneralException once `after` of its
   * operations ran; what ran stays, as on desktop Excel.
   */
  failSync(after: number, skip?: number): void;
  /** Fire Worksheet.onChanged as if the clerk edited `address` (without changing it). */
  fireChanged(sheet: string, address: string): Promise<void>;
  /** Activate a sheet as the clerk would (fires onActivated). */
  fireActivated(sheet: string): Promise<void>;
  /** Change which requirement sets are supported. */
  setApiSets(sets: Record<string, string>): void;
  /**
   * The next `times` insertions apply and then fail their sync with GeneralException, as Excel
   * on the web sometimes does (OfficeDev/office-js #3179, #6142); the rest of that batch is lost.
   */
  insertThenFail(times?: number): void;
}

export function createFakeExcel(opts: FakeExcelOptions = {}): FakeExcel {
  const model = opts.model ?? new FakeWorkbookModel();
  if (!opts.model && opts.firstSheet !== null) model.addSheet(opts.firstSheet ?? "Sheet1");
  const base = HOST_PROFILES[opts.profile ?? "m365"];
  if (!base) throw new Error(`Unknown host profile "${String(opts.profile)}".`);
  let sets: Record<string, string> = { ...(opts.apiSets ?? base.apiSets) };
  const platform = opts.platform ?? base.platform;
  const gate = new ApiGate(() => sets);
  const limits = { queueLimit: opts.queueLimit ?? base.queueLimit, responseLimitBytes: base.responseLimitBytes };

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    let ctx: FakeRequestContext;
    let batch: (c: FakeRequestContext) => Promise<T>;
    if (typeof a === "function") {
      ctx = new FakeRequestContext(model, gate, limits);
      batch = a as typeof batch;
    } else if (a !== null && typeof a === "object" && !(a instanceof FakeRequestContext) && !("context" in a)) {
      // Excel.run(options, batch): RunOptions (delayForCellEdit; mergeUndoGroup is ignored).
      ctx = new FakeRequestContext(model, gate, limits);
      ctx.delayForCellEdit = (a as { delayForCellEdit?: unknown }).delayForCellEdit === true;
      batch = b as typeof batch;
    } else {
      const given = a instanceof FakeRequestContext ? a : (a as { context?: unknown } | null)?.context;
      if (!(given instanceof FakeRequestContext)) throw new FakeOfficeError("InvalidArgument", "Excel.run: unknown context.");
      ctx = given;
      batch = b as typeof batch;
    }
    const result = await batch(ctx);
    // Excel.run sends what is still queued when the batch returns.
    if (ctx.hasPending) await ctx.sync();
    return result;
  }

  const fake: FakeExcel = {
    Excel: {
      run: run as FakeExcelRun["run"],
      WorksheetPositionType: { none: "None", before: "Before", after: "After", beginning: "Beginning", end: "End" },
      EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
      ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument", accessDenied: "AccessDenied", generalException: "GeneralException" },
    },
    Office: {
      context: {
        requirements: {
          isSetSupported(name: string, minVersion = "1.1") {
            return setsSupport(sets, name, minVersion);
          },
        },
        platform,
        host: "Excel",
        diagnostics: { host: "Excel", platform, version: base.version },
      },
      onReady(cb) {
        const info = { host: "Excel", platform };
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: "Excel" },
      PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline", iOS: "iOS", Android: "Android", Universal: "Universal" },
    },
    workbook: model,
    get profile() {
      return { ...base, platform: platform as HostProfile["platform"], apiSets: { ...sets } };
    },
    get syncCount() {
      return model.syncCount;
    },
    get writeCount() {
      return model.writeCount;
    },
    get uiCount() {
      return model.uiCount;
    },
    get opsPerSync() {
      return model.opsPerSync;
    },
    get responseBytesPerSync() {
      return model.responseBytesPerSync;
    },
    failSync(after, skip = 0) {
      model.failSync(after, skip);
    },
    resetCounters() {
      model.resetCounters();
    },
    async fireChanged(sheet, address) {
      model.changed(model.requireSheet(sheet), address, "Unknown");
      await model.settle();
    },
    async fireActivated(sheet) {
      model.activate(sheet);
      await model.settle();
    },
    setApiSets(s) {
      sets = s;
    },
    insertThenFail(times = 1) {
      model.insertThenFail = times;
    },
  };
  return fake;
}

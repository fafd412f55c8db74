/**
 * The Office.js adapter: the WorkbookPort over Excel's JavaScript API. Thin on purpose — every
 * position comes from the template's layout map, every decision about content from src/report.
 *
 * Sync budget (each context.sync() is a round trip, slowest on the web):
 *  - the adapter remembers each sheet's marker by sheet id (ids survive renames), so a read of a
 *    known workbook is ONE sync: sheet count + markers + every input range, queued together;
 *  - the first read of a workbook (cold): 3 syncs (the list with three markers; the other
 *    markers; the chosen template's ranges) — never every sheet's ranges in one response, which
 *    Excel on the web refuses above 5 MB; reads are cut into syncs under 1 MB (estimated);
 *  - insertion (ExcelApi 1.13): 3 syncs (list with the markers of the active, first and last sheets; the insert
 *    alone; cover writes + activate) when the workbook is known or those three are all its sheets
 *    (a new workbook); a cold adapter on a larger workbook needs one more sync for the other
 *    markers. The insert syncs on its own so that an error is known to concern the insert (Excel
 *    on the web may insert and still report an internal error: OfficeDev/office-js #3179, #6142);
 *    after any error the markers are read again and the clerk told what really happened. Below
 *    1.13 (Office 2019) the template is built through the API in batches of ≤ 3 000 operations
 *    (buildTemplateViaApi.ts), and an interrupted build is repaired by the next insertion.
 * A stale memory (sheet deleted, sheets added, marker changed) is detected in the same sync and
 * costs one rediscovery.
 *
 * APIs and requirement sets (checked against the Office.js reference / @types/office-js):
 * worksheets.load items/name,id, getItem, getActiveWorksheet, Worksheet.getRange,
 * WorksheetCollection.getCount (1.4), getFirst/getLast (1.5),
 * Range.values/numberFormat, Range.select, Worksheet.activate (ExcelApi 1.1);
 * WorksheetCollection.onActivated (1.7); WorksheetCollection.onChanged (1.9), below it
 * Worksheet.onChanged (1.7) per template sheet; WorksheetChangedEventArgs.triggerSource (1.14,
 * absent below); Workbook.insertWorksheetsFromBase64 (1.13); Worksheet.getRanges (1.9) with
 * RangeAreas.select (1.18) — each feature-detected with isSetSupported before use.
 *
 * Cell-edit mode (the clerk is typing in a cell): background reads run with delayForCellEdit
 * (Excel waits for the edit to end); a host that ignores it fails the batch with
 * InvalidOperationInCellEditMode, and the read is retried quietly, keeping the last result.
 * User actions fail at once with HostError("cellEdit") — 请先按 Enter 结束单元格编辑.
 */
import type { RawCell } from "../../report";
import { coverRects, rect as mkRect, rectAddress, type Rect } from "../../template/address";
import { assembleReport, type RoleGrids } from "../../template/assemble";
import { base64ToBytes, bytesToBase64 } from "../../template/base64";
import { fromOfficeValue } from "../../template/cellValue";
import { chooseTemplate, type ChosenTemplate, type SheetInfo } from "../../template/discover";
import { locate, templateLayout, META_KEYS } from "../../template/layout";
import { formatMarker, MARKER_ADDRESS, parseMarker, type Marker } from "../../template/marker";
import { READ_TEXT, SHEET_NAMES } from "../../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";
import type { ApiTemplateOptions } from "./buildTemplateViaApi";
import { parseBuildingMarker, type BuildingMarker } from "./buildingMarker";
import { HostError } from "../../workbook/hostErrors";
import { causeOf, hostError, isCellEdit, isItemNotFound } from "./hostErrors";
import { WRITE_TEXT } from "../../workbook/messages";
import { API_BUILD_TEXT, EXCEL_TEXT } from "./messages";
import type { HostCapabilities, InsertOutcome, ReadOutcome, SheetsOutcome, TemplateSheets, WorkbookPort, WriteOutcome } from "../../workbook/port";
import { writeSheetsWith } from "./writeSheets";
import { freeSheetName } from "../../workbook/plainSheets";
import { officeInput } from "../../workbook/officeInput";
import { loadTemplatePatch } from "./templatePatch";
import { distinctSheetNames } from "../../workbook/sheetNames";
import { RESTORE_TEXT } from "./restoreMessages";

/**
 * The template build through the API (Office 2019, and the repair of an interrupted one): loaded
 * only when a template is inserted that way, not with the pane (issue 23).
 */
const loadApiBuild = (): Promise<typeof import("./buildTemplateViaApi")> => import(/* webpackChunkName: "api-build" */ "./buildTemplateViaApi");
/** Writing the clerk's values (plan, checks, the writes): a lazy chunk, loaded on the first write (issue 23). */
const loadWriteInputs = (): Promise<typeof import("./writeInputs")> => import(/* webpackChunkName: "write-inputs" */ "./writeInputs");

/** What the adapter needs from the Excel namespace (the real one, the fake, or a mock). */
export interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface OfficeLike {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    platform?: unknown;
  };
}

export interface OfficeWorkbookDeps {
  Excel: ExcelLike;
  Office: OfficeLike;
  /** The template .xlsx as base64 (default: the bundle generated at build time). */
  loadTemplate: () => Promise<string>;
  /** Waits between quiet retries of a read in cell-edit mode (tests pass a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  /** How long a read keeps retrying in cell-edit mode before it returns the last result (ms). */
  cellEditWaitMs?: number;
  /** The write-inputs chunk (default: the lazy webpack chunk; tests make it fail). */
  loadWriteInputs?: typeof loadWriteInputs;
}

interface KnownSheet {
  id: string;
  name: string;
  marker: Marker | null;
  /** A sheet of an API build that did not finish (buildTemplateViaApi.ts). */
  building: BuildingMarker | null;
}

/** What the adapter remembers between calls: every sheet of the workbook, by id, in order. */
interface Memory {
  sheets: KnownSheet[];
  activeId: string | null;
}

type Ctx = Excel.RequestContext;

const NUMBER_ROLES: ReadonlySet<TemplateRole> = new Set(["meta", "t2", "t3", "t4"]);

/** The globals, looked up when used (the port may be created before Office.onReady). */
function defaultDeps(): OfficeWorkbookDeps {
  const g = () => globalThis as unknown as { Excel: ExcelLike; Office: OfficeLike };
  return {
    Excel: { run: ((a: never, b?: never) => (g().Excel.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b)) as ExcelLike["run"] },
    Office: {
      get context() {
        return g().Office.context;
      },
    },
    loadTemplate: () => import("../../template/bundled").then((m) => m.loadBundledTemplate()),
  };
}

function toTemplateSheets(c: ChosenTemplate<string>): TemplateSheets {
  const sheets: TemplateSheets["sheets"] = {};
  for (const role of TEMPLATE_ROLES) if (c.sheets[role]) sheets[role] = c.sheets[role]!.name;
  return { sheets, formatVersion: c.formatVersion, templateVersion: c.templateVersion, missing: c.missing, set: c.set, sets: c.sets };
}

interface RangeRead {
  role: TemplateRole;
  rect: Rect;
  values: Excel.Range;
  numberFormat: boolean;
}

function queueRoleRead(ws: Excel.Worksheet, role: TemplateRole): RangeRead {
  const r = templateLayout().readRects[role];
  const range = ws.getRange(rectAddress(r));
  const withFormat = NUMBER_ROLES.has(role);
  range.load(withFormat ? ["values", "numberFormat"] : ["values"]);
  return { role, rect: r, values: range, numberFormat: withFormat };
}

function gridOf(read: RangeRead): RawCell[][] {
  const values = read.values.values as unknown[][];
  const formats = read.numberFormat ? (read.values.numberFormat as unknown[][]) : null;
  return values.map((row, i) => row.map((v, j) => fromOfficeValue(v, formats ? String(formats[i]?.[j] ?? "") : null)));
}

/**
 * A response budget per sync for the template's ranges: a fifth of the web's 5 MB, estimated at
 * READ_BYTES_PER_CELL per value and per number format (the template reads ~23 KB; bench:
 * coldReadBytesMax). Long texts may exceed the estimate: a refused response is read again one
 * role per sync.
 */
const READ_BYTES_PER_SYNC = 1024 * 1024;
const READ_BYTES_PER_CELL = 40;

/** The roles in groups whose estimated response fits `perSync` bytes (0: one role per group). */
function readChunks(perSync: number): TemplateRole[][] {
  const out: TemplateRole[][] = [];
  let bytes = 0;
  for (const role of TEMPLATE_ROLES) {
    const r = templateLayout().readRects[role];
    const cost = (r.bottom - r.top + 1) * (r.right - r.left + 1) * READ_BYTES_PER_CELL * (NUMBER_ROLES.has(role) ? 2 : 1);
    if (!out.length || bytes + cost > perSync) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1]!.push(role);
    bytes += cost;
  }
  return out;
}

function isResponseTooLarge(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "ResponsePayloadSizeLimitExceeded";
}

export interface OfficeWorkbook extends WorkbookPort {
  /** Forget what is known about the workbook (the next call rediscovers). */
  forget(): void;
}

export function createOfficeWorkbook(partial: Partial<OfficeWorkbookDeps> = {}): OfficeWorkbook {
  const fallback = defaultDeps();
  const deps: OfficeWorkbookDeps = {
    Excel: partial.Excel ?? fallback.Excel,
    Office: partial.Office ?? fallback.Office,
    loadTemplate: partial.loadTemplate ?? fallback.loadTemplate,
    loadWriteInputs: partial.loadWriteInputs ?? loadWriteInputs,
  };
  const sleep = partial.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const cellEditWaitMs = partial.cellEditWaitMs ?? 30_000;
  let memory: Memory | null = null;
  /** The last successful read, kept while the clerk is typing in a cell. */
  let lastRead: ReadOutcome | null = null;

  const supported = (set: string, version: string): boolean => {
    try {
      return deps.Office.context.requirements.isSetSupported(set, version);
    } catch {
      return false;
    }
  };

  /**
   * Sync: the sheet list and the active sheet — plus the markers of the active, first and last
   * sheets (getActiveWorksheet 1.1, getFirst/getLast 1.5 always exist), so a workbook of one or
   * two sheets (a new one, typically) needs no second sync to know its markers.
   */
  async function listSheets(
    ctx: Ctx,
    counter: { syncs: number },
  ): Promise<{ sheets: { id: string; name: string }[]; activeId: string; probed: Map<string, unknown> }> {
    const coll = ctx.workbook.worksheets;
    coll.load("items/id,items/name");
    const probes = [coll.getActiveWorksheet(), coll.getFirst(), coll.getLast()].map((ws) => {
      ws.load("id");
      const marker = ws.getRange(MARKER_ADDRESS);
      marker.load("values");
      return { ws, marker };
    });
    await ctx.sync();
    counter.syncs++;
    const probed = new Map(probes.map((p) => [p.ws.id, p.marker.values[0]?.[0] as unknown]));
    return { sheets: coll.items.map((w) => ({ id: w.id, name: w.name })), activeId: probes[0]!.ws.id, probed };
  }

  /** Make the memory current: the sheet list (1 sync) and markers of sheets not seen before (1 sync). */
  async function refresh(ctx: Ctx, counter: { syncs: number }): Promise<Memory> {
    const { sheets, activeId, probed } = await listSheets(ctx, counter);
    const old = new Map((memory?.sheets ?? []).map((s) => [s.id, s]));
    const unknown = sheets.filter((s) => !old.has(s.id) && !probed.has(s.id));
    const markers = new Map<string, Excel.Range>();
    for (const s of unknown) {
      const r = ctx.workbook.worksheets.getItem(s.id).getRange(MARKER_ADDRESS);
      r.load("values");
      markers.set(s.id, r);
    }
    if (unknown.length) {
      await ctx.sync();
      counter.syncs++;
    }
    const markersOf = (id: string): Pick<KnownSheet, "marker" | "building"> => {
      const raw = markers.has(id) ? markers.get(id)!.values[0]?.[0] : probed.get(id);
      if (!markers.has(id) && !probed.has(id)) return { marker: old.get(id)?.marker ?? null, building: old.get(id)?.building ?? null };
      return { marker: parseMarker(raw), building: parseBuildingMarker(raw) };
    };
    memory = { activeId, sheets: sheets.map((s) => ({ id: s.id, name: s.name, ...markersOf(s.id) })) };
    return memory;
  }

  function choose(m: Memory): ChosenTemplate<string> | null {
    const infos: SheetInfo<string>[] = m.sheets.map((s) => ({ id: s.id, name: s.name, marker: s.marker }));
    return chooseTemplate(infos, m.activeId);
  }

  function outcome(chosen: ChosenTemplate<string> | null, grids: RoleGrids, syncs: number): ReadOutcome {
    if (!chosen) {
      return { report: null, findings: [{ rule: "TEMPLATE.NOT_FOUND", severity: "error", cells: [], message: READ_TEXT.noTemplate }], template: null, syncs };
    }
    const { report, findings } = assembleReport(grids);
    return { report, findings: [...chosen.findings, ...findings], template: toTemplateSheets(chosen), syncs };
  }

  /**
   * Queue what a warm call needs to trust its memory — the sheet count, the active sheet, each
   * chosen sheet's marker and name — plus the read rectangles of `roles` (default: all). After
   * the sync, `settle()` returns false when the memory turned out stale (sheets added or
   * deleted, a marker changed, the clerk switched to another copy of the template).
   */
  function queueKnown(ctx: Ctx, m: Memory, roles: readonly TemplateRole[] = TEMPLATE_ROLES) {
    const chosen = choose(m);
    const coll = ctx.workbook.worksheets;
    const count = coll.getCount();
    const active = coll.getActiveWorksheet();
    active.load("id");
    const reads: RangeRead[] = [];
    const sheets: Partial<Record<TemplateRole, Excel.Worksheet>> = {};
    const queued: { id: string; ws: Excel.Worksheet; marker: Excel.Range }[] = [];
    if (chosen) {
      for (const role of TEMPLATE_ROLES) {
        const info = chosen.sheets[role];
        if (!info) continue;
        const ws = coll.getItem(info.id);
        ws.load("name");
        const marker = ws.getRange(MARKER_ADDRESS);
        marker.load("values");
        queued.push({ id: info.id, ws, marker });
        sheets[role] = ws;
        if (roles.includes(role)) reads.push(queueRoleRead(ws, role));
      }
    }
    const settle = (): boolean => {
      if (count.value !== m.sheets.length) return false;
      for (const q of queued) {
        const raw = q.marker.values[0]?.[0];
        const now = parseMarker(raw);
        const known = m.sheets.find((s) => s.id === q.id)!;
        if (!now || !known.marker || now.role !== known.marker.role || now.set !== known.marker.set) {
          // Remember what was read, so the rediscovery needs only the sheets not seen before.
          known.marker = now;
          known.building = parseBuildingMarker(raw);
          return false;
        }
        known.name = q.ws.name; // renamed sheets keep their id
      }
      if (active.id !== m.activeId) {
        const again = choose({ ...m, activeId: active.id });
        if (again?.set !== chosen?.set) return false;
        m.activeId = active.id;
      }
      return true;
    };
    const grids = (): RoleGrids => {
      const g: RoleGrids = {};
      for (const r of reads) g[r.role] = gridOf(r);
      return g;
    };
    return { chosen, sheets, settle, grids };
  }

  /** Sync, telling a deleted sheet (stale memory: false) from other failures (thrown). */
  async function syncKnown(ctx: Ctx, counter: { syncs: number }): Promise<boolean> {
    try {
      await ctx.sync();
      counter.syncs++;
      return true;
    } catch (e) {
      counter.syncs++;
      if (isItemNotFound(e)) return false; // a template sheet was deleted
      throw e;
    }
  }

  /**
   * Warm read: ONE sync (more only when the template's ranges would make a response above
   * READ_BYTES_PER_SYNC, or when the host refused one as too large). Null when the memory
   * turned out stale.
   */
  async function readKnown(ctx: Ctx, m: Memory, counter: { syncs: number }, perSync = READ_BYTES_PER_SYNC): Promise<ReadOutcome | null> {
    const chunks = readChunks(perSync);
    const known = queueKnown(ctx, m, chunks[0]);
    try {
      if (!(await syncKnown(ctx, counter)) || !known.settle()) return null;
      const grids = known.grids();
      for (const roles of chunks.slice(1)) {
        const reads = roles.flatMap((role) => (known.sheets[role] ? [queueRoleRead(ctx.workbook.worksheets.getItem(known.chosen!.sheets[role]!.id), role)] : []));
        if (!(await syncKnown(ctx, counter))) return null;
        for (const r of reads) grids[r.role] = gridOf(r);
      }
      return outcome(choose(m), grids, counter.syncs);
    } catch (e) {
      // Excel on the web refuses responses over 5 MB (long texts can make one): one role per sync.
      if (!isResponseTooLarge(e) || perSync === 0) throw e;
      return readKnown(ctx, m, counter, 0);
    }
  }

  /**
   * Cold read: the sheet list with three markers, the other sheets' markers (both tiny), then
   * only the chosen template's ranges, as a warm read does — never every sheet's ranges in one
   * response (Excel on the web refuses responses over 5 MB). 3 syncs (2 when the probed sheets
   * are all there is).
   */
  async function readCold(ctx: Ctx, counter: { syncs: number }): Promise<ReadOutcome> {
    const m = await refresh(ctx, counter);
    if (!choose(m)) return outcome(null, {}, counter.syncs);
    const read = await readKnown(ctx, m, counter);
    if (!read) throw new HostError("host", EXCEL_TEXT.staleWorkbook);
    return read;
  }

  const port: OfficeWorkbook = {
    forget() {
      memory = null;
    },

    capabilities(): HostCapabilities {
      let platform: string;
      try {
        platform = String(deps.Office.context.platform ?? "");
      } catch {
        platform = "";
      }
      return { insertTemplate: supported("ExcelApi", "1.7"), openBrowserWindow: supported("OpenBrowserWindowApi", "1.1"), platform };
    },

    async findTemplate(): Promise<TemplateSheets | null> {
      return deps.Excel.run(async (ctx) => {
        const m = await refresh(ctx, { syncs: 0 });
        const c = choose(m);
        return c ? toTemplateSheets(c) : null;
      });
    },

    async readReport(): Promise<ReadOutcome> {
      const once = (ctx: Ctx) => {
        const counter = { syncs: 0 };
        return (async () => {
          if (memory) {
            const warm = await readKnown(ctx, memory, counter);
            if (warm) return warm;
            // Stale: readCold lists the sheets again, reading markers only of sheets not seen before.
          }
          return readCold(ctx, counter);
        })();
      };
      // A background read: Excel waits for a cell edit to end (delayForCellEdit); a host that
      // ignores the option fails the batch, and the read is retried quietly.
      let waited = 0;
      for (let delay = 200; ; delay = Math.min(delay * 2, 2000)) {
        try {
          lastRead = await deps.Excel.run({ delayForCellEdit: true }, once);
          return lastRead;
        } catch (e) {
          if (!isCellEdit(e)) throw hostError(e);
          if (waited >= cellEditWaitMs) {
            if (lastRead) return { ...lastRead, syncs: 0, heldWhileEditing: true };
            throw hostError(e);
          }
          await sleep(delay);
          waited += delay;
        }
      }
    },

    async writeInputs(w): Promise<WriteOutcome> {
      return wrapErrors(async () => {
        // A chunk that cannot load is said as such, not as an Excel error; nothing was written.
        const { writeInputsWith } = await deps.loadWriteInputs!().catch((e: unknown) => {
          throw new HostError("host", EXCEL_TEXT.writeModuleFailed(e instanceof Error ? e.message : String(e)), { cause: e });
        });
        return deps.Excel.run(async (ctx) => {
          const counter = { syncs: 0 };
          // A stale memory (sheet deleted or added since the last read) costs one rediscovery.
          for (let attempt = 0; ; attempt++) {
            // No template in memory may mean one was inserted since (from the ribbon): look again.
            const m = memory && choose(memory) ? memory : await refresh(ctx, counter);
            if (!choose(m)) return { kind: "refused", reason: WRITE_TEXT.noTemplate, written: 0, syncs: counter.syncs };
            const out = await writeInputsWith(ctx, w, counter, (roles) => queueKnown(ctx, m, roles), (known) => syncKnown(ctx, counter).then((ok) => ok && known.settle()));
            if (out !== "stale" || attempt > 0) return out === "stale" ? { kind: "refused", reason: EXCEL_TEXT.staleWorkbook, written: 0, syncs: counter.syncs } : out;
            memory = null;
          }
        });
      });
    },

    async sheetNames(): Promise<string[]> {
      return wrapErrors(() =>
        deps.Excel.run(async (ctx) => {
          const coll = ctx.workbook.worksheets;
          coll.load("items/name");
          await ctx.sync();
          return coll.items.map((x) => x.name);
        }),
      );
    },

    async writeSheets(w): Promise<SheetsOutcome> {
      return wrapErrors(() =>
        deps.Excel.run(async (ctx) => {
          const { out, changes } = await writeSheetsWith(ctx, w, { syncs: 0 });
          // Keep the memory true (plain sheets carry no marker), so the next read stays one sync.
          if (memory && out.kind === "written") {
            memory.sheets = [...memory.sheets.filter((s) => !changes.removed.includes(s.id)), ...changes.added.map((a) => ({ ...a, marker: null, building: null }))];
          }
          return out;
        }),
      );
    },

    async insertTemplate(opts, progress): Promise<InsertOutcome> {
      let requirements: unknown;
      try {
        requirements = deps.Office.context?.requirements;
      } catch {
        requirements = undefined;
      }
      if (!requirements) return { kind: "unsupported", reason: EXCEL_TEXT.noRequirements };
      // Below 1.13 (Office 2019: 1.7 volume-licensed, 1.8 retail) the sheets are built through the API.
      const viaApi = !supported("ExcelApi", "1.13");
      if (viaApi && !supported("ExcelApi", "1.7")) return { kind: "unsupported", reason: EXCEL_TEXT.unsupported };
      // Start fetching the template chunk now; it is awaited only if an insertion follows.
      const templateB64 = viaApi ? Promise.resolve("") : deps.loadTemplate();
      templateB64.catch(() => undefined);
      return deps.Excel.run(async (ctx) => {
        const counter = { syncs: 0 };
        const m = await wrapErrors(() => refresh(ctx, counter));
        // An API build that did not finish is finished first, on any host that can build (1.7).
        const unfinished = unfinishedBuild(m.sheets);
        if (unfinished) return repairViaApi(ctx, unfinished, m, opts, counter, progress);
        const existing = choose(m);
        if (existing && !opts.copy) return { kind: "exists", existing: toTemplateSheets(existing) };

        const names = distinctSheetNames(m.sheets.map((s) => s.name), existing !== null);
        const set = existing ? newSetNumber(m.sheets.map((s) => s.marker?.set ?? 0)) : 1;
        let b64 = await templateB64;
        const renamed = TEMPLATE_ROLES.some((r) => names[r] !== SHEET_NAMES[r]);
        if (viaApi) return insertViaApi(ctx, { names, set, dataValidation: supported("ExcelApi", "1.8") }, opts, counter, m.sheets, progress);
        if (renamed || set !== 1) {
          const rename = Object.fromEntries(TEMPLATE_ROLES.map((r) => [SHEET_NAMES[r], names[r]]));
          const { patchTemplate } = await loadTemplatePatch();
          b64 = bytesToBase64(patchTemplate(base64ToBytes(b64), { rename, set }));
        }
        const order = TEMPLATE_ROLES.map((r) => names[r]);
        // Sync 1: the insert alone, so that an error is known to be the insert's.
        progress?.(1, 2);
        ctx.workbook.insertWorksheetsFromBase64(b64, { sheetNamesToInsert: order, positionType: "End" });
        try {
          await ctx.sync();
          counter.syncs++;
        } catch (e) {
          counter.syncs++;
          memory = null;
          await explainFailedInsert(e, set);
          // Every sheet is there although the sync failed (the web's internal error): go on.
        }
        // Sync 2: the cover fields, the new sheets' ids, 表三 active.
        progress?.(2, 2);
        const coll = ctx.workbook.worksheets;
        writeMeta(coll.getItem(names.meta), opts);
        const inserted = order.map((name) => {
          const ws = coll.getItem(name);
          ws.load("id,name");
          return ws;
        });
        coll.getItem(names.t3).activate();
        try {
          await ctx.sync();
          counter.syncs++;
        } catch (e) {
          memory = null;
          throw new HostError(causeOf(e), EXCEL_TEXT.insertCoverNotWritten(hostError(e).message), { cause: e });
        }
        memory = {
          activeId: inserted[TEMPLATE_ROLES.indexOf("t3")]!.id,
          sheets: [
            ...m.sheets,
            ...inserted.map((ws, i) => ({ id: ws.id, name: ws.name, marker: parseMarker(formatMarker(TEMPLATE_ROLES[i]!, set)), building: null })),
          ],
        };
        return { kind: "inserted", sheets: order, syncs: counter.syncs };
      });
    },

    async restoreSheets(roles) {
      if (!supported("ExcelApi", "1.13")) return { kind: "unsupported", reason: RESTORE_TEXT.unsupported };
      const b64 = deps.loadTemplate();
      b64.catch(() => undefined);
      return deps.Excel.run(async (ctx) => {
        const counter = { syncs: 0 };
        const m = await refresh(ctx, counter);
        const { restoreMissingSheets } = await import(/* webpackChunkName: "restore-sheets" */ "./restoreSheets");
        const out = await restoreMissingSheets(ctx, m.sheets, m.activeId, roles, b64, counter);
        if (out.kind === "restored") memory = null; // the next read rediscovers the sheets
        return out;
      });
    },

    async select(keys: string[]): Promise<void> {
      const located = keys.map((k) => locate(k)).filter((l): l is NonNullable<typeof l> => l !== null);
      if (located.length === 0) return;
      const role = located[0]!.role;
      const rects = located.filter((l) => l.role === role).map((l) => l.rect);
      await wrapErrors(() =>
        deps.Excel.run(async (ctx) => {
          const counter = { syncs: 0 };
          for (let attempt = 0; attempt < 2; attempt++) {
            const m = memory ?? (await refresh(ctx, counter));
            const info = choose(m)?.sheets[role];
            if (!info) throw new HostError("sheetMissing", EXCEL_TEXT.cause.sheetMissing(""));
            const ws = ctx.workbook.worksheets.getItem(info.id);
            ws.activate();
            selectRects(ws, rects, supported("ExcelApi", "1.18"));
            try {
              await ctx.sync();
              return;
            } catch (e) {
              if (causeOf(e) !== "sheetMissing" || attempt > 0) throw e;
              memory = null; // stale memory: the sheet was deleted or replaced; look again once
            }
          }
        }),
      );
    },

    async onChanged(handler: () => void): Promise<() => Promise<void>> {
      const onEvent = async (e: Excel.WorksheetChangedEventArgs) => {
        // Our own writes (the insertion's year and agency) are not the clerk's edits; below
        // ExcelApi 1.14 triggerSource is absent and they cost one more read.
        if (e.triggerSource === "ThisLocalAddin") return;
        if (!isTemplateSheet(e.worksheetId)) return;
        handler();
      };
      if (supported("ExcelApi", "1.9")) {
        return deps.Excel.run(async (ctx) => {
          const res = ctx.workbook.worksheets.onChanged.add(onEvent);
          await ctx.sync();
          return () => removeHandler(res);
        });
      }
      if (!supported("ExcelApi", "1.7")) throw new HostError("apiMissing", EXCEL_TEXT.cause.apiMissing("Worksheet.onChanged, ExcelApi 1.7"));
      // ExcelApi 1.7–1.8: one handler per template sheet (the pane subscribes again when the
      // template's sheets change).
      return deps.Excel.run(async (ctx) => {
        const m = memory ?? (await refresh(ctx, { syncs: 0 }));
        const results = m.sheets.filter((s) => s.marker).map((s) => ctx.workbook.worksheets.getItem(s.id).onChanged.add(onEvent));
        await ctx.sync();
        return async () => {
          for (const res of results) await removeHandler(res).catch(() => undefined);
        };
      });
    },

    async onActivated(handler: () => void): Promise<() => Promise<void>> {
      return deps.Excel.run(async (ctx) => {
        const res = ctx.workbook.worksheets.onActivated.add(async () => {
          handler();
        });
        await ctx.sync();
        return () => removeHandler(res);
      });
    },
  };

  /** Run a user action; its failure becomes a HostError naming the real cause. */
  async function wrapErrors<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw hostError(e);
    }
  }

  /**
   * After a failed insert sync: read the markers again and say what really happened. Returns
   * (to go on with the cover writes) only when every sheet of the new copy is there.
   */
  /** Office 2019 (ExcelApi 1.7/1.8): the sheets built through the API (buildTemplateViaApi.ts). */
  async function insertViaApi(ctx: Ctx, api: ApiTemplateOptions, opts: InsertOptions, counter: { syncs: number }, before: KnownSheet[], progress?: InsertProgress): Promise<InsertOutcome> {
    memory = null;
    const { buildTemplateViaApi } = await loadApiBuild();
    const built = await buildTemplateViaApi(ctx, api, { finish: (c) => finishCover(c, api.names, opts, true), progress });
    const order = TEMPLATE_ROLES.map((r) => api.names[r]);
    memory = {
      activeId: built.ids[TEMPLATE_ROLES.indexOf("t3")]!,
      sheets: [...before, ...built.ids.map((id, i) => ({ id, name: order[i]!, marker: parseMarker(formatMarker(TEMPLATE_ROLES[i]!, api.set)), building: null }))],
    };
    return { kind: "inserted", sheets: order, syncs: counter.syncs + built.syncs };
  }

  /**
   * The next insertion after an interrupted API build: the sheets that carry only the building
   * marker (never read as a template, never the clerk's) are deleted in one sync, with the
   * protection of the set's finished sheets read; then the missing sheets are built again under
   * the same names and set, and finished sheets left unprotected by the interruption are
   * protected. The sheets that got their marker stay as they are.
   */
  async function repairViaApi(ctx: Ctx, u: UnfinishedBuild, m: Memory, opts: InsertOptions, counter: { syncs: number }, progress?: InsertProgress): Promise<InsertOutcome> {
    if (!supported("ExcelApi", "1.7")) return { kind: "unsupported", reason: EXCEL_TEXT.unsupported };
    const { buildTemplateViaApi, planContentBatches, TEMPLATE_PROTECTION } = await loadApiBuild();
    memory = null;
    const coll = ctx.workbook.worksheets;
    const taken = m.sheets.filter((s) => !u.partial.includes(s)).map((s) => s.name);
    const names = {} as Record<TemplateRole, string>;
    for (const role of TEMPLATE_ROLES) {
      const name = u.done.get(role)?.name ?? u.partial.find((s) => s.building!.role === role)?.name ?? freeSheetName(SHEET_NAMES[role], taken);
      taken.push(name);
      names[role] = name;
    }
    const missing = TEMPLATE_ROLES.filter((r) => !u.done.has(r));
    const steps = 1 + planContentBatches({ names, set: u.set, dataValidation: supported("ExcelApi", "1.8") }, missing).length + 1;
    progress?.(1, steps);
    for (const s of u.partial) coll.getItem(s.id).delete();
    const guards = [...u.done.values()].map((s) => {
      const p = coll.getItem(s.id).protection;
      p.load("protected");
      return { sheet: s, p };
    });
    try {
      await ctx.sync();
      counter.syncs++;
    } catch (e) {
      throw new HostError(causeOf(e), API_BUILD_TEXT.interrupted(1, steps, hostError(e).message), { cause: e });
    }
    const api: ApiTemplateOptions = { names, set: u.set, dataValidation: supported("ExcelApi", "1.8") };
    const built = await buildTemplateViaApi(ctx, api, {
      roles: missing,
      before: 1,
      progress,
      finish: (c) => {
        finishCover(c, names, opts, missing.includes("meta"));
        for (const g of guards) if (!g.p.protected) c.workbook.worksheets.getItem(g.sheet.id).protection.protect(TEMPLATE_PROTECTION);
      },
    });
    const order = TEMPLATE_ROLES.map((r) => names[r]);
    return { kind: "inserted", sheets: order, syncs: counter.syncs + built.syncs, notes: [API_BUILD_TEXT.repaired(missing.map((r) => names[r]))] };
  }

  /** The finish batch's own part: the cover fields (when 封面 is new), 表三 active. */
  function finishCover(c: Ctx, names: Record<TemplateRole, string>, opts: InsertOptions, cover: boolean): void {
    if (cover) writeMeta(c.workbook.worksheets.getItem(names.meta), opts);
    c.workbook.worksheets.getItem(names.t3).activate();
  }

  async function explainFailedInsert(error: unknown, set: number): Promise<void> {
    const why = hostError(error).message;
    let found: KnownSheet[];
    try {
      found = await deps.Excel.run({ delayForCellEdit: true }, async (ctx) => {
        const m = await refresh(ctx, { syncs: 0 });
        return m.sheets.filter((s) => s.marker?.set === set);
      });
    } catch (e) {
      // In cell-edit mode Excel refuses the whole batch: nothing was inserted.
      if (isCellEdit(error)) throw new HostError("cellEdit", EXCEL_TEXT.insertNone(why), { cause: error });
      throw new HostError(causeOf(error), EXCEL_TEXT.insertUnknown(why, hostError(e).message), { cause: error });
    }
    const roles = new Set(found.map((s) => s.marker!.role));
    if (TEMPLATE_ROLES.every((r) => roles.has(r))) return;
    if (found.length === 0) throw new HostError(causeOf(error), EXCEL_TEXT.insertNone(why), { cause: error });
    throw new HostError(causeOf(error), EXCEL_TEXT.insertPartly(found.map((s) => s.name), why), { cause: error });
  }

  function isTemplateSheet(id: string): boolean {
    // Unknown workbook state: let the pane decide (it re-reads anyway).
    if (!memory) return true;
    const s = memory.sheets.find((x) => x.id === id);
    return s === undefined || s.marker !== null;
  }

  async function removeHandler(res: OfficeExtension.EventHandlerResult<unknown>): Promise<void> {
    // Handlers are removed in the context that added them ("Handle events using the Excel JavaScript API").
    await deps.Excel.run(res.context, async (ctx) => {
      res.remove();
      await ctx.sync();
    });
  }

  return port;
}

type InsertOptions = { year: number; agency: string };
type InsertProgress = (step: number, steps: number) => void;

/** An API build that did not finish: its set, the sheets with only the building marker, the finished ones by role. */
interface UnfinishedBuild {
  set: number;
  partial: KnownSheet[];
  done: Map<TemplateRole, KnownSheet>;
}

/** The latest unfinished API build in the workbook, if any. */
function unfinishedBuild(sheets: readonly KnownSheet[]): UnfinishedBuild | null {
  const sets = sheets.filter((s) => s.building).map((s) => s.building!.set);
  if (!sets.length) return null;
  const set = Math.max(...sets);
  const done = new Map<TemplateRole, KnownSheet>();
  for (const s of sheets) if (s.marker?.set === set && !done.has(s.marker.role)) done.set(s.marker.role, s);
  return { set, partial: sheets.filter((s) => s.building?.set === set), done };
}

/** A copy number not used in the workbook yet (copies are told apart by it, not by sheet names). */
function newSetNumber(used: number[]): number {
  return Math.max(1, ...used) + 1;
}

function writeMeta(meta: Excel.Worksheet, opts: InsertOptions): void {
  const agency = locate(META_KEYS.agency)!.rect;
  const year = locate(META_KEYS.year)!.rect;
  const values: [Rect, RawCell][] = [];
  // 机关名称 comes from an imported file: written as text, never as a formula ("=HYPERLINK(…)").
  const name = officeInput(opts.agency);
  if (opts.agency) values.push([agency, name]);
  if (opts.year) values.push([year, opts.year]);
  if (values.length === 2 && agency.left === year.left && year.top === agency.bottom + 1) {
    // One write for both (they are adjacent in 封面).
    meta.getRange(rectAddress(mkRect(agency.top, agency.left, year.top, agency.left))).values = [[name], [opts.year]];
    return;
  }
  for (const [r, v] of values) meta.getRange(rectAddress(r)).values = [[v]];
}

/**
 * Select exactly the cells named: one rectangle when they form one; several areas with
 * RangeAreas.select (ExcelApi 1.18); below 1.18 the first named cell only (a bounding box
 * would select cells the finding does not name).
 */
function selectRects(ws: Excel.Worksheet, rects: Rect[], areas: boolean): void {
  const cells = rects.flatMap((r) => {
    const out: { row: number; col: number }[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
    return out;
  });
  const cover = coverRects(cells);
  if (cover.length === 1) {
    ws.getRange(rectAddress(cover[0]!)).select();
    return;
  }
  if (areas) {
    ws.getRanges(cover.map((r) => rectAddress(r)).join(",")).select();
    return;
  }
  ws.getRange(rectAddress(rects[0]!)).select();
}

/**
 * The WPS adapter: the WorkbookPort over WPS 表格's ET object model (window.Application). Thin,
 * like the Office.js adapter: positions from the template's layout map, content rules from
 * src/report, the write plan from src/workbook/writePlan.
 *
 * Call budget. Every ET call is synchronous and crosses into the WPS process, so the adapter
 * counts them (src/hosts/wps/calls.ts) as the Office adapter counts syncs, and keeps what it learnt:
 *  - the workbook, its Sheets collection, each sheet's marker and the Range objects of the
 *    template's read blocks (Range objects follow their sheet through renames and moves);
 *  - a validation of a known workbook is then Worksheets.Count (did sheets come or go?) plus one
 *    Value2 per template sheet: 6 calls (2 more when the workbook holds several template copies:
 *    the active sheet decides which one is shown);
 *  - a stale memory (a sheet deleted or added, another workbook activated — WorkbookActivate,
 *    WorkbookNewSheet and SheetBeforeDelete forget it too) costs one rediscovery: 3 calls, 4 per
 *    sheet (Item, Name, Range, Value2 of the marker), 2 per template sheet for its block.
 * Dates: Value2 gives a date as its serial number, so a count cell holding a number that could be
 * a date (mayBeDate) has its NumberFormat read — rare, 2 calls each.
 *
 * Insertion opens our template workbook from our origin (OAAssist.DownloadFile + Workbooks.Open),
 * renames its sheets and sets the copy number there when needed, copies the five sheets together
 * (Sheets.Item([names]).Copy(After) keeps the references between them) behind the workbook's last
 * sheet, closes it without saving, and fills year and agency. Nothing of the clerk's is touched.
 */
import type { RawCell } from "../../report";
import { rectAddress, rect as mkRect } from "../../template/address";
import { assembleReport, type RoleGrids } from "../../template/assemble";
import { chooseTemplate, type ChosenTemplate } from "../../template/discover";
import { locate, META_KEYS, templateLayout } from "../../template/layout";
import { formatMarker, MARKER_ADDRESS, parseMarker, type Marker } from "../../template/marker";
import { READ_TEXT, SHEET_NAMES } from "../../template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../template/roles";
import type { HostCapabilities, InsertOutcome, ReadOutcome, SheetsOutcome, TemplateSheets, WorkbookPort, WriteOutcome } from "../../workbook/port";
import { distinctSheetNames } from "../../workbook/sheetNames";
import { officeInput } from "../../workbook/writePlan";
import { counted, type CallCounter } from "./calls";
import type { EtApplication, EtListener, EtRange, EtSheets, EtWorkbook, EtWorksheet, EtEventName } from "./et";
import { WPS_TEXT } from "./messages";
import { asGrid, fromEtValue, mayBeDate } from "./values";
import { writeInputsEt } from "./writeInputs";
import { writeSheetsEt } from "./writeSheets";

export interface WpsWorkbookDeps {
  /** window.Application (or the fake). */
  app: EtApplication;
  /** Absolute URL of the template .xlsx on our server (the same file the Office add-in offers). */
  templateUrl: string;
}

interface KnownSheet {
  name: string;
  ws: EtWorksheet;
  marker: Marker | null;
}

export interface Memory {
  wb: EtWorkbook;
  coll: EtSheets;
  count: number;
  sheets: KnownSheet[];
  activeName: string | null;
  /** Read blocks of the chosen copy, created once. */
  blocks: Partial<Record<TemplateRole, EtRange>>;
}

const NUMBER_ROLES: ReadonlySet<TemplateRole> = new Set(["meta", "t2", "t3", "t4"]);

/** The template's own sheet protection (src/template/build.ts), restored after our writes. */
export function protectLikeTemplate(ws: EtWorksheet): void {
  // Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells,
  // AllowFormattingColumns, AllowFormattingRows.
  ws.Protect(undefined, true, true, true, false, false, false, true);
}

function toTemplateSheets(c: ChosenTemplate<string>): TemplateSheets {
  const sheets: TemplateSheets["sheets"] = {};
  for (const role of TEMPLATE_ROLES) if (c.sheets[role]) sheets[role] = c.sheets[role]!.name;
  return { sheets, formatVersion: c.formatVersion, templateVersion: c.templateVersion, missing: c.missing, set: c.set, sets: c.sets };
}

export function chooseIn(m: Memory): ChosenTemplate<string> | null {
  return chooseTemplate(
    m.sheets.map((s) => ({ id: s.name, name: s.name, marker: s.marker })),
    m.activeName,
  );
}

export function sheetOf(m: Memory, c: ChosenTemplate<string>, role: TemplateRole): EtWorksheet | null {
  const info = c.sheets[role];
  return info ? (m.sheets.find((s) => s.name === info.id)?.ws ?? null) : null;
}

function errorText(e: unknown): string {
  return e instanceof Error && e.message ? e.message : String(e);
}

export interface WpsWorkbook extends WorkbookPort {
  /** Calls into WPS so far (every property read, write and method call). */
  readonly calls: number;
  forget(): void;
}

export function createWpsWorkbook(deps: WpsWorkbookDeps): WpsWorkbook {
  const counter: CallCounter = { calls: 0 };
  const app = counted(deps.app, counter);
  let memory: Memory | null = null;
  /** Our own writes fire SheetChange too; they are not the clerk's edits. */
  let writing = false;

  function refresh(): Memory | null {
    const wb = app.ActiveWorkbook;
    if (!wb) {
      memory = null;
      return null;
    }
    const coll = wb.Worksheets;
    const count = coll.Count;
    const active = wb.ActiveSheet;
    const activeName = active ? active.Name : null;
    const sheets: KnownSheet[] = [];
    for (let i = 1; i <= count; i++) {
      const ws = coll.Item(i);
      sheets.push({ name: ws.Name, ws, marker: parseMarker(ws.Range(MARKER_ADDRESS).Value2) });
    }
    memory = { wb, coll, count, sheets, activeName, blocks: {} };
    return memory;
  }

  /** Is the memory still the workbook's shape? One call; two more with several template copies. */
  function stillTrue(m: Memory): boolean {
    if (m.coll.Count !== m.count) return false;
    const c = chooseIn(m);
    if (c && c.sets > 1) {
      const active = m.wb.ActiveSheet;
      const name = active ? active.Name : null;
      if (name !== m.activeName) {
        const again = chooseIn({ ...m, activeName: name });
        if (again?.set !== c.set) return false;
        m.activeName = name;
      }
    }
    return true;
  }

  function blockOf(m: Memory, c: ChosenTemplate<string>, role: TemplateRole): EtRange | null {
    if (m.blocks[role]) return m.blocks[role]!;
    const ws = sheetOf(m, c, role);
    if (!ws) return null;
    m.blocks[role] = ws.Range(rectAddress(templateLayout().readRects[role]));
    return m.blocks[role]!;
  }

  function readGrids(m: Memory, c: ChosenTemplate<string>, roles: readonly TemplateRole[] = TEMPLATE_ROLES): RoleGrids {
    const grids: RoleGrids = {};
    for (const role of roles) {
      const block = blockOf(m, c, role);
      if (!block) continue;
      const r = templateLayout().readRects[role];
      const raw = asGrid(block.Value2, r.bottom - r.top + 1, r.right - r.left + 1);
      const ws = sheetOf(m, c, role)!;
      grids[role] = raw.map((line, i) =>
        line.map((v, j): RawCell => {
          if (NUMBER_ROLES.has(role) && mayBeDate(v)) {
            const at = rectAddress(mkRect(r.top + i, r.left + j));
            return fromEtValue(v, String(ws.Range(at).NumberFormat ?? ""));
          }
          return fromEtValue(v);
        }),
      );
    }
    return grids;
  }

  function outcome(c: ChosenTemplate<string> | null, grids: RoleGrids, calls: number): ReadOutcome {
    if (!c) return { report: null, findings: [{ rule: "TEMPLATE.NOT_FOUND", severity: "error", cells: [], message: READ_TEXT.noTemplate }], template: null, syncs: calls };
    const { report, findings } = assembleReport(grids);
    return { report, findings: [...c.findings, ...findings], template: toTemplateSheets(c), syncs: calls };
  }

  /** The memory, checked (warm) or rebuilt (cold). A vanished sheet throws on use: rebuild. */
  function current(): Memory | null {
    if (memory) {
      try {
        if (stillTrue(memory)) return memory;
      } catch {
        // the workbook was closed: its objects are gone
      }
    }
    return refresh();
  }

  /** Run `f` on the memory; when a remembered object is gone (a sheet deleted), once more cold. */
  function withMemory<T>(f: (m: Memory | null) => T): T {
    const warm = memory !== null;
    try {
      return f(current());
    } catch (e) {
      if (!warm) throw e;
      memory = null;
      return f(refresh());
    }
  }

  function subscribe(events: EtEventName[], listener: EtListener): () => Promise<void> {
    for (const e of events) app.ApiEvent.AddApiEventListener(e, listener);
    return async () => {
      for (const e of events) app.ApiEvent.RemoveApiEventListener(e, listener);
    };
  }

  const port: WpsWorkbook = {
    get calls() {
      return counter.calls;
    },
    forget() {
      memory = null;
    },

    capabilities(): HostCapabilities {
      return { insertTemplate: true, openBrowserWindow: false, platform: "WPS" };
    },

    async findTemplate() {
      const m = refresh();
      const c = m && chooseIn(m);
      return c ? toTemplateSheets(c) : null;
    },

    async readReport(): Promise<ReadOutcome> {
      const start = counter.calls;
      return withMemory((m) => {
        const c = m && chooseIn(m);
        return outcome(c, m && c ? readGrids(m, c) : {}, counter.calls - start);
      });
    },

    async writeInputs(w): Promise<WriteOutcome> {
      const start = counter.calls;
      writing = true;
      try {
        return withMemory((m) => writeInputsEt(m, w, (mm, c, roles) => readGrids(mm, c, roles), () => counter.calls - start));
      } finally {
        writing = false;
      }
    },

    async sheetNames(): Promise<string[]> {
      const wb = app.ActiveWorkbook;
      if (!wb) return [];
      const coll = wb.Worksheets;
      const names: string[] = [];
      for (let i = 1, n = coll.Count; i <= n; i++) names.push(coll.Item(i).Name);
      return names;
    },

    async writeSheets(w): Promise<SheetsOutcome> {
      const start = counter.calls;
      const wb = app.ActiveWorkbook;
      if (!wb) return { kind: "refused", reason: WPS_TEXT.noWorkbook, syncs: 0 };
      writing = true;
      try {
        return writeSheetsEt(app, wb, w, () => counter.calls - start);
      } finally {
        writing = false;
        // Sheets came or went (the events say so too): the next read rediscovers them.
        memory = null;
      }
    },

    async insertTemplate(opts): Promise<InsertOutcome> {
      const start = counter.calls;
      let m: Memory | null;
      try {
        m = current();
        // Names may have changed since they were read (renames fire no event): new names must be free.
        if (m) for (const s of m.sheets) s.name = s.ws.Name;
      } catch {
        m = refresh(); // a remembered sheet is gone
      }
      if (!m) {
        app.Workbooks.Add();
        m = refresh();
        if (!m) return { kind: "unsupported", reason: WPS_TEXT.noWorkbook };
      }
      const existing = chooseIn(m);
      if (existing && !opts.copy) return { kind: "exists", existing: toTemplateSheets(existing) };
      const names = distinctSheetNames(m.sheets.map((s) => s.name), existing !== null);
      const set = existing ? Math.max(1, ...m.sheets.map((s) => s.marker?.set ?? 0)) + 1 : 1;
      const order = TEMPLATE_ROLES.map((r) => names[r]);

      // Offline add-ins run from a local folder: open the package's own file, never delete it.
      const local = localPath(deps.templateUrl);
      const path = local ?? app.OAAssist.DownloadFile(deps.templateUrl);
      if (!path) throw new Error(WPS_TEXT.downloadFailed(deps.templateUrl));
      const target = m.wb;
      const last = m.sheets[m.sheets.length - 1]!.ws;
      writing = true;
      try {
        const src = app.Workbooks.Open(path);
        try {
          for (const role of TEMPLATE_ROLES) {
            const ws = src.Sheets.Item(SHEET_NAMES[role]);
            if (names[role] !== SHEET_NAMES[role]) ws.Name = names[role];
            if (set !== 1) {
              ws.Unprotect();
              ws.Range(MARKER_ADDRESS).Value2 = formatMarker(role, set);
              protectLikeTemplate(ws);
            }
          }
          src.Sheets.Item(order).Copy(undefined, last);
        } finally {
          src.Close(false);
          if (!local) {
            try {
              app.FileSystem.Remove(path);
            } catch {
              // a temporary file left behind is harmless
            }
          }
        }
        const coll = target.Worksheets;
        const meta = coll.Item(names.meta);
        writeMeta(meta, opts);
        const inserted = order.map((n) => coll.Item(n));
        inserted[TEMPLATE_ROLES.indexOf("t3")]!.Activate();
        memory = {
          wb: target,
          coll,
          count: m.count + order.length,
          activeName: names.t3,
          blocks: {},
          sheets: [...m.sheets, ...inserted.map((ws, i) => ({ name: order[i]!, ws, marker: parseMarker(formatMarker(TEMPLATE_ROLES[i]!, set)) }))],
        };
      } catch (e) {
        memory = null;
        throw new Error(WPS_TEXT.insertFailed(errorText(e)), { cause: e });
      } finally {
        writing = false;
      }
      return { kind: "inserted", sheets: order, syncs: counter.calls - start };
    },

    async select(keys: string[]): Promise<void> {
      const located = keys.map((k) => locate(k)).filter((l): l is NonNullable<typeof l> => l !== null);
      if (located.length === 0) return;
      const role = located[0]!.role;
      const rects = located.filter((l) => l.role === role).map((l) => l.rect);
      withMemory((m) => {
        const c = m && chooseIn(m);
        const ws = m && c ? sheetOf(m, c, role) : null;
        if (!ws) return;
        ws.Activate();
        // Exactly the cells named: a union address ("D5,D29"), as VBA's Range("A1,C3").Select.
        ws.Range(rects.map((r) => rectAddress(r)).join(",")).Select();
        if (m) m.activeName = c!.sheets[role]!.name;
      });
    },

    async onChanged(handler: () => void) {
      const onChange = (sheet: EtWorksheet) => {
        if (writing) return;
        if (memory) {
          let name: string | null = null;
          try {
            name = counted(sheet, counter).Name;
          } catch {
            // unknown sheet: let the pane re-read
          }
          const known = memory.sheets.find((s) => s.name === name);
          if (known && known.marker === null) return; // a sheet of the clerk's own
        }
        handler();
      };
      const onShape = () => {
        memory = null;
      };
      const off1 = subscribe(["SheetChange"], onChange);
      const off2 = subscribe(["WorkbookNewSheet", "SheetBeforeDelete"], onShape);
      return async () => {
        await off1();
        await off2();
      };
    },

    async onActivated(handler: () => void) {
      const onSheet = () => handler();
      const onWorkbook = () => {
        memory = null; // another workbook: rediscover
        handler();
      };
      const off1 = subscribe(["SheetActivate"], onSheet);
      const off2 = subscribe(["WorkbookActivate"], onWorkbook);
      return async () => {
        await off1();
        await off2();
      };
    },
  };

  return port;
}

/** The local path of a file: URL ("/opt/…", "C:\\…" stays "C:/…"), or null for any other URL. */
export function localPath(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "file:") return null;
  const p = decodeURIComponent(u.pathname);
  return /^\/[A-Za-z]:\//.test(p) ? p.slice(1) : p;
}

function writeMeta(meta: EtWorksheet, opts: { year: number; agency: string }): void {
  const agency = locate(META_KEYS.agency)!.rect;
  const year = locate(META_KEYS.year)!.rect;
  // 机关名称 comes from an imported file: written as text, never as a formula ("=HYPERLINK(…)").
  const name = officeInput(opts.agency);
  if (opts.agency && opts.year && agency.left === year.left && year.top === agency.bottom + 1) {
    meta.Range(rectAddress(mkRect(agency.top, agency.left, year.top, agency.left))).Value2 = [[name], [opts.year]];
    return;
  }
  if (opts.agency) meta.Range(rectAddress(agency)).Value2 = name;
  if (opts.year) meta.Range(rectAddress(year)).Value2 = opts.year;
}

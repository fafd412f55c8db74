/**
 * The pane controller: wires the workbook port, the rules engine and the view.
 * Host-independent: the Office bootstrap (index.ts) and the workbench both call mountPane with
 * their own port. A validation pass is exactly one port.readReport() (one sync, no writes).
 */
import type { TemplateRole, WorkbookPort } from "../workbook/port";
import { HostError } from "../workbook/hostErrors";
import { checkReport } from "../report/rules";
import { ledgerRule } from "../ledger/register";
import type { Finding, Report } from "../report/schema";
import { confirmWrites, keyLabel, priorFor, undoForced, undoKeeping, type TransferMode } from "./transfer";
import { ledgerFillPreview, ledgerWritable } from "./ledgerState";
import { ledgerImportWrites, previewImport, registerSources, remap, rowKeyLabel, undoKeepingRows, type AppliedLedgerImport, type ImportSources } from "./ledgerImport";
import type { RegisterRole } from "../template/roles";
import { loadTransferModule, type SourceInput, type SourceReport, type TransferModule } from "./transferApi";
import { ExportNotReadyError, loadExportModule, type ExportHost, type ExportKind, type ExportModule } from "./exportApi";
import { defaultReportYear, findingsOf, initialState, reducer, viewModel, type Action, type Notice, type PaneState } from "./state";
import { S } from "./strings";
import { createView, type PaneView } from "./view";

export interface PaneHost {
  /** Absolute URL of the template .xlsx served beside the pane. */
  templateUrl: string;
  /** Open a URL outside the pane (Office: openBrowserWindow). Return false to let the link work normally. */
  openUrl?(url: string): boolean;
  /** Fonts and file delivery for 导出 Word/PDF; without it the export buttons say they cannot. */
  exportHost?: ExportHost;
  now?(): number;
}

export interface PaneOptions {
  port: WorkbookPort;
  host: PaneHost;
  /** Debounce after an edit before re-validating. */
  debounceMs?: number;
  /** Injectable for tests; defaults to the lazy webpack chunk. */
  loadExporter?: () => Promise<ExportModule>;
  /** Injectable for tests; defaults to the lazy 结转/导入 chunk. */
  loadTransfer?: () => Promise<TransferModule>;
  /** Injectable for Node tests of the controller (no DOM); defaults to the real view. */
  createView?: typeof createView;
}

/** Files larger than this are surely not a year report (and would be slow to parse). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export interface PaneController {
  /** Run a pass now (or one more after the running one). */
  validate(): Promise<void>;
  /** Resolves when no pass is running or scheduled. */
  idle(): Promise<void>;
  insert(form?: { agency: string; year: number }): Promise<void>;
  /** 结转/导入 (also driven by the view's handlers; exposed for tests). */
  transfer: {
    open(mode: TransferMode): void;
    read(input: SourceInput): Promise<void>;
    confirm(): Promise<void>;
    undo(kind?: "check" | "keep" | "all"): Promise<void>;
    /** 按台账填写表三/表四: the import preview with the register's counts. */
    ledger(): Promise<void>;
  };
  /** 导入已有台账 (also driven by the view's handlers; exposed for tests). */
  ledgerImport: {
    open(): void;
    close(): void;
    read(input: { name: string; data: Uint8Array }): Promise<void>;
    map(role: RegisterRole, field: string, column: number | null): void;
    confirm(): Promise<void>;
    undo(keepChanged?: boolean): Promise<void>;
  };
  readonly state: PaneState;
  readonly view: PaneView;
  dispose(): Promise<void>;
}

function reason(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === "string" && e) return e;
  return S.errors.unknown;
}

export function mountPane(root: HTMLElement, options: PaneOptions): PaneController {
  const { port, host } = options;
  const debounceMs = options.debounceMs ?? 300;
  const now = () => (host.now ? host.now() : Date.now());
  const loadExporter = options.loadExporter ?? loadExportModule;
  const loadTransfer = options.loadTransfer ?? loadTransferModule;

  let state: PaneState = initialState;
  const vmOptions = { canRestore: typeof port.restoreSheets === "function" };
  const dispatch = (a: Action) => {
    state = reducer(state, a);
    view.update(viewModel(state, vmOptions));
  };

  const thisYear = defaultReportYear(new Date(now()));
  const view = (options.createView ?? createView)(
    root,
    {
      insert: (form) => void insert(form),
      revalidate: () => void validate(),
      exportAs: (kind) => void exportAs(kind),
      select: (cells) => void select(cells),
      toggle: (id) => dispatch({ type: "toggle", id }),
      noticeAction: (id) => void noticeAction(id),
      dismissNotice: () => {
        // Closing the export question is a "no": the next 导出 asks again.
        confirmedExport = null;
        dispatch({ type: "notice", notice: null });
      },
      restore: (roles) => void restore(roles),
      openLink: (href, ev) => {
        if (host.openUrl?.(href)) ev.preventDefault();
      },
      transferOpen: (mode) => transferOpen(mode),
      ledgerFill: () => void ledgerFill(),
      ledgerImport: {
        open: () => ledgerImportOpen(),
        close: () => ledgerImportClose(),
        file: (file) => void ledgerImportFile(file),
        map: (role, field, column) => ledgerImportMap(role, field, column),
        confirm: () => void ledgerImportConfirm(),
      },
      transfer: {
        close: () => dispatch({ type: "transferClose" }),
        file: (file) => void transferFile(file),
        paste: (text) => void transferRead({ name: "", data: text }),
        toggle: (key) => dispatch({ type: "transferToggle", key }),
        confirm: () => void transferConfirm(),
        back: () => dispatch({ type: "transferOpen", mode: state.transfer?.mode ?? "import" }),
      },
    },
    { years: [thisYear + 1, thisYear, thisYear - 1, thisYear - 2], defaultYear: thisYear, templateUrl: host.templateUrl },
  );

  // ------------------------------------------------------------------ validation
  // One pass at a time; edits during a pass schedule exactly one more.
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  async function passOnce(): Promise<void> {
    dispatch({ type: "validateStart" });
    try {
      const outcome = await port.readReport();
      // Last year's full report of this session (after 结转) adds TEXT.SIMILAR to the kept figures.
      const prior = priorFor(outcome.report, priorReport);
      // The registers (template v3) add LEDGER.*: mismatches with 表三/表四, row problems, deadlines.
      const ruleFindings = outcome.report ? checkReport(outcome.report, { ...(prior ? { prior } : {}), extraRules: [ledgerRule()] }) : [];
      dispatch({ type: "validated", outcome, findings: findingsOf(outcome, ruleFindings), at: now() });
    } catch (e) {
      dispatch({ type: "validateFailed", message: S.errors.readFailed(reason(e)) });
      return;
    }
    try {
      await syncSubscriptions();
    } catch {
      // No edit events on this host (WorksheetCollection.onChanged is ExcelApi 1.9): the pane
      // still validates on open, on sheet activation and on 重新校验.
    }
  }

  function validate(): Promise<void> {
    if (disposed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await passOnce();
      } while (again && !disposed);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  function scheduleValidate(): void {
    // Never trust the event's details (multi-cell pastes have none): any edit means re-read all.
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void validate();
    }, debounceMs);
  }

  // ------------------------------------------------------------------ events
  // The port subscribes to the template sheets that exist, so re-subscribe when they change
  // (template inserted, sheet renamed).
  let changedOff: (() => Promise<void>) | null = null;
  let activatedOff: (() => Promise<void>) | null = null;
  let subscribedTo = "";

  async function syncSubscriptions(): Promise<void> {
    const sheets = state.template ? JSON.stringify(state.template.sheets) : "";
    if (sheets === subscribedTo || disposed) return;
    subscribedTo = sheets;
    if (changedOff) await changedOff().catch(() => undefined);
    changedOff = null;
    if (sheets) changedOff = await port.onChanged(scheduleValidate);
  }

  // ------------------------------------------------------------------ actions
  async function insert(form?: { agency: string; year: number }): Promise<void> {
    if (state.busy) return;
    const f = form ?? { agency: state.report?.meta.agency ?? "", year: state.report?.meta.year ?? thisYear };
    // A new template needs the agency for 封面 and the title: ask at the field, never insert without it.
    if (state.template === null && state.capabilities?.insertTemplate !== false && !f.agency.trim()) {
      // The form is in the banner, which the 结转/导入 panel hides: show it.
      if (state.transfer) dispatch({ type: "transferClose" });
      dispatch({ type: "formError", message: S.template.agencyRequired });
      return;
    }
    if (state.formError) dispatch({ type: "formError", message: null });
    dispatch({ type: "busy", busy: "insert" });
    try {
      const outcome = await port.insertTemplate({ agency: f.agency, year: f.year }, (step, steps) =>
        dispatch({ type: "notice", notice: { tone: "info", text: S.template.building(step, steps) } }),
      );
      dispatch({ type: "inserted", outcome, templateUrl: host.templateUrl });
    } catch (e) {
      dispatch({ type: "busy", busy: null });
      // A HostError already says what really happened (nothing, part, or all but the cover inserted).
      const text = e instanceof HostError ? e.message : S.errors.insertFailed(reason(e));
      dispatch({ type: "notice", notice: { tone: "error", text } });
    }
    await validate();
  }

  /** Put back deleted template sheets (nothing else in the workbook is touched). */
  async function restore(roles: TemplateRole[]): Promise<void> {
    if (state.busy || !port.restoreSheets) return;
    dispatch({ type: "busy", busy: "restore" });
    try {
      const out = await port.restoreSheets(roles);
      const notice: Notice =
        out.kind === "restored"
          ? // The registers' formulas may have been pointed at the restored sheets: the notes say so.
            { tone: "success", text: [out.notes.length ? S.template.restoredBlank(out.sheets) : S.template.restored(out.sheets), ...out.notes].join("") }
          : { tone: out.kind === "unsupported" ? "warning" : "error", text: out.reason };
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "notice", notice });
    } catch (e) {
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "notice", notice: { tone: "error", text: S.template.restoreFailed(reason(e)) } });
    }
    await validate();
  }

  async function select(cells: string[]): Promise<void> {
    try {
      await port.select(cells);
    } catch (e) {
      // One message per cause (cell-edit mode, sheet deleted, API missing…).
      dispatch({ type: "notice", notice: { tone: "warning", text: e instanceof HostError ? e.message : S.errors.selectFailed } });
    }
  }

  let confirmedExport: ExportKind | null = null;
  async function exportAs(kind: ExportKind): Promise<void> {
    if (state.busy) return;
    // Validate before export so the file never carries an error the pane has not shown.
    await validate();
    const report = state.report;
    if (!report) {
      dispatch({ type: "notice", notice: { tone: "warning", text: S.export.noReport } });
      return;
    }
    const errors = state.findings.filter((f) => f.severity === "error").length;
    if (errors > 0 && confirmedExport !== kind) {
      confirmedExport = kind;
      dispatch({
        type: "notice",
        notice: { tone: "warning", text: S.export.blockedByErrors(errors), action: { id: `export:${kind}`, label: kind === "docx" ? S.actions.exportWordAnyway : S.actions.exportPdfAnyway } },
      });
      return;
    }
    confirmedExport = null;
    const label = kind === "docx" ? "Word" : "PDF";
    dispatch({ type: "busy", busy: kind });
    dispatch({ type: "notice", notice: { tone: "info", text: S.export.working(label) } });
    try {
      if (!host.exportHost) throw new ExportNotReadyError("no export host");
      const mod = await loadExporter();
      const out = await mod.runExport({ kind, report, findings: state.findings, host: host.exportHost });
      dispatch({ type: "notice", notice: { tone: out.tone, text: out.message, ...(out.link ? { link: out.link } : {}) } });
    } catch (e) {
      const text = e instanceof ExportNotReadyError ? S.export.notReady : S.export.failed(reason(e));
      dispatch({ type: "notice", notice: { tone: "error", text } });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
  }

  // ------------------------------------------------------------------ 结转 / 导入
  // The source read last (kept to rebuild the preview) and last year's report after a 结转.
  let loaded: { source: SourceReport; findings: Finding[] } | null = null;
  let priorReport: Report | null = null;
  let undoChanged: string[] = [];

  function transferOpen(mode: TransferMode): void {
    if (state.busy) return;
    if (state.transfer?.mode === mode) return dispatch({ type: "transferClose" });
    // One panel at a time: 结转/导入 replaces a 导入已有台账 in progress (nothing was written yet).
    if (state.ledgerImport) dispatch({ type: "ledgerImport", panel: null });
    loaded = null;
    fromLedger = false;
    dispatch({ type: "transferOpen", mode });
  }

  // Set while the preview shows the register's counts (rebuilt from the workbook, no source file).
  let fromLedger = false;

  /** 按台账填写表三/表四: the same preview, tick and 撤销 as an import, the counts as the source. */
  async function ledgerFill(): Promise<void> {
    if (state.busy) return;
    await validate();
    const p = state.report ? ledgerFillPreview(state.report, ledgerWritable) : null;
    if (!p) return;
    loaded = null;
    fromLedger = true;
    dispatch({ type: "transferOpen", mode: "import" });
    dispatch({ type: "transferPreview", preview: p });
  }

  async function module(): Promise<TransferModule | null> {
    try {
      return await loadTransfer();
    } catch (e) {
      dispatch({ type: "transferError", message: S.transfer.moduleFailed(reason(e)) });
      return null;
    }
  }

  /** The preview against the workbook as it is now (one fresh read first). */
  async function preview(mod: TransferModule): Promise<void> {
    await validate();
    const t = state.transfer;
    if (!t || !loaded) return;
    dispatch({
      type: "transferPreview",
      preview: mod.prepare({ mode: t.mode, ...loaded, current: state.report, template: state.template, defaultYear: thisYear }),
    });
  }

  async function transferRead(input: SourceInput): Promise<void> {
    if (!state.transfer || state.busy) return;
    dispatch({ type: "transferReading", label: input.name || S.transfer.pasted });
    const mod = await module();
    if (!mod) return;
    const out = await mod.readSource(input);
    if (!state.transfer) return; // closed meanwhile
    if (!out.ok) return dispatch({ type: "transferError", message: out.message, details: out.details });
    loaded = { source: out.source, findings: out.findings };
    await preview(mod);
  }

  async function transferFile(file: File): Promise<void> {
    if (!state.transfer) return;
    if (file.size > MAX_SOURCE_BYTES) return dispatch({ type: "transferError", message: S.transfer.tooBig(Math.round(file.size / 1048576)) });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return dispatch({ type: "transferError", message: S.transfer.readFailed(reason(e)) });
    }
    await transferRead({ name: file.name, data: bytes });
  }

  async function transferConfirm(): Promise<void> {
    const t = state.transfer;
    if (!t || t.step !== "preview" || state.busy || (!loaded && !fromLedger)) return;
    const mod = fromLedger ? null : await module();
    if (!mod && !fromLedger) return;
    dispatch({ type: "busy", busy: "transfer" });
    dispatch({ type: "transferBusy", busy: true });
    let p = t.preview;
    let accepted = new Set(t.accepted);
    try {
      if (p.insertFirst && !state.template && mod && loaded) {
        const outcome = await port.insertTemplate(p.insertFirst);
        if (outcome.kind === "unsupported") {
          dispatch({ type: "inserted", outcome, templateUrl: host.templateUrl });
          return;
        }
        await validate();
        p = mod.prepare({ mode: p.mode, ...loaded, current: state.report, template: state.template, defaultYear: thisYear });
        accepted = new Set();
      }
      const { write, applied } = confirmWrites(p, accepted);
      const out = await port.writeInputs(write);
      if (out.kind === "written") {
        if (p.mode === "rollForward" && loaded) priorReport = loaded.source.report;
        dispatch({ type: "applied", applied });
        dispatch({ type: "transferClose" });
        const ledger = p.origin === "ledger";
        const carried = p.mode === "rollForward" ? p.registerCarry?.append : null;
        const text = [ledger ? S.ledger.done(applied.count) : S.transfer.done[p.mode](applied.count), ...(carried ? [S.ledger.carried(carried.rows.length, carried.sheet)] : []), ...out.notes].join(" ");
        const label = ledger ? S.ledger.undo : S.transfer.undo[p.mode];
        dispatch({ type: "notice", notice: { tone: "success", text, action: { id: "undo", label } } });
      } else if (out.kind === "changed") {
        dispatch({ type: "busy", busy: null });
        if (mod) await preview(mod);
        else await ledgerFill();
        dispatch({ type: "notice", notice: { tone: "warning", text: S.transfer.changedSincePreview } });
      } else {
        dispatch({ type: "notice", notice: { tone: "error", text: `${out.reason}` } });
      }
    } catch (e) {
      dispatch({ type: "notice", notice: { tone: "error", text: S.transfer.writeFailed(reason(e)) } });
    } finally {
      dispatch({ type: "busy", busy: null });
      dispatch({ type: "transferBusy", busy: false });
    }
    await validate();
  }

  /** 撤销: only if the cells still hold what was written, unless the clerk chose otherwise. */
  async function undo(kind: "check" | "keep" | "all" = "check"): Promise<void> {
    const a = state.applied;
    if (!a || state.busy) return;
    const w = kind === "check" ? a.undo : kind === "keep" ? undoKeeping(a.undo, undoChanged) : undoForced(a.undo);
    dispatch({ type: "busy", busy: "transfer" });
    try {
      const out = await port.writeInputs(w);
      if (out.kind === "written") {
        if (a.mode === "rollForward" && a.undo.priorFigures !== undefined) priorReport = null;
        dispatch({ type: "applied", applied: null });
        dispatch({ type: "notice", notice: { tone: "success", text: a.origin === "ledger" ? S.ledger.undone : S.transfer.undone } });
      } else if (out.kind === "changed") {
        undoChanged = out.changed;
        dispatch({
          type: "notice",
          notice: {
            tone: "warning",
            text: S.transfer.undoChanged(out.changed.map(keyLabel).join("、")),
            actions: [
              { id: "undo:keep", label: S.transfer.undoKeep },
              { id: "undo:all", label: S.transfer.undoAll },
            ],
          },
        });
      } else {
        dispatch({ type: "notice", notice: { tone: "error", text: out.reason } });
      }
    } catch (e) {
      dispatch({ type: "notice", notice: { tone: "error", text: S.transfer.writeFailed(reason(e)) } });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await validate();
  }

  // ------------------------------------------------------------------ 导入已有台账
  // The file's registers as mapped so far, and the last import while it can be undone.
  const LI = S.ledger.import;
  let ledgerSrc: ImportSources | null = null;
  let ledgerApplied: AppliedLedgerImport | null = null;
  let ledgerUndoChanged: string[] = [];

  function ledgerImportOpen(): void {
    if (state.busy || state.transfer) return;
    ledgerSrc = null;
    dispatch({ type: "ledgerImport", panel: { step: "file", reading: null, error: null } });
  }

  function ledgerImportClose(): void {
    if (state.ledgerImport?.step === "map" && state.ledgerImport.busy) return;
    ledgerSrc = null;
    dispatch({ type: "ledgerImport", panel: null });
  }

  const ledgerFileError = (error: string) => dispatch({ type: "ledgerImport", panel: { step: "file", reading: null, error } });

  async function ledgerImportFile(file: File): Promise<void> {
    if (!state.ledgerImport) return;
    if (file.size > MAX_SOURCE_BYTES) return ledgerFileError(LI.tooBig(Math.round(file.size / 1048576)));
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (e) {
      return ledgerFileError(LI.readFailed(reason(e)));
    }
    await ledgerImportRead({ name: file.name, data: bytes });
  }

  async function ledgerImportRead(input: { name: string; data: Uint8Array }): Promise<void> {
    if (!state.ledgerImport || state.busy) return;
    dispatch({ type: "ledgerImport", panel: { step: "file", reading: input.name, error: null } });
    let mod: TransferModule;
    try {
      mod = await loadTransfer();
    } catch (e) {
      return ledgerFileError(LI.moduleFailed(reason(e)));
    }
    const out = await mod.readRegister(input);
    if (!state.ledgerImport) return; // cancelled meanwhile
    if (!out.ok) return ledgerFileError(out.message);
    const src = registerSources(input.name, out.sheets);
    if ("error" in src) return ledgerFileError(src.error);
    ledgerSrc = src;
    // The preview is against the workbook as it is now.
    await validate();
    if (!state.ledgerImport || !ledgerSrc) return;
    dispatch({ type: "ledgerImport", panel: { step: "map", preview: previewImport(ledgerSrc, state.report, state.template), busy: false } });
  }

  function ledgerImportMap(role: RegisterRole, field: string, column: number | null): void {
    if (!ledgerSrc || state.ledgerImport?.step !== "map" || state.ledgerImport.busy) return;
    ledgerSrc = remap(ledgerSrc, role, field, column);
    dispatch({ type: "ledgerImport", panel: { step: "map", preview: previewImport(ledgerSrc, state.report, state.template), busy: false } });
  }

  /** Writes the rows the preview showed, into the rows it named; filled meanwhile → nothing written. */
  async function ledgerImportConfirm(): Promise<void> {
    const p = state.ledgerImport;
    if (!p || p.step !== "map" || p.busy || state.busy || !p.preview.canConfirm || !ledgerSrc) return;
    const plan = p.preview.plan;
    dispatch({ type: "busy", busy: "transfer" });
    dispatch({ type: "ledgerImport", panel: { ...p, busy: true } });
    const { write, applied } = ledgerImportWrites(plan);
    try {
      const out = await port.writeInputs(write);
      if (out.kind === "written") {
        ledgerApplied = applied;
        ledgerUndoChanged = [];
        ledgerSrc = null;
        dispatch({ type: "ledgerImport", panel: null });
        const parts = [plan.apps, plan.cases].filter((a) => a !== null).map((a) => LI.donePart(a!.rows.length, a!.sheet, a!.first, a!.last));
        dispatch({ type: "notice", notice: { tone: "success", text: [LI.done(parts.join("，")), ...out.notes].join(" "), action: { id: "ledger-undo", label: LI.undo } } });
      } else if (out.kind === "changed") {
        dispatch({ type: "busy", busy: null });
        await validate();
        if (state.ledgerImport && ledgerSrc) dispatch({ type: "ledgerImport", panel: { step: "map", preview: previewImport(ledgerSrc, state.report, state.template), busy: false } });
        dispatch({ type: "notice", notice: { tone: "warning", text: LI.changedSincePreview } });
      } else {
        dispatch({ type: "ledgerImport", panel: { ...p, busy: false } });
        dispatch({ type: "notice", notice: { tone: "error", text: out.reason } });
      }
    } catch (e) {
      if (state.ledgerImport) dispatch({ type: "ledgerImport", panel: { ...p, busy: false } });
      dispatch({ type: "notice", notice: { tone: "error", text: LI.writeFailed(reason(e)) } });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await validate();
  }

  /** 撤销导入台账: only rows still holding what was written; or, when asked, all but the changed ones. */
  async function ledgerImportUndo(keepChanged = false): Promise<void> {
    const a = ledgerApplied;
    if (!a || state.busy) return;
    const w = keepChanged ? undoKeepingRows(a.undo, ledgerUndoChanged) : a.undo;
    dispatch({ type: "busy", busy: "transfer" });
    try {
      const out = await port.writeInputs(w);
      if (out.kind === "written") {
        ledgerApplied = null;
        dispatch({ type: "notice", notice: { tone: "success", text: LI.undone } });
      } else if (out.kind === "changed") {
        ledgerUndoChanged = out.changed;
        const names = state.template?.sheets ?? {};
        dispatch({
          type: "notice",
          notice: { tone: "warning", text: LI.undoChanged(out.changed.map((k) => rowKeyLabel(k, names)).join("、")), actions: [{ id: "ledger-undo:keep", label: LI.undoKeep }] },
        });
      } else {
        dispatch({ type: "notice", notice: { tone: "error", text: out.reason } });
      }
    } catch (e) {
      dispatch({ type: "notice", notice: { tone: "error", text: LI.writeFailed(reason(e)) } });
    } finally {
      dispatch({ type: "busy", busy: null });
    }
    await validate();
  }

  async function noticeAction(id: string): Promise<void> {
    if (id === "ledger-undo") return ledgerImportUndo(false);
    if (id === "ledger-undo:keep") return ledgerImportUndo(true);
    if (id === "undo") return undo("check");
    if (id === "undo:keep") return undo("keep");
    if (id === "undo:all") return undo("all");
    const m = /^export:(docx|pdf)$/.exec(id);
    if (m) {
      confirmedExport = m[1] as ExportKind;
      await exportAs(m[1] as ExportKind);
    }
  }

  // ------------------------------------------------------------------ start
  try {
    dispatch({ type: "capabilities", capabilities: port.capabilities() });
  } catch {
    // Capabilities are a hint; without them the pane assumes the template can be inserted.
  }
  view.update(viewModel(state, vmOptions));
  void (async () => {
    try {
      activatedOff = await port.onActivated(() => void validate());
    } catch {
      // Older hosts without sheet events still validate on open, on edit and on demand.
    }
  })();
  void validate();

  async function idle(): Promise<void> {
    while (running || timer) {
      if (running) await running;
      else await new Promise((r) => setTimeout(r, debounceMs));
    }
  }

  return {
    validate,
    idle,
    insert,
    transfer: { open: transferOpen, read: transferRead, confirm: transferConfirm, undo, ledger: ledgerFill },
    ledgerImport: { open: ledgerImportOpen, close: ledgerImportClose, read: ledgerImportRead, map: ledgerImportMap, confirm: ledgerImportConfirm, undo: ledgerImportUndo },
    get state() {
      return state;
    },
    view,
    async dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      await changedOff?.().catch(() => undefined);
      await activatedOff?.().catch(() => undefined);
    },
  };
}

/**
 * The pane: wires the workbook port, the feature controllers and the view. Host-independent:
 * each host's bootstrap (src/hosts/office/taskpane.ts, src/hosts/wps/taskpane.ts) and the
 * workbench call mountPane with their own port and PaneHost. Each feature is a controller
 * `(ctx) → handlers` under ./controllers; all their state is in the reducer (state.ts); a
 * validation pass is exactly one port.readReport().
 */
import type { WorkbookPort } from "../workbook/port";
import type { RegisterRole } from "../template/roles";
import type { TransferMode } from "../workflow/transfer";
import { writeApplier, type PaneContext, type PaneHost } from "./controllers/context";
import { exportController } from "./controllers/export";
import { lazyRegisterController } from "./controllers/registerLazy";
import { lazyRollupController, type LazyRollup } from "./controllers/rollupLazy";
import { templateController } from "./controllers/template";
import { lazyTransferController } from "./controllers/transferLazy";
import { validationController } from "./controllers/validation";
import { loadExportModule, type ExportModule } from "./exportApi";
import { defaultReportYear, initialState, reducer, reportYears, viewModel, type Action, type PaneState } from "./state";
import { loadLedgerImportPanel, loadRegisterModule, type LedgerImportPanelModule, type RegisterModule } from "./registerApi";
import { loadRollupPanel, type RollupPanelModule } from "./rollupApi";
import { loadTransferModule, loadTransferPanel, type SourceInput, type TransferModule, type TransferPanelModule } from "./transferApi";
import { createView, type PaneView } from "./view";

export type { PaneHost };

export interface PaneOptions {
  port: WorkbookPort;
  host: PaneHost;
  /** Debounce after an edit before re-validating. */
  debounceMs?: number;
  /** Injectable for tests; defaults to the lazy webpack chunk. */
  loadExporter?: () => Promise<ExportModule>;
  /** Injectable for tests; defaults to the lazy 结转/导入 chunk. */
  loadTransfer?: () => Promise<TransferModule>;
  /** Injectable for tests; defaults to the lazy register chunk. */
  loadRegister?: () => Promise<RegisterModule>;
  /** Injectable for tests; defaults to the lazy 导入已有台账 panel chunk. */
  loadLedgerImportPanel?: () => Promise<LedgerImportPanelModule>;
  /** Injectable for tests; defaults to the lazy 结转与导入 panel chunk. */
  loadTransferPanel?: () => Promise<TransferPanelModule>;
  /** Injectable for tests; defaults to the lazy 汇总多个单位… panel chunk. */
  loadRollupPanel?: () => Promise<RollupPanelModule>;
  /** Injectable for Node tests of the controller (no DOM); defaults to the real view. */
  createView?: typeof createView;
}

export interface PaneController {
  /** Run a pass now (or one more after the running one). */
  validate(): Promise<void>;
  /** Resolves when no pass is running or scheduled. */
  idle(): Promise<void>;
  insert(form?: { agency: string; year: number }): Promise<void>;
  /** 结转/导入 (also driven by the view's handlers; exposed for tests). */
  transfer: {
    /** Resolves once the panel (a lazy chunk) is open. */
    open(mode: TransferMode): Promise<void>;
    read(input: SourceInput): Promise<void>;
    confirm(): Promise<void>;
    undo(kind?: "check" | "keep" | "all"): Promise<void>;
    /** 按台账填写表三/表四: the import preview with the register's counts. */
    ledger(): Promise<void>;
    /** Tick (or untick) a conflict of the open preview. */
    toggle(key: string): void;
  };
  /** 导入已有台账 (also driven by the view's handlers; exposed for tests). */
  ledgerImport: {
    /** Resolves once the panel (a lazy chunk) is open. */
    open(): Promise<void>;
    close(): void;
    read(input: { name: string; data: Uint8Array }): Promise<void>;
    map(role: RegisterRole, field: string, column: number | null): void;
    confirm(): Promise<void>;
    undo(keepChanged?: boolean): Promise<void>;
  };
  /** 汇总多个单位… (also driven by the view's handlers; exposed for tests). */
  rollup: Omit<LazyRollup, "actions" | "createView">;
  readonly state: PaneState;
  readonly view: PaneView;
  dispose(): Promise<void>;
}

export function mountPane(root: HTMLElement, options: PaneOptions): PaneController {
  const { port, host } = options;
  const now = () => (host.now ? host.now() : Date.now());
  const thisYear = defaultReportYear(new Date(now()));

  let state: PaneState = initialState;
  const vmOptions = { canRestore: typeof port.restoreSheets === "function", canRollup: typeof port.writeSheets === "function" && typeof port.sheetNames === "function" };
  let view: PaneView | null = null;
  const dispatch = (a: Action) => {
    state = reducer(state, a);
    view?.update(viewModel(state, vmOptions));
  };

  const ctx: PaneContext = {
    port,
    host,
    get state() {
      return state;
    },
    dispatch,
    validate: () => validation.validate(),
    applyWrite: writeApplier(port, dispatch),
    thisYear,
    now,
    loadTransfer: options.loadTransfer ?? loadTransferModule,
    loadExporter: options.loadExporter ?? loadExportModule,
    loadRegister: options.loadRegister ?? loadRegisterModule,
  };
  const validation = validationController(ctx, options.debounceMs ?? 300);
  const template = templateController(ctx);
  const exporter = exportController(ctx);
  const transfer = lazyTransferController(ctx, options.loadTransferPanel ?? loadTransferPanel);
  const register = lazyRegisterController(ctx, options.loadLedgerImportPanel ?? loadLedgerImportPanel);
  const rollup = lazyRollupController(ctx, options.loadRollupPanel ?? loadRollupPanel);
  const noticeActions: Record<string, () => Promise<void>> = { ...exporter.actions };

  view = (options.createView ?? createView)(
    root,
    {
      insert: (form) => void template.insert(form),
      revalidate: () => void validation.validate(),
      exportAs: (kind) => void exporter.exportAs(kind),
      select: (cells) => void template.select(cells),
      toggle: (id) => dispatch({ type: "toggle", id }),
      // The panels' actions exist once their chunks have loaded.
      noticeAction: (id) => void (noticeActions[id] ?? transfer.actions[id] ?? register.actions[id] ?? rollup.actions[id])?.(),
      dismissNotice: () => exporter.dismissNotice(),
      restore: (roles) => void template.restore(roles),
      openLink: (href, ev) => {
        if (host.openUrl?.(href)) ev.preventDefault();
      },
      transferOpen: (mode) => void transfer.open(mode),
      ledgerFill: () => void transfer.ledger(),
      ledgerImport: {
        open: () => void register.open(),
        close: () => register.close(),
        file: (file) => void register.file(file),
        map: (role, field, column) => register.map(role, field, column),
        confirm: () => void register.confirm(),
      },
      transfer: {
        close: () => transfer.close(),
        file: (file) => void transfer.file(file),
        paste: (text) => void transfer.read({ name: "", data: text }),
        toggle: (key) => transfer.toggle(key),
        confirm: () => void transfer.confirm(),
        back: () => transfer.back(),
      },
      rollup: {
        open: () => void rollup.open(),
        close: () => rollup.close(),
        year: (y) => rollup.year(y),
        roster: (file) => void rollup.roster(file),
        files: (files, folder) => void rollup.files(files, folder),
        toggle: (key) => rollup.toggle(key),
        confirm: () => void rollup.confirm(),
        back: () => rollup.back(),
      },
    },
    {
      years: reportYears(new Date(now())),
      defaultYear: thisYear,
      templateUrl: host.templateUrl,
      transferView: () => transfer.createView,
      ledgerImportView: () => register.renderView,
      rollupView: () => rollup.createView,
    },
  );

  // ------------------------------------------------------------------ start
  try {
    dispatch({ type: "capabilities", capabilities: port.capabilities() });
  } catch {
    // Capabilities are a hint; without them the pane assumes the template can be inserted.
  }
  view.update(viewModel(state, vmOptions));
  validation.start();
  void validation.validate();

  return {
    validate: validation.validate,
    idle: validation.idle,
    insert: template.insert,
    transfer: { open: transfer.open, read: transfer.read, confirm: transfer.confirm, undo: transfer.undo, ledger: transfer.ledger, toggle: transfer.toggle },
    ledgerImport: { open: register.open, close: register.close, read: register.read, map: register.map, confirm: register.confirm, undo: register.undo },
    rollup,
    get state() {
      return state;
    },
    view,
    dispose: validation.dispose,
  };
}

/**
 * 导入已有台账 before its chunk is there: the handlers the 台账 card and the view reach, which load
 * the panel (ledger-import-panel: controller, view) on first use and forward to it from then on.
 * The panel is shown only once its chunk has loaded. If it cannot load, a notice says so.
 */
import type { RegisterRole } from "../../template/roles";
import type { LedgerImportPanelModule } from "../registerApi";
import { S } from "../strings";
import type { RegisterController } from "./register";
import type { PaneContext } from "./context";
import { lazyPanel } from "./lazy";

export interface LazyRegister extends Omit<RegisterController, "open"> {
  /** Loads the panel on first use; resolves once it is open (or closed, or failed to load). */
  open(): Promise<void>;
  /** The panel's view, once its chunk has loaded. */
  readonly renderView: LedgerImportPanelModule["renderLedgerImport"] | null;
}

export function lazyRegisterController(ctx: PaneContext, load: () => Promise<LedgerImportPanelModule>): LazyRegister {
  const panel = lazyPanel(ctx, load, (m) => m.registerController(ctx), S.panelLoadFailed);
  return {
    open: () => panel.runAsync(({ c }) => c.open()),
    close: () => panel.run(({ c }) => c.close()),
    read: (input) => panel.runAsync(({ c }) => c.read(input)),
    file: (file) => panel.runAsync(({ c }) => c.file(file)),
    map: (role: RegisterRole, field, column) => panel.run(({ c }) => c.map(role, field, column)),
    confirm: () => panel.runAsync(({ c }) => c.confirm()),
    undo: (keepChanged) => panel.runAsync(({ c }) => c.undo(keepChanged)),
    get actions() {
      return panel.loaded?.c.actions ?? {};
    },
    get renderView() {
      return panel.loaded?.m.renderLedgerImport ?? null;
    },
  };
}

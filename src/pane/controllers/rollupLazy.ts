/**
 * 汇总多个单位… before its chunk is there: the handlers the toolbar and the view reach, which load
 * the panel (rollup-panel: controller, view, sentences) on the first open and forward to it from
 * then on. The panel is shown only once its chunk has loaded. If it cannot load, a notice says so.
 */
import type { RollupPanelModule } from "../rollupApi";
import { S } from "../strings";
import type { RollupController } from "./rollup";
import type { PaneContext } from "./context";
import { lazyPanel } from "./lazy";

export interface LazyRollup extends Omit<RollupController, "open"> {
  /** Loads the panel on first use; resolves once it is open (or has closed, or failed to load). */
  open(): Promise<void>;
  /** The panel's view, once its chunk has loaded. */
  readonly createView: RollupPanelModule["createRollupView"] | null;
}

export function lazyRollupController(ctx: PaneContext, load: () => Promise<RollupPanelModule>): LazyRollup {
  const panel = lazyPanel(ctx, load, (m) => m.rollupController(ctx), S.rollup.loadFailed);
  return {
    open: () => panel.runAsync(({ c }) => c.open()),
    close: () => panel.run(({ c }) => c.close()),
    year: (y) => panel.run(({ c }) => c.year(y)),
    roster: (file) => panel.runAsync(({ c }) => c.roster(file)),
    files: (files, folder) => panel.runAsync(({ c }) => c.files(files, folder)),
    toggle: (key) => panel.run(({ c }) => c.toggle(key)),
    confirm: () => panel.runAsync(({ c }) => c.confirm()),
    back: () => panel.run(({ c }) => c.back()),
    undo: (kind) => panel.runAsync(({ c }) => c.undo(kind)),
    get actions() {
      return panel.loaded?.c.actions ?? {};
    },
    get createView() {
      return panel.loaded?.m.createRollupView ?? null;
    },
  };
}

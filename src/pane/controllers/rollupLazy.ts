/**
 * 汇总多个单位… before its chunk is there: the handlers the toolbar and the view reach, which load
 * the panel (rollup-panel: controller, view, sentences) on the first open and forward to it from
 * then on. Nothing but `open` can be reached before that, since the panel is only shown once its
 * chunk has loaded. If it cannot load (offline, a server error), the clerk gets a notice saying so.
 */
import type { RollupPanelModule } from "../rollupApi";
import { S } from "../strings";
import type { RollupController } from "./rollup";
import { reason, type PaneContext } from "./context";

export interface LazyRollup extends Omit<RollupController, "open"> {
  /** Loads the panel on first use; resolves once it is open (or has closed, or failed to load). */
  open(): Promise<void>;
  /** The panel's view, once its chunk has loaded. */
  readonly createView: RollupPanelModule["createRollupView"] | null;
}

export function lazyRollupController(ctx: PaneContext, load: () => Promise<RollupPanelModule>): LazyRollup {
  let mod: RollupPanelModule | null = null;
  let real: RollupController | null = null;
  let loading: Promise<RollupController | null> | null = null;

  function loaded(): Promise<RollupController | null> {
    loading ??= load().then(
      (m) => {
        mod = m;
        real = m.rollupController(ctx);
        return real;
      },
      (e: unknown) => {
        loading = null; // the next click tries again
        ctx.dispatch({ type: "notice", notice: { tone: "error", text: S.rollup.loadFailed(reason(e)) } });
        return null;
      },
    );
    return loading;
  }

  const none = Promise.resolve();
  return {
    async open() {
      (await loaded())?.open();
    },
    close: () => real?.close(),
    year: (y) => real?.year(y),
    roster: (file) => real?.roster(file) ?? none,
    files: (files, folder) => real?.files(files, folder) ?? none,
    toggle: (key) => real?.toggle(key),
    confirm: () => real?.confirm() ?? none,
    back: () => real?.back(),
    undo: (kind) => real?.undo(kind) ?? none,
    get actions() {
      return real?.actions ?? {};
    },
    get createView() {
      return mod?.createRollupView ?? null;
    },
  };
}

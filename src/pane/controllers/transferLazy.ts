/**
 * 结转与导入 (and 按台账填写, which shows the same preview) before its chunk is there: the handlers
 * the toolbar, the 台账 card and the view reach, which load the panel (transfer-panel: controller,
 * view, sentences) on first use and forward to it from then on. The panel is shown only once its
 * chunk has loaded. If it cannot load, a notice says so.
 */
import type { TransferMode } from "../../workflow/transfer";
import type { SourceInput, TransferPanelModule } from "../transferApi";
import { S } from "../strings";
import type { TransferController } from "./transfer";
import type { PaneContext } from "./context";
import { lazyPanel } from "./lazy";

export interface LazyTransfer extends Omit<TransferController, "open"> {
  /** Loads the panel on first use; resolves once it is open (or closed, or failed to load). */
  open(mode: TransferMode): Promise<void>;
  /** The panel's view, once its chunk has loaded. */
  readonly createView: TransferPanelModule["createTransferView"] | null;
}

export function lazyTransferController(ctx: PaneContext, load: () => Promise<TransferPanelModule>): LazyTransfer {
  const panel = lazyPanel(ctx, load, (m) => m.transferController(ctx), S.panelLoadFailed);
  return {
    open: (mode) => panel.runAsync(({ c }) => c.open(mode)),
    read: (input: SourceInput) => panel.runAsync(({ c }) => c.read(input)),
    file: (file) => panel.runAsync(({ c }) => c.file(file)),
    confirm: () => panel.runAsync(({ c }) => c.confirm()),
    undo: (kind) => panel.runAsync(({ c }) => c.undo(kind)),
    ledger: () => panel.runAsync(({ c }) => c.ledger()),
    close: () => panel.run(({ c }) => c.close()),
    toggle: (key) => panel.run(({ c }) => c.toggle(key)),
    back: () => panel.run(({ c }) => c.back()),
    get actions() {
      return panel.loaded?.c.actions ?? {};
    },
    get createView() {
      return panel.loaded?.m.createTransferView ?? null;
    },
  };
}

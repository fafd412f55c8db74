/**
 * The 结转与导入 panel as a lazy chunk (`transfer-panel`): its controller (also 按台账填写's
 * preview), view and sentences load on the first 结转/导入/按台账填写 (transferApi.ts,
 * controllers/transferLazy.ts), never in the pane's first load (issue 23). The readers are the
 * `transfer` chunk, loaded on the first file or paste.
 */
export { transferController } from "./controllers/transfer";
export { createTransferView } from "./transferView";

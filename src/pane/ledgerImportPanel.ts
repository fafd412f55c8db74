/**
 * 导入已有台账 as a lazy chunk (`ledger-import-panel`): its controller and view load on the first
 * 导入已有台账 (registerApi.ts, controllers/registerLazy.ts), never in the pane's first load
 * (issue 23). The planning is the `register` chunk, the readers the `transfer` chunk.
 */
export { registerController } from "./controllers/register";
export { renderLedgerImport } from "./ledgerImportView";

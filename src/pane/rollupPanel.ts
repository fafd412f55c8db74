/**
 * The 汇总多个单位… panel as a lazy chunk (`rollup-panel`): its controller, view and sentences load
 * when the clerk first opens it (rollupApi.ts, controllers/rollupLazy.ts), never in the pane's first load
 * (issue 23). The roll-up's work itself is the `rollup` chunk, loaded with the readers on the
 * first file (rollupApi.ts).
 */
export { rollupController } from "./controllers/rollup";
export { createRollupView } from "./rollupView";


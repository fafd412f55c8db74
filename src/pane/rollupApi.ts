/**
 * The two lazy chunks of 汇总多个单位…: the panel (controller, view, sentences: rollupPanel.ts),
 * loaded when the clerk opens it, and the roll-up's work: putting units' reports together (names,
 * similarity, totals), checking each, and the write plan, loaded with the readers on the first
 * file. Only the 政务公开办 clerk opens it, so neither is in the pane's first load (issue 23).
 */
export type RollupModule = typeof import("./rollupModule");

export function loadRollupModule(): Promise<RollupModule> {
  return import(/* webpackChunkName: "rollup" */ "./rollupModule");
}

export type RollupPanelModule = typeof import("./rollupPanel");

export function loadRollupPanel(): Promise<RollupPanelModule> {
  return import(/* webpackChunkName: "rollup-panel" */ "./rollupPanel");
}

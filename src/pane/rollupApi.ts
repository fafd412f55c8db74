/**
 * The pane's view of the roll-up's work (汇总多个单位…): putting units' reports together (names,
 * similarity, totals), checking each, and the write plan. Only the 政务公开办 clerk opens it, so it
 * loads as a lazy chunk with the readers, never in the pane's first load (issue 23).
 */
export type RollupModule = typeof import("./rollupModule");

export function loadRollupModule(): Promise<RollupModule> {
  return import(/* webpackChunkName: "rollup" */ "./rollupModule");
}

/**
 * What the pane's roll-up view shows besides the result itself: the similarity threshold, the
 * files that belong to no unit, a sheet line of the preview. Small and apart from the roll-up's
 * work (names, shingles, totals), which the pane loads only when the clerk opens 汇总 (issue 23).
 */
import type { RollupResult } from "./index";
import type { RollupSheetPlan } from "./apply";
import { ROLLUP_TEXT } from "./messages";

/** Two units' sections are 雷同 from this share of shared shingles on. */
export const DEFAULT_SIMILAR_THRESHOLD = 0.5;

/** Files that could not be read and belong to no unit of the list (named by file only). */
export function unplaced(result: RollupResult): RollupResult["unreadable"] {
  return result.unreadable.filter((x) => !result.units.some((u) => u.file === x.file));
}

/** What a sheet line of the preview says: new, or beside the clerk's sheet of that name. */
export function sheetLine(s: RollupSheetPlan): string {
  return s.name === s.base ? ROLLUP_TEXT.write.sheetNew(s.name) : ROLLUP_TEXT.write.sheetTaken(s.base, s.name);
}

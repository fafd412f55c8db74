/**
 * The rows of 单位一览 (one per unit, the ones to chase first; then the roster's units without a
 * report; then files no unit could be given) and 雷同 (one per copied section): the same rows in
 * the CLI's 汇总 workbook and in the sheets the pane writes into the open workbook.
 */
import type { RawCell } from "../../report";
import { KEY_NUMBERS, type RollupResult } from "./index";
import { ROLLUP_TEXT } from "./messages";
import { unplaced } from "./shown";

export { unplaced };

export const OVERVIEW_SHEET = "单位一览";
export const SIMILAR_SHEET = "雷同";

const W = ROLLUP_TEXT.workbook;

export function overviewRows(result: RollupResult): RawCell[][] {
  const keyLabels = Object.keys(KEY_NUMBERS);
  const none = keyLabels.map(() => null);
  const rows: RawCell[][] = [[...W.overviewHead, ...keyLabels, W.fileHead, W.noteHead]];
  for (const u of result.units) rows.push([u.name, u.verdict, u.inTotals ? W.yes : W.no, u.errors, u.warnings, ...keyLabels.map((k) => u.key[k] ?? null), u.file, u.note]);
  for (const m of result.missing) rows.push([m.name, W.missing, W.no, null, null, ...none, null, null]);
  for (const x of unplaced(result)) rows.push([W.unplacedName, W.unreadable, W.no, null, null, ...none, x.file, x.reason]);
  return rows;
}

/** Columns of 单位一览: the first (单位) and the last two (文件, 说明) are wide. */
export function overviewWidths(): number[] {
  const n = 5 + Object.keys(KEY_NUMBERS).length;
  return Array.from({ length: n + 2 }, (_, i) => (i === 0 ? 28 : i >= n ? 36 : 12));
}

export function similarRows(result: RollupResult): RawCell[][] {
  const rows: RawCell[][] = [[...W.similarHead]];
  for (const p of result.similar) for (const s of p.sections) rows.push([p.a, p.b, s.heading, s.ratio]);
  return rows;
}

/** 雷同's ratio column (0-based). */
export const SIMILAR_RATIO_COLUMN = 3;

/**
 * Naming where a finding points, by the labels a clerk reads in a published report or a Word
 * file: 表三“一、本年新收政府信息公开申请数量”行“商业企业”列. Cells of one row or one column are named
 * together ("…列的“（一）予以公开”至“3.其他”各行"). Workbooks are named by sheet and address
 * instead (src/template/places.ts); cell keys stay in the JSON only.
 */
import { FORMATS, TABLE_NAMES, type FormatId } from "./format";
import { cellInfo, cellsOf, type CellInfo } from "./keys";
import { placeText } from "./messages";

/** One key: a value cell, a section (S1–S6), OPENING or META.*. */
export function labelPlace(key: string, format: FormatId = "2021"): string {
  const c = cellInfo(key, format);
  if (c) return cellPlace(c);
  const section = FORMATS[format].sections.find((s) => s.key === key);
  if (section) return placeText.section(section.heading);
  return placeText.other[key] ?? key;
}

function cellPlace(c: CellInfo): string {
  const t = TABLE_NAMES[c.table];
  if (c.groupLabel !== undefined) return placeText.t4Cell(t, c.groupLabel, c.colLabel);
  return placeText.cell(t, c.rowLabel ?? "", c.colLabel);
}

/** Labels of consecutive items as "“a”至“b”", a few as "“a”、“b”", otherwise the first ones and a count. */
function span(labels: string[], contiguous: boolean): string {
  if (labels.length === 1) return `“${labels[0]}”`;
  if (labels.length <= 3) return labels.map((l) => `“${l}”`).join("、");
  if (contiguous) return placeText.through(labels[0]!, labels[labels.length - 1]!);
  return placeText.andMore(labels.slice(0, 2).map((l) => `“${l}”`).join("、"), labels.length);
}

/** Several keys: grouped by one row or one column where they share it. */
export function labelPlaces(keys: readonly string[], format: FormatId = "2021"): string {
  if (keys.length === 0) return "";
  if (keys.length === 1) return labelPlace(keys[0]!, format);
  const infos = keys.map((k) => cellInfo(k, format));
  if (infos.every((i): i is CellInfo => i !== undefined) && infos.every((i) => i.table === infos[0]!.table)) {
    const all = cellsOf(format);
    const index = new Map(all.map((c, i) => [c.key, i]));
    const sorted = [...infos].sort((a, b) => index.get(a.key)! - index.get(b.key)!);
    const t = TABLE_NAMES[sorted[0]!.table];
    const sameCol = sorted.every((i) => i.col === sorted[0]!.col && i.groupLabel === undefined);
    const sameRow = sorted.every((i) => i.row !== undefined && i.row === sorted[0]!.row);
    const sameGroup = sorted.every((i) => i.groupLabel !== undefined && i.groupLabel === sorted[0]!.groupLabel);
    if (sameRow || sameGroup) {
      // Along a row: the table's cells of that row (or 表四 group) in order, contiguous when no gap.
      const line = all.filter((c) => c.table === sorted[0]!.table && (sameRow ? c.row === sorted[0]!.row : c.groupLabel === sorted[0]!.groupLabel));
      const pos = sorted.map((i) => line.findIndex((c) => c.key === i.key));
      const contiguous = pos.every((p, j) => j === 0 || p === pos[j - 1]! + 1);
      const cols = span(sorted.map((i) => i.colLabel), contiguous);
      return sameRow ? placeText.rowCells(t, sorted[0]!.rowLabel ?? "", cols) : placeText.groupCells(t, sorted[0]!.groupLabel!, cols);
    }
    // Whole rows (every column of each): name the rows.
    const rowsOf = [...new Set(sorted.map((i) => i.row))];
    const fullRows =
      sorted[0]!.table !== 4 &&
      rowsOf.length > 1 &&
      rowsOf.every((r) => all.filter((c) => c.table === sorted[0]!.table && c.row === r).every((c) => index.has(c.key) && keys.includes(c.key)));
    if (fullRows) {
      const line = [...new Set(all.filter((c) => c.table === sorted[0]!.table).map((c) => c.row))];
      const pos = rowsOf.map((r) => line.indexOf(r));
      const contiguous = pos.every((p, j) => j === 0 || p === pos[j - 1]! + 1);
      const labels = rowsOf.map((r) => sorted.find((i) => i.row === r)!.rowLabel ?? "");
      return placeText.rows(t, span(labels, contiguous));
    }
    if (sameCol && sorted[0]!.table === 3) {
      const line = all.filter((c) => c.table === 3 && c.col === sorted[0]!.col);
      const pos = sorted.map((i) => line.findIndex((c) => c.key === i.key));
      const contiguous = pos.every((p, j) => j === 0 || p === pos[j - 1]! + 1);
      return placeText.colCells(t, sorted[0]!.colLabel, span(sorted.map((i) => i.rowLabel ?? ""), contiguous));
    }
  }
  const named = keys.slice(0, keys.length > 3 ? 2 : 3).map((k) => labelPlace(k, format));
  return keys.length > 3 ? placeText.andMore(named.join("；"), keys.length) : named.join("；");
}

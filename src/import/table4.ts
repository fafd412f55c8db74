/**
 * 表四 (行政复议、行政诉讼): header rows of group and result labels, then one row of 15 values.
 * The result labels in the header give the column order when all 15 are there.
 */
import { TABLE_NAMES, t4Key } from "../report";
import { alignValues } from "./align";
import { readCell } from "./cells";
import { shownLabel } from "./labels";
import { importText } from "./messages";
import { foundTexts, garbledTexts, hasValues, labelEnd, markUnread, newOutput, valueTexts, warn, type TableOutput } from "./tableOutput";
import type { Vocabulary } from "./vocabulary";

const NAME = TABLE_NAMES[4];

export function readTable4(rows: readonly string[][], v: Vocabulary): TableOutput {
  const out = newOutput();
  const groups = v.format.table4.groups;
  const standard = groups.flatMap((g) => g.columns.map((c) => c.code));
  const isLabel = (c: string) => v.t4Groups.has(c) || v.t4Results.has(c);

  const headerRows: string[][] = [];
  let dataIndex = -1;
  rows.forEach((row, index) => {
    if (row.some(isLabel)) {
      if (dataIndex < 0) headerRows.push([...row]);
      return;
    }
    if (!hasValues(row)) return;
    if (dataIndex < 0) {
      dataIndex = index;
      return;
    }
    out.unplaced++;
    warn(out, "IMPORT.UNPLACED", importText.unplacedRow(NAME, index + 1, shownLabel(row.slice(0, labelEnd(row)).join("")), valueTexts(row)));
  });

  const keysAll = standard.map((code) => t4Key(code));
  if (dataIndex < 0) {
    markUnread(out, keysAll);
    // The table was found (its labels are there); its numbers were not read — said, not judged.
    warn(out, "IMPORT.MISSING", importText.t4NoValues(), keysAll);
    return out;
  }
  out.placed++;
  const header = resultColumns(headerRows, v) ?? { order: standard, positions: null };
  const row = rows[dataIndex]!;
  const start = labelEnd(row);
  const garbledCells = garbledTexts(row, Math.min(start, row.length));
  if (garbledCells.length) {
    markUnread(out, keysAll);
    warn(out, "IMPORT.MISSING", importText.garbledRow(NAME, dataIndex + 1, importText.t4Row, garbledCells), keysAll);
    return out;
  }
  const aligned = alignValues(row, Math.min(start, row.length), header.order.length, header.positions);
  const keys = header.order.map((code) => t4Key(code));
  aligned.values.forEach((text, i) => (out.cells[keys[i]!] = readCell(text).raw));
  const label = importText.t4Row;
  // A second row of numbers, too many or too few numbers: which column each is in is a guess.
  if (out.unplaced > 0 || aligned.extra.length || aligned.missing > 0) markUnread(out, keys);
  if (aligned.extra.length) warn(out, "IMPORT.UNPLACED", importText.extraValues(NAME, dataIndex + 1, label, aligned.extra), keys);
  if (aligned.missing > 0) {
    const labelOf = (code: string) => {
      const g = groups.find((gr) => gr.columns.some((c) => c.code === code))!;
      return `${g.short}·${g.columns.find((c) => c.code === code)!.label}`;
    };
    const cols = header.order.slice(header.order.length - aligned.missing).map(labelOf);
    warn(out, "IMPORT.MISSING", importText.shortRow(NAME, dataIndex + 1, label, header.order.length - aligned.missing, header.order.length, cols, foundTexts(aligned.values)), keys);
  }
  return out;
}

/**
 * The 15 result labels of the header, left to right, give each value column its code; groups keep
 * the standard order (行政复议, 未经复议直接起诉, 复议后起诉). Null when the header is incomplete.
 */
function resultColumns(headerRows: readonly string[][], v: Vocabulary): { order: string[]; positions: number[] } | null {
  const groups = v.format.table4.groups;
  const found = new Map<number, number>(); // grid column → result index
  for (const row of headerRows) {
    row.forEach((cell, col) => {
      const m = v.t4Results.find(cell, "core");
      if (m && !found.has(col)) found.set(col, m.target);
    });
  }
  const cols = [...found.keys()].sort((a, b) => a - b);
  const per = groups[0]?.columns.length ?? 0;
  if (cols.length !== groups.length * per) return null;
  const order: string[] = [];
  for (let g = 0; g < groups.length; g++) {
    const chunk = cols.slice(g * per, (g + 1) * per).map((c) => found.get(c)!);
    if (new Set(chunk).size !== per) return null;
    chunk.forEach((r) => order.push(groups[g]!.columns[r]!.code));
  }
  return { order, positions: cols };
}

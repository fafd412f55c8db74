/**
 * 表二 (主动公开): blocks headed 第二十条第（X）项, each with a 信息内容 row naming its columns.
 * Rows are found by their labels (unique within a format), so a lost block header does no harm.
 */
import { FEE_CELL, TABLE_NAMES, t2Key, type T2Block } from "../report";
import { alignValues } from "./align";
import { readCell } from "./cells";
import type { LabelMatch } from "./labelIndex";
import { cleanText, shownLabel } from "./labels";
import { importText } from "./messages";
import { findRowLabel, foundTexts, garbledTexts, hasValues, info, joinDetachedLabels, labelEnd, markUnread, newOutput, rowName, valueTexts, warn, type TableOutput } from "./tableOutput";
import type { T2Target, Vocabulary } from "./vocabulary";

const NAME = TABLE_NAMES[2];

export function readTable2(source: readonly string[][], v: Vocabulary): TableOutput {
  const out = newOutput();
  const isColumnLabel = (text: string) => [...v.t2Columns.values()].some((idx) => idx.has(text, "core"));
  const known = (text: string) => v.t2Headers.has(text) || v.t2Content.has(text) || isColumnLabel(text);
  const rows = joinDetachedLabels(source, known);
  const leaf = (text: string): LabelMatch<T2Target> | null => v.t2Rows.find(text);
  /** The latest 信息内容 row: its cells name the columns of the rows below it. */
  let columnRow: readonly string[] | null = null;
  let feeHeaderNoted = false;
  const seen = new Set<string>();

  rows.forEach((row, index) => {
    const first = row.find((c) => c.trim() !== "") ?? "";
    if (row.some((c) => v.t2Headers.has(c))) {
      columnRow = null;
      return;
    }
    if (v.t2Content.has(first)) {
      columnRow = row;
      return;
    }
    const found = findRowLabel(row, hasValues(row) ? leaf : (t) => v.t2Rows.find(t, "exact"), known);
    if (!found) {
      const end = labelEnd(row);
      const name = rowName(row, end);
      if (hasValues(row)) {
        out.unplaced++;
        const values = valueTexts(row, end);
        warn(out, "IMPORT.UNPLACED", name ? importText.unplacedRow(NAME, index + 1, name, values) : importText.unlabelledRow(NAME, index + 1, values));
      } else if (name && !known(name)) {
        info(out, "IMPORT.UNPLACED", importText.unplacedRow(NAME, index + 1, name, []));
      }
      return;
    }
    const { block, row: target } = found.target.target;
    const shown = shownLabel(row[found.index]!);
    const keys = block.columns.map((c) => t2Key(target.code, c.code));
    if (seen.has(target.code)) {
      out.unplaced++;
      warn(out, "IMPORT.UNPLACED", importText.duplicateRow(NAME, index + 1, shown), keys);
      return;
    }
    seen.add(target.code);
    out.placed++;
    if (found.target.how === "fuzzy") info(out, "IMPORT.UNPLACED", importText.approxLabel(NAME, index + 1, shown, found.target.label), keys);

    const header = columnRow ? columnPositions(columnRow, block, v) : null;
    if (header && block.type === "amount" && !feeHeaderNoted) {
      feeHeaderNoted = noteFeeHeader(out, header.texts);
    }
    const garbledCells = garbledTexts(row, found.index + 1);
    if (garbledCells.length) {
      markUnread(out, keys);
      warn(out, "IMPORT.MISSING", importText.garbledRow(NAME, index + 1, shown, garbledCells), keys);
      return;
    }
    const aligned = alignValues(row, found.index + 1, block.columns.length, header?.positions ?? null);
    aligned.values.forEach((text, i) => {
      const key = keys[i]!;
      const cell = readCell(text);
      out.cells[key] = cell.raw;
      if (block.type === "amount" && key === FEE_CELL && cell.unit === "元" && typeof cell.raw === "number") {
        out.findings.push({ rule: "T2.FEE_UNIT", severity: "warning", cells: [key], message: importText.feeUnit(cell.shown, cell.raw), actual: cell.raw });
      }
    });
    if (aligned.extra.length || aligned.missing > 0) markUnread(out, keys);
    if (aligned.extra.length) warn(out, "IMPORT.UNPLACED", importText.extraValues(NAME, index + 1, shown, aligned.extra.map((c) => shownLabel(c, 20))), keys);
    if (aligned.missing > 0) {
      const cols = block.columns.slice(block.columns.length - aligned.missing).map((c) => c.label);
      warn(out, "IMPORT.MISSING", importText.shortRow(NAME, index + 1, shown, block.columns.length - aligned.missing, block.columns.length, cols, foundTexts(aligned.values)), keys);
    }
  });

  for (const block of v.format.table2.blocks) {
    for (const row of block.rows) {
      if (seen.has(row.code)) continue;
      const keys = block.columns.map((c) => t2Key(row.code, c.code));
      markUnread(out, keys);
      warn(out, "IMPORT.MISSING", importText.missingRow(NAME, row.label), keys);
    }
  }
  return out;
}

/** Grid positions of a block's columns in its 信息内容 row, if every column is named there. */
function columnPositions(columnRow: readonly string[], block: T2Block, v: Vocabulary): { positions: number[] | null; texts: string[] } {
  const idx = v.t2Columns.get(block)!;
  const positions: number[] = [];
  const texts: string[] = [];
  for (const col of block.columns) {
    const at = columnRow.findIndex((cell) => idx.find(cell)?.target === col.code);
    if (at < 0) return { positions: null, texts };
    positions.push(at);
    texts.push(columnRow[at]!);
  }
  return { positions, texts };
}

/** A fee column headed in 元 instead of 万元 is worth a warning even if the cell has no unit. */
function noteFeeHeader(out: TableOutput, headerTexts: string[]): boolean {
  const text = cleanText(headerTexts[0] ?? "");
  if (/元/.test(text) && !/万元/.test(text)) {
    out.findings.push({ rule: "T2.FEE_UNIT", severity: "warning", cells: [FEE_CELL], message: importText.feeUnitHeader(text) });
    return true;
  }
  return false;
}

/**
 * 表三 (the application matrix): rows by their labels, columns by the header labels
 * (自然人, 商业企业 …) when the header has them all, otherwise in the standard order.
 */
import { TABLE_NAMES, t3Key, type T3Row } from "../report";
import { alignValues, positionsFit } from "./align";
import { readCell } from "./cells";
import type { LabelMatch } from "./labelIndex";
import { shownLabel } from "./labels";
import { importText } from "./messages";
import { findRowLabel, foundTexts, garbledTexts, hasValues, recognisedFromImage, info, joinDetachedLabels, labelEnd, markUnread, newOutput, rowName, valueTexts, warn, type TableOutput } from "./tableOutput";
import type { Vocabulary } from "./vocabulary";

const NAME = TABLE_NAMES[3];

interface DataRow {
  index: number;
  labelIndex: number;
  match: LabelMatch<T3Row>;
  /** A single row standing for several rows of this format (2019 “（六）其他处理”): the rows. */
  collapsed?: T3Row[];
}

export function readTable3(source: readonly string[][], v: Vocabulary): TableOutput {
  const out = newOutput();
  const rows = joinDetachedLabels(source, (c) => v.t3Columns.has(c, "exact"));
  const t3 = v.format.table3;
  const leaf = (text: string) => v.t3Leaves.find(text) ?? combinedLabel(text, v);
  const exactLeaf = (text: string) => v.t3Leaves.find(text, "exact") ?? combinedLabel(text, v);
  const known = (text: string) => v.t3Structural.has(text) || v.t3Columns.has(text);

  const data: DataRow[] = [];
  const other: number[] = [];
  const collapsed: DataRow[] = [];
  rows.forEach((row, index) => {
    // A row without numbers is a data row only if its label is exactly a row label;
    // otherwise "总计" or "其他" in the header would be taken for rows.
    const found = findRowLabel(row, hasValues(row) ? leaf : exactLeaf, known);
    if (found) {
      data.push({ index, labelIndex: found.index, match: found.target });
      return;
    }
    const group = hasValues(row) ? findRowLabel(row, (t) => v.t3Collapsed.find(t, "core"), () => false) : null;
    if (group) {
      // Read into the row that takes "the rest" (3.其他), or the last one.
      const rowsOf = group.target.target;
      const into = rowsOf.find((r) => /^其他$/.test(r.path[r.path.length - 1]!.replace(/^\d+\s*[.、．]\s*/, ""))) ?? rowsOf[rowsOf.length - 1]!;
      collapsed.push({ index, labelIndex: group.index, match: { target: into, how: group.target.how, label: group.target.label }, collapsed: rowsOf });
    } else other.push(index);
  });
  // Only when none of the rows it stands for is printed on its own; otherwise it is an unknown row.
  for (const c of collapsed) {
    if (c.collapsed!.some((r) => data.some((d) => d.match.target.code === r.code))) other.push(c.index);
    else data.push(c);
  }
  data.sort((a, b) => a.index - b.index);
  other.sort((a, b) => a - b);

  const firstData = data[0]?.index ?? rows.length;
  let header = columnHeader(rows.slice(0, firstData), v);
  // A copy that shifted its cells has header positions few rows agree with; then neither the
  // positions nor the order they imply are used.
  if (header.positions) {
    const p = header.positions;
    const fit = data.filter((d) => positionsFit(rows[d.index]!, d.labelIndex + 1, p)).length;
    if (fit * 2 < data.length) header = { order: t3.columns.map((c) => c.code), positions: null };
  }
  const seen = new Set<string>();
  const fromImage = recognisedFromImage(rows);

  for (const index of other) {
    const row = rows[index]!;
    const end = labelEnd(row);
    const name = rowName(row, end);
    if (!hasValues(row)) {
      // Header and group rows are expected; other text inside the table is only noted.
      if (index >= firstData && name && !known(name)) info(out, "IMPORT.UNPLACED", importText.unplacedRow(NAME, index + 1, name, []));
      continue;
    }
    out.unplaced++;
    const values = valueTexts(row, end);
    warn(out, "IMPORT.UNPLACED", name ? importText.unplacedRow(NAME, index + 1, name, values) : importText.unlabelledRow(NAME, index + 1, values));
  }
  if (header.positions && header.order.join() !== t3.columns.map((c) => c.code).join()) {
    info(out, "IMPORT.UNPLACED", importText.columnOrder(NAME, header.order.map((code) => t3.columns.find((c) => c.code === code)!.label)));
  }

  for (const d of data) {
    const row = rows[d.index]!;
    const target = d.match.target;
    const shown = shownLabel(row[d.labelIndex]!);
    if (seen.has(target.code)) {
      out.unplaced++;
      warn(out, "IMPORT.UNPLACED", importText.duplicateRow(NAME, d.index + 1, shown));
      continue;
    }
    seen.add(target.code);
    // A row of the other format is read but counts against this format when choosing between them.
    if (d.collapsed) out.unplaced++;
    else out.placed++;
    const keys = header.order.map((code) => t3Key(target.code, code));
    if (d.collapsed) {
      for (const r of d.collapsed) seen.add(r.code);
      const rowKeys = d.collapsed.flatMap((r) => header.order.map((code) => t3Key(r.code, code)));
      warn(out, "IMPORT.MISSING", importText.collapsedRow(NAME, d.index + 1, d.match.label, d.collapsed.map((r) => r.path[r.path.length - 1]!), target.path[target.path.length - 1]!), rowKeys);
    } else if (d.match.how === "fuzzy") info(out, "IMPORT.UNPLACED", importText.approxLabel(NAME, d.index + 1, shown, d.match.label), keys);
    const garbledCells = garbledTexts(row, d.labelIndex + 1);
    if (garbledCells.length) {
      markUnread(out, keys);
      warn(out, "IMPORT.MISSING", importText.garbledRow(NAME, d.index + 1, shown, garbledCells), keys);
      continue;
    }
    const aligned = alignValues(row, d.labelIndex + 1, header.order.length, header.positions);
    const blanks = aligned.values.filter((t) => t.trim() === "").length;
    if (fromImage && blanks > 0 && aligned.missing === 0) {
      markUnread(out, keys);
      warn(out, "IMPORT.MISSING", importText.blankFromImage(NAME, d.index + 1, shown, blanks), keys);
      continue;
    }
    aligned.values.forEach((text, i) => (out.cells[keys[i]!] = readCell(text).raw));
    // Too many or too few numbers: which column each belongs to is a guess, so none is judged.
    if (aligned.extra.length) {
      markUnread(out, keys);
      warn(out, "IMPORT.UNPLACED", importText.extraValues(NAME, d.index + 1, shown, aligned.extra.map((c) => shownLabel(c, 20))), keys);
    }
    if (aligned.missing > 0) {
      markUnread(out, keys);
      const cols = header.order.slice(header.order.length - aligned.missing).map((code) => t3.columns.find((c) => c.code === code)!.label);
      warn(out, "IMPORT.MISSING", importText.shortRow(NAME, d.index + 1, shown, header.order.length - aligned.missing, header.order.length, cols, foundTexts(aligned.values)), keys);
    }
  }

  for (const row of t3.rows) {
    if (seen.has(row.code)) continue;
    const keys = t3.columns.map((c) => t3Key(row.code, c.code));
    markUnread(out, keys);
    warn(out, "IMPORT.MISSING", importText.missingRow(NAME, row.path[row.path.length - 1]!), keys);
  }
  return out;
}

const INNER_ENUMERATOR = /\d{1,2}\s*[.、．]|[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]/g;

/**
 * Two levels written in one cell ("（三）不予公开 1.属于国家秘密", or with a line break between):
 * the row label after an enumerator, if everything before it is a known parent label.
 */
function combinedLabel(text: string, v: Vocabulary): LabelMatch<T3Row> | null {
  if (text.length > 200) return null;
  for (const m of text.matchAll(INNER_ENUMERATOR)) {
    if (m.index === 0) continue;
    const parent = text.slice(0, m.index);
    if (!v.t3Structural.has(parent, "core")) continue;
    const found = v.t3Leaves.find(text.slice(m.index), "core");
    if (found) return found;
  }
  return null;
}

/** Column codes in the order the header shows them, and their grid positions if all were found. */
function columnHeader(headerRows: readonly string[][], v: Vocabulary): { order: string[]; positions: number[] | null } {
  const standard = v.format.table3.columns.map((c) => c.code);
  const pos = new Map<string, number>();
  for (const row of headerRows) {
    row.forEach((cell, i) => {
      const m = v.t3Columns.find(cell, "exact");
      if (m && !pos.has(m.target)) pos.set(m.target, i);
    });
  }
  if (standard.some((code) => !pos.has(code))) return { order: standard, positions: null };
  const order = [...standard].sort((a, b) => pos.get(a)! - pos.get(b)!);
  const positions = order.map((code) => pos.get(code)!);
  return { order, positions: new Set(positions).size === positions.length ? positions : null };
}

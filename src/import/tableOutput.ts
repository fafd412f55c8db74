/**
 * What reading one table yields: cells by key, findings, and how well the rows fitted the
 * format (used to choose between the 2021 and 2019 formats when the labels alone do not tell).
 */
import type { Finding, RawCell } from "../report";
import { cellKind, garbled, ruleNoise } from "./cells";
import { shownLabel } from "./labels";

export interface TableOutput {
  cells: Record<string, RawCell>;
  findings: Finding[];
  placed: number;
  unplaced: number;
  /** Cells not read with confidence: the rules must not judge them (Report.unread). */
  unread: Set<string>;
}

export function newOutput(): TableOutput {
  return { cells: {}, findings: [], placed: 0, unplaced: 0, unread: new Set() };
}

export function markUnread(out: TableOutput, keys: readonly string[]): void {
  for (const k of keys) out.unread.add(k);
}

export function warn(out: TableOutput, rule: "IMPORT.UNPLACED" | "IMPORT.MISSING", message: string, cells: string[] = []): void {
  out.findings.push({ rule, severity: "warning", cells, message });
}

export function info(out: TableOutput, rule: "IMPORT.UNPLACED" | "IMPORT.MISSING", message: string, cells: string[] = []): void {
  out.findings.push({ rule, severity: "info", cells, message });
}

/**
 * End (exclusive) of the row's label part: the leading cells that are empty or text, up to the
 * first number or placeholder.
 */
export function labelEnd(row: readonly string[]): number {
  let i = 0;
  while (i < row.length) {
    const k = cellKind(row[i]!);
    if (k === "number" || k === "placeholder") break;
    i++;
  }
  return i;
}

/** Number and placeholder cells of a row, as written (for messages). */
export function valueTexts(row: readonly string[], from = 0): string[] {
  return row.slice(from).filter((c) => {
    const k = cellKind(c);
    return k === "number" || k === "placeholder";
  }).map((c) => shownLabel(c, 20));
}

/** Every non-empty cell as the clerk would see it (a short row's message quotes what it found, text too). */
export function foundTexts(cells: readonly string[]): string[] {
  return cells.filter((c) => c.trim() !== "").map((c) => shownLabel(c, 20));
}

/**
 * A table whose text shows its rules read as characters came through text recognition: a cell
 * it shows empty may as well be a number lost, so blanks there are not taken for blanks.
 */
export function recognisedFromImage(rows: readonly string[][]): boolean {
  return rows.some((row) => row.some(ruleNoise));
}

/** Garbled cells of a row after its label (see `garbled`), as written. */
export function garbledTexts(row: readonly string[], from: number): string[] {
  return row.slice(from).filter(garbled).map((c) => shownLabel(c, 20));
}

export function hasValues(row: readonly string[]): boolean {
  return labelEnd(row) < row.length;
}

/** Rightmost non-empty cell before `end`, as the name of a row in messages. */
export function rowName(row: readonly string[], end = row.length): string {
  for (let i = Math.min(end, row.length) - 1; i >= 0; i--) {
    if (cellKind(row[i]!) !== "empty") return shownLabel(row[i]!);
  }
  return "";
}

/**
 * Find the row label: scanning the label part from the right, skip unknown text (a value
 * written as words) and stop at the first known label; it identifies the row only if it is one
 * of the row labels (`leaf`). Returns the index of that cell and what it matched.
 */
export function findRowLabel<T>(
  row: readonly string[],
  leaf: (text: string) => T | null,
  known: (text: string) => boolean,
): { index: number; target: T } | null {
  const end = labelEnd(row);
  for (let i = end - 1; i >= 0; i--) {
    const c = row[i]!;
    if (cellKind(c) === "empty") continue;
    const t = leaf(c);
    if (t !== null) return { index: i, target: t };
    if (known(c)) return null;
  }
  return null;
}

/**
 * Labels detached from their numbers (extractor markdown: "| 一、本年新收… |" then "| 2 | 1 | … |"):
 * a row of label text alone followed by a row of numbers alone is one row. The second row is left
 * empty so that row numbers in messages still count the source's rows.
 */
export function joinDetachedLabels(rows: readonly string[][], isHeader: (text: string) => boolean): string[][] {
  const out = rows.map((r) => [...r]);
  for (let i = 0; i + 1 < out.length; i++) {
    const label = out[i]!;
    const next = out[i + 1]!;
    // A header row (自然人 … 总计, 信息内容 …) above an unlabelled row of numbers is not that row's label.
    const labelOnly = !hasValues(label) && label.some((c) => cellKind(c) === "text") && !label.some(isHeader);
    const valuesOnly = hasValues(next) && next.slice(0, labelEnd(next)).every((c) => cellKind(c) === "empty");
    if (!labelOnly || !valuesOnly) continue;
    out[i] = [...label.filter((c) => cellKind(c) !== "empty"), ...next.slice(labelEnd(next))];
    out[i + 1] = [];
    i++;
  }
  return out;
}

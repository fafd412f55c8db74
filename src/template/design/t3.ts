/**
 * 表三 — the application matrix. Header (rows 2–4) and row labels (columns A–C) follow the
 * national format exactly; values in D:J (C7 总计 in J); the row check in K; the column checks in
 * the two rows under the table; the summary below them.
 */
import { FORMATS, TABLE_NAMES, SECTIONS, t3Key } from "../../report";
import { rect, type Rect } from "../address";
import { SHEET_NAMES, TABLE_LABELS } from "../messages";
import { emptyDesign, finishTable, heightFor, rulesOfTable, type IndexedRule } from "./common";
import type { SheetDesign } from "./types";

const HEAD_TOP = 2;
const FIRST_ROW = 5;
const LABEL_COLS = 3;
const FIRST_COL = LABEL_COLS + 1; // D

export function designT3(): SheetDesign {
  const t3 = FORMATS["2021"].table3;
  const d = emptyDesign("t3", SHEET_NAMES.t3);
  const cols = t3.columns;
  const lastValueCol = FIRST_COL + cols.length - 1; // J
  const checkCol = lastValueCol + 1; // K
  const lastRow = FIRST_ROW + t3.rows.length - 1; // 29
  const balanceRow = lastRow + 1;
  const outcomeRow = lastRow + 2;
  const summaryRow = lastRow + 3;
  const noteRow = lastRow + 4;

  d.widths = { 1: 12, 2: 16, 3: 36, [checkCol]: 13 };
  for (let c = FIRST_COL; c <= lastValueCol; c++) d.widths[c] = 10;
  d.hiddenFrom = checkCol + 1;

  const heading = SECTIONS.find((s) => s.table === 3)!.heading;
  d.labels.push({ rect: rect(1, 1, 1, checkCol), text: `${TABLE_NAMES[3]}\u3000${heading}`, style: "title" });

  // Header: corner, 申请人情况, then each column (2 rows high) or its group over its columns.
  d.labels.push({ rect: rect(HEAD_TOP, 1, HEAD_TOP + 2, LABEL_COLS), text: t3.corner, style: "header" });
  d.labels.push({ rect: rect(HEAD_TOP, FIRST_COL, HEAD_TOP, lastValueCol), text: t3.applicantHeader, style: "header" });
  for (let i = 0; i < cols.length; ) {
    const col = cols[i]!;
    const c = FIRST_COL + i;
    if (!col.group) {
      d.labels.push({ rect: rect(HEAD_TOP + 1, c, HEAD_TOP + 2, c), text: col.label, style: "header" });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1]!.group === col.group) j++;
    d.labels.push({ rect: rect(HEAD_TOP + 1, c, HEAD_TOP + 1, FIRST_COL + j), text: col.group, style: "header" });
    for (let k = i; k <= j; k++) {
      d.labels.push({ rect: rect(HEAD_TOP + 2, FIRST_COL + k, HEAD_TOP + 2, FIRST_COL + k), text: cols[k]!.label, style: "header" });
    }
    i = j + 1;
  }
  d.labels.push({ rect: rect(HEAD_TOP, checkCol, HEAD_TOP + 2, checkCol), text: TABLE_LABELS.t3RowCheckHeader, style: "checkLabel" });

  // Row labels: level 1 over its rows (or A:C when alone), level 2 likewise in B (or B:C), level 3 in C.
  const rows = t3.rows;
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]!.path[0] === rows[i]!.path[0]) j++;
    const top = FIRST_ROW + i;
    if (i === j && rows[i]!.path.length === 1) {
      d.labels.push({ rect: rect(top, 1, top, LABEL_COLS), text: rows[i]!.path[0]!, style: "rowLabel" });
    } else {
      d.labels.push({ rect: rect(top, 1, FIRST_ROW + j, 1), text: rows[i]!.path[0]!, style: "rowLabel" });
      for (let k = i; k <= j; ) {
        let m = k;
        while (m + 1 <= j && rows[m + 1]!.path[1] === rows[k]!.path[1]) m++;
        const r = FIRST_ROW + k;
        if (k === m && rows[k]!.path.length === 2) {
          d.labels.push({ rect: rect(r, 2, r, LABEL_COLS), text: rows[k]!.path[1]!, style: "rowLabel" });
        } else {
          d.labels.push({ rect: rect(r, 2, FIRST_ROW + m, 2), text: rows[k]!.path[1]!, style: "rowLabel" });
          for (let n = k; n <= m; n++) {
            d.labels.push({ rect: rect(FIRST_ROW + n, 3, FIRST_ROW + n, 3), text: rows[n]!.path[2] ?? "", style: "rowLabel" });
          }
        }
        k = m + 1;
      }
    }
    i = j + 1;
  }

  // Value cells.
  rows.forEach((row, ri) => {
    cols.forEach((col, ci) => {
      d.values.push({ key: t3Key(row.code, col.code), row: FIRST_ROW + ri, col: FIRST_COL + ci, kind: "count", span: 1 });
    });
  });

  d.labels.push({ rect: rect(balanceRow, 1, balanceRow, LABEL_COLS), text: TABLE_LABELS.t3BalanceCheck, style: "checkLabel" });
  d.labels.push({ rect: rect(outcomeRow, 1, outcomeRow, LABEL_COLS), text: TABLE_LABELS.t3OutcomeCheck, style: "checkLabel" });
  d.labels.push({ rect: rect(summaryRow, 1, summaryRow, LABEL_COLS), text: TABLE_LABELS.summaryLabel, style: "checkLabel" });
  d.labels.push({ rect: rect(noteRow, 1, noteRow, checkCol), text: TABLE_LABELS.colorNote, style: "note" });

  const rowOf = new Map(rows.map((r, i) => [r.code, FIRST_ROW + i]));
  const colOf = new Map(cols.map((c, i) => [c.code, FIRST_COL + i]));
  const keyCell = (key: string) => {
    const [, r, c] = key.split(".");
    return { row: rowOf.get(r!)!, col: colOf.get(c!)! };
  };
  const checkRows = { balance: balanceRow, outcome: outcomeRow };
  const placeCheck = ({ rule }: IndexedRule): Rect => {
    const total = keyCell(rule.total[rule.total.length - 1]!.key);
    switch (rule.check.along) {
      case "row":
        return rect(total.row, checkCol);
      case "column":
        return rect(checkRows[rule.check.checkRow], total.col);
      case "group":
        throw new Error(`${rule.id}: 表三 has no group check row`);
    }
  };
  finishTable(d, {
    rules: rulesOfTable(3),
    placeCheck,
    valueRects: [rect(FIRST_ROW, FIRST_COL, lastRow, lastValueCol)],
    checkAreas: [rect(FIRST_ROW, checkCol, lastRow, checkCol), rect(balanceRow, FIRST_COL, outcomeRow, lastValueCol)],
    summaryRect: rect(summaryRow, FIRST_COL, summaryRow, checkCol),
  });

  d.heights[HEAD_TOP] = 20;
  d.heights[HEAD_TOP + 1] = 20;
  d.heights[HEAD_TOP + 2] = 20;
  rows.forEach((row, i) => {
    const label = row.path[row.path.length - 1]!;
    const width = row.path.length === 3 ? d.widths[3]! : row.path.length === 2 ? d.widths[2]! + d.widths[3]! : 64;
    d.heights[FIRST_ROW + i] = heightFor(label, width);
  });
  d.heights[HEAD_TOP] = Math.max(20, heightFor(t3.corner, 64) / 3);
  d.heights[noteRow] = heightFor(TABLE_LABELS.colorNote, 64 + 10 * cols.length + 13);
  // Landscape: eleven columns fit one page wide at ~95 % (portrait printed the 10 pt text at ~6 pt);
  // the header rows repeat on the second page.
  d.print = { area: rect(1, 1, noteRow, checkCol), titleRows: [HEAD_TOP, HEAD_TOP + 2], landscape: true };
  d.freeze = { rows: HEAD_TOP + 2, cols: LABEL_COLS };
  return d;
}

/**
 * 表二 — 主动公开政府信息情况: blocks of the national format, each with its header row
 * (第二十条第（x）项), a "信息内容" row of column labels and its data rows; a single value column
 * spans the three value columns, as in the published table.
 */
import { FORMATS, SECTIONS, TABLE_NAMES, t2Key } from "../../report";
import { boundingRect, rect } from "../address";
import { SHEET_NAMES, TABLE_LABELS } from "../messages";
import { emptyDesign, finishTable, heightFor } from "./common";
import type { SheetDesign } from "./types";

const VALUE_COLS = 3;

export function designT2(): SheetDesign {
  const t2 = FORMATS["2021"].table2;
  const d = emptyDesign("t2", SHEET_NAMES.t2);
  const last = 1 + VALUE_COLS;
  d.widths = { 1: 24 };
  for (let c = 2; c <= last; c++) d.widths[c] = 16;
  d.hiddenFrom = last + 1;

  const heading = SECTIONS.find((s) => s.table === 2)!.heading;
  d.labels.push({ rect: rect(1, 1, 1, last), text: `${TABLE_NAMES[2]}\u3000${heading}`, style: "title" });

  let row = 2;
  const valueRects = [];
  for (const block of t2.blocks) {
    d.labels.push({ rect: rect(row, 1, row, last), text: block.header, style: "blockHeader" });
    row++;
    d.labels.push({ rect: rect(row, 1, row, 1), text: block.contentLabel, style: "header" });
    const span = block.columns.length === 1 ? VALUE_COLS : 1;
    block.columns.forEach((col, i) => {
      d.labels.push({ rect: rect(row, 2 + i, row, 2 + i + span - 1), text: col.label, style: "header" });
    });
    d.heights[row] = Math.max(20, ...block.columns.map((col) => heightFor(col.label, 16 * span)));
    row++;
    const first = row;
    for (const r of block.rows) {
      d.labels.push({ rect: rect(row, 1, row, 1), text: r.label, style: "rowLabel" });
      block.columns.forEach((col, i) => {
        d.values.push({ key: t2Key(r.code, col.code), row, col: 2 + i, kind: block.type === "amount" ? "amount" : "count", span });
      });
      d.heights[row] = 20;
      row++;
    }
    valueRects.push(boundingRect([{ row: first, col: 2 }, { row: row - 1, col: 1 + block.columns.length }]));
  }
  const summaryRow = row + 1;
  d.labels.push({ rect: rect(summaryRow, 1, summaryRow, 1), text: TABLE_LABELS.summaryLabel, style: "checkLabel" });
  d.labels.push({ rect: rect(summaryRow + 1, 1, summaryRow + 1, last), text: TABLE_LABELS.t2Note, style: "note" });
  d.labels.push({ rect: rect(summaryRow + 2, 1, summaryRow + 2, last), text: TABLE_LABELS.colorNote, style: "note" });
  d.heights[summaryRow + 2] = heightFor(TABLE_LABELS.colorNote, 24 + 16 * VALUE_COLS);

  finishTable(d, { rules: [], placeCheck: () => rect(1, 1), valueRects, checkAreas: [], summaryRect: rect(summaryRow, 2, summaryRow, last) });
  d.print = { area: rect(1, 1, summaryRow + 2, last), titleRows: [1, 1], landscape: false };
  return d;
}

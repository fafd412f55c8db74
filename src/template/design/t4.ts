/**
 * 表四 — administrative reconsideration and litigation: one row of 15 values under three header
 * rows (行政复议 / 行政诉讼 → 未经复议直接起诉 / 复议后起诉 → the five result labels).
 * Checks go under each group, merged over its five columns.
 */
import { FORMATS, SECTIONS, TABLE_NAMES, t4Key } from "../../report";
import { rect, type Rect } from "../address";
import { SHEET_NAMES, TABLE_LABELS } from "../messages";
import { emptyDesign, finishTable, heightFor, rulesOfTable, type IndexedRule } from "./common";
import type { SheetDesign } from "./types";

const HEAD_TOP = 2;
const VALUE_ROW = 5;

export function designT4(): SheetDesign {
  const t4 = FORMATS["2021"].table4;
  const d = emptyDesign("t4", SHEET_NAMES.t4);
  const allCols = t4.groups.flatMap((g) => g.columns);
  const lastCol = allCols.length;
  const checkRow = VALUE_ROW + 1;
  const summaryRow = VALUE_ROW + 2;
  const noteRow = VALUE_ROW + 3;
  const colorRow = VALUE_ROW + 4;
  for (let c = 1; c <= lastCol; c++) d.widths[c] = 10;
  d.hiddenFrom = lastCol + 1;

  const heading = SECTIONS.find((s) => s.table === 4)!.heading;
  d.labels.push({ rect: rect(1, 1, 1, lastCol), text: `${TABLE_NAMES[4]}\u3000${heading}`, style: "title" });

  const colOf = new Map<string, number>();
  let c = 1;
  const groups = t4.groups;
  for (let i = 0; i < groups.length; ) {
    // Top header over every consecutive group that shares it.
    let j = i;
    while (j + 1 < groups.length && groups[j + 1]!.path[0] === groups[i]!.path[0]) j++;
    const width = groups.slice(i, j + 1).reduce((s, g) => s + g.columns.length, 0);
    d.labels.push({ rect: rect(HEAD_TOP, c, HEAD_TOP, c + width - 1), text: groups[i]!.path[0]!, style: "header" });
    for (let k = i; k <= j; k++) {
      const g = groups[k]!;
      const last = c + g.columns.length - 1;
      if (g.path.length === 1) {
        g.columns.forEach((col, n) => d.labels.push({ rect: rect(HEAD_TOP + 1, c + n, HEAD_TOP + 2, c + n), text: col.label, style: "header" }));
      } else {
        d.labels.push({ rect: rect(HEAD_TOP + 1, c, HEAD_TOP + 1, last), text: g.path[1]!, style: "header" });
        g.columns.forEach((col, n) => d.labels.push({ rect: rect(HEAD_TOP + 2, c + n, HEAD_TOP + 2, c + n), text: col.label, style: "header" }));
      }
      g.columns.forEach((col, n) => {
        colOf.set(col.code, c + n);
        d.values.push({ key: t4Key(col.code), row: VALUE_ROW, col: c + n, kind: "count", span: 1 });
      });
      c = last + 1;
    }
    i = j + 1;
  }

  d.labels.push({ rect: rect(summaryRow, 1, summaryRow, 3), text: TABLE_LABELS.summaryLabel, style: "checkLabel" });
  d.labels.push({ rect: rect(noteRow, 1, noteRow, lastCol), text: TABLE_LABELS.t4CheckNote, style: "note" });
  d.labels.push({ rect: rect(colorRow, 1, colorRow, lastCol), text: TABLE_LABELS.colorNote, style: "note" });

  const placeCheck = ({ rule }: IndexedRule): Rect => {
    if (rule.check.along !== "group") throw new Error(`${rule.id}: 表四 has only group checks`);
    const cs = [...rule.parts, ...rule.total].map((t) => colOf.get(t.key.split(".")[1]!)!);
    return rect(checkRow, Math.min(...cs), checkRow, Math.max(...cs));
  };
  finishTable(d, {
    rules: rulesOfTable(4),
    placeCheck,
    valueRects: [rect(VALUE_ROW, 1, VALUE_ROW, lastCol)],
    checkAreas: [rect(checkRow, 1, checkRow, lastCol)],
    summaryRect: rect(summaryRow, 4, summaryRow, lastCol),
  });

  d.heights[HEAD_TOP + 1] = 20;
  d.heights[HEAD_TOP + 2] = 20;
  d.heights[VALUE_ROW] = 20;
  d.heights[colorRow] = heightFor(TABLE_LABELS.colorNote, 10 * lastCol);
  d.print = { area: rect(1, 1, colorRow, lastCol), titleRows: [HEAD_TOP, HEAD_TOP + 2], landscape: true };
  d.freeze = { rows: HEAD_TOP + 2, cols: 0 };
  return d;
}

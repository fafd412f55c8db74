/** 封面 — agency, year and contact (inputs), the report title (derived) and how to fill in the template. */
import { cellInfo, FORMAT_2021, FORMAT_DEFINITION_VERSION, PRIOR_KEYS, TABLE_NAMES, type CellKey } from "../../report";
import { rect } from "../address";
import { TEMPLATE_VERSION } from "../marker";
import { META_LABELS, PRIOR_LABELS, SHEET_NAMES } from "../messages";
import { emptyDesign, heightFor } from "./common";
import type { SheetDesign, ValueKind } from "./types";

export const META_KEYS = { agency: "META.AGENCY", year: "META.YEAR", contact: "META.CONTACT", title: "META.TITLE" } as const;

/** Keys of the kept block: PRIOR.YEAR and PRIOR.<cell key> for each of PRIOR_KEYS. */
export const PRIOR_YEAR_KEY = "PRIOR.YEAR";
export const priorKey = (cell: CellKey): string => `PRIOR.${cell}`;

export interface PriorGroup {
  title: string;
  items: { key: CellKey; label: string; kind: ValueKind }[];
}

/**
 * PRIOR_KEYS grouped for display, labels from the format: 表三's row over its columns, 表二's
 * 现行有效件数 column over its rows, and a single-column block (收费) under its row label.
 */
export function priorGroups(): PriorGroup[] {
  const f = FORMAT_2021;
  const groups = new Map<string, PriorGroup>();
  for (const key of PRIOR_KEYS) {
    const info = cellInfo(key, "2021")!;
    let id: string;
    let title: string;
    let label: string;
    if (info.table === 3) {
      const row = f.table3.rows.find((r) => r.code === info.row)!;
      id = `3.${info.row}`;
      title = PRIOR_LABELS.group(TABLE_NAMES[3], row.path[row.path.length - 1]!);
      label = f.table3.columns.find((c) => c.code === info.col)!.label;
    } else {
      const block = f.table2.blocks.find((b) => b.rows.some((r) => r.code === info.row))!;
      const row = block.rows.find((r) => r.code === info.row)!;
      const col = block.columns.find((c) => c.code === info.col)!;
      const byColumn = block.columns.length > 1;
      id = byColumn ? `2.${info.col}.${block.header}` : `2.${info.row}`;
      title = PRIOR_LABELS.group(TABLE_NAMES[2], byColumn ? col.label : row.label);
      label = byColumn ? row.label : col.label;
    }
    const g = groups.get(id) ?? { title, items: [] };
    g.items.push({ key, label, kind: info.type === "amount" ? "amount" : "count" });
    groups.set(id, g);
  }
  return [...groups.values()];
}

export function designMeta(): SheetDesign {
  const d = emptyDesign("meta", SHEET_NAMES.meta);
  d.widths = { 1: 14, 2: 64 };
  d.hiddenFrom = 3;
  d.labels.push({ rect: rect(1, 1, 1, 2), text: META_LABELS.title, style: "title" });
  d.labels.push({
    rect: rect(2, 1, 2, 2),
    text: META_LABELS.formatLine(FORMAT_2021.name, `${FORMAT_DEFINITION_VERSION}/${TEMPLATE_VERSION}`),
    style: "subtitle",
  });
  const rows: [string, string, "text" | "year"][] = [
    [META_LABELS.agency, META_KEYS.agency, "text"],
    [META_LABELS.year, META_KEYS.year, "year"],
    [META_LABELS.contact, META_KEYS.contact, "text"],
  ];
  rows.forEach(([label, key, kind], i) => {
    const row = 4 + i;
    d.labels.push({ rect: rect(row, 1), text: label, style: "rowLabel" });
    d.values.push({ key, row, col: 2, kind, span: 1 });
    d.heights[row] = 22;
  });
  const titleRow = 4 + rows.length;
  const agency = "B4";
  const year = "B5";
  d.labels.push({ rect: rect(titleRow, 1), text: META_LABELS.reportTitle, style: "rowLabel" });
  d.derived.push({
    key: META_KEYS.title,
    row: titleRow,
    col: 2,
    kind: "text",
    span: 1,
    formula: `IF(OR(${agency}="",${year}=""),"",${agency}&${year}&"${META_LABELS.titleFormulaSuffix}")`,
  });
  d.heights[titleRow] = 22;
  const notesTop = titleRow + 2;
  d.labels.push({ rect: rect(notesTop, 1, notesTop, 2), text: META_LABELS.notesHeading, style: "blockHeader" });
  META_LABELS.notes.forEach((note, i) => {
    d.labels.push({ rect: rect(notesTop + 1 + i, 1, notesTop + 1 + i, 2), text: note, style: "note" });
    d.heights[notesTop + 1 + i] = heightFor(note, 78);
  });

  // Last year's figures: locked, below the notes (existing addresses stay where version 1 had them).
  let row = notesTop + META_LABELS.notes.length + 2;
  d.labels.push({ rect: rect(row, 1, row, 2), text: PRIOR_LABELS.heading, style: "blockHeader" });
  d.heights[row] = 22;
  row++;
  d.labels.push({ rect: rect(row, 1, row, 2), text: PRIOR_LABELS.note, style: "note" });
  d.heights[row] = heightFor(PRIOR_LABELS.note, 78);
  row++;
  d.labels.push({ rect: rect(row, 1), text: PRIOR_LABELS.year, style: "rowLabel" });
  d.kept.push({ key: PRIOR_YEAR_KEY, row, col: 2, kind: "year", span: 1 });
  row++;
  for (const g of priorGroups()) {
    d.labels.push({ rect: rect(row, 1, row, 2), text: g.title, style: "header" });
    row++;
    for (const item of g.items) {
      d.labels.push({ rect: rect(row, 1), text: item.label, style: "rowLabel" });
      d.kept.push({ key: priorKey(item.key), row, col: 2, kind: item.kind, span: 1 });
      d.heights[row] = heightFor(item.label, 14);
      row++;
    }
  }
  d.print = { area: rect(1, 1, row - 1, 2), landscape: false };
  return d;
}

/** 封面 — agency, year and contact (inputs), the report title (derived) and how to fill in the template. */
import { FORMAT_2021, FORMAT_DEFINITION_VERSION } from "../../report";
import { rect } from "../address";
import { TEMPLATE_VERSION } from "../marker";
import { META_LABELS, SHEET_NAMES } from "../messages";
import { emptyDesign, heightFor } from "./common";
import type { SheetDesign } from "./types";

export const META_KEYS = { agency: "META.AGENCY", year: "META.YEAR", contact: "META.CONTACT", title: "META.TITLE" } as const;

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
  d.print = { area: rect(1, 1, notesTop + META_LABELS.notes.length, 2), landscape: false };
  return d;
}

/**
 * Report → document model, built once and shared by the Word, PDF and HTML renderers.
 * Nothing is invented or normalised: values and text appear as written; a missing section still
 * gets its heading (the check lists it as DOC.SECTIONS) so the document keeps the national shape.
 */
import { FORMATS, type Report, type SectionDef } from "../report";
import type { Block, Doc, DocSection } from "./model";
import { tableFor } from "./tables";
import { textBlocks } from "./text";
import { documentTitle, safeFileBaseName } from "./fileName";
import { balancedLines, cellCapacity, titleLines } from "./breaks";
import { gridOf } from "./grid";
import { STYLES } from "./layout";
import type { TableBlock } from "./model";

/** Body rows kept with the header rows, and rows kept with the end of a table, so no row stands alone. */
export const KEEP_FIRST_BODY_ROWS = 2;
export const KEEP_LAST_BODY_ROWS = 2;

/** Header labels broken into even lines, and the rows that hold the table's start and end together. */
function settle(t: TableBlock): TableBlock {
  const size = STYLES[t.style].sizePt;
  gridOf(t).forEach((row) =>
    row.forEach((slot, c) => {
      const cell = slot.cell;
      if (!slot.origin || !cell.header || cell.align !== "center") return;
      const width = t.columnWidths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0);
      const lines = balancedLines(cell.text, cellCapacity(width, size));
      if (lines) cell.lines = lines;
    }),
  );
  if (t.headerRows > 0) {
    const n = t.rows.length;
    t.rows.forEach((row, i) => {
      const body = i - t.headerRows;
      // Header rows with the first rows under them; the last rows with the ones before.
      if (i < t.headerRows || (body >= 0 && body < KEEP_FIRST_BODY_ROWS) || (i >= n - 1 - KEEP_LAST_BODY_ROWS && i < n - 1)) {
        if (i < n - 1) row.keepWithNext = true;
      }
    });
  }
  return t;
}

function sectionBlocks(report: Report, def: SectionDef): Block[] {
  const sec = report.sections[def.key];
  const heading = sec?.heading.trim() || def.heading;
  const blocks: Block[] = [{ kind: "heading", level: 1, text: heading, source: { where: heading, cells: [def.key] } }];
  // Loops, not push(...spread): a pasted section can hold more paragraphs than a call takes arguments.
  if (sec) for (const b of textBlocks(sec.text, def.heading, [def.key])) blocks.push(b);
  if (def.table) blocks.push(settle(tableFor(def.table, report, FORMATS[report.format])));
  return blocks;
}

export function buildDocument(report: Report): Doc {
  const title = documentTitle(report);
  const f = FORMATS[report.format];
  const current: DocSection = {
    orientation: "portrait",
    blocks: [{ kind: "title", text: title, lines: titleLines(title), source: { where: "标题", cells: ["META.TITLE"] } }],
  };
  if (report.opening) for (const b of textBlocks(report.opening, "开头段落", ["META.OPENING"])) current.blocks.push(b);
  // Table 4's 15 columns fit the portrait text block at 小五 as 表三's do (two characters a line in
  // its header): it stays in the flow, not alone on a landscape page that is two-thirds empty.
  for (const def of f.sections) for (const b of sectionBlocks(report, def)) current.blocks.push(b);
  return { title, fileBaseName: safeFileBaseName(title), sections: [current] };
}

/**
 * 正文 — the prose sections 一、五、六 (and an optional opening paragraph block). Each block has
 * a fixed number of rows, one paragraph per row, in a wide wrapped column: a clerk writes or
 * pastes paragraph by paragraph, and the readers join the non-empty rows with line breaks.
 */
import { SECTIONS, type SectionKey } from "../../report";
import { rect } from "../address";
import { SHEET_NAMES, TEXT_LABELS } from "../messages";
import { emptyDesign } from "./common";
import type { SheetDesign, TextBlock } from "./types";

/** Paragraph rows per block (documented in docs/template.md). */
export const TEXT_BLOCK_ROWS: Record<"OPENING" | SectionKey, number> = {
  OPENING: 10,
  S1: 40,
  S2: 0,
  S3: 0,
  S4: 0,
  S5: 40,
  S6: 40,
};
export const OPENING_KEY = "OPENING";
const TEXT_COL = 2;

export function designText(): SheetDesign {
  const d = emptyDesign("text", SHEET_NAMES.text);
  d.widths = { 1: 6, [TEXT_COL]: 100 };
  d.hiddenFrom = TEXT_COL + 1;
  d.labels.push({ rect: rect(1, 1, 1, TEXT_COL), text: TEXT_LABELS.title, style: "title" });
  d.labels.push({ rect: rect(2, 1, 2, TEXT_COL), text: TEXT_LABELS.note, style: "note" });
  d.heights[2] = 20;
  const blocks: { key: string; heading: string }[] = [
    { key: OPENING_KEY, heading: TEXT_LABELS.openingHeading },
    ...SECTIONS.filter((s) => !s.table).map((s) => ({ key: s.key, heading: s.heading })),
  ];
  let row = 3;
  for (const b of blocks) {
    const rows = TEXT_BLOCK_ROWS[b.key as keyof typeof TEXT_BLOCK_ROWS];
    const block: TextBlock = { key: b.key, heading: b.heading, headingRow: row, firstRow: row + 1, rows, col: TEXT_COL };
    d.blocks.push(block);
    d.labels.push({ rect: rect(row, 1, row, TEXT_COL), text: b.heading, style: "blockHeader" });
    d.heights[row] = 22;
    for (let i = 0; i < rows; i++) {
      d.labels.push({ rect: rect(block.firstRow + i, 1), text: TEXT_LABELS.paragraphNo(i + 1), style: "paraNo" });
    }
    row = block.firstRow + rows;
  }
  d.print = { area: rect(1, 1, row - 1, TEXT_COL), titleRows: [1, 1], landscape: false };
  d.freeze = { rows: 2, cols: 0 };
  return d;
}

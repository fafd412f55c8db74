/**
 * Where each cell of a table lands on the column grid. The model omits covered positions (the
 * HTML/docx convention); pdfmake needs a full matrix with placeholders, and tests need counts.
 */
import type { TableBlock, TableCell } from "./model";

export interface Slot {
  cell: TableCell;
  /** True at the cell's top-left position; false where the cell only covers the slot. */
  origin: boolean;
}

/** A rows × columns matrix of slots. Throws if the spans do not tile the grid exactly. */
export function gridOf(table: TableBlock): Slot[][] {
  const cols = table.columnWidths.length;
  const grid: (Slot | undefined)[][] = table.rows.map(() => Array<Slot | undefined>(cols).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < cols && grid[r]![c]) c++;
      if (c + cell.colSpan > cols || r + cell.rowSpan > table.rows.length) {
        throw new Error(`table ${table.id}: cell "${cell.text}" at row ${r} overflows the grid`);
      }
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (grid[r + dr]![c + dc]) throw new Error(`table ${table.id}: cells overlap at row ${r + dr}, column ${c + dc}`);
          grid[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row, r) =>
    row.map((slot, c) => {
      if (!slot) throw new Error(`table ${table.id}: no cell at row ${r}, column ${c}`);
      return slot;
    }),
  );
}

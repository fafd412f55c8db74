/**
 * The grid's view of the in-memory Excel fake (src/hosts/office/fake): 0-based rows and columns over
 * the model's 1-based ones, visible sheets only, Excel-like typing (protection, parsing,
 * change events) and the selection the pane makes through the port.
 */
import { widthToPixels } from "../template/columnWidth";
import { rectAddress } from "../template/address";
import { W } from "./strings";
import type { FakeWorkbookModel } from "../hosts/office/fake";
import type { GridCell, GridMerge, GridSelection, GridSource } from "./grid";

/** ExcelJS column widths are in characters; Excel draws about 7 px per character plus padding. */

export function fakeGridSource(model: FakeWorkbookModel, onRefused: (message: string) => void): GridSource {
  const sheet = (name: string) => model.requireSheet(name);
  return {
    sheetNames: () => model.sheets.filter((s) => s.visible).map((s) => s.name),
    activeSheet: () => model.activeSheet()?.name ?? null,
    activate: (name) => model.activate(name),
    size(name) {
      const s = sheet(name);
      const u = model.usedSize(s);
      return { rows: u.rows, cols: u.cols };
    },
    cell(name, row, col): GridCell {
      const s = sheet(name);
      const r = row + 1;
      const c = col + 1;
      const st = model.style(s, r, c);
      const input = model.formula(s, r, c);
      // A true conditional format (an invalid cell in red, a failed check in orange) draws over the fill.
      const cf = model.conditionalStyle(s, r, c);
      const fill = cf?.fill ?? st.fill;
      return {
        display: model.text(s, r, c),
        input: typeof input === "boolean" ? (input ? "TRUE" : "FALSE") : String(input),
        locked: model.locked(s, r, c),
        ...(st.bold ? { bold: true } : {}),
        ...(fill ? { fill } : {}),
        ...(cf?.fontColor ? { color: cf.fontColor } : {}),
        ...(st.align ? { align: st.align } : {}),
        ...(st.wrap ? { wrap: true } : {}),
      };
    },
    merges: (name): GridMerge[] =>
      sheet(name).merges.map((m) => ({ row: m.top - 1, col: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 })),
    columnWidth(name, col) {
      const w = sheet(name).widths.get(col + 1);
      return w ? widthToPixels(w) : null;
    },
    hiddenColumn: (name, col) => sheet(name).hiddenColumns.has(col + 1),
    enter(name, row, col, text) {
      try {
        model.typeInto(name, rectAddress({ top: row + 1, left: col + 1, bottom: row + 1, right: col + 1 }), text);
      } catch (e) {
        // Excel's own wording for a locked cell on a protected sheet.
        onRefused(e instanceof Error && /protected/i.test(e.message) ? W.lockedCell : String(e));
      }
    },
    selection(): GridSelection | null {
      const sel = model.selection;
      if (!sel) return null;
      const s = model.sheet(sel.sheetId);
      if (!s) return null;
      // Every area of a multi-area selection (RangeAreas.select, WPS's union address), as Excel draws them.
      return { sheet: s.name, ranges: (sel.areas ?? [sel.rect]).map((r) => ({ row: r.top - 1, col: r.left - 1, rowCount: r.bottom - r.top + 1, colCount: r.right - r.left + 1 })) };
    },
    select(name, row, col) {
      model.select(name, rectAddress({ top: row + 1, left: col + 1, bottom: row + 1, right: col + 1 }));
    },
    subscribe: (listener) => model.subscribe(listener),
  };
}

/**
 * writeSheets over Office.js: sheets of plain values added after the last sheet (汇总's 单位一览,
 * 雷同), or removed by 撤销. Two syncs:
 *  1. check — every sheet's name; for each sheet to remove, its used range (values only), which
 *     must hold exactly what was written;
 *  2. write — add, fill in one 2-D assignment each (number formats after), or delete.
 * Nothing is queued for sync 2 unless every check passed, so a refusal leaves the workbook as it was.
 *
 * APIs: WorksheetCollection.add, Worksheet.delete, getUsedRange valuesOnly (1.2), Range.values / numberFormat.
 */
import type { PlainSheet, SheetsOutcome } from "../../workbook/port";
import { holdsExactly, plainBlock } from "../../workbook/plainSheets";
import { sameSheetName } from "../../workbook/sheetNames";
import { isItemNotFound } from "./hostErrors";

type Ctx = Excel.RequestContext;

export interface SheetChanges {
  added: { id: string; name: string }[];
  removed: string[];
}

export async function writeSheetsWith(ctx: Ctx, w: { add?: PlainSheet[]; remove?: PlainSheet[] }, counter: { syncs: number }): Promise<{ out: SheetsOutcome; changes: SheetChanges }> {
  const add = w.add ?? [];
  const remove = w.remove ?? [];
  const none: SheetChanges = { added: [], removed: [] };
  const coll = ctx.workbook.worksheets;
  coll.load("items/id,items/name");
  const used = remove.map((s) => {
    const ws = coll.getItem(s.name);
    const range = ws.getUsedRange(true);
    range.load("values");
    return { sheet: s, ws, range };
  });
  try {
    await ctx.sync();
    counter.syncs++;
  } catch (e) {
    counter.syncs++;
    if (!isItemNotFound(e)) throw e;
    // A sheet to remove is gone (deleted or renamed by the clerk): say which, nothing done.
    coll.load("items/name");
    await ctx.sync();
    counter.syncs++;
    const gone = remove.filter((s) => !coll.items.some((x) => sameSheetName(x.name, s.name))).map((s) => s.name);
    return { out: { kind: "changed", names: gone.length ? gone : remove.map((s) => s.name), syncs: counter.syncs }, changes: none };
  }

  const names = coll.items.map((x) => x.name);
  const changed = [
    ...add.filter((s) => names.some((n) => sameSheetName(n, s.name))).map((s) => s.name),
    ...used.filter((u) => !holdsExactly(u.sheet, u.range.values)).map((u) => u.sheet.name),
  ];
  if (changed.length) return { out: { kind: "changed", names: changed, syncs: counter.syncs }, changes: none };

  const added = add.map((s) => {
    const ws = coll.add(s.name);
    const block = plainBlock(s);
    ws.getRange(block.address).values = block.values;
    for (const f of block.formats) ws.getRange(f.address).numberFormat = f.formats;
    ws.load("id,name");
    return ws;
  });
  const removed = used.map((u) => coll.items.find((x) => sameSheetName(x.name, u.sheet.name))!.id);
  for (const u of used) u.ws.delete();
  await ctx.sync();
  counter.syncs++;
  return {
    out: { kind: "written", sheets: [...add, ...remove].map((s) => s.name), syncs: counter.syncs },
    changes: { added: added.map((ws) => ({ id: ws.id, name: ws.name })), removed },
  };
}

/**
 * writeSheets over ET: sheets of plain values added after the last sheet, or removed by 撤销,
 * with the same checks as the Office adapter (src/hosts/office/writeSheets.ts) made before the
 * first change. ET has no batch, so "all or nothing" is kept by hand: sheets added before a
 * failure are deleted again. Sheets.Add activates the new sheet; the clerk's sheet is activated
 * again after. Worksheet.Delete asks the clerk in a dialog unless DisplayAlerts is off: it is
 * switched off around our own deletes only, and set back to what it was.
 */
import type { PlainSheet, SheetsOutcome } from "../../workbook/port";
import { holdsExactly, plainBlock } from "../../workbook/plainSheets";
import { sameSheetName } from "../../workbook/sheetNames";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et";
import { WPS_TEXT } from "./messages";

const errText = (e: unknown) => (e instanceof Error && e.message ? e.message : String(e));

function withoutAlerts(app: EtApplication, f: () => void): void {
  const before = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    f();
  } finally {
    app.DisplayAlerts = before;
  }
}

export function writeSheetsEt(app: EtApplication, wb: EtWorkbook, w: { add?: PlainSheet[]; remove?: PlainSheet[] }, calls: () => number): SheetsOutcome {
  const add = w.add ?? [];
  const remove = w.remove ?? [];
  const coll = wb.Worksheets;
  const sheets: { name: string; ws: EtWorksheet }[] = [];
  for (let i = 1, n = coll.Count; i <= n; i++) {
    const ws = coll.Item(i);
    sheets.push({ name: ws.Name, ws });
  }
  const find = (name: string) => sheets.find((s) => sameSheetName(s.name, name))?.ws ?? null;
  const targets = remove.map((s) => ({ sheet: s, ws: find(s.name) }));
  const changed = [
    ...add.filter((s) => find(s.name)).map((s) => s.name),
    ...targets.filter((t) => !t.ws || !holdsExactly(t.sheet, t.ws.UsedRange.Value2)).map((t) => t.sheet.name),
  ];
  if (changed.length) return { kind: "changed", names: changed, syncs: calls() };

  const active = wb.ActiveSheet;
  const activeName = active ? active.Name : null;
  const added: EtWorksheet[] = [];
  try {
    let last = sheets[sheets.length - 1]!.ws;
    for (const s of add) {
      const ws = coll.Add(undefined, last);
      added.push(ws);
      ws.Name = s.name;
      const block = plainBlock(s);
      ws.Range(block.address).Value2 = block.values;
      for (const f of block.formats) ws.Range(f.address).NumberFormat = f.formats[0]![0];
      last = ws;
    }
  } catch (e) {
    try {
      withoutAlerts(app, () => added.forEach((ws) => ws.Delete()));
    } catch (e2) {
      return { kind: "refused", reason: WPS_TEXT.rollbackFailed(`${errText(e)}；${errText(e2)}`), syncs: calls() };
    }
    return { kind: "refused", reason: WPS_TEXT.writeFailed(errText(e)), syncs: calls() };
  }
  try {
    withoutAlerts(app, () => targets.forEach((t) => t.ws!.Delete()));
  } catch (e) {
    return { kind: "refused", reason: WPS_TEXT.writeFailed(errText(e)), syncs: calls() };
  }
  // Sheets.Add activated each new sheet: back to where the clerk was (unless it was removed).
  if (added.length && active && activeName !== null && !remove.some((s) => sameSheetName(s.name, activeName))) active.Activate();
  return { kind: "written", sheets: [...add, ...remove].map((s) => s.name), syncs: calls() };
}

/**
 * FakeWorkbookModel.clone, which the adapter tests start from (fakeWithTemplate): a copy equal to
 * the workbook it was taken from, and independent of it — nothing written to one shows in the
 * other, formulas recalculate in each on its own, handlers stay with their workbook.
 */
import { rectAddress } from "../../../src/template/address";
import { templateLayout } from "../../../src/template/layout";
import { createFakeExcel, type FakeWorkbookModel } from "../../../src/hosts/office/fake";
import { fakeWithTemplate, insertTemplateInto } from "../../template/support";

const layout = templateLayout();
const addressOf = (key: string) => {
  const c = layout.cells.get(key)!;
  return rectAddress({ top: c.row, left: c.col, bottom: c.row, right: c.col });
};
const valueOf = (m: FakeWorkbookModel, key: string) => {
  const c = layout.cells.get(key)!;
  return m.value(m.requireSheet("表三"), c.row, c.col);
};

/** Everything a test can see of each sheet: cells (formula or value), formats, locks, styles, layout. */
function contents(m: FakeWorkbookModel, only?: readonly string[]): unknown {
  return m.sheets.filter((s) => !only || only.includes(s.name)).map((s) => {
    const { rows, cols } = m.usedSize(s);
    const cells: unknown[] = [];
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) cells.push([m.formula(s, r, c), m.value(s, r, c), m.numberFormat(s, r, c), m.locked(s, r, c), m.style(s, r, c)]);
    }
    return { id: s.id, name: s.name, visible: s.visible, protected: s.protected, merges: s.merges, appearance: s.appearance, widths: [...s.widths], cells };
  });
}

test("a clone of a workbook holding the template equals it, down to every cell", async () => {
  const { fake } = await insertTemplateInto("m365");
  const m = fake.workbook;
  m.typeInto("表三", addressOf("T3.R01.C1"), "4");
  await m.settle();
  const copy = m.clone();
  expect(copy).not.toBe(m);
  expect(copy.sheetNames()).toEqual(m.sheetNames());
  expect(contents(copy)).toEqual(contents(m));
  expect({ active: copy.activeId, selection: copy.selection, syncs: copy.syncCount }).toEqual({ active: m.activeId, selection: m.selection, syncs: m.syncCount });
  expect(valueOf(copy, "T3.R01.C7")).toBe(4);
});

test("workbooks from fakeWithTemplate (the inserted one, then ones from its snapshot) are independent: writes, recalculation, sheets, protection and formats stay in their own workbook", async () => {
  const a = (await fakeWithTemplate("m365")).fake.workbook;
  const b = (await fakeWithTemplate("m365")).fake.workbook;
  expect(a).not.toBe(b);
  const touched = ["表二", "表三", "表四"]; // and 申请台账 (B3 and what counts it), checked below
  const before = contents(b, touched);
  const selected = structuredClone(b.selection);
  const counted = b.sheetNames().map((n) => [n, b.valuesSize(b.requireSheet(n))]);
  a.typeInto("表三", addressOf("T3.R01.C1"), "7");
  a.setCells("申请台账", [{ address: "B3", value: 45000 }]);
  a.sheet("表三")!.meta.get("1,1")!.numberFormat = "0.00"; // in place: the meta objects are copies too
  a.changeAppearance(a.requireSheet("表四"), (ap) => ap.conditionalFormats.push({ address: "A1", type: "custom", formula: "=TRUE", fill: "#FF0000", fontColor: null, bold: null, priority: 1 }));
  a.unprotect(a.requireSheet("表二"));
  a.addSheet("新表");
  a.deleteSheet("正文");
  a.select("表三", "D5");
  expect(valueOf(a, "T3.R01.C7")).toBe(7);
  expect(valueOf(b, "T3.R01.C7")).toBe(0);
  expect(contents(b, touched)).toEqual(before);
  expect(b.sheetNames().map((n) => [n, b.valuesSize(b.requireSheet(n))])).toEqual(counted);
  expect(b.value(b.requireSheet("申请台账"), 3, 2)).toBe("");
  expect(b.selection).toEqual(selected);
  // And the other way: b's own edits recalculate in b only.
  b.typeInto("表三", addressOf("T3.R01.C1"), "2");
  expect(valueOf(b, "T3.R01.C7")).toBe(2);
  expect(valueOf(a, "T3.R01.C7")).toBe(7);
  // The snapshot they came from is untouched: the next workbook made from it is blank again.
  const c = (await fakeWithTemplate("m365")).fake.workbook;
  expect(valueOf(c, "T3.R01.C7")).toBe(0);
  expect(c.sheetNames()).toEqual(b.sheetNames());
});

test("a clone keeps neither the handlers nor the listeners of its original; its conditional formats follow its own cells", async () => {
  const { fake } = await insertTemplateInto("m365");
  const m = fake.workbook;
  const seen: string[] = [];
  m.addHandler("changed", () => void seen.push("original"));
  m.subscribe(() => void seen.push("original listener"));
  const copy = m.clone();
  expect(copy.handlerCount()).toBe(0);
  copy.addHandler("changed", () => void seen.push("copy"));
  const t3 = copy.requireSheet("表三");
  const at = layout.cells.get("T3.R01.C1")!;
  expect(copy.conditionalStyle(t3, at.row, at.col)).toBeNull();
  copy.typeInto("表三", addressOf("T3.R01.C1"), "5件");
  await copy.settle();
  await m.settle();
  expect(seen).toEqual(["copy"]);
  // The copy's cache of conditional formats was cleared by the copy's recalculation, not the original's.
  expect(copy.conditionalStyle(t3, at.row, at.col)).not.toBeNull();
  expect(m.conditionalStyle(m.requireSheet("表三"), at.row, at.col)).toBeNull();
});

test("a busy workbook is not cloned: a pending event", async () => {
  const m = createFakeExcel().workbook;
  m.addHandler("changed", () => undefined);
  m.typeInto("Sheet1", "A1", "1");
  expect(() => m.clone()).toThrow(/busy/);
  await m.settle();
  expect(() => m.clone()).not.toThrow();
});

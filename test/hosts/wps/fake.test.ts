/** The ET fake is as strict as WPS: 1-based collections, Value2 shapes, protection, dead objects. */
import { createFakeEt } from "../../../src/hosts/wps/fake";

function setup() {
  const fake = createFakeEt();
  const app = fake.Application;
  const wb = app.ActiveWorkbook!;
  return { fake, app, wb, sheets: wb.Sheets };
}

test("Sheets.Item is 1-based and throws out of range or for an unknown name", () => {
  const { sheets } = setup();
  expect(sheets.Count).toBe(1);
  expect(sheets.Item(1).Name).toBe("Sheet1");
  expect(sheets.Item("sheet1").Name).toBe("Sheet1"); // names compare case-insensitively
  expect(() => sheets.Item(0)).toThrow(/下标越界/);
  expect(() => sheets.Item(2)).toThrow(/下标越界/);
  expect(() => sheets.Item("表三")).toThrow(/下标越界/);
});

test("Value2: a scalar for one cell, a 2-D array for a block; writing a block needs its exact shape", () => {
  const { fake, sheets } = setup();
  const ws = sheets.Item(1);
  ws.Range("A1:B2").Value2 = [[1, "x"], [true, "'12"]];
  expect(ws.Range("A1").Value2).toBe(1);
  expect(ws.Range("A1:B2").Value2).toEqual([[1, "x"], [true, "12"]]);
  expect(ws.Range("C3").Value2).toBeUndefined();
  expect(() => (ws.Range("A1:B2").Value2 = [[1, 2]])).toThrow(/形状/);
  expect(() => (ws.Range("A1:B2").Value2 = [1, 2, 3, 4])).toThrow(/形状/);
  const s = fake.workbook.sheet("Sheet1")!;
  expect(fake.workbook.value(s, 2, 2)).toBe("12"); // the apostrophe keeps text
});

test("error cells read as CVErr codes; HasFormula and Locked are null when mixed", () => {
  const { fake, sheets } = setup();
  fake.workbook.setCells("Sheet1", [{ address: "A1", formula: "=1/0" }, { address: "B1", value: 3 }]);
  const ws = sheets.Item(1);
  expect(ws.Range("A1").Value2).toBe(-2146826281);
  expect(ws.Range("A1").HasFormula).toBe(true);
  expect(ws.Range("A1:B1").HasFormula).toBeNull();
  expect(ws.Range("B1").HasFormula).toBe(false);
  ws.Range("B1").Locked = false;
  expect(ws.Range("A1:B1").Locked).toBeNull();
});

test("a protected sheet refuses writes to locked cells, Protect twice, and a wrong password", () => {
  const { sheets } = setup();
  const ws = sheets.Item(1);
  ws.Range("B1").Locked = false;
  ws.Protect("pw");
  expect(ws.ProtectContents).toBe(true);
  expect(() => (ws.Range("A1").Value2 = 1)).toThrow(/protected/);
  ws.Range("B1").Value2 = 2;
  expect(() => ws.Protect()).toThrow(/已受保护/);
  expect(() => ws.Unprotect("wrong")).toThrow(/密码不正确/);
  ws.Unprotect("pw");
  ws.Range("A1").Value2 = 1;
});

test("objects of a deleted sheet or a closed workbook throw; Select needs the sheet active", () => {
  const { fake, app, sheets } = setup();
  fake.workbook.addSheet("B");
  const b = sheets.Item("B");
  const r = b.Range("A1");
  expect(() => r.Select()).toThrow(/活动工作表/);
  b.Activate();
  r.Select();
  expect(fake.workbook.selection?.rect).toEqual({ top: 1, left: 1, bottom: 1, right: 1 });
  fake.workbook.deleteSheet("B");
  expect(() => r.Value2).toThrow(/已被删除/);
  const other = app.Workbooks.Add();
  const ws = other.Sheets.Item(1);
  other.Close(false);
  expect(() => ws.Name).toThrow(/已关闭/);
});

test("every member the page uses is counted", () => {
  const { fake, app } = setup();
  fake.resetCalls();
  void app.ActiveWorkbook!.Sheets.Item(1).Range("A1:B2").Value2; // 5: ActiveWorkbook, Sheets, Item, Range, Value2
  expect(fake.calls).toBe(5);
});

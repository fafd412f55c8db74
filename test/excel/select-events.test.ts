/** select(keys) and the change / activation subscriptions, against the fake. */
import { fakeWithPort } from "../template/support";

test("select activates the sheet of the first key and selects its cells", async () => {
  const { fake, port } = await fakeWithPort({ profile: "office2024" });
  await port.insertTemplate({ year: 2024, agency: "某局" });
  const m = fake.workbook;
  m.activate("Sheet1");
  fake.resetCounters();
  await port.select(["T3.R01.C1"]);
  expect(fake.syncCount).toBe(1);
  expect(fake.writeCount).toBe(0);
  expect(m.activeSheet()!.name).toBe("表三");
  expect(m.selection?.rect).toEqual({ top: 5, left: 4, bottom: 5, right: 4 });
  // Several separate cells below ExcelApi 1.18: the first named cell, never the block between.
  await port.select(["T3.R01.C2", "T3.R02.C2", "T3.R24.C2", "T3.R25.C2"]);
  expect(m.selection?.rect).toEqual({ top: 5, left: 5, bottom: 5, right: 5 });
  await port.select(["S5"]);
  expect(m.activeSheet()!.name).toBe("正文");
  await port.select(["META.YEAR"]);
  expect(m.activeSheet()!.name).toBe("封面");
  expect(m.selection?.rect).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
  fake.resetCounters();
  await port.select(["NO.SUCH.KEY"]);
  expect(fake.syncCount).toBe(0);
});

test("with ExcelApi 1.18 several cells are selected as range areas", async () => {
  const { fake, port } = await fakeWithPort({ apiSets: { ExcelApi: "1.18" } });
  await port.insertTemplate({ year: 2024, agency: "某局" });
  await port.select(["T4.C01", "T4.C05"]);
  expect(fake.workbook.activeSheet()!.name).toBe("表四");
  expect(fake.workbook.selection?.rect).toEqual({ top: 5, left: 1, bottom: 5, right: 1 });
});

test("onChanged fires for the clerk's edits of template sheets only; unsubscribe stops it", async () => {
  const { fake, port } = await fakeWithPort();
  let calls = 0;
  const off = await port.onChanged(() => calls++);
  await port.insertTemplate({ year: 2024, agency: "某局" }); // our own writes: ignored
  await fake.workbook.settle();
  expect(calls).toBe(0);
  fake.workbook.typeInto("表三", "D5", "3");
  await fake.workbook.settle();
  expect(calls).toBe(1);
  fake.workbook.typeInto("Sheet1", "A1", "x");
  await fake.workbook.settle();
  expect(calls).toBe(1);
  await fake.fireChanged("表四", "A5");
  expect(calls).toBe(2);
  expect(() => fake.workbook.typeInto("表三", "A1", "改标题")).toThrow(/protected sheet/);
  await off();
  fake.workbook.typeInto("表三", "D6", "1");
  await fake.workbook.settle();
  expect(calls).toBe(2);
  expect(fake.workbook.handlerCount()).toBe(0);
});

test("onActivated fires on sheet activation; handlers die with the pane", async () => {
  const { fake, port } = await fakeWithPort();
  fake.workbook.addSheet("Sheet2");
  let calls = 0;
  await port.onActivated(() => calls++);
  await fake.fireActivated("Sheet2");
  expect(calls).toBe(1);
  fake.workbook.dropHandlers(); // the task pane closed
  await fake.fireActivated("Sheet1");
  expect(calls).toBe(1);
});

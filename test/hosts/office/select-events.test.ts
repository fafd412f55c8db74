/** select(keys) and the change / activation subscriptions, against the fake. */
import { fakeWithPort, fakeWithTemplate, hasApi, PROFILES } from "../../template/support";

describe.each(PROFILES)("on %s", (profile) => {
  test("select activates the sheet of the first key and selects its cells", async () => {
    const { fake, port } = await fakeWithTemplate(profile, { year: 2024, agency: "某局" });
    const m = fake.workbook;
    m.activate("Sheet1");
    fake.resetCounters();
    await port.select(["T3.R01.C1"]);
    expect(fake.syncCount).toBe(1);
    expect(fake.writeCount).toBe(0);
    expect(m.activeSheet()!.name).toBe("表三");
    expect(m.selection?.rect).toEqual({ top: 5, left: 4, bottom: 5, right: 4 });
    // Several separate cells: every one from ExcelApi 1.18; below, the first named cell, never
    // the block between (D5:D29 would name 21 cells the finding does not).
    await port.select(["T3.R01.C2", "T3.R02.C2", "T3.R24.C2", "T3.R25.C2"]);
    if (hasApi(profile, "1.18")) {
      expect(m.selection?.areas).toEqual([
        { top: 5, left: 5, bottom: 6, right: 5 },
        { top: 28, left: 5, bottom: 29, right: 5 },
      ]);
    } else {
      expect(m.selection?.rect).toEqual({ top: 5, left: 5, bottom: 5, right: 5 });
      expect(m.selection?.areas).toBeUndefined();
    }
    await port.select(["S5"]);
    expect(m.activeSheet()!.name).toBe("正文");
    await port.select(["META.YEAR"]);
    expect(m.activeSheet()!.name).toBe("封面");
    expect(m.selection?.rect).toEqual({ top: 5, left: 2, bottom: 5, right: 2 });
    fake.resetCounters();
    await port.select(["NO.SUCH.KEY"]);
    expect(fake.syncCount).toBe(0);
  });

  test("separate cells of 表四: both from ExcelApi 1.18, else the first", async () => {
    const { fake, port } = await fakeWithTemplate(profile, { year: 2024, agency: "某局" });
    await port.select(["T4.C01", "T4.C05"]);
    expect(fake.workbook.activeSheet()!.name).toBe("表四");
    expect(fake.workbook.selection?.rect).toEqual({ top: 5, left: 1, bottom: 5, right: 1 });
    expect(fake.workbook.selection?.areas?.length).toBe(hasApi(profile, "1.18") ? 2 : undefined);
  });
});

test.each(PROFILES.filter((p) => hasApi(p, "1.13")))("on %s onChanged fires for the clerk's edits of template sheets only; unsubscribe stops it", async (profile) => {
  const { fake, port } = await fakeWithPort({ profile });
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

test.each(PROFILES)("on %s onActivated fires on sheet activation; handlers die with the pane", async (profile) => {
  const { fake, port } = await fakeWithPort({ profile });
  fake.workbook.addSheet("Sheet2");
  let calls = 0;
  await port.onActivated(() => calls++);
  await fake.fireActivated("Sheet2");
  expect(calls).toBe(1);
  fake.workbook.dropHandlers(); // the task pane closed
  await fake.fireActivated("Sheet1");
  expect(calls).toBe(1);
});

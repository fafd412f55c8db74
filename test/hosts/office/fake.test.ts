/** The fake keeps Office.js's rules, so code that passes here does not break on a real Excel. */
import { createFakeExcel } from "../../../src/hosts/office/fake";
import { templateBase64 } from "../../template/support";

test("a property can be read only after load AND sync", async () => {
  const fake = createFakeExcel();
  fake.workbook.setCell("Sheet1", "A1", 5);
  await fake.Excel.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
    r.load("values");
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([[5, ""]]);
    expect(() => r.numberFormat).toThrow(/not available/);
    expect(() => r.load("valuez")).toThrow(/unknown property/);
  });
});

test("ClientResult, ItemNotFound at sync, null objects, implicit final sync", async () => {
  const fake = createFakeExcel();
  await fake.Excel.run(async (ctx) => {
    const n = ctx.workbook.worksheets.getCount();
    expect(() => n.value).toThrow(/context.sync/);
    const missing = ctx.workbook.worksheets.getItemOrNullObject("nope");
    await ctx.sync();
    expect(n.value).toBe(1);
    expect(missing.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem("nope").getRange("A1").load("values");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });
  fake.resetCounters();
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
  });
  expect(fake.syncCount).toBe(1); // Excel.run sent the queued write
  expect(fake.writeCount).toBe(1);
});

test("writes: shape checked, protection enforced, strings parsed like typing, formulas recalculated", async () => {
  const fake = createFakeExcel();
  const m = fake.workbook;
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:B1").values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    ws.getRange("A1:A4").values = [["12"], ["１２"], ["=A1*2"], ["2024/1/5"]];
    await ctx.sync();
    const r = ws.getRange("A1:A4");
    r.load(["values", "formulas", "numberFormat"]);
    await ctx.sync();
    expect(r.values.map((x) => x[0])).toEqual([12, "１２", 24, 45296]);
    expect(r.formulas[2]![0]).toBe("=A1*2");
    expect(r.numberFormat[3]![0]).toBe("yyyy/m/d");
  });
  // Protected template sheet: input cells writable, labels not.
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.insertWorksheetsFromBase64(await templateBase64(), { sheetNamesToInsert: ["表四"], positionType: "Beginning" });
    await ctx.sync();
    const ws = ctx.workbook.worksheets.getItem("表四");
    ws.getRange("A5").values = [[3]];
    await ctx.sync();
    ws.getRange("A2").values = [["x"]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
  expect(m.sheetNames()).toEqual(["表四", "Sheet1"]);
  expect(m.value(m.sheet("表四")!, 5, 5)).toBe(3); // 总计 = SUM(A5:D5), recalculated
});

test("the workbench is told of batches that changed something, not of reads", async () => {
  const fake = createFakeExcel();
  let told = 0;
  fake.workbook.subscribe(() => told++);
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").load("values");
    await ctx.sync();
  });
  expect(told).toBe(0);
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
  });
  expect(told).toBeGreaterThan(0);
  // A failed batch that wrote nothing leaves nothing to redraw either.
  told = 0;
  await expect(
    fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("nope").getRange("A1").load("values");
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ItemNotFound" });
  expect(told).toBe(0);
});

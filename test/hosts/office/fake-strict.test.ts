/** The strict parts of the fake: cell-edit mode, no rollback, queue and response limits, protection, merges, the web's failed insert. */
import { createFakeExcel, HOST_PROFILE_IDS, HOST_PROFILES } from "../../../src/hosts/office/fake";
import { templateBase64 } from "../../template/support";

test("in cell-edit mode a batch fails with InvalidOperationInCellEditMode and applies nothing", async () => {
  const fake = createFakeExcel({ profile: "m365" });
  fake.workbook.beginCellEdit();
  await expect(
    fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  fake.workbook.endCellEdit();
  expect(fake.workbook.value(fake.workbook.requireSheet("Sheet1"), 1, 1)).toBe("");
});

test("delayForCellEdit waits until the edit ends (where the host honours it)", async () => {
  const fake = createFakeExcel({ profile: "office2021" });
  fake.workbook.beginCellEdit();
  let done = false;
  const run = fake.Excel.run({ delayForCellEdit: true }, async (ctx) => {
    const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    r.load("values");
    await ctx.sync();
    done = true;
    return r.values;
  });
  await new Promise((r) => setTimeout(r, 20));
  expect(done).toBe(false);
  fake.workbook.endCellEdit();
  await expect(run).resolves.toEqual([[""]]);

  // Office 2019 (ExcelApi 1.7): the option is not honoured; the batch fails.
  const old = createFakeExcel({ profile: "office2019vl" });
  old.workbook.beginCellEdit();
  await expect(old.Excel.run({ delayForCellEdit: true }, async (ctx) => ctx.sync())).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
});

test("a failed batch is not rolled back: what ran before the failing operation stays, with its events", async () => {
  const fake = createFakeExcel();
  let events = 0;
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async () => {
      events++;
    });
    await ctx.sync();
  });
  await expect(
    fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").values = [[1]];
      ctx.workbook.worksheets.add("新表");
      ctx.workbook.worksheets.getItem("没有这张表").activate();
      ws.name = "改名";
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ItemNotFound" });
  await fake.workbook.settle();
  expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "新表"]);
  expect(fake.workbook.value(fake.workbook.requireSheet("Sheet1"), 1, 1)).toBe(1);
  expect(events).toBe(1);
  // Formulas still calculate afterwards.
  fake.workbook.setCells("Sheet1", [{ address: "A1", value: 2 }, { address: "A2", formula: "=A1*3" }]);
  expect(fake.workbook.value(fake.workbook.requireSheet("Sheet1"), 2, 1)).toBe(6);
});

/** A batch of `n` operations: each getRange and each write counts (n even). */
const writes = (fake: ReturnType<typeof createFakeExcel>, n: number, base = 0) =>
  fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1"); // 1 operation
    for (let i = 1; i <= (n - 1) / 2; i++) ws.getRange(`A${i}`).values = [[base + i]];
    await ctx.sync();
  });

test.each(["office2019vl", "office2019retail"] as const)("%s: a batch above 3 000 operations fails after running 3 000 of them", async (profile) => {
  const fake = createFakeExcel({ profile });
  expect(fake.profile.queueLimit).toBe(3000);
  await expect(writes(fake, 2999)).resolves.toBeUndefined();
  fake.resetCounters();
  await expect(writes(fake, 3001, 10_000)).rejects.toMatchObject({ code: "GeneralException", message: expect.stringContaining("3001") });
  expect(fake.opsPerSync).toEqual([3001]);
  const s = fake.workbook.requireSheet("Sheet1");
  // 1 + 2 × 1 499 operations ran and stay; A1500's write was the 3 001st.
  expect(fake.workbook.value(s, 1499, 1)).toBe(11_499);
  expect(fake.workbook.value(s, 1500, 1)).toBe("");
});

test("every profile has a queue limit; only the web a response limit (5 MB)", () => {
  for (const id of HOST_PROFILE_IDS) {
    const p = HOST_PROFILES[id];
    expect(p.queueLimit).toBeGreaterThanOrEqual(3000);
    expect(p.responseLimitBytes).toBe(id === "web" ? 5 * 1024 * 1024 : null);
  }
});

test("the web refuses a response over 5 MB; the same read passes on desktop", async () => {
  const long = "长".repeat(30_000);
  const read = (fake: ReturnType<typeof createFakeExcel>) =>
    fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A200");
      r.load("values");
      await ctx.sync();
      return r.values.length;
    });
  for (const profile of ["web", "m365"] as const) {
    const fake = createFakeExcel({ profile });
    fake.workbook.setCells("Sheet1", Array.from({ length: 200 }, (_, i) => ({ address: `A${i + 1}`, value: long })));
    if (profile === "web") await expect(read(fake)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    else await expect(read(fake)).resolves.toBe(200);
    expect(fake.responseBytesPerSync.at(-1)).toBeGreaterThan(5 * 1024 * 1024);
  }
});

test("a planned failure (failSync) keeps the operations before it", async () => {
  const fake = createFakeExcel();
  fake.failSync(3);
  await expect(writes(fake, 7)).rejects.toMatchObject({ code: "GeneralException" });
  const s = fake.workbook.requireSheet("Sheet1");
  expect([fake.workbook.value(s, 1, 1), fake.workbook.value(s, 2, 1)]).toEqual([1, ""]);
});

test("a write to a locked cell of a protected sheet fails with AccessDenied", async () => {
  const fake = createFakeExcel();
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").protection.protect();
    await ctx.sync();
  });
  await expect(
    fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
});

test("merged areas: only the top-left cell, or the whole area with its other cells null, may be written", async () => {
  const fake = createFakeExcel();
  const s = fake.workbook.requireSheet("Sheet1");
  s.merges.push({ top: 2, left: 2, bottom: 2, right: 4 }); // B2:D2
  const write = (address: string, values: unknown[][]) =>
    fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange(address).values = values as never;
      await ctx.sync();
    });
  await expect(write("B2", [[1]])).resolves.toBeUndefined();
  await expect(write("B2:D2", [[2, null, null]])).resolves.toBeUndefined();
  await expect(write("C2", [[3]])).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(write("B2:B3", [[4], [5]])).rejects.toMatchObject({ code: "InvalidOperation" });
  await expect(write("B2:D2", [[6, 7, null]])).rejects.toMatchObject({ code: "InvalidOperation" });
  expect(fake.workbook.value(s, 2, 2)).toBe(2);
  expect(s.merges).toHaveLength(1);
});

test("the web's insertion that reports an internal error keeps the inserted sheets and loses the rest of the batch", async () => {
  const fake = createFakeExcel({ profile: "web" });
  fake.insertThenFail();
  const b64 = await templateBase64();
  await expect(
    fake.Excel.run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(b64, { positionType: "End" });
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "GeneralException" });
  expect(fake.workbook.sheetNames().length).toBeGreaterThan(1);
  expect(fake.workbook.value(fake.workbook.requireSheet("Sheet1"), 1, 1)).toBe("");
});

test("RangeAreas.select selects every area", async () => {
  const fake = createFakeExcel({ profile: "m365" });
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.worksheets.getItem("Sheet1").getRanges("A1,C3:C4").select();
    await ctx.sync();
  });
  expect(fake.workbook.selection?.areas).toEqual([
    { top: 1, left: 1, bottom: 1, right: 1 },
    { top: 3, left: 3, bottom: 4, right: 3 },
  ]);
});

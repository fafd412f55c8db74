/** insertTemplate against the fake Excel: never overwrites, distinct names for copies, few syncs. */
import { TEMPLATE_ROLES } from "../../../src/template/roles";
import { MARKER_ADDRESS, parseMarker } from "../../../src/template/marker";
import { templateLayout, META_KEYS } from "../../../src/template/layout";
import { parseRect } from "../../../src/template/address";
import { HOST_PROFILES } from "../../../src/hosts/office/fake";
import { apiBuildSteps } from "../../../src/hosts/office/buildTemplateViaApi";
import { SHEET_NAMES } from "../../../src/template/messages";
import { fakeWithPort, hasApi, PROFILES } from "../../template/support";

const INSERTING = PROFILES.filter((p) => hasApi(p, "1.13"));
const NOT_INSERTING = PROFILES.filter((p) => !hasApi(p, "1.13"));

const BASE = ["封面", "正文", "表二", "表三", "表四", "申请台账", "复议诉讼台账"];
const cellOf = (key: string) => parseRect(templateLayout().cells.get(key)!.address);

describe.each(INSERTING)("on %s", (profile) => {
  test("inserts the template sheets at the end, writes agency and year, activates 表三 — 3 syncs (the insert alone)", async () => {
    const { fake, port } = await fakeWithPort({ profile });
    fake.workbook.setCell("Sheet1", "A1", "用户自己的数据");
    expect(await port.findTemplate()).toBeNull(); // what the pane does when it opens
    fake.resetCounters();
    const out = await port.insertTemplate({ year: 2024, agency: "某某市司法局" });
    expect(out).toEqual({ kind: "inserted", sheets: BASE, syncs: 3 });
    expect(fake.syncCount).toBe(3);
    const m = fake.workbook;
    expect(m.sheetNames()).toEqual(["Sheet1", ...BASE]);
    expect(m.activeSheet()!.name).toBe("表三");
    const meta = m.sheet("封面")!;
    const agency = cellOf(META_KEYS.agency);
    const year = cellOf(META_KEYS.year);
    expect(m.value(meta, agency.top, agency.left)).toBe("某某市司法局");
    expect(m.value(meta, year.top, year.left)).toBe(2024);
    expect(m.value(m.sheet("Sheet1")!, 1, 1)).toBe("用户自己的数据");
    for (const [i, name] of BASE.entries()) {
      const marker = parseMarker(m.value(m.sheet(name)!, 1, 104));
      expect(marker?.role).toBe(TEMPLATE_ROLES[i]);
      expect(MARKER_ADDRESS).toBe("CZ1");
    }
  });

  test("a cold adapter (the ribbon command's): 3 syncs on a small workbook, 4 when more sheets need their markers read", async () => {
    const small = await fakeWithPort({ profile });
    small.fake.workbook.addSheet("Sheet2");
    small.fake.resetCounters();
    expect((await small.port.insertTemplate({ year: 2024, agency: "某局" })).kind).toBe("inserted");
    expect(small.fake.syncCount).toBe(3);

    const big = await fakeWithPort({ profile });
    for (const n of ["A", "B", "C"]) big.fake.workbook.addSheet(n);
    big.fake.workbook.activate("B");
    big.fake.resetCounters();
    expect((await big.port.insertTemplate({ year: 2024, agency: "某局" })).kind).toBe("inserted");
    expect(big.fake.syncCount).toBe(4);
    // A template already there is found on the cold path too.
    const again = await (await import("../../../src/hosts/office/officeWorkbook")).createOfficeWorkbook({
      Excel: big.fake.Excel as never,
      Office: big.fake.Office,
      loadTemplate: async () => "",
    }).insertTemplate({ year: 2024, agency: "某局" });
    expect(again.kind).toBe("exists");
  });

  test("a user sheet named 表三 stays untouched; the template gets distinct names", async () => {
    const { fake, port } = await fakeWithPort({ profile });
    const m = fake.workbook;
    m.addSheet("表三");
    m.setCell("表三", "D5", 999);
    m.setCell("表三", "A1", "我的表三");
    await port.findTemplate();
    fake.resetCounters();
    const out = await port.insertTemplate({ year: 2023, agency: "某局" });
    expect(out).toEqual({ kind: "inserted", sheets: BASE.map((n) => `${n} (2)`), syncs: 3 });
    expect(m.value(m.sheet("表三")!, 5, 4)).toBe(999);
    expect(m.value(m.sheet("表三")!, 1, 1)).toBe("我的表三");
    expect(m.activeSheet()!.name).toBe("表三 (2)");
    const read = await port.readReport();
    expect(read.template!.sheets.t3).toBe("表三 (2)");
    expect(read.report!.meta.year).toBe(2023);
  });

  test("a second insertion reports the existing template; copy: true adds a second copy", async () => {
    const { fake, port } = await fakeWithPort({ profile });
    await port.insertTemplate({ year: 2024, agency: "甲局" });
    fake.workbook.typeInto("表三", "D5", "7");
    const again = await port.insertTemplate({ year: 2024, agency: "乙局" });
    expect(again).toMatchObject({ kind: "exists", existing: { sheets: { t3: "表三" }, missing: [] } });
    fake.resetCounters();
    const copy = await port.insertTemplate({ year: 2025, agency: "乙局", copy: true });
    expect(copy).toEqual({ kind: "inserted", sheets: BASE.map((n) => `${n} (2)`), syncs: 3 });
    const m = fake.workbook;
    expect(m.value(m.sheet("表三")!, 5, 4)).toBe(7); // the first copy is untouched
    expect(parseMarker(m.value(m.sheet("表三 (2)")!, 1, 104))?.set).toBe(2);
    // The copy with the active sheet is the one read.
    const read = await port.readReport();
    expect(read.report!.meta).toMatchObject({ agency: "乙局", year: 2025 });
    expect(read.findings.some((f) => f.rule === "TEMPLATE.SETS")).toBe(true);
    m.activate("表二");
    expect((await port.readReport()).report!.meta.agency).toBe("甲局");
  });
});

test.each([...NOT_INSERTING, "ExcelApi 1.12"])("without ExcelApi 1.13 (%s) the template is built through the API (test/hosts/office/apiTemplate.test.ts)", async (which) => {
  const { fake, port } = await fakeWithPort(which === "ExcelApi 1.12" ? { apiSets: { ExcelApi: "1.12" } } : { profile: which as (typeof NOT_INSERTING)[number] });
  fake.resetCounters();
  const out = await port.insertTemplate({ year: 2024, agency: "某局" });
  // The sheet list, then the batches of at most 3 000 operations (apiBatches.test.ts).
  const dataValidation = fake.Office.context.requirements.isSetSupported("ExcelApi", "1.8");
  expect(out).toMatchObject({ kind: "inserted", syncs: 1 + apiBuildSteps({ names: SHEET_NAMES, set: 1, dataValidation }) });
  const obw = which === "ExcelApi 1.12" ? false : HOST_PROFILES[which as (typeof NOT_INSERTING)[number]].apiSets.OpenBrowserWindowApi !== undefined;
  expect(port.capabilities()).toEqual({ insertTemplate: true, openBrowserWindow: obw, platform: "PC" });
});

test("below ExcelApi 1.7 nothing is sent and the reason is given in Chinese", async () => {
  const { fake, port } = await fakeWithPort({ apiSets: { ExcelApi: "1.6" } });
  fake.resetCounters();
  const out = await port.insertTemplate({ year: 2024, agency: "某局" });
  expect(out.kind).toBe("unsupported");
  expect(out.kind === "unsupported" && out.reason).toMatch(/ExcelApi 1\.7.*下载模板/);
  expect(fake.syncCount).toBe(0);
  expect(port.capabilities().insertTemplate).toBe(false);
});

test("the fake refuses a clash on insert, so the adapter is seen never to rely on it", async () => {
  const { fake } = await fakeWithPort();
  fake.workbook.addSheet("表二");
  const { templateBase64 } = await import("../../template/support");
  const b64 = await templateBase64();
  await expect(
    fake.Excel.run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(b64, { positionType: "End" });
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidOperation" });
});

test("the default port uses the Excel and Office globals when called, not when created", async () => {
  const { createOfficeWorkbook } = await import("../../../src/hosts/office/officeWorkbook");
  const { createFakeExcel } = await import("../../../src/hosts/office/fake");
  const { templateBase64 } = await import("../../template/support");
  const b64 = await templateBase64();
  const port = createOfficeWorkbook({ loadTemplate: async () => b64 }); // before Office.onReady
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  expect(await port.insertTemplate({ year: 2024, agency: "某局" })).toMatchObject({ kind: "unsupported", reason: expect.stringContaining("未就绪") });
  const fake = createFakeExcel();
  g.Excel = fake.Excel;
  g.Office = fake.Office;
  try {
    expect((await port.insertTemplate({ year: 2024, agency: "某局" })).kind).toBe("inserted");
    expect(port.capabilities().insertTemplate).toBe(true);
  } finally {
    delete g.Excel;
    delete g.Office;
  }
});

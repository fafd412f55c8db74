/** restoreSheets against the fake Excel: only the missing sheet comes back, beside its copy, with its marker. */
import { parseMarker } from "../../src/template/marker";
import { locate } from "../../src/template/layout";
import { planRestore } from "../../src/excel/restoreSheets";
import { chooseTemplate } from "../../src/template/discover";
import { fakeWithPort } from "../template/support";

const BASE = ["封面", "正文", "表二", "表三", "表四", "申请台账", "复议诉讼台账"];

async function withTemplate() {
  const setup = await fakeWithPort();
  setup.fake.workbook.setCell("Sheet1", "A1", "用户自己的数据");
  expect((await setup.port.insertTemplate({ year: 2024, agency: "某某市司法局" })).kind).toBe("inserted");
  return setup;
}

test("a deleted 表四 is restored in place: same name, same marker, the other sheets and their values untouched", async () => {
  const { fake, port } = await withTemplate();
  const t3 = locate("T3.R01.C1")!;
  fake.workbook.setCell("表三", t3.address, 7);
  fake.workbook.deleteSheet("表四");
  const before = await port.readReport();
  expect(before.template?.missing).toEqual(["t4"]);

  fake.resetCounters();
  const out = await port.restoreSheets!(["t4"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["表四"] });
  // The sheet list with its markers, then the insertion: 2 round trips.
  expect(fake.syncCount).toBe(2);
  const m = fake.workbook;
  expect(m.sheetNames()).toEqual(["Sheet1", ...BASE]);
  expect(parseMarker(m.value(m.sheet("表四")!, 1, 104))).toMatchObject({ role: "t4", set: 1 });
  expect(m.value(m.sheet("Sheet1")!, 1, 1)).toBe("用户自己的数据");
  expect(m.value(m.sheet("表三")!, t3.rect.top, t3.rect.left)).toBe(7);

  const after = await port.readReport();
  expect(after.template?.missing).toEqual([]);
  expect(after.report?.cells["T3.R01.C1"]).toBe(7);
  expect(after.findings.filter((f) => f.rule.startsWith("TEMPLATE."))).toEqual([]);
});

test("two missing sheets go back beside their neighbours; a name taken by the clerk's own sheet gets a suffix", async () => {
  const { fake, port } = await withTemplate();
  fake.workbook.deleteSheet("正文");
  fake.workbook.deleteSheet("表四");
  fake.workbook.addSheet("表四", 0); // the clerk's own sheet, no marker
  await port.readReport();
  const out = await port.restoreSheets!(["text", "t4"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["正文", "表四 (2)"] });
  expect(fake.workbook.sheetNames()).toEqual(["表四", "Sheet1", "封面", "正文", "表二", "表三", "表四 (2)", "申请台账", "复议诉讼台账"]);
  const read = await port.readReport();
  expect(read.template?.missing).toEqual([]);
  expect(read.template?.sheets.t4).toBe("表四 (2)");
});

test("a second copy's missing sheet gets that copy's marker number and goes beside that copy", async () => {
  const { fake, port } = await withTemplate();
  expect((await port.insertTemplate({ year: 2025, agency: "某局", copy: true })).kind).toBe("inserted");
  fake.workbook.deleteSheet("表二 (2)");
  fake.workbook.activate("表三 (2)");
  expect((await port.readReport()).template?.missing).toEqual(["t2"]);
  expect(await port.restoreSheets!(["t2"])).toMatchObject({ kind: "restored", sheets: ["表二 (2)"] });
  const m = fake.workbook;
  const names = m.sheetNames();
  expect(names.indexOf("表二 (2)")).toBe(names.indexOf("正文 (2)") + 1);
  expect(parseMarker(m.value(m.sheet("表二 (2)")!, 1, 104))).toMatchObject({ role: "t2", set: 2 });
  expect(parseMarker(m.value(m.sheet("表二")!, 1, 104))).toMatchObject({ role: "t2", set: 1 });
});

test("planRestore: before the next sheet when the first role is missing", () => {
  const sheets = [
    { id: "a", name: "正文", marker: "XXGK-REPORT|role=text|format=2021.1|template=2|set=1" },
    { id: "b", name: "表二", marker: "XXGK-REPORT|role=t2|format=2021.1|template=2|set=1" },
  ];
  const chosen = chooseTemplate(sheets)!;
  expect(planRestore(["正文", "表二"], chosen, ["meta"])).toEqual([{ role: "meta", name: "封面", position: { type: "Before", relativeTo: "正文" } }]);
});

test("refuses plainly when nothing is missing, and on hosts without ExcelApi 1.13", async () => {
  const { port } = await withTemplate();
  await port.readReport();
  expect(await port.restoreSheets!(["t4"])).toEqual({ kind: "refused", reason: expect.stringContaining("没有需要恢复") });
  const old = await fakeWithPort({ apiSets: { ExcelApi: "1.7" } });
  const out = await old.port.restoreSheets!(["t4"]);
  expect(out.kind).toBe("unsupported");
  expect(JSON.stringify(out)).not.toMatch(/ExcelApi/);
});

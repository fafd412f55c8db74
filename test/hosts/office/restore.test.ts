/** restoreSheets against the fake Excel: only the missing sheet comes back, beside its copy, with its marker. */
import { parseMarker } from "../../../src/template/marker";
import { locate, templateLayout } from "../../../src/template/layout";
import { planRelink, planRestore } from "../../../src/hosts/office/restoreSheets";
import { chooseTemplate } from "../../../src/template/discover";
import { fakeWithPort, templateBase64 } from "../../template/support";
import type { FakeWorkbookModel, HostProfileId } from "../../../src/hosts/office/fake";

const BASE = ["封面", "正文", "表二", "表三", "表四", "申请台账", "复议诉讼台账"];

/** Cells of a sheet that show #REF! (a reference to a deleted sheet). */
function refErrors(m: FakeWorkbookModel, name: string): string[] {
  const s = m.sheet(name)!;
  const { rows, cols } = m.usedSize(s);
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) if (m.value(s, r, c) === "#REF!") out.push(`${r},${c}`);
  return out;
}

async function withTemplate(profile?: HostProfileId) {
  const setup = await fakeWithPort(profile ? { profile } : {});
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
  // The sheet list with its markers, the insertion alone, the markers verified, and the
  // 复议诉讼台账 formulas that named 表四 pointed at it again: 4 round trips.
  expect(fake.syncCount).toBe(4);
  expect(out.kind === "restored" && out.notes).toEqual([expect.stringContaining("复议诉讼台账中引用表四的统计和核对公式已重新指向")]);
  expect(refErrors(fake.workbook, "复议诉讼台账")).toEqual([]);
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

test("restoring 表三 points the 台账汇总 formulas that named it at the new sheet; the register's rows are untouched", async () => {
  const { fake, port } = await withTemplate();
  const m = fake.workbook;
  const first = templateLayout().registers.apps.firstRow;
  m.setCell("申请台账", `A${first}`, "2024-001");
  fake.workbook.deleteSheet("表三");
  // What Excel does too: the references to the deleted sheet are #REF! for good.
  expect(refErrors(m, "申请台账").length).toBeGreaterThan(0);
  await port.readReport();
  const out = await port.restoreSheets!(["t3"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["表三"], notes: [expect.stringContaining("申请台账中引用表三")] });
  expect(refErrors(m, "申请台账")).toEqual([]);
  expect(m.value(m.sheet("申请台账")!, first, 1)).toBe("2024-001");
  // Still protected as the template protects it.
  expect(m.sheet("申请台账")!.protected).toBe(true);
  // The in-sheet check now compares with the restored (blank) 表三 again.
  const read = await port.readReport();
  expect(read.template?.missing).toEqual([]);
});

test("a register protected with a password: the sheet is restored, and the clerk is told the formulas still show #REF!", async () => {
  const { fake, port } = await withTemplate();
  const m = fake.workbook;
  const s = m.sheet("申请台账")!;
  m.unprotect(s);
  m.protect(s, {}, "secret");
  m.deleteSheet("表三");
  await port.readReport();
  const out = await port.restoreSheets!(["t3"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["表三"], notes: [expect.stringContaining("仍显示 #REF!")] });
  expect(m.sheet("表三")).toBeDefined();
  expect(m.sheet("申请台账")!.password).toBe("secret");
});

test("planRelink: only registers that stay, only formulas naming a restored sheet, in column runs", () => {
  const sheets = BASE.map((name, i) => ({ id: String(i), name, marker: `XXGK-REPORT|role=${["meta", "text", "t2", "t3", "t4", "apps", "cases"][i]}|format=2021.1|template=3|set=1` }));
  const chosen = chooseTemplate(sheets.filter((x) => x.name !== "表四"))!;
  const items = planRelink(chosen, planRestore(BASE.filter((n) => n !== "表四"), chosen, ["t4"]));
  expect(items.map((x) => x.sheet)).toEqual(["复议诉讼台账"]);
  const formulas = items[0]!.runs.flatMap((r) => r.formulas.flat());
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.every((f) => f.includes("'表四'!"))).toBe(true);
  for (const r of items[0]!.runs) expect(r.formulas.length).toBe(r.rect.bottom - r.rect.top + 1);
});

/** Formulas of a sheet that still name the template file (an external link). */
function externalRefs(m: FakeWorkbookModel, name: string): string[] {
  const s = m.sheet(name)!;
  const { rows, cols } = m.usedSize(s);
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) if (String(m.formula(s, r, c)).includes("[")) out.push(`${r},${c}`);
  return out;
}

test("a restored 申请台账 does not keep formulas pointing at the template file: they name this workbook's sheets again", async () => {
  const { fake, port } = await withTemplate();
  const m = fake.workbook;
  m.deleteSheet("申请台账");
  await port.readReport();
  const out = await port.restoreSheets!(["apps"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["申请台账"], notes: [expect.stringContaining("恢复的申请台账中的统计和核对公式已指向本工作簿")] });
  expect(externalRefs(m, "申请台账")).toEqual([]);
  expect(refErrors(m, "申请台账")).toEqual([]);
  expect(m.sheet("申请台账")!.protected).toBe(true);
  // The 台账汇总 compares with 表三 again: a count typed there shows in the register's check.
  const read = await port.readReport();
  expect(read.template?.missing).toEqual([]);
});

test("the fake is as harsh as Excel: without the relink, a register inserted alone points at the template file", async () => {
  const { fake } = await withTemplate();
  const b64 = await templateBase64();
  const m = fake.workbook;
  m.deleteSheet("申请台账");
  await fake.Excel.run(async (ctx) => {
    ctx.workbook.insertWorksheetsFromBase64(b64, { sheetNamesToInsert: ["申请台账"], positionType: "End" });
    await ctx.sync();
  });
  expect(externalRefs(m, "申请台账").length).toBeGreaterThan(0);
});

test("on the web, an insert that reports an error after inserting: the markers show the sheet is there, and it is restored", async () => {
  const { fake, port } = await withTemplate("web");
  fake.workbook.deleteSheet("表四");
  await port.readReport();
  fake.insertThenFail();
  fake.resetCounters();
  const out = await port.restoreSheets!(["t4"]);
  expect(out).toMatchObject({ kind: "restored", sheets: ["表四"] });
  // The insert, the sheet names (after the error), the markers, the relink.
  expect(fake.syncCount).toBe(5);
  expect(refErrors(fake.workbook, "复议诉讼台账")).toEqual([]);
  expect((await port.readReport()).template?.missing).toEqual([]);
});

test("an insert that failed outright: refused with Excel's reason, nothing half-done", async () => {
  const { fake, port } = await withTemplate();
  fake.workbook.deleteSheet("表四");
  await port.readReport();
  fake.failSync(0, 1); // the listing passes, the insert fails before running
  const out = await port.restoreSheets!(["t4"]);
  expect(out).toEqual({ kind: "refused", reason: expect.stringContaining("恢复工作表失败") });
  expect(fake.workbook.sheet("表四")).toBeUndefined();
});

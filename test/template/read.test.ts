/** readWorkbook: a filled template back to the report, by the layout map and the markers. */
import ExcelJS from "exceljs";
import { checkReport } from "../../src/report";
import { templateLayout } from "../../src/template/layout";
import { readWorkbook } from "../../src/template/read";
import { chooseTemplate } from "../../src/template/discover";
import { formatMarker } from "../../src/template/marker";
import { TEMPLATE_ROLES } from "../../src/template/roles";
import { sampleReport } from "../support/reports";
import { cellsOfReport, fillTemplate, loadXlsx, saveXlsx, templateBytes } from "./support";

const addr = (key: string) => templateLayout().cells.get(key)!.address;

test("a filled copy reads back to the same report (totals recomputed when the file holds no results)", async () => {
  const report = sampleReport(11);
  report.meta.contact = "电话 0371-1234567";
  const back = await readWorkbook(await fillTemplate(await templateBytes(), report));
  expect(back.report).not.toBeNull();
  expect(cellsOfReport(back.report!)).toEqual(cellsOfReport(report));
  expect(back.report!.meta).toEqual({ ...report.meta, title: `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告` });
  expect(back.report!.opening).toBe(report.opening);
  for (const k of ["S1", "S5", "S6"] as const) expect(back.report!.sections[k]).toEqual(report.sections[k]);
  for (const k of ["S2", "S3", "S4"] as const) expect(back.report!.sections[k]).toEqual({ heading: report.sections[k]!.heading, text: "" });
  expect(back.findings.map((f) => f.rule)).toEqual(["TEMPLATE.NOT_RECALCULATED"]);
  expect(checkReport(back.report!).filter((f) => f.severity === "error")).toEqual([]);
});

test("renamed sheets are found by their markers", async () => {
  const report = sampleReport(2);
  const bytes = await fillTemplate(await templateBytes(), report, { sheetNames: { 表三: "申请处理情况", 封面: "基本信息" } });
  const back = await readWorkbook(bytes);
  expect(back.template!.sheets.t3!.name).toBe("申请处理情况");
  expect(back.template!.sheets.meta!.name).toBe("基本信息");
  expect(cellsOfReport(back.report!)).toEqual(cellsOfReport(report));
});

test("a deleted sheet gives a Chinese finding and its part stays empty", async () => {
  const wb = await loadXlsx(await fillTemplate(await templateBytes(), sampleReport(4)));
  wb.removeWorksheet(wb.getWorksheet("表四")!.id);
  const back = await readWorkbook(await saveXlsx(wb));
  const missing = back.findings.find((f) => f.rule === "TEMPLATE.SHEET_MISSING");
  expect(missing?.severity).toBe("error");
  expect(missing?.message).toContain("未找到“表四”工作表");
  expect(back.report!.sections.S4).toBeNull();
  expect(back.report!.cells["T4.C01"]).toBeNull();
  expect(checkReport(back.report!).some((f) => f.rule === "DOC.SECTIONS" && f.cells[0] === "S4")).toBe(true);
});

test("bad content becomes the right CELL.TYPE findings (text, negative, fraction, boolean, date, full-width, #REF!, decimals)", async () => {
  const wb = await loadXlsx(await fillTemplate(await templateBytes(), sampleReport(5)));
  const t3 = wb.getWorksheet("表三")!;
  const put = (ws: ExcelJS.Worksheet, key: string, v: ExcelJS.CellValue, numFmt?: string) => {
    const c = ws.getCell(addr(key));
    c.value = v;
    // ExcelJS shares style objects between cells read from one style index: copy before changing.
    if (numFmt) c.style = { ...c.style, numFmt };
  };
  put(t3, "T3.R03.C1", "十二");
  put(t3, "T3.R04.C1", -2);
  put(t3, "T3.R05.C1", 1.5);
  put(t3, "T3.R06.C1", true);
  put(t3, "T3.R07.C1", new Date(Date.UTC(2024, 0, 5)), "yyyy/m/d");
  put(t3, "T3.R08.C1", "１２");
  put(t3, "T3.R09.C1", { error: "#REF!" } as ExcelJS.CellErrorValue);
  put(t3, "T3.R10.C1", "/");
  put(wb.getWorksheet("表二")!, "T2.R6.C1", 1.2345678);
  const back = await readWorkbook(await saveXlsx(wb));
  const f = checkReport(back.report!);
  const msg = (key: string) => f.find((x) => x.rule === "CELL.TYPE" && x.cells[0] === key)?.message ?? "(none)";
  expect(msg("T3.R03.C1")).toContain("“十二”不是数字");
  expect(msg("T3.R04.C1")).toContain("负数");
  expect(msg("T3.R05.C1")).toContain("不是整数");
  expect(msg("T3.R06.C1")).toContain("逻辑值");
  expect(msg("T3.R07.C1")).toContain("“2024-01-05”不是数字");
  expect(msg("T3.R08.C1")).toContain("文本格式");
  expect(msg("T3.R09.C1")).toContain("#REF!");
  expect(msg("T2.R6.C1")).toContain("6 位");
  expect(f.find((x) => x.cells[0] === "T3.R10.C1")?.rule).toBe("CELL.BLANK");
});

test("files that are not a template, or not a workbook at all", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
  const plain = await readWorkbook(await saveXlsx(wb));
  expect(plain.report).toBeNull();
  expect(plain.findings[0]!.message).toContain("未找到年报模板");
  const junk = await readWorkbook(new TextEncoder().encode("not a zip"));
  expect(junk.report).toBeNull();
  expect(junk.findings[0]!.rule).toBe("TEMPLATE.UNREADABLE");
  expect(junk.findings[0]!.message).toContain("无法读取 Excel 文件");
});

describe("choosing among several copies", () => {
  const sheets = (set: number, suffix: string, idBase: number) =>
    TEMPLATE_ROLES.map((role, i) => ({ id: idBase + i, name: `${role}${suffix}`, marker: formatMarker(role, set) }));
  test("the copy holding the active sheet wins, else the first; duplicates and missing roles are reported", () => {
    const all = [...sheets(1, "", 0), ...sheets(2, " (2)", 10)];
    expect(chooseTemplate(all)!.sheets.t3!.name).toBe("t3");
    const second = chooseTemplate(all, 13)!;
    expect(second.set).toBe(2);
    expect(second.sheets.t3!.name).toBe("t3 (2)");
    expect(second.findings.map((f) => f.rule)).toEqual(["TEMPLATE.SETS"]);
    const dup = chooseTemplate([...sheets(1, "", 0), { id: 99, name: "表三副本", marker: formatMarker("t3", 1) }])!;
    expect(dup.findings[0]!.message).toContain("多张“表三”");
    const partial = chooseTemplate(sheets(1, "", 0).filter((s) => !s.name.startsWith("t2")))!;
    expect(partial.missing).toEqual(["t2"]);
    expect(chooseTemplate([{ id: 1, name: "x", marker: "XXGK-REPORT|role=zz" }])).toBeNull();
  });
});

test("the year: 2023年 is read as 2023, words are a finding", async () => {
  const wb = await loadXlsx(await fillTemplate(await templateBytes(), sampleReport(1)));
  const meta = wb.getWorksheet("封面")!;
  meta.getCell(templateLayout().cells.get("META.YEAR")!.address).value = "2023年";
  expect((await readWorkbook(await saveXlsx(wb))).report!.meta.year).toBe(2023);
  meta.getCell(templateLayout().cells.get("META.YEAR")!.address).value = "二〇二三";
  const back = await readWorkbook(await saveXlsx(wb));
  expect(back.report!.meta.year).toBeNull();
  expect(back.findings.find((f) => f.cells[0] === "META.YEAR")?.message).toContain("“二〇二三”不是有效的四位数年份");
});

/**
 * Numbers a clerk could mistype, each a finding that names the cell and shows what was typed
 * (issue 13): "1 2" is not 12, 0.0000001 is not "0", a DDE formula is not a blank, a date in a
 * count cell is not the serial number 44927.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { checkReport, fmt, interpret, parseNumberText, type Finding } from "../../src/report";
import { readCell } from "../../src/import/cells";
import { templateLayout } from "../../src/template/layout";
import { readWorkbook } from "../../src/template/read";
import { sampleReport } from "../support/reports";
import { fillTemplate, loadXlsx, saveXlsx, templateBytes } from "../template/support";

const KEY = "T3.R01.C1";
const typeFinding = (fs: Finding[], key: string) => fs.find((f) => f.rule === "CELL.TYPE" && f.cells.includes(key));

test('"1 2" is not read as 12, in the model and in an imported cell', () => {
  expect(parseNumberText("1 2")).toBeNull();
  expect(parseNumberText("１ ２")).toBeNull();
  expect(parseNumberText(" 12 件 ")).toEqual({ value: 12, unit: "件" });
  expect(parseNumberText("1,234")).toEqual({ value: 1234, unit: null });
  expect(readCell("1 2").raw).toBe("1 2");
  const r = sampleReport(1);
  r.cells[KEY] = "1 2";
  const f = typeFinding(checkReport(r), KEY);
  expect(f?.message).toContain("1 2");
});

test("0.0000001 in a count cell is shown as typed, not as 0", () => {
  expect(fmt(0.0000001)).toBe("0.0000001");
  expect(fmt(0.25)).toBe("0.25");
  const r = sampleReport(1);
  r.cells[KEY] = 0.0000001;
  const f = typeFinding(checkReport(r), KEY)!;
  expect(f.message).toContain("0.0000001");
  expect(f.message).not.toContain("数值 0 不");
  expect(interpret(0.0000001, "count").kind).toBe("invalid");
});

async function filledWith(set: (ws: ExcelJS.Worksheet, address: string) => void): Promise<Uint8Array> {
  const wb = await loadXlsx(await fillTemplate(await templateBytes(), sampleReport(1)));
  const loc = templateLayout().cells.get(KEY)!;
  const ws = wb.worksheets.find((w) => String(w.getCell("CZ1").value ?? "").includes(`role=${loc.role}|`))!;
  set(ws, loc.address);
  return saveXlsx(wb);
}

test("a DDE formula typed into an input cell is a finding naming the cell and showing the formula", async () => {
  const bytes = await filledWith((ws, a) => (ws.getCell(a).value = { formula: "cmd|' /C calc'!A0" } as ExcelJS.CellFormulaValue));
  const back = await readWorkbook(bytes);
  expect(back.report!.cells[KEY]).toBe("=cmd|' /C calc'!A0");
  const f = typeFinding(checkReport(back.report!), KEY)!;
  expect(f.severity).toBe("error");
  expect(f.message).toContain("=cmd|' /C calc'!A0");
});

test("a date typed into a count cell is a finding showing the date, not 44927", async () => {
  const bytes = await filledWith((ws, a) => {
    ws.getCell(a).value = 44927;
    ws.getCell(a).numFmt = "yyyy/m/d";
  });
  const back = await readWorkbook(bytes);
  expect(back.report!.cells[KEY]).toBe("2023-01-01");
  const f = typeFinding(checkReport(back.report!), KEY)!;
  expect(f.message).toContain("2023-01-01");
  // A Chinese Excel writes its date formats by id alone (numFmtId 31 = yyyy"年"m"月"d"日"), no <numFmt>.
  const files = unzipSync(await filledWith((ws, a) => {
    ws.getCell(a).value = 44927;
    ws.getCell(a).numFmt = "yyyy-mm-dd";
  }));
  const styles = strFromU8(files["xl/styles.xml"]!);
  const id = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/.exec(styles)![1];
  files["xl/styles.xml"] = strToU8(styles.replace(/<numFmt numFmtId="\d+" formatCode="yyyy-mm-dd"\/>/, "").replace(new RegExp(`numFmtId="${id}"`, "g"), 'numFmtId="31"'));
  const back31 = await readWorkbook(zipSync(files));
  expect(back31.report!.cells[KEY]).toBe("2023-01-01");
  expect(typeFinding(checkReport(back31.report!), KEY)!.message).toContain("2023-01-01");
});

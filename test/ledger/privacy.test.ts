/**
 * The registers hold applicants' names; exports of the report never include them. A workbook with
 * a filled 申请台账 is read like any other, and its Word, PDF and HTML exports (and check's JSON
 * cells) carry none of the names, nor the 申请内容.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { exportReport } from "../../src/document/exportReport";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { templateLayout } from "../../src/template/layout";
import { readWorkbook } from "../../src/template/read";
import { outputDir } from "../helpers/paths";
import { sampleReport } from "../support/reports";
import { fillTemplate, templateBytes } from "../template/support";

const OUT = outputDir("ledger-privacy");
const NAMES = ["欧阳明辉", "司马静怡", "某某咨询有限公司甲"];
const CONTENT = "关于东湖路拆迁补偿标准的信息";

test("Word, PDF and HTML of a workbook with a register contain no applicant name", async () => {
  const report = sampleReport(3);
  report.meta.agency = "某某区人民政府办公室";
  report.meta.year = 2025;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillTemplate(await templateBytes(), report)).buffer as ArrayBuffer);
  const apps = wb.getWorksheet("申请台账")!;
  const first = templateLayout().registers.apps.firstRow;
  NAMES.forEach((name, i) => {
    apps.getCell(first + i, 1).value = `2025-${i + 1}`;
    apps.getCell(first + i, 2).value = new Date(Date.UTC(2025, 2, 1 + i));
    apps.getCell(first + i, 3).value = i === 2 ? "商业企业" : "自然人";
    apps.getCell(first + i, 4).value = name;
    apps.getCell(first + i, 5).value = CONTENT;
  });
  const read = await readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  expect(read.report!.registers!.applications!.rows.flat()).toContain(NAMES[0]); // the register was read

  const texts: string[] = [];
  for (const kind of ["docx", "pdf", "html"] as const) {
    const res = await exportReport(read.report!, kind, { confirmErrors: true, loadFonts: () => loadFontsFromDir() });
    expect(res.status).toBe("ok");
    if (res.status !== "ok") return;
    const file = path.join(OUT, `report.${kind}`);
    writeFileSync(file, res.file.bytes);
    if (kind === "docx") texts.push(Object.values(unzipSync(res.file.bytes)).map((b) => strFromU8(b)).join("\n"));
    else if (kind === "html") texts.push(strFromU8(res.file.bytes));
    else {
      const r = spawnSync("pdftotext", [file, "-"], { encoding: "utf8" });
      expect(r.status).toBe(0);
      texts.push(r.stdout);
    }
  }
  expect(texts.every((t) => t.includes("某某区人民政府办公室") || t.includes("某某区"))).toBe(true);
  for (const t of texts) for (const s of [...NAMES, CONTENT]) expect(t.includes(s)).toBe(false);
}, 180_000);

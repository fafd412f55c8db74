/**
 * Figures of 导入已有台账:
 *   registerImportPlanMs    – planning a full 申请台账 (500 rows, clerk's headers and wording) into an
 *                             empty register: mapping, normalisation, findings (median of 7);
 *   registerImportSyncs     – syncs of the confirmed write of those 500 rows on a known workbook
 *                             (must stay 2: check with the rows' expectations, then one write batch);
 *   registerImportUndoSyncs – syncs of 撤销 (the same two).
 */
import { performance } from "node:perf_hooks";
import { createFakeExcel } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";
import { APP_COLUMNS, APPLICANT_TYPES, OUTCOMES, dayOfIso, findHeader, isoOf, planRegisterImport, type AppField, type ColumnMapping } from "../src/ledger";
import { ledgerImportWrites } from "../src/workflow/registerImport";
import { bytesToBase64 } from "../src/template/base64";
import { templateLayout } from "../src/template/layout";
import { buildTemplate } from "../src/template/xlsx";
import { median, round } from "./stats";

function source(n: number): string[][] {
  const start = dayOfIso("2025-01-02");
  const rows = [["登记号", "受理时间", "申请人类别", "申请人姓名", "申请事项", "是否延期", "办结日期", "答复类型"]];
  for (let i = 0; i < n; i++) {
    const d = start + (i % 300);
    rows.push([`A${i}`, isoOf(d).replace(/-/g, "/"), APPLICANT_TYPES[i % 6]!.label, `申请人${i}`, "某文件", i % 9 ? "否" : "是", i % 4 ? isoOf(d + 10) : "", i % 4 ? OUTCOMES[i % OUTCOMES.length]!.label.replace(" ", "：") : ""]);
  }
  return rows;
}

export async function bench(): Promise<Record<string, number>> {
  const reg = templateLayout().registers.apps;
  const rows = source(reg.lastRow - reg.firstRow + 1);
  const found = findHeader(APP_COLUMNS, { name: "x", rows, firstLine: 1 })!;
  const src = { name: "旧台账.csv", rows, headerIndex: found.index, firstLine: 1, mapping: found.mapping as ColumnMapping<AppField> };
  const empty = { firstLine: reg.headerRow, rows: [APP_COLUMNS.map((c) => c.title)] };
  const times: number[] = [];
  let plan = planRegisterImport({ apps: src, current: { applications: empty, cases: null } });
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    plan = planRegisterImport({ apps: src, current: { applications: empty, cases: null } });
    times.push(performance.now() - t);
  }
  if (plan.refused.length || plan.apps?.rows.length !== rows.length - 1) throw new Error(`plan: ${plan.refused.join(" ")}`);

  const fake = createFakeExcel();
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => bytesToBase64(await buildTemplate()) });
  const inserted = await port.insertTemplate({ year: 2025, agency: "基准测试机关" });
  if (inserted.kind !== "inserted") throw new Error(`insertion: ${inserted.kind}`);
  await port.readReport();
  const { write, applied } = ledgerImportWrites(plan);
  const out = await port.writeInputs(write);
  if (out.kind !== "written") throw new Error(`write: ${out.kind}`);
  const undo = await port.writeInputs(applied.undo);
  if (undo.kind !== "written") throw new Error(`undo: ${undo.kind}`);
  return { registerImportPlanMs: round(median(times), 1), registerImportSyncs: out.syncs, registerImportUndoSyncs: undo.syncs };
}

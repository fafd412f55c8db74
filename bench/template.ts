/**
 * Template and adapter figures (against the in-memory Excel fake):
 *   templateKb         – size of the template .xlsx (the one base64 request of an insertion);
 *   insertSyncs        – context.sync() calls of one insertion, the pane having looked first
 *                        (findTemplate on open, as it does);
 *   insertSyncsNew     – an adapter that never saw the workbook (the ribbon command's) on a new
 *                        workbook (one sheet);
 *   insertSyncsCold    – the same on a workbook of five sheets;
 *   validationSyncs    – syncs of one readReport pass on a known workbook;
 *   validationWrites   – writes during that pass (must be 0);
 *   validationSyncsCold– syncs of the first readReport on a workbook;
 *   readMs             – median time of readReport + checkReport on a filled template (fake, Node).
 */
import { checkReport } from "../src/report";
import { createFakeExcel } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";
import { bytesToBase64 } from "../src/template/base64";
import { templateLayout } from "../src/template/layout";
import { buildTemplate } from "../src/template/xlsx";
import { sampleReport } from "../test/support/reports";
import { medianMs, round } from "./stats";

export async function bench(): Promise<Record<string, number>> {
  const bytes = await buildTemplate();
  const b64 = bytesToBase64(bytes);
  const loadTemplate = async () => b64;

  const fake = createFakeExcel();
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate });
  await port.findTemplate();
  fake.resetCounters();
  const inserted = await port.insertTemplate({ year: 2024, agency: "基准测试机关" });
  if (inserted.kind !== "inserted") throw new Error(`insertion: ${inserted.kind}`);
  const insertSyncs = fake.syncCount;

  const fresh1 = createFakeExcel();
  fresh1.resetCounters();
  await createOfficeWorkbook({ Excel: fresh1.Excel as never, Office: fresh1.Office, loadTemplate }).insertTemplate({ year: 2024, agency: "x" });
  const insertSyncsNew = fresh1.syncCount;

  const cold = createFakeExcel();
  for (const n of ["Sheet2", "Sheet3", "Sheet4", "Sheet5"]) cold.workbook.addSheet(n);
  cold.workbook.activate("Sheet3");
  cold.resetCounters();
  await createOfficeWorkbook({ Excel: cold.Excel as never, Office: cold.Office, loadTemplate }).insertTemplate({ year: 2024, agency: "x" });
  const insertSyncsCold = cold.syncCount;

  // Fill the tables as a clerk would (inputs only; totals stay formulas).
  const report = sampleReport(5);
  const layout = templateLayout();
  for (const role of ["t2", "t3", "t4"] as const) {
    const sheet = inserted.sheets[["meta", "text", "t2", "t3", "t4"].indexOf(role)]!;
    const entries = [...layout.cells.values()]
      .filter((c) => c.role === role && !c.computed)
      .map((c) => ({ address: c.address, value: report.cells[c.key] as number }));
    fake.workbook.setCells(sheet, entries, { event: false });
  }

  const fresh = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate });
  fake.resetCounters();
  await fresh.readReport();
  const validationSyncsCold = fake.syncCount;

  fake.resetCounters();
  const out = await port.readReport();
  const validationSyncs = fake.syncCount;
  const validationWrites = fake.writeCount;
  if (!out.report) throw new Error("no report read");

  const readMs = await medianMs(15, async () => {
    const r = await port.readReport();
    checkReport(r.report!);
  });

  return {
    templateKb: round(bytes.length / 1024, 1),
    insertSyncs,
    insertSyncsNew,
    insertSyncsCold,
    validationSyncs,
    validationWrites,
    validationSyncsCold,
    readMs,
  };
}

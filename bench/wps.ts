/**
 * WPS adapter figures (against the ET fake; every ET call crosses into the WPS process, so calls
 * are what syncs are for Excel):
 *   wpsCallsPerValidation     – calls of one readReport on a known workbook (Count + one Value2 per template sheet: 8 in v3);
 *   wpsCallsPerValidationCold – the first readReport of a workbook (the clerk's sheet and seven template sheets);
 *   wpsInsertCalls            – calls of one insertion, the pane having looked first;
 *   wpsWriteCalls             – calls of a writeInputs of ten 表三 cells and one 正文 block;
 *   wpsReadMs                 – median time of readReport + checkReport (fake, Node).
 * The fake's own count is checked against the adapter's, so neither can drift.
 */
import { checkReport, t3Key } from "../src/report";
import { parseXlsx } from "../src/hosts/office/fake";
import { createFakeEt } from "../src/hosts/wps/fake";
import { createWpsWorkbook } from "../src/hosts/wps/wpsWorkbook";
import { buildTemplate } from "../src/template/xlsx";
import { medianMs, round } from "./stats";

const URL_ = "https://bench.example/wps/template/xxgk-template.xlsx";

export async function bench(): Promise<Record<string, number>> {
  const seeds = await parseXlsx(await buildTemplate());
  const fake = createFakeEt();
  fake.serve(URL_, seeds);
  const port = createWpsWorkbook({ app: fake.Application, templateUrl: URL_ });
  await port.findTemplate();
  fake.resetCalls();
  const before = port.calls;
  const inserted = await port.insertTemplate({ year: 2024, agency: "基准测试机关" });
  if (inserted.kind !== "inserted") throw new Error(`insertion: ${inserted.kind}`);
  const wpsInsertCalls = port.calls - before;
  if (fake.calls !== wpsInsertCalls) throw new Error(`call counts disagree: adapter ${wpsInsertCalls}, fake ${fake.calls}`);
  await fake.settle();

  const cold = createWpsWorkbook({ app: fake.Application, templateUrl: URL_ });
  const wpsCallsPerValidationCold = (await cold.readReport()).syncs;

  await port.readReport();
  fake.resetCalls();
  const warm = await port.readReport();
  if (fake.calls !== warm.syncs) throw new Error(`call counts disagree: adapter ${warm.syncs}, fake ${fake.calls}`);

  const cells = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [t3Key(`R${String(i + 3).padStart(2, "0")}`, "C1"), i]));
  const written = await port.writeInputs({ cells, sections: { S1: "第一段\n第二段" } });
  if (written.kind !== "written") throw new Error(`write: ${written.kind}`);

  const wpsReadMs = await medianMs(20, async () => {
    const r = await port.readReport();
    checkReport(r.report!);
  });
  return {
    wpsCallsPerValidation: warm.syncs,
    wpsCallsPerValidationCold,
    wpsInsertCalls,
    wpsWriteCalls: written.syncs,
    wpsReadMs: round(wpsReadMs, 2),
  };
}

/**
 * Figures of the registers:
 *   ledgerRowsPerSecond      – a 10 000-row 申请台账 grid (as read off a sheet) parsed and counted
 *                              into 表三 / 表四, with the deadline findings;
 *   ledgerValidationSyncs    – syncs of one readReport pass on a known workbook whose registers
 *                              hold rows (must stay 1: the register range is read in the same batch);
 *   ledgerRegisterRowsRead   – register rows that pass saw (proof the registers were read).
 */
import { performance } from "node:perf_hooks";
import { createFakeExcel } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";
import { APPLICANT_TYPES, OUTCOMES, countRegister, dayOfIso, isoOf, parseApplications, registerFindings, registerOfReport, emptyRegister } from "../src/ledger";
import { bytesToBase64 } from "../src/template/base64";
import { templateLayout } from "../src/template/layout";
import { buildTemplate } from "../src/template/xlsx";
import { HEADERS } from "../test/ledger/support";
import { median, round } from "./stats";

const ROWS = 10_000;

function grid(): (string | null)[][] {
  const start = dayOfIso("2024-06-01");
  const rows: (string | null)[][] = [HEADERS];
  for (let i = 0; i < ROWS; i++) {
    const received = start + ((i * 37) % 700);
    const answered = i % 5 === 0 ? null : received + (i % 30);
    rows.push([
      `A${i}`,
      isoOf(received),
      APPLICANT_TYPES[i % APPLICANT_TYPES.length]!.label,
      `申请人${i}`,
      "内容",
      null,
      i % 7 === 0 ? "是" : "否",
      answered === null ? null : isoOf(answered),
      answered === null ? null : OUTCOMES[i % OUTCOMES.length]!.label,
      null,
    ]);
  }
  return rows;
}

export async function bench(): Promise<Record<string, number>> {
  const g = grid();
  const rates: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    const parsed = parseApplications({ name: "申请台账", rows: g, firstLine: 1, headerIndex: 0 }, { year: 2025 });
    countRegister(parsed.rows, [], 2025);
    registerFindings({ ...emptyRegister(), applications: parsed.rows, hasApplications: true }, 2025, { today: dayOfIso("2025-12-31") });
    rates.push(ROWS / ((performance.now() - t) / 1000));
  }

  const template = bytesToBase64(await buildTemplate());
  const fake = createFakeExcel();
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => template });
  const inserted = await port.insertTemplate({ year: 2025, agency: "基准测试机关" });
  if (inserted.kind !== "inserted") throw new Error(`insertion: ${inserted.kind}`);
  const reg = templateLayout().registers.apps;
  const entries = g.slice(1, 101).flatMap((row, i) => row.map((v, c) => ({ address: `${String.fromCharCode(65 + c)}${reg.firstRow + i}`, value: v })).filter((e) => e.value !== null) as { address: string; value: string }[]);
  fake.workbook.setCells("申请台账", entries, { event: false });
  await port.readReport();
  fake.resetCounters();
  const out = await port.readReport();
  const syncs = fake.syncCount;
  const loaded = out.report ? registerOfReport(out.report, { year: 2025 }) : null;
  return {
    ledgerRowsPerSecond: round(median(rates), 0),
    ledgerValidationSyncs: syncs,
    ledgerRegisterRowsRead: loaded?.register.applications.length ?? 0,
  };
}

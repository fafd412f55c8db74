/**
 * 从上年报告结转 carries last year's open applications into this year's 申请台账: property — this
 * year's 表三 counted from the new register equals this year's 表三 counted from last year's whole
 * register (nothing that counts for this year is lost or doubled); and the rows not carried are named.
 */
import fc from "fast-check";
import { APPLICANT_TYPES, OUTCOMES, carryOpenApplications, countRegister, emptyApplicationsGrid, isoOf, registerOfReport, type Application } from "../../src/ledger";
import { emptyReport } from "../../src/report/empty";
import { t3Key, type RawCell, type Report } from "../../src/report";
import { templateLayout } from "../../src/template/layout";
import { appGrid, arbRegister, type AppInput } from "./support";

const LAST = 2024;
const first = templateLayout().registers.apps.firstRow;
const header = templateLayout().registers.apps.headerRow;

function reportOf(year: number, grid: RawCell[][]): Report {
  const r = emptyReport("2021", { year, agency: "某局" });
  return { ...r, registers: { applications: { name: "申请台账", firstLine: header, rows: grid }, cases: null } };
}

const label = (list: readonly { code: string; label: string }[], code: string | null) => (code === null ? null : list.find((x) => x.code === code)!.label);

function inputOf(a: Application): AppInput {
  return {
    id: a.id ?? undefined,
    received: a.received === null ? null : isoOf(a.received),
    type: label(APPLICANT_TYPES, a.applicantType),
    extended: a.extended,
    answered: a.answered === null ? null : isoOf(a.answered),
    outcome: label(OUTCOMES, a.outcome),
  };
}

function t3Of(report: Report, year: number): Record<string, number> {
  const reg = registerOfReport(report, { year })!.register;
  const cells = countRegister(reg.applications, [], year).cells;
  return Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith("T3.")));
}

test("this year's 表三 from the carried register equals this year's 表三 from last year's whole register", () => {
  fc.assert(
    fc.property(arbRegister(LAST), (apps) => {
      const last = reportOf(LAST, appGrid(apps.map(inputOf)));
      const carry = carryOpenApplications(last, emptyApplicationsGrid())!;
      expect(carry.refused).toEqual([]);
      expect(carry.notes).toEqual([]);
      const grid: RawCell[][] = [templateLayout().registers.apps.columns.map((c) => c.title)];
      for (const r of carry.append?.rows ?? []) grid[r.sheetRow - header] = r.cells;
      for (let i = 0; i < grid.length; i++) grid[i] ??= [];
      const next = reportOf(LAST + 1, grid);
      expect(t3Of(next, LAST + 1)).toEqual(t3Of(last, LAST + 1));
      // And 二、上年结转 is last year's 四、结转下年度继续办理, column by column.
      const lastT3 = t3Of(last, LAST);
      const nextT3 = t3Of(next, LAST + 1);
      for (const c of ["C1", "C2", "C3", "C4", "C5", "C6"]) expect(nextT3[t3Key("R02", c)]).toBe(lastT3[t3Key("R25", c)]);
    }),
    { numRuns: 60 },
  );
});

test("answered rows stay behind; open, answered-next-year and next-year rows go after the filled rows; problems and repeats are named", () => {
  const last = reportOf(
    LAST,
    appGrid([
      { id: "1", received: "2024-03-01", type: "自然人", answered: "2024-03-10", outcome: "予以公开" },
      { id: "2", received: "2024-12-20", type: "商业企业" },
      { id: "3", received: "2024-12-10", type: "自然人", answered: "2025-01-06", outcome: "（一）予以公开" },
      { id: "4", received: "2025-01-03", type: "其他" },
      { id: "5", received: "2024-11-30", type: "外星人" },
      { id: "P1", received: "2024-12-01", type: "自然人" },
    ]),
  );
  const current = emptyApplicationsGrid();
  const rows = [...current.rows, ["P1", 45627, "自然人", "某人", null, null, "否", null, null, null]];
  const carry = carryOpenApplications(last, { firstLine: current.firstLine, rows })!;
  const a = carry.append!;
  expect(a.rows.map((r) => r.cells[0])).toEqual(["2", "3", "4"]);
  expect(a.first).toBe(first + 1);
  expect(a.rows.map((r) => r.sourceLine)).toEqual([header + 2, header + 3, header + 4]);
  // Dates as the template's date cells hold them; the answer next year comes along.
  expect(a.rows[1]!.shown.slice(1, 3)).toEqual(["2024-12-10", "自然人"]);
  expect(a.rows[1]!.shown[7]).toBe("2025-01-06");
  expect(carry.notes).toEqual([
    expect.stringMatching(/^申请台账第 \d+ 行（编号 5）年底尚未办结，但这一行有错误/),
    expect.stringMatching(/^申请台账第 \d+ 行（编号 P1）已在本年台账中/),
  ]);
});

test("no register last year (an older template or a published page): nothing to carry", () => {
  expect(carryOpenApplications(emptyReport("2021", { year: LAST }), emptyApplicationsGrid())).toBeNull();
});

test("this year's workbook without a 申请台账 (template version 2): refused with the reason, the 结转 itself goes ahead", () => {
  const last = reportOf(LAST, appGrid([{ id: "2", received: "2024-12-20", type: "商业企业" }]));
  const carry = carryOpenApplications(last, null)!;
  expect(carry.append).toBeNull();
  expect(carry.refused).toEqual([expect.stringContaining("第 3 版模板才有台账")]);
});

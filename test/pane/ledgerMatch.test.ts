/**
 * One source of truth for 表三/表四 against the registers: the pane's LEDGER.MATCH (one finding per
 * table) and the template's own 台账汇总 checks (✓ / ✗ 差 N, "✗ 有 N 处与台账不一致") must name the
 * same cells on the same data. Rows are typed into the Office fake as a clerk types them (its
 * recalculation is the workbench's), the pane reads through the real adapter, and 按台账填写 through
 * the pane clears both. Issue 21: a row without 办理结果 made the sheet's COUNTIF fail (#VALUE!) and
 * drop out of its count, so the sheet said ✓ beside the pane's 错误.
 */
import { FORMAT_2021, T4_RESULT_LABELS } from "../../src/report";
import { templateDesign, templateLayout } from "../../src/template/layout";
import { colLetters } from "../../src/template/address";
import { SHEET_NAMES } from "../../src/template/messages";
import type { FakeWorkbookModel } from "../../src/hosts/office/fake";
import type { PaneController } from "../../src/pane/app";
import { summarize, viewModel } from "../../src/pane/state";
import { fakeWithTemplate } from "../template/support";
import { mountWithoutView } from "./memoryPort";

const REG = templateLayout().registers;
/** The check beside each count of 台账汇总: the count's block width plus one spacer column to the right. */
const CHECK_OFFSET = { apps: FORMAT_2021.table3.columns.length + 1, cases: T4_RESULT_LABELS.length + 1 };

function typeRow(m: FakeWorkbookModel, role: "apps" | "cases", row: number, values: (string | null)[]): void {
  const g = REG[role];
  values.forEach((v, i) => v !== null && m.typeInto(SHEET_NAMES[role], `${colLetters(g.firstCol + i)}${row}`, v));
}

/** The sheet's own verdict: keys whose 台账汇总 check is ✗, and the summary line of each register. */
function sheetChecks(m: FakeWorkbookModel): { failing: string[]; texts: string[]; summaries: string[] } {
  const failing: string[] = [];
  const texts: string[] = [];
  for (const role of ["apps", "cases"] as const) {
    const ws = m.sheet(SHEET_NAMES[role])!;
    for (const [key, at] of Object.entries(templateDesign()[role].tally ?? {})) {
      const t = m.text(ws, at.row, at.col + CHECK_OFFSET[role]);
      texts.push(t);
      if (t.startsWith("✗")) failing.push(key);
    }
  }
  const summaries = (["apps", "cases"] as const).map((role) => {
    const d = templateDesign()[role];
    const ws = m.sheet(SHEET_NAMES[role])!;
    // The summary is the one check cell outside the per-cell block (its first column).
    const s = d.computed.filter((c) => c.style === "check").find((c) => !Object.values(d.tally ?? {}).some((t) => t.col + CHECK_OFFSET[role] === c.col))!;
    return m.text(ws, s.row, s.col);
  });
  return { failing: failing.sort(), texts, summaries };
}

const matchCells = (pane: PaneController) => pane.state.findings.filter((f) => f.rule === "LEDGER.MATCH").flatMap((f) => f.cells).sort();

describe("台账汇总 and the pane's LEDGER.MATCH agree (Office fake)", () => {
  let m: FakeWorkbookModel;
  let pane: PaneController;

  beforeAll(async () => {
    const { fake, port } = await fakeWithTemplate("m365", { year: 2025, agency: "某局" });
    m = fake.workbook;
    pane = mountWithoutView(port);
    await pane.idle();
  }, 120_000);

  afterAll(() => pane.dispose());

  test("nothing registered: no finding, the sheet says —", async () => {
    expect(matchCells(pane)).toEqual([]);
    expect(new Set(sheetChecks(m).texts)).toEqual(new Set(["—"]));
    expect(summarize(pane.state).text).toBe("未开始填写");
  });

  test("register rows typed, 表三 untouched: the same cells on both sides, one finding per table", async () => {
    // Answered, and open without 办理结果 (the row the sheet used to drop), and a case without 结果.
    typeRow(m, "apps", REG.apps.firstRow, ["1", "2025-01-05", "自然人", "张三", "某项信息", null, "否", "2025-01-10", "（一）予以公开"]);
    typeRow(m, "apps", REG.apps.lastRow, ["2", "2025-01-06", "商业企业", "某公司", "另一项信息", null, "否"]);
    typeRow(m, "cases", REG.cases.firstRow, ["F-1", "行政复议", "2025-03-01"]);
    await pane.validate();
    const sheet = sheetChecks(m);
    const match = pane.state.findings.filter((f) => f.rule === "LEDGER.MATCH");
    expect(match).toHaveLength(2);
    expect(sheet.failing.length).toBeGreaterThan(0);
    expect(matchCells(pane)).toEqual(sheet.failing);
    // The counts said the same way: "表三有 N 处…" and the sheet's "✗ 有 N 处与台账不一致".
    const t3 = match.find((f) => f.cells[0]!.startsWith("T3."))!;
    const n3 = t3.cells.length;
    expect(t3.message).toMatch(new RegExp(`^表三有 ${n3} 处与申请台账的统计不一致：`));
    expect(sheet.summaries[0]).toContain(`有 ${n3} 处`);
    expect(sheet.summaries[1]).toContain(`有 ${match.find((f) => f.cells[0]!.startsWith("T4."))!.cells.length} 处`);
    // Blank cells are said as blank, never as "填写 0".
    expect(t3.message).toContain("·自然人空白，按申请台账应为 1（第 3 行）");
    expect(t3.message).not.toMatch(/填写 0/);
    // Only registered so far: not "未开始填写", and the 10 differing cells are not 10 errors.
    const s = summarize(pane.state);
    expect(s.text).toMatch(/^台账已登记 3 件，表三、表四尚未按台账填写/);
    expect(s.counts.error).toBe(0);
    expect(viewModel(pane.state).banner).toEqual({ kind: "ledgerOnly", applications: 2, cases: 1, tables: "表三、表四" });
  }, 120_000);

  test("a cell typed wrong afterwards: still the same cells", async () => {
    m.typeInto(SHEET_NAMES.t3, templateLayout().cells.get("T3.R01.C1")!.address, "5");
    await pane.validate();
    expect(matchCells(pane)).toEqual(sheetChecks(m).failing);
    expect(pane.state.findings.find((f) => f.rule === "LEDGER.MATCH")!.message).toContain("·自然人为 5，按申请台账应为 1");
  }, 60_000);

  test("按台账填写 through the pane (the wrong cell ticked): both sides clear", async () => {
    await pane.transfer.ledger();
    const t = pane.state.transfer;
    if (t?.step !== "preview") throw new Error("no preview");
    for (const c of t.preview.plan.conflicts) pane.transfer.toggle(c.key);
    await pane.transfer.confirm();
    await pane.idle();
    expect(matchCells(pane)).toEqual([]);
    const sheet = sheetChecks(m);
    expect(sheet.failing).toEqual([]);
    expect(sheet.summaries.every((x) => x.startsWith("✓"))).toBe(true);
  }, 120_000);
});

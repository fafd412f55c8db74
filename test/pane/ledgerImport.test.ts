/**
 * 导入已有台账 without a DOM: which grids of a file are the registers, the mapping step (every
 * template column with the source columns, required ones unmapped → no confirm), the preview
 * against the workbook, and the controller end to end on the memory port with the real lazy
 * module (CSV in GB18030 and UTF-8): confirm writes the previewed rows expecting them blank, a
 * row filled meanwhile writes nothing and refreshes the preview, 撤销 clears only unchanged rows.
 */
import { APP_COLUMNS, dayOfIso, serialOfDay } from "../../src/ledger";
import { emptyReport } from "../../src/report/empty";
import type { RawCell, Report } from "../../src/report";
import type { PaneController } from "../../src/pane/app";
import { columnOptions, previewImport, registerSources, remap, undoKeepingRows, ledgerImportWrites } from "../../src/workflow/registerImport";
import type { LedgerImportPanel } from "../../src/pane/state";
import { templateLayout } from "../../src/template/layout";
import { encodeGb18030 } from "../import/support/layout";
import { FULL_TEMPLATE, MemoryPort, mountWithoutView } from "./memoryPort";

const REG = templateLayout().registers;
const HEADER = APP_COLUMNS.map((c) => c.title);
const TEMPLATE_V3 = { ...FULL_TEMPLATE, sheets: { ...FULL_TEMPLATE.sheets, apps: "申请台账", cases: "复议诉讼台账" }, templateVersion: "3" };

function workbook(appRows: RawCell[][] = []): Report {
  const r = emptyReport("2021", { year: 2025, agency: "某局" });
  return {
    ...r,
    registers: {
      applications: { name: "申请台账", firstLine: REG.apps.headerRow, rows: [HEADER, ...appRows] },
      cases: { name: "复议诉讼台账", firstLine: REG.cases.headerRow, rows: [["编号", "类型", "收到日期", "结果", "备注"]] },
    },
  };
}

const CSV = ["登记号,来件日,申请人类别,申请人姓名,答复时间,答复类型", "1,2025-03-05,自然人,张三,2025-03-20,予以公开", "2,2025/4/1,外籍人士,李四,,"].join("\r\n");

describe("registerSources / mapping", () => {
  test("a lone sheet with unknown headers is the 申请台账 to map by hand; its columns show header and sample", () => {
    const src = registerSources("a.csv", [{ name: "a.csv", rows: [["甲", "乙"], ["x", "2025-01-01"]] }]);
    if ("error" in src) throw new Error(src.error);
    expect(src.apps!.headerIndex).toBe(0);
    expect(columnOptions(src.apps!).map((o) => o.label)).toEqual(["A 列：甲（例：x）", "B 列：乙（例：2025-01-01）"]);
    const p = previewImport(src, workbook(), TEMPLATE_V3);
    expect(p.canConfirm).toBe(false);
    expect(p.apps!.missing).toEqual(["收到日期", "答复日期", "办理结果"]);
  });

  test("mapping the required columns enables the confirm, and the preview follows", () => {
    const rows = [["来件日", "类别", "办结", "结论"], ["2025-01-02", "自然人", "2025-01-10", "予以公开"]];
    let src = registerSources("b.csv", [{ name: "b.csv", rows }]);
    if ("error" in src) throw new Error(src.error);
    for (const [field, col] of [["received", 0], ["applicantType", 1], ["answered", 2]] as const) src = remap(src, "apps", field, col);
    expect(previewImport(src, workbook(), TEMPLATE_V3).canConfirm).toBe(false);
    src = remap(src, "apps", "outcome", 3);
    const p = previewImport(src, workbook(), TEMPLATE_V3);
    expect(p.canConfirm).toBe(true);
    expect(p.plan.apps!.rows[0]!.shown.slice(1, 3)).toEqual(["2025-01-02", "自然人"]);
  });

  test("an .xlsx with both registers: each sheet to its register, named with the file and sheet", () => {
    const src = registerSources("e.xlsx", [
      { name: "申请登记", rows: [["序号", "受理日期", "申请人类别", "办结日期", "答复类型"], ["1", "2025-01-02", "自然人", "2025-01-05", "予以公开"]] },
      { name: "复议诉讼", rows: [["案号", "案件类型", "立案日期", "审结结果"], ["(2025)1", "行政复议", "2025-03-01", "结果维持"]] },
    ]);
    if ("error" in src) throw new Error(src.error);
    expect(src.apps!.name).toBe("“e.xlsx”的“申请登记”表");
    expect(src.cases!.name).toBe("“e.xlsx”的“复议诉讼”表");
    const p = previewImport(src, workbook(), TEMPLATE_V3);
    expect(p.canConfirm).toBe(true);
    expect(p.cases!.fields.map((f) => f.column)).toEqual([0, 1, 2, 3, null]);
    expect(p.plan.cases!.rows[0]!.shown).toEqual(["(2025)1", "行政复议", "2025-03-01", "结果维持", ""]);
    expect(p.plan.cases!.first).toBe(REG.cases.firstRow);
  });

  test("several sheets without a register are an error naming the file", () => {
    const out = registerSources("c.xlsx", [
      { name: "说明", rows: [["本表说明"]] },
      { name: "统计", rows: [["合计", 3]] },
    ]);
    expect(out).toEqual({ error: expect.stringContaining("“c.xlsx”中没有找到台账") });
  });

  test("撤销 keeping changed rows drops exactly those rows from the writes and the expectations", () => {
    const src = registerSources("d.csv", [{ name: "d.csv", rows: [HEADER, ["1", "2025-01-02", "自然人"], ["2", "2025-01-03", "其他"]] }]);
    if ("error" in src) throw new Error(src.error);
    const { applied } = ledgerImportWrites(previewImport(src, workbook(), TEMPLATE_V3).plan);
    const kept = undoKeepingRows(applied.undo, [`LEDGER.APP.${REG.apps.firstRow}`]);
    expect(Object.keys(kept.registerRows!.apps!)).toEqual([String(REG.apps.firstRow + 1)]);
    expect(Object.keys(kept.expect!.registerRows!.apps!)).toEqual([String(REG.apps.firstRow + 1)]);
  });
});

describe("导入已有台账 in the controller", () => {
  const mount = mountWithoutView;
  /** The pane on an empty register, the CSV read and 收到日期 mapped (the mapping step). */
  async function mappedCsv(): Promise<{ port: MemoryPort & { report: Report }; pane: PaneController }> {
    const port = new MemoryPort() as MemoryPort & { report: Report };
    port.template = TEMPLATE_V3;
    port.report = workbook();
    const pane = mount(port);
    await pane.idle();
    await pane.ledgerImport.open();
    await pane.ledgerImport.read({ name: "登记表.csv", data: new TextEncoder().encode(CSV) });
    pane.ledgerImport.map("apps", "received", 1);
    return { port, pane };
  }
  const mapStep = (pane: PaneController): Extract<LedgerImportPanel, { step: "map" }> => {
    const p = pane.state.ledgerImport;
    if (p?.step !== "map") throw new Error(`not on the mapping step: ${JSON.stringify(p)}`);
    return p;
  };

  test.each([
    ["GB18030", encodeGb18030(CSV)],
    ["UTF-8", new TextEncoder().encode(CSV)],
  ])("a %s CSV: mapping proposed, preview of the rows as written, confirm appends after the filled rows; 撤销", async (_enc, bytes) => {
    const port = new MemoryPort();
    port.template = TEMPLATE_V3;
    port.report = workbook([["2025-001", "2025-01-02", "自然人"]]);
    const pane = mount(port);
    await pane.idle();
    await pane.ledgerImport.open();
    await pane.ledgerImport.read({ name: "登记表.csv", data: bytes });
    // "来件日" is no known title: 收到日期 starts unmapped and the confirm disabled until chosen.
    expect(mapStep(pane).preview.apps!.missing).toEqual(["收到日期"]);
    expect(mapStep(pane).preview.canConfirm).toBe(false);
    expect(mapStep(pane).preview.apps!.fields.find((f) => f.field === "applicantType")!.column).toBe(2);
    pane.ledgerImport.map("apps", "received", 1);
    const p = mapStep(pane);
    expect(p.preview.canConfirm).toBe(true);
    const append = p.preview.plan.apps!;
    expect([append.first, append.last]).toEqual([REG.apps.firstRow + 1, REG.apps.firstRow + 2]);
    expect(p.preview.plan.issues.map((i) => [i.sourceLine, i.original])).toEqual([[3, "外籍人士"]]);

    await pane.ledgerImport.confirm();
    expect(pane.state.ledgerImport).toBeNull();
    expect(pane.state.notice).toMatchObject({ tone: "success", text: expect.stringContaining(`已导入 2 行到申请台账（第 ${REG.apps.firstRow + 1}–${REG.apps.firstRow + 2} 行）`), action: { id: "ledger-undo" } });
    const w = port.writes[0]!;
    expect(w.expect?.registerRows?.apps).toEqual({ [REG.apps.firstRow + 1]: [], [REG.apps.firstRow + 2]: [] });
    const grid = port.report.registers!.applications!;
    expect(grid.rows[1]![0]).toBe("2025-001");
    expect(grid.rows[2]).toEqual(["1", serialOfDay(dayOfIso("2025-03-05")), "自然人", "张三", null, null, null, serialOfDay(dayOfIso("2025-03-20")), "（一）予以公开", null, null, null, null, null, null]); // 备注, then layout 2's five columns
    expect(grid.rows[3]![2]).toBe("外籍人士");
    // Revalidated: the 台账 section counts the imported rows (the 外籍人士 row is not counted).
    expect(pane.state.report!.registers!.applications!.rows).toHaveLength(4);

    await pane.ledgerImport.undo();
    expect(pane.state.notice?.text).toBe("已撤销导入台账，导入的行已清空。");
    expect(port.report.registers!.applications!.rows.slice(2).every((r) => r.length === 0)).toBe(true);
    expect(port.report.registers!.applications!.rows[1]![0]).toBe("2025-001");
    await pane.dispose();
  });

  test("a target row filled after the preview: nothing written, the preview moves below it, the clerk is told", async () => {
    const { port, pane } = await mappedCsv();
    expect(mapStep(pane).preview.plan.apps!.first).toBe(REG.apps.firstRow);
    port.report.registers!.applications!.rows.push(["刚登记的"]);
    await pane.ledgerImport.confirm();
    expect(port.report.registers!.applications!.rows).toHaveLength(2);
    expect(pane.state.notice).toMatchObject({ tone: "warning", text: expect.stringContaining("没有导入任何内容") });
    expect(mapStep(pane).preview.plan.apps!.first).toBe(REG.apps.firstRow + 1);
    await pane.dispose();
  });

  test("撤销 after a row was edited: nothing cleared, then 只撤销未修改的行 keeps the edit", async () => {
    const { port, pane } = await mappedCsv();
    await pane.ledgerImport.confirm();
    port.report.registers!.applications!.rows[1]![3] = "张三（改）";
    await pane.ledgerImport.undo();
    expect(pane.state.notice).toMatchObject({ tone: "warning", text: expect.stringContaining(`申请台账第 ${REG.apps.firstRow} 行`), actions: [{ id: "ledger-undo:keep" }] });
    expect(port.report.registers!.applications!.rows[2]).not.toEqual([]);
    await pane.ledgerImport.undo(true);
    expect(port.report.registers!.applications!.rows[1]![3]).toBe("张三（改）");
    expect(port.report.registers!.applications!.rows[2]).toEqual([]);
    await pane.dispose();
  });

  test("a file that is no register: the error stays on the file step; a register too full refuses before writing", async () => {
    const port = new MemoryPort();
    port.template = TEMPLATE_V3;
    const full = Array.from({ length: REG.apps.lastRow - REG.apps.firstRow }, (_, i) => [`X${i}`]);
    port.report = workbook(full);
    const pane = mount(port);
    await pane.idle();
    await pane.ledgerImport.open();
    await pane.ledgerImport.read({ name: "坏.xlsx", data: new Uint8Array([1, 2, 3]) });
    expect(pane.state.ledgerImport).toMatchObject({ step: "file", error: expect.stringContaining("无法读取") });
    await pane.ledgerImport.read({ name: "登记表.csv", data: new TextEncoder().encode(CSV) });
    pane.ledgerImport.map("apps", "received", 1);
    const p = mapStep(pane);
    expect(p.preview.canConfirm).toBe(false);
    expect(p.preview.plan.refused[0]).toContain("只剩 1 个空行");
    await pane.ledgerImport.confirm();
    expect(port.writes).toHaveLength(0);
    pane.ledgerImport.close();
    expect(pane.state.ledgerImport).toBeNull();
    await pane.dispose();
  });
});

/**
 * 结转 and 导入 in the pane, without a DOM: the pure preview → writes → undo logic, and the
 * controller driving the real lazy module (src/import, rollForward, planImport) against the
 * in-memory port. Conflicts start unchecked; every write carries what the preview saw; 撤销
 * asks when the clerk changed something since.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkReport, emptyReport, FORMATS, t3Key, type Report } from "../../src/report";
import { mountPane, type PaneController } from "../../src/pane/app";
import { confirmWrites, priorFor, undoForced, undoKeeping, type TransferPreview } from "../../src/workflow/transfer";
import type { ViewModel } from "../../src/pane/state";
import type { ViewHandlers } from "../../src/pane/view";
import { planImport } from "../../src/workflow/importPlan";
import { sampleReport } from "../support/reports";
import { FIXTURES } from "../helpers/paths";
import { FULL_TEMPLATE, MemoryPort } from "./memoryPort";
import ExcelJS from "exceljs";
import { buildTemplate } from "../../src/template";
import { locate, templateLayout } from "../../src/template/layout";
import { emptyApplicationsGrid } from "../../src/ledger";

const FIXTURE = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");

function preview(over: Partial<TransferPreview> = {}): TransferPreview {
  return {
    mode: "import",
    sourceLabel: "x",
    targetYear: 2024,
    insertFirst: null,
    plan: { fills: [], conflicts: [], unchanged: 0, sectionFills: [], sectionConflicts: [], notes: [] },
    prefilled: [],
    drafts: [],
    priorFigures: null,
    previousPriorFigures: null,
    metaFills: [],
    findings: [],
    warnings: [],
    ...over,
  };
}

describe("preview → writes → 撤销 (pure)", () => {
  const current = emptyReport("2021", { year: 2024 });
  current.cells["T3.R01.C1"] = 5;
  current.sections.S1 = { heading: "一、总体情况", text: "已有的正文。" };
  const incoming = sampleReport(3);
  const plan = planImport(current, incoming, (k) => !k.endsWith(".C7"));

  test("nothing is overwritten unless ticked; `expect` is what the preview saw", () => {
    const { write, applied } = confirmWrites(preview({ plan }), new Set());
    expect(write.cells!["T3.R01.C1"]).toBeUndefined();
    expect(write.sections!.S1).toBeUndefined();
    expect(write.cells!["T3.R02.C1"]).toBe(incoming.cells["T3.R02.C1"]);
    expect(write.expect!.cells!["T3.R02.C1"]).toBeNull();
    expect(applied.undo.cells!["T3.R02.C1"]).toBeNull();
    expect(applied.undo.expect!.cells!["T3.R02.C1"]).toBe(incoming.cells["T3.R02.C1"]);
    expect(applied.count).toBe(plan.fills.length + plan.sectionFills.length);

    const ticked = confirmWrites(preview({ plan }), new Set(["T3.R01.C1", "S1"]));
    expect(ticked.write.cells!["T3.R01.C1"]).toBe(incoming.cells["T3.R01.C1"]);
    expect(ticked.write.expect!.cells!["T3.R01.C1"]).toBe(5);
    expect(ticked.write.sections!.S1).toBe(incoming.sections.S1!.text);
    expect(ticked.applied.undo.sections!.S1).toBe("已有的正文。");
  });

  test("结转 keeps last year's figures and 撤销 restores the ones before; 封面 fills undo to blank", () => {
    const figures = { year: 2023, cells: { "T3.R25.C1": 2 } };
    const { write, applied } = confirmWrites(preview({ mode: "rollForward", plan, priorFigures: figures, metaFills: [{ field: "contact", value: "电话" }] }), new Set());
    expect(write.priorFigures).toEqual(figures);
    expect(write.meta).toEqual({ contact: "电话" });
    expect(applied.undo.priorFigures).toBeNull();
    expect(applied.undo.meta).toEqual({ contact: null });
  });

  test("carried register rows: written into blank rows only; 撤销 keeping a row the clerk changed since", () => {
    const row = (sheetRow: number) => ({ sheetRow, sourceLine: sheetRow, cells: ["x", 45600], shown: ["x", "2024-11-04"] });
    const append = { role: "apps" as const, sheet: "申请台账", first: 3, last: 4, rows: [row(3), row(4)] };
    const { write, applied } = confirmWrites(preview({ mode: "rollForward", plan, registerCarry: { append, notes: [], refused: [] } }), new Set());
    expect(write.registerRows).toEqual({ apps: { 3: ["x", 45600], 4: ["x", 45600] } });
    expect(write.expect!.registerRows).toEqual({ apps: { 3: [], 4: [] } });
    const keep = undoKeeping(applied.undo, ["LEDGER.APP.4"]);
    expect(keep.registerRows).toEqual({ apps: { 3: [] } });
    expect(keep.expect!.registerRows).toEqual({ apps: { 3: ["x", 45600] } });
    // 导入 never carries rows, whatever the preview holds.
    expect(confirmWrites(preview({ plan, registerCarry: { append, notes: [], refused: [] } }), new Set()).write.registerRows).toBeUndefined();
  });

  test("撤销 keeping the clerk's later edits, or regardless of them", () => {
    const { applied } = confirmWrites(preview({ plan }), new Set(["S1"]));
    const keep = undoKeeping(applied.undo, ["T3.R02.C1", "S1"]);
    expect(keep.cells!["T3.R02.C1"]).toBeUndefined();
    expect(keep.expect!.cells!["T3.R02.C1"]).toBeUndefined();
    expect(keep.sections!.S1).toBeUndefined();
    expect(keep.cells!["T3.R02.C2"]).toBeNull();
    expect(undoForced(applied.undo).expect).toBeUndefined();
  });

  test("the full prior report is used only while it matches the kept figures", () => {
    const prior = sampleReport(1);
    prior.meta.year = 2023;
    const now = emptyReport("2021", { year: 2024 });
    expect(priorFor(now, prior)).toBeNull();
    now.priorFigures = { year: 2023, cells: { "T3.R25.C1": 1 } };
    expect(priorFor(now, prior)).toBe(prior);
    now.priorFigures = { year: 2022, cells: { "T3.R25.C1": 1 } };
    expect(priorFor(now, prior)).toBeNull();
  });
});

interface Harness {
  port: MemoryPort;
  pane: PaneController;
  last: () => ViewModel;
  handlers: () => ViewHandlers;
}

function mount(port = new MemoryPort()): Harness {
  const vms: ViewModel[] = [];
  let handlers: ViewHandlers | null = null;
  const pane = mountPane({} as HTMLElement, {
    port,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx", now: () => Date.UTC(2025, 0, 10) },
    loadTransfer: () => import("../../src/pane/transferModule"),
    createView: (_root, h) => {
      handlers = h;
      return { root: {} as HTMLElement, update: (vm) => vms.push(vm) };
    },
  });
  return { port, pane, last: () => vms[vms.length - 1]!, handlers: () => handlers! };
}

function rules(h: Harness, rule: string): string[][] {
  return h.pane.state.findings.filter((f) => f.rule === rule).map((f) => f.cells);
}

describe("从上年报告结转 in the controller", () => {
  test("pasted last-year text, no template yet: preview, insert (year + 1), write, validate with the prior rules", async () => {
    const h = mount();
    await h.pane.idle();
    // The panel is a lazy chunk: open resolves once it is there (the toolbar's handler does the same).
    await h.pane.transfer.open("rollForward");
    expect(h.last().transfer).toMatchObject({ step: "choose", mode: "rollForward" });
    await h.pane.transfer.read({ name: "", data: FIXTURE });
    const t = h.pane.state.transfer;
    expect(t?.step).toBe("preview");
    if (t?.step !== "preview") throw new Error("no preview");
    const p = t.preview;
    expect(p.insertFirst).toEqual({ year: 2024, agency: "三门峡市湖滨区前进街道办事处" });
    expect(p.sourceLabel).toBe("三门峡市湖滨区前进街道办事处 2023 年度报告（粘贴的文字）");
    expect(p.prefilled.map((x) => x.label)).toEqual(FORMATS["2021"].table3.columns.map((c) => (c.code === "C7" ? `${c.label}（公式自动计算）` : c.label)));
    expect(p.drafts.map((d) => d.key)).toEqual(expect.arrayContaining(["S1", "S5", "S6"]));
    expect(p.priorFigures?.year).toBe(2023);
    expect(t.accepted).toEqual([]);

    await h.pane.transfer.confirm();
    expect(h.port.inserts).toEqual([{ year: 2024, agency: "三门峡市湖滨区前进街道办事处" }]);
    const w = h.port.writes[0]!;
    // 总计 (C7) is a template formula: never written, it sums the six.
    expect(Object.keys(w.cells!).sort()).toEqual(["C1", "C2", "C3", "C4", "C5", "C6"].map((c) => t3Key("R02", c)));
    expect(w.priorFigures).toEqual(p.priorFigures);
    expect(h.pane.state.transfer).toBeNull();
    expect(h.last().notice).toMatchObject({ tone: "success", action: { id: "undo", label: "撤销结转" } });
    // TEXT.SIMILAR from last year's full text (this session), PRIOR.* from the kept figures.
    expect(rules(h, "TEXT.SIMILAR").map((c) => c[0])).toContain("S1");
    expect(rules(h, "PRIOR.CARRYOVER")).toEqual([]);
    h.port.edit(t3Key("R02", "C1"), 3);
    await h.pane.validate();
    expect(rules(h, "PRIOR.CARRYOVER")).toEqual([[t3Key("R02", "C1")]]);
    await h.pane.dispose();
  });

  test("last year's workbook with a 申请台账: the open applications go into this year's, after its filled rows; 撤销 clears them", async () => {
    // Last year's template, with three applications: one answered in 2024, two still open at its end.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate({ year: 2024, agency: "某某局" })).buffer as ArrayBuffer);
    const apps = wb.getWorksheet("申请台账")!;
    const reg = templateLayout().registers.apps;
    const put = (i: number, cells: (string | Date | null)[]) => cells.forEach((v, j) => v !== null && (apps.getCell(reg.firstRow + i, j + 1).value = v));
    put(0, ["2024-01", new Date(Date.UTC(2024, 2, 1)), "自然人", "张三", "某信息", null, "否", new Date(Date.UTC(2024, 2, 8)), "（一）予以公开"]);
    put(1, ["2024-02", new Date(Date.UTC(2024, 11, 20)), "商业企业", "某公司", "另一信息", null, "否"]);
    put(2, ["2024-03", new Date(Date.UTC(2024, 11, 27)), "其他", "某协会", "第三项", null, "是"]);
    // Its 表三 四、结转下年度继续办理 says the same: one 商业企业, one 其他.
    for (const [key, v] of [["T3.R25.C2", 1], ["T3.R25.C6", 1]] as const) wb.getWorksheet("表三")!.getCell(locate(key)!.address).value = v;
    const file = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

    // This year's workbook: the template with one application typed already.
    const port = new MemoryPort();
    port.template = { ...FULL_TEMPLATE, sheets: { ...FULL_TEMPLATE.sheets, apps: "申请台账", cases: "复议诉讼台账" }, templateVersion: "3" };
    const grid = emptyApplicationsGrid();
    port.report = {
      ...emptyReport("2021", { agency: "某某局", year: 2025 }),
      registers: { applications: { name: "申请台账", firstLine: grid.firstLine, rows: [...grid.rows.map((r) => [...r]), ["2025-01", 45660, "自然人", "李四"]] }, cases: null },
    };
    const h = mount(port);
    await h.pane.idle();
    h.handlers().transferOpen("rollForward");
    await h.pane.transfer.read({ name: "2024年度.xlsx", data: file });
    const t = h.pane.state.transfer;
    if (t?.step !== "preview") throw new Error(`no preview: ${JSON.stringify(t)}`);
    const carry = t.preview.registerCarry!;
    expect(carry.append!.rows.map((r) => r.cells[0])).toEqual(["2024-02", "2024-03"]);
    expect([carry.append!.first, carry.append!.last]).toEqual([reg.firstRow + 1, reg.firstRow + 2]);

    await h.pane.transfer.confirm();
    const w = port.writes[0]!;
    expect(Object.keys(w.registerRows!.apps!)).toEqual([String(reg.firstRow + 1), String(reg.firstRow + 2)]);
    // Written only into rows still blank.
    expect(w.expect!.registerRows!.apps![reg.firstRow + 1]).toEqual([]);
    expect(h.last().notice?.text).toContain("上年未办结的 2 件申请已转入申请台账。");
    // This year's 表三 二、上年结转 now follows from the register as from last year's report.
    const after = port.report!;
    const rows = after.registers!.applications!.rows;
    expect(rows[reg.firstRow + 1 - grid.firstLine]![0]).toBe("2024-02");
    // (总计 is the template's formula, which this memory port does not compute.)
    expect(after.cells[t3Key("R02", "C2")]).toBe(1);
    expect(h.pane.state.findings.filter((f) => f.rule === "LEDGER.MATCH" && f.cells.some((c) => c.startsWith("T3.R02") && c !== t3Key("R02", "C7")))).toEqual([]);

    await h.pane.transfer.undo();
    expect(port.report!.registers!.applications!.rows.slice(2).filter((r) => r.length)).toEqual([]);
    await h.pane.dispose();
  });

  test("not a report: a Chinese message, the panel stays on the choose step", async () => {
    const h = mount();
    h.handlers().transferOpen("import");
    await h.pane.transfer.read({ name: "a.txt", data: "今天天气很好。" });
    expect(h.pane.state.transfer).toMatchObject({ step: "choose", error: { message: expect.stringContaining("未能识别") } });
    await h.pane.dispose();
  });
});

describe("导入报告 in the controller", () => {
  function filled(): MemoryPort {
    const port = new MemoryPort();
    port.template = FULL_TEMPLATE;
    port.report = sampleReport(7);
    port.report.meta.year = 2023;
    return port;
  }

  test("over non-empty cells: conflicts unchecked; only ticked ones are written; 撤销 restores them", async () => {
    const h = mount(filled());
    await h.pane.idle();
    h.handlers().transferOpen("import");
    await h.pane.transfer.read({ name: "湖滨.txt", data: FIXTURE });
    const t = h.pane.state.transfer;
    if (t?.step !== "preview") throw new Error("no preview");
    expect(t.preview.plan.conflicts.length).toBeGreaterThan(10);
    expect(t.accepted).toEqual([]);
    const one = t.preview.plan.conflicts.find((c) => c.key === "T3.R01.C1")!;
    const before: Report = structuredClone(h.port.report!);

    h.handlers().transfer.toggle("T3.R01.C1");
    await h.pane.transfer.confirm();
    const w = h.port.writes[0]!;
    expect(Object.keys(w.cells!)).toEqual(["T3.R01.C1"]);
    expect(w.expect!.cells!["T3.R01.C1"]).toBe(one.current);
    expect(h.port.report!.cells["T3.R01.C1"]).toBe(one.incoming);
    expect(h.last().notice?.action).toEqual({ id: "undo", label: "撤销导入" });

    h.handlers().noticeAction("undo");
    await h.pane.idle();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.port.report!.cells).toEqual(before.cells);
    expect(h.pane.state.applied).toBeNull();
    expect(h.last().notice?.text).toContain("已撤销");
    await h.pane.dispose();
  });

  test("撤销 after the clerk changed an imported cell: asks, then keeps that edit", async () => {
    const h = mount(filled());
    await h.pane.idle();
    h.handlers().transferOpen("import");
    await h.pane.transfer.read({ name: "湖滨.txt", data: FIXTURE });
    h.handlers().transfer.toggle("T3.R01.C1");
    h.handlers().transfer.toggle("T3.R01.C2");
    const original = h.port.report!.cells["T3.R01.C2"];
    await h.pane.transfer.confirm();
    h.port.edit("T3.R01.C1", 99);
    await h.pane.transfer.undo();
    expect(h.last().notice).toMatchObject({ tone: "warning", actions: [{ id: "undo:keep" }, { id: "undo:all" }] });
    expect(h.last().notice?.text).toContain("表三“一、本年新收政府信息公开申请数量”·自然人");
    await h.pane.transfer.undo("keep");
    expect(h.port.report!.cells["T3.R01.C1"]).toBe(99);
    expect(h.port.report!.cells["T3.R01.C2"]).toBe(original);
    await h.pane.dispose();
  });

  test("a cell filled in after the preview is not overwritten: the preview is rebuilt", async () => {
    const port = new MemoryPort();
    port.template = FULL_TEMPLATE;
    port.report = emptyReport("2021", { year: 2023, agency: "某局" });
    const h = mount(port);
    await h.pane.idle();
    h.handlers().transferOpen("import");
    await h.pane.transfer.read({ name: "湖滨.txt", data: FIXTURE });
    port.report.cells["T3.R01.C1"] = 42; // typed while the preview was open
    await h.pane.transfer.confirm();
    expect(port.report.cells["T3.R01.C1"]).toBe(42);
    expect(h.last().notice?.text).toContain("预览之后工作簿中有单元格被修改");
    const t = h.pane.state.transfer;
    expect(t?.step === "preview" && t.preview.plan.conflicts.some((c) => c.key === "T3.R01.C1")).toBe(true);
    await h.pane.dispose();
  });
});

test("checkReport sees the kept figures alone after a reload (no full prior report)", () => {
  const r = emptyReport("2021", { year: 2024 });
  r.priorFigures = { year: 2023, cells: { "T3.R25.C1": 2 } };
  r.cells["T3.R02.C1"] = 1;
  expect(checkReport(r).filter((f) => f.rule === "PRIOR.CARRYOVER").map((f) => f.cells)).toEqual([["T3.R02.C1"]]);
});

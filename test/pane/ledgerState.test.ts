import { t3Key } from "../../src/report";
import { APP_COLUMNS, appRowKey, dayOfIso } from "../../src/ledger";
import { emptyReport } from "../../src/report/empty";
import type { Report } from "../../src/report";
import { confirmWrites } from "../../src/workflow/transfer";
import { ledgerFillPreview } from "../../src/workflow/fill";
import { ledgerSummary } from "../../src/pane/ledgerState";
import { appGrid } from "../ledger/support";
import { FULL_TEMPLATE, MemoryPort, mountWithoutView } from "./memoryPort";

const Y = 2025;
const today = dayOfIso("2025-06-30");

function reportWith(rows: Parameters<typeof appGrid>[0], cells: Report["cells"] = {}): Report {
  const r = emptyReport("2021", { year: Y, agency: "某局" });
  return { ...r, cells, registers: { applications: { name: "申请台账", firstLine: 1, rows: appGrid(rows) }, cases: null } };
}

const rows = [
  { received: "2025-03-03", type: "自然人", answered: "2025-03-20", outcome: "予以公开" },
  { received: "2025-05-05", type: "自然人" }, // due in June: overdue on 30 June
  { received: "2025-06-03", type: "商业企业" }, // due 1 July-ish: due soon
  { received: "2025-06-25", type: "其他" }, // open
];

describe("ledgerSummary", () => {
  it("is null for a workbook without register sheets", () => {
    expect(ledgerSummary(emptyReport("2021", { year: Y }), today)).toBeNull();
  });

  it("without a year on 封面: shown, empty (nothing to count by), so the register can still be imported", () => {
    const r = reportWith(rows);
    const s = ledgerSummary({ ...r, meta: { ...r.meta, year: null } }, today)!;
    expect(s).toEqual({ year: null, applications: 0, answered: 0, pending: 0, cases: 0, overdue: [], dueSoon: [], awaiting: [], registered: { applications: 4, cases: 0 } });
  });

  it("counts the year's applications, answers and pending ones, and lists overdue and due-soon rows by row key", () => {
    const s = ledgerSummary(reportWith(rows), today)!;
    expect(s).toMatchObject({ year: Y, applications: 4, answered: 1, pending: 3, cases: 0 });
    expect(s.overdue.map((o) => o.key)).toEqual([appRowKey(3)]);
    expect(s.overdue[0]!.text).toMatch(/申请台账.*第 ?3 ?行|A2/);
    expect(s.dueSoon.map((o) => o.key)).toEqual([appRowKey(4)]);
    expect(s.dueSoon[0]!.text).toContain("还剩");
  });

  it("lists a row asked to correct and not yet corrected as 待补正, not as overdue, with the notice date", () => {
    const notice = APP_COLUMNS.findIndex((c) => c.field === "correctionNotice");
    const grid = appGrid([{ received: "2025-05-05", type: "自然人" }]);
    grid[1]![notice] = "2025-05-08";
    const r = emptyReport("2021", { year: Y, agency: "某局" });
    const s = ledgerSummary({ ...r, registers: { applications: { name: "申请台账", firstLine: 1, rows: grid }, cases: null } }, today)!;
    expect(s.overdue).toEqual([]);
    expect(s.awaiting.map((a) => a.key)).toEqual([appRowKey(2)]);
    expect(s.awaiting[0]!.text).toContain("2025-05-08 已通知补正");
    // The corrected application arrives: the clock runs from the next day, the row leaves 待补正.
    const corrected = APP_COLUMNS.findIndex((c) => c.field === "corrected");
    grid[1]![corrected] = "2025-06-20";
    const after = ledgerSummary({ ...r, registers: { applications: { name: "申请台账", firstLine: 1, rows: grid.map((row) => [...row]) }, cases: null } }, today)!;
    expect(after.awaiting).toEqual([]);
    expect(after.overdue).toEqual([]);
  });

  it("answering the overdue row takes it off the list and out of pending", () => {
    const fixed = rows.map((r, i) => (i === 1 ? { ...r, answered: "2025-06-30", outcome: "予以公开" } : r));
    const s = ledgerSummary(reportWith(fixed), today)!;
    expect(s.overdue).toEqual([]);
    expect(s.pending).toBe(2);
    expect(s.answered).toBe(2);
  });
});

describe("ledgerFillPreview", () => {
  const all = () => true;
  it("fills empty 表三 cells with the register's counts and never overwrites a non-empty one without a tick", () => {
    const clerk = t3Key("R01", "C1");
    const p = ledgerFillPreview(reportWith(rows, { [clerk]: 7 }), all)!;
    expect(p.mode).toBe("import");
    expect(p.plan.fills.find((f) => f.key === t3Key("R01", "C2"))?.incoming).toBe(1);
    expect(p.plan.conflicts).toEqual([expect.objectContaining({ key: clerk, current: 7, incoming: 2 })]);
    expect(p.plan.fills.every((f) => f.key.startsWith("T3.") || f.key.startsWith("T4."))).toBe(true);
    const { write } = confirmWrites(p, new Set());
    expect(write.cells?.[clerk]).toBeUndefined();
    expect(write.cells?.[t3Key("R01", "C2")]).toBe(1);
    const ticked = confirmWrites(p, new Set([clerk]));
    expect(ticked.write.cells?.[clerk]).toBe(2);
    expect(ticked.applied.undo.cells?.[clerk]).toBe(7);
  });

  it("shows the numbers: each changed cell now → after, blanks getting 0 only counted, the totals that follow", () => {
    const clerk = t3Key("R01", "C1");
    const total = t3Key("R01", "C7");
    const p = ledgerFillPreview(reportWith(rows, { [clerk]: 7 }), (k) => !k.endsWith(".C7"))!;
    const n = p.ledgerNumbers!;
    const t3 = n.tables.find((t) => t.table === 3)!;
    expect(t3.name).toBe("表三");
    expect(t3.cells.find((c) => c.key === clerk)).toEqual({ key: clerk, label: "本年新收·自然人", before: 7, after: 2, kind: "conflict" });
    expect(t3.cells.find((c) => c.key === t3Key("R01", "C2"))).toEqual({ key: t3Key("R01", "C2"), label: "本年新收·商业企业", before: null, after: 1, kind: "fill" });
    expect(t3.cells.find((c) => c.key === total)).toMatchObject({ before: null, after: 4, kind: "total" });
    // Every fill is either shown with its number or counted among the zeros; nothing shown twice.
    const shownFills = n.tables.flatMap((t) => t.cells).filter((c) => c.kind === "fill");
    expect(shownFills.every((c) => c.after > 0)).toBe(true);
    expect(shownFills.length + n.zeroFills).toBe(p.plan.fills.length);
    expect(new Set(t3.cells.map((c) => c.key)).size).toBe(t3.cells.length);
  });

  it("leaves out cells the workbook computes (template formulas)", () => {
    const total = t3Key("R01", "C7");
    const p = ledgerFillPreview(reportWith(rows), (k) => k !== total)!;
    expect(p.plan.fills.some((f) => f.key === total)).toBe(false);
  });

  it("is null without registers", () => {
    expect(ledgerFillPreview(emptyReport("2021", { year: Y }), all)).toBeNull();
  });
});

describe("按台账填写表三/表四 in the controller", () => {
  const mount = mountWithoutView;

  it("previews the counts, writes only empty cells and the ticked ones, and 撤销 puts the clerk's value back", async () => {
    const port = new MemoryPort();
    port.template = FULL_TEMPLATE;
    const clerk = t3Key("R01", "C1");
    port.report = reportWith(rows, { [clerk]: 7 });
    const pane = mount(port);
    await pane.idle();
    await pane.transfer.ledger();
    const t = pane.state.transfer;
    if (t?.step !== "preview") throw new Error("no preview");
    expect(t.preview.plan.conflicts.map((c) => c.key)).toEqual([clerk]);
    expect(t.accepted).toEqual([]);
    await pane.transfer.confirm();
    const w = port.writes[0]!;
    expect(w.cells?.[clerk]).toBeUndefined();
    expect(w.cells?.[t3Key("R01", "C2")]).toBe(1);
    // 总计 is a template formula: never written.
    expect(w.cells?.[t3Key("R01", "C7")]).toBeUndefined();
    expect(port.report.cells[clerk]).toBe(7);
    expect(port.report.cells[t3Key("R01", "C2")]).toBe(1);
    // Its own wording: the clerk filled from the register, not imported a file.
    const done = pane.state.notice;
    expect(done?.text).toMatch(/^已按台账填写 \d+ 个单元格。/);
    expect(done?.action).toEqual({ id: "undo", label: "撤销填写" });
    await pane.transfer.undo();
    expect(port.report.cells[t3Key("R01", "C2")] ?? null).toBeNull();
    expect(pane.state.notice?.text).toBe("已撤销，表三、表四恢复为按台账填写前的内容。");
    await pane.dispose();
  });
});

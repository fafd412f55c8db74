/**
 * 汇总多个单位… in the pane, on the real adapters over the Office fake and the WPS fake: real
 * published reports (one copied under another unit's name, one of last year, one broken file) and
 * one of our own template workbooks, a roster with a unit that sent nothing. Every total cell in
 * the workbook is checked against an independent sum (each file read alone by src/import or the
 * template reader and added up here); 撤销 gives back the workbook cell for cell, sheets included;
 * the clerk's own 单位一览 and filled cells are never replaced without a tick.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { mountPane, type PaneController, type PaneOptions } from "../../src/pane/app";
import { S } from "../../src/pane/strings";
import { importReport } from "../../src/import";
import { emptyReport } from "../../src/report";
import { templateLayout } from "../../src/template/layout";
import { SHEET_NAMES } from "../../src/template/messages";
import { readWorkbook } from "../../src/template/read";
import { buildTemplate } from "../../src/template/xlsx";
import type { FakeWorkbookModel } from "../../src/workbook/memory/model";
import type { WorkbookPort } from "../../src/workbook/port";
import { FIXTURES } from "../helpers/paths";
import { sampleReport } from "../support/reports";
import { fakeWithTemplate, fillTemplate } from "../template/support";
import { wpsWithPort } from "../hosts/wps/support";

const layout = templateLayout();
const fixture = (p: string) => readFileSync(path.join(FIXTURES, p), "utf8");
const utf8 = (s: string) => new TextEncoder().encode(s);

interface Unit {
  name: string;
  bytes: Uint8Array;
  /** Summed into the totals (this year's, readable, one file for its unit). */
  summed: boolean;
}

let UNITS: Unit[];
const ROSTER = utf8(["序号,单位名称", "1,平潭综合实验区", "2,某某县教育局", "3,湖滨区前进街道办事处", "4,某某县民政局", "5,某某县财政局", "6,某某县卫生健康委员会", "7,某某县审计局"].join("\n"));

beforeAll(async () => {
  const pingtan = fixture("real/2024-pingtan-zonghe-shiyanqu.html");
  // Our own template, filled as a unit's clerk would (the 卫健委's report).
  const own = sampleReport(7);
  own.meta = { ...own.meta, agency: "某某县卫生健康委员会", year: 2024 };
  const xlsx = await fillTemplate(await buildTemplate({ year: 2024, agency: "某某县卫生健康委员会" }), own);
  UNITS = [
    { name: "平潭综合实验区.html", bytes: utf8(pingtan), summed: true },
    { name: "教育局.html", bytes: utf8(pingtan.replaceAll("平潭综合实验区", "某某县教育局")), summed: true },
    { name: "前进街道.txt", bytes: utf8(fixture("2023-sanmenxia-hubin-qianjin.txt").replaceAll("2023", "2024")), summed: true },
    { name: "民政局.html", bytes: utf8(fixture("real/2022-pingtan-zonghe-shiyanqu.html").replaceAll("平潭综合实验区", "某某县民政局")), summed: false },
    { name: "财政局.docx", bytes: utf8("PK\x03\x04 this is not a Word file"), summed: false },
    { name: "卫健委.xlsx", bytes: xlsx, summed: true },
  ];
});

const asFile = (u: { name: string; bytes: Uint8Array }, rel?: string) => {
  const f = new File([u.bytes.slice().buffer as ArrayBuffer], u.name);
  if (rel) Object.defineProperty(f, "webkitRelativePath", { value: rel });
  return f;
};

/** The independent sum: each summed file read alone, every writable cell of 表二/表三/表四 added up. */
async function independentSums(): Promise<Map<string, number | null>> {
  const sums = new Map<string, number | null>();
  for (const u of UNITS.filter((x) => x.summed)) {
    const report = u.name.endsWith(".xlsx") ? (await readWorkbook(u.bytes)).report! : (await importReport({ name: u.name, data: new TextDecoder().decode(u.bytes) })).report;
    const unread = new Set(report.unread ?? []);
    for (const loc of layout.cells.values()) {
      if (!/^T[234]\./.test(loc.key) || loc.computed || loc.kept) continue;
      const v = report.cells[loc.key];
      const before = sums.has(loc.key) ? sums.get(loc.key)! : 0;
      const n = unread.has(loc.key) ? NaN : v === null || v === undefined || v === "" ? 0 : typeof v === "number" ? v : NaN;
      sums.set(loc.key, before === null || Number.isNaN(n) ? null : Math.round((before + n) * 1e6) / 1e6);
    }
  }
  return sums;
}

/** Every cell of every sheet (formula or value), and the sheets in order. */
function snapshot(m: FakeWorkbookModel): { sheets: string[]; cells: Map<string, unknown> } {
  const cells = new Map<string, unknown>();
  for (const s of m.sheets) {
    const { rows, cols } = m.usedSize(s);
    for (let r = 1; r <= rows; r++) for (let c = 1; c <= cols; c++) cells.set(`${s.name}!${r},${c}`, m.formula(s, r, c));
  }
  return { sheets: m.sheets.map((s) => s.name), cells };
}

function cellOf(m: FakeWorkbookModel, key: string): unknown {
  const loc = layout.cells.get(key)!;
  return m.value(m.sheet(SHEET_NAMES[loc.role])!, loc.row, loc.col);
}

function sheetRows(m: FakeWorkbookModel, name: string): unknown[][] {
  const s = m.sheet(name)!;
  const { rows, cols } = m.usedSize(s);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => m.value(s, r + 1, c + 1)));
}

/** The pane on a real adapter; port calls recorded with their outcomes. */
function mount(port: WorkbookPort, loadRollupPanel?: PaneOptions["loadRollupPanel"]): { pane: PaneController; calls: { method: string; syncs: number; kind: string }[] } {
  const calls: { method: string; syncs: number; kind: string }[] = [];
  for (const method of ["writeInputs", "writeSheets", "sheetNames"] as const) {
    if (!port[method]) continue;
    const f = (port[method] as (...a: unknown[]) => Promise<unknown>).bind(port);
    (port as unknown as Record<string, unknown>)[method] = async (...a: unknown[]) => {
      const out = (await f(...a)) as { syncs?: number; kind?: string };
      calls.push({ method, syncs: out && typeof out === "object" && "syncs" in out ? out.syncs! : -1, kind: (out as { kind?: string })?.kind ?? "" });
      return out;
    };
  }
  const pane = mountPane({} as HTMLElement, {
    port,
    // Edits fire change events; a long debounce keeps the passes to the ones the controller runs.
    debounceMs: 60_000,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx", now: () => Date.UTC(2025, 0, 10) },
    loadTransfer: () => import("../../src/pane/transferModule"),
    ...(loadRollupPanel ? { loadRollupPanel } : {}),
    createView: () => ({ root: {} as HTMLElement, update: () => undefined }),
  });
  return { pane, calls };
}

async function listed(pane: PaneController, withRoster = true) {
  await pane.idle();
  await pane.rollup.open();
  pane.rollup.year(2024);
  if (withRoster) await pane.rollup.roster(asFile({ name: "名单.csv", bytes: ROSTER }));
  await pane.rollup.files(UNITS.map((u) => asFile(u)));
  const p = pane.state.rollup;
  if (p?.step !== "list") throw new Error(`no list: ${JSON.stringify(p)}`);
  return p;
}

describe("on the Office adapter (Excel fake)", () => {
  test("the list: verdicts, the units to chase, missing, unreadable, wrong year, the copy", async () => {
    const { fake, port } = await fakeWithTemplate("m365", { year: 2024, agency: "某某县人民政府办公室" });
    void fake;
    const { pane } = mount(port);
    const p = await listed(pane);
    const r = p.result;
    const by = new Map(r.units.map((u) => [u.name, u]));
    expect(p.roster?.units).toHaveLength(7);
    expect(by.get("平潭综合实验区")).toMatchObject({ verdict: "通过", inTotals: true, year: 2024, file: "平潭综合实验区.html" });
    expect(by.get("某某县教育局")).toMatchObject({ inTotals: true, file: "教育局.html" });
    expect(by.get("某某县民政局")).toMatchObject({ year: 2022, inTotals: false, note: "这是 2022 年度的报告（应为 2024 年度），未计入汇总。" });
    expect(by.get("某某县财政局")).toMatchObject({ verdict: "无法读取", inTotals: false, file: "财政局.docx" });
    expect(by.get("某某县卫生健康委员会")).toMatchObject({ inTotals: true, year: 2024, file: "卫健委.xlsx" });
    expect(by.get("某某县卫生健康委员会")!.verdict).not.toBe("无法读取");
    expect(r.units[0]!.verdict).toBe("无法读取"); // the ones to chase first
    expect(r.missing.map((m) => m.name)).toEqual(["某某县审计局"]);
    expect(r.unreadable.map((x) => x.file)).toEqual(["财政局.docx"]);
    // The reader's own reason, not "this environment cannot read .docx" (it can: the file is damaged).
    expect(r.unreadable[0]!.reason).toMatch(/Word 文件.*已损坏/);
    expect(r.unreadable[0]!.reason).not.toContain("读取组件");
    expect(r.similar.map((s) => [s.a, s.b].sort())).toEqual([["平潭综合实验区", "某某县教育局"].sort()]);
    expect(r.totals.units).toBe(4);
    // The preview: a fresh template, so every total is a fill; 单位一览 and 雷同 are new sheets.
    expect(p.preview.cells.plan.conflicts).toEqual([]);
    expect(p.preview.sheets.map((s) => s.name)).toEqual(["单位一览", "雷同"]);
    expect(p.preview.cells.insertFirst).toBeNull();
    await pane.dispose();
  });

  test("written: every total cell equals the independent sum; 4 syncs; 撤销 restores the workbook cell for cell", async () => {
    const { fake, port } = await fakeWithTemplate("m365", { year: 2024, agency: "某某县人民政府办公室" });
    const m = fake.workbook;
    const { pane, calls } = mount(port);
    const p = await listed(pane);
    // The preview: one read and the sheet names (one sync each).
    expect(calls.filter((c) => c.method === "sheetNames")).toHaveLength(1);
    const before = snapshot(m);

    calls.length = 0;
    fake.resetCounters();
    await pane.rollup.confirm();
    expect(pane.state.notice).toMatchObject({ tone: "success", action: { id: "rollup-undo", label: "撤销汇总" } });
    expect(calls.map((c) => [c.method, c.kind, c.syncs])).toEqual([
      ["writeInputs", "written", 2],
      ["writeSheets", "written", 2],
    ]);
    // The two writes and the pass after them: the adapter kept its memory true (a warm read is 1 sync).
    expect(fake.opsPerSync.length).toBe(5);
    expect(pane.state.lastSyncs).toBe(1);

    const sums = await independentSums();
    let checked = 0;
    for (const [key, sum] of sums) {
      const v = cellOf(m, key);
      expect([key, v]).toEqual([key, sum === null ? "" : sum]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(sums.get("T3.R01.C7") ?? null).toBeNull(); // a total: the template's formula, never written
    expect(p.preview.cells.plan.fills.length).toBe([...sums.values()].filter((v) => v !== null).length);
    // The sheets, next to the template: the rows the workflow made, read back from the workbook.
    expect(sheetRows(m, "单位一览")[0]!.slice(0, 5)).toEqual(["单位", "状态", "计入汇总", "错误", "警告"]);
    expect(sheetRows(m, "单位一览").map((r) => r[0])).toEqual(["单位", ...p.result.units.map((u) => u.name), "某某县审计局"]);
    expect(sheetRows(m, "雷同").length).toBeGreaterThan(1);
    expect(m.numberFormat(m.sheet("雷同")!, 2, 4)).toBe("0%");
    // The pane reads the workbook it wrote: the totals' own checks hold where the units' did.
    expect(pane.state.report?.cells["T3.R02.C1"]).toBe(sums.get("T3.R02.C1"));

    calls.length = 0;
    fake.resetCounters();
    await pane.rollup.undo();
    expect(pane.state.notice?.text).toBe("已撤销汇总：合计单元格恢复原样，新建的工作表已删除。");
    expect(calls.map((c) => [c.method, c.kind, c.syncs])).toEqual([
      ["writeSheets", "written", 2],
      ["writeInputs", "written", 2],
    ]);
    expect(fake.opsPerSync.length).toBe(5);
    const after = snapshot(m);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.cells).toEqual(before.cells);
    expect(pane.state.rollupApplied).toBeNull();
    await pane.dispose();
  });

  test("the clerk's 单位一览 and a filled cell: a new 单位一览 (2), the cell changed only when ticked", async () => {
    const { fake, port } = await fakeWithTemplate("m365", { year: 2024, agency: "某某县人民政府办公室" });
    const m = fake.workbook;
    const mine = m.addSheet("单位一览");
    m.writeCell(mine, 1, 1, "我自己的单位一览");
    const t3 = layout.cells.get("T3.R01.C1")!;
    m.setCell("表三", `${String.fromCharCode(64 + t3.col)}${t3.row}`, 999);
    const { pane } = mount(port);
    const p = await listed(pane, false);
    expect(p.preview.sheets.map((s) => [s.base, s.name])).toEqual([
      ["单位一览", "单位一览 (2)"],
      ["雷同", "雷同"],
    ]);
    expect(p.preview.cells.plan.conflicts.map((c) => [c.key, c.current])).toEqual([["T3.R01.C1", 999]]);

    await pane.rollup.confirm(); // not ticked: kept
    expect(cellOf(m, "T3.R01.C1")).toBe(999);
    expect(m.value(m.sheet("单位一览")!, 1, 1)).toBe("我自己的单位一览");
    expect(sheetRows(m, "单位一览 (2)")[0]![0]).toBe("单位");
    await pane.rollup.undo();
    expect(m.sheet("单位一览 (2)")).toBeUndefined();
    expect(m.value(m.sheet("单位一览")!, 1, 1)).toBe("我自己的单位一览");

    // Again, ticked: the total replaces 999; 撤销 puts 999 back.
    await pane.rollup.open();
    pane.rollup.year(2024);
    await pane.rollup.files(UNITS.map((u) => asFile(u)));
    pane.rollup.toggle("T3.R01.C1");
    await pane.rollup.confirm();
    const sum = (await independentSums()).get("T3.R01.C1");
    expect(cellOf(m, "T3.R01.C1")).toBe(sum);
    await pane.rollup.undo();
    expect(cellOf(m, "T3.R01.C1")).toBe(999);
    await pane.dispose();
  });

  test("撤销 after the clerk typed into 单位一览 and into a total cell: the sheet is kept, the cell asked about", async () => {
    const { fake, port } = await fakeWithTemplate("m365", { year: 2024, agency: "某某县人民政府办公室" });
    const m = fake.workbook;
    const { pane } = mount(port);
    await listed(pane);
    await pane.rollup.confirm();
    m.writeCell(m.sheet("单位一览")!, 30, 12, "已电话催报");
    const t3 = layout.cells.get("T3.R02.C1")!;
    m.setCell("表三", `${String.fromCharCode(64 + t3.col)}${t3.row}`, 12345);
    await pane.rollup.undo();
    expect(m.sheet("单位一览")).toBeDefined(); // the clerk's note is on it
    expect(m.sheet("雷同")).toBeUndefined();
    expect(pane.state.notice?.text).toContain("在写入汇总后又被修改过：表三“二、上年结转政府信息公开申请数量”·自然人。");
    expect(pane.state.notice?.text).toContain("工作表“单位一览”在写入后被修改过，没有删除");
    expect(pane.state.notice?.actions?.map((a) => a.id)).toEqual(["rollup-undo:keep", "rollup-undo:all"]);
    await pane.rollup.undo("keep");
    expect(cellOf(m, "T3.R02.C1")).toBe(12345);
    expect(cellOf(m, "T3.R03.C1")).toBe("");
    expect(pane.state.rollupApplied).toBeNull();
    await pane.dispose();
  });

  test("no template yet: it is inserted first (the 汇总 year), then the totals go in", async () => {
    const { fakeWithPort } = await import("../template/support");
    const { fake, port } = await fakeWithPort({ profile: "m365" });
    const { pane } = mount(port);
    const p = await listed(pane);
    expect(p.preview.cells.insertFirst).toEqual({ year: 2024, agency: "" });
    await pane.rollup.confirm();
    expect(pane.state.template).not.toBeNull();
    expect(pane.state.report?.meta.year).toBe(2024);
    expect(cellOf(fake.workbook, "T3.R02.C1")).toBe((await independentSums()).get("T3.R02.C1"));
    await pane.dispose();
  });

  test("a folder pick reads only report files (temp and hidden files skipped), named by their path", async () => {
    const { port } = await fakeWithTemplate("m365");
    const { pane } = mount(port);
    await pane.idle();
    await pane.rollup.open();
    pane.rollup.year(2024);
    const files = [
      asFile(UNITS[0]!, "各单位/平潭综合实验区.html"),
      asFile({ name: "~$卫健委.xlsx", bytes: utf8("lock") }, "各单位/~$卫健委.xlsx"),
      asFile({ name: "说明.jpg", bytes: utf8("x") }, "各单位/说明.jpg"),
    ];
    await pane.rollup.files(files, true);
    const p = pane.state.rollup;
    if (p?.step !== "list") throw new Error("no list");
    expect(p.files).toBe(1);
    expect(p.result.units.map((u) => u.file)).toEqual(["各单位/平潭综合实验区.html"]);
    // Nothing to read: said, not an empty list.
    pane.rollup.back();
    await pane.rollup.files([files[2]!], true);
    expect(pane.state.rollup).toMatchObject({ step: "choose", error: "所选文件夹中没有年报文件（.xlsx、.docx、.html、.txt、.pdf）。" });
    await pane.dispose();
  });

  test("the panel is a lazy chunk: loaded on the first open only; a failed load is said, and the next open tries again", async () => {
    let loads = 0;
    let fail = true;
    const { port } = await fakeWithTemplate("m365", { year: 2024, agency: "某某县人民政府办公室" });
    const { pane } = mount(port, () => {
      loads++;
      return fail ? Promise.reject(new Error("HTTP 503")) : import("../../src/pane/rollupPanel");
    });
    await pane.idle();
    expect(loads).toBe(0);
    await pane.rollup.open();
    expect(loads).toBe(1);
    expect(pane.state.rollup).toBeNull();
    expect(pane.state.notice).toMatchObject({ tone: "error", text: S.rollup.loadFailed("HTTP 503") });
    fail = false;
    await pane.rollup.open();
    expect(loads).toBe(2);
    expect(pane.state.rollup).toMatchObject({ step: "choose" });
    pane.rollup.close();
    await pane.rollup.open();
    expect(loads).toBe(2);
    expect(pane.state.rollup).toMatchObject({ step: "choose" });
    await pane.dispose();
  });

  test("a roster that lists nothing is refused with its file named", async () => {
    const { port } = await fakeWithTemplate("m365");
    const { pane } = mount(port);
    await pane.idle();
    await pane.rollup.open();
    await pane.rollup.roster(asFile({ name: "空.csv", bytes: utf8("1\n2\n3") }));
    expect(pane.state.rollup).toMatchObject({ step: "choose", roster: null, error: expect.stringContaining("名单“空.csv”中没有找到单位名称") });
    await pane.dispose();
  });
});

describe("on the WPS adapter (ET fake)", () => {
  test("written and undone: totals equal the independent sum, the sheets come and go, DisplayAlerts as before", async () => {
    const { fake, port } = await wpsWithPort();
    await port.insertTemplate({ year: 2024, agency: "某某县人民政府办公室" });
    const m = fake.workbook;
    const active = m.activeSheet()!.name;
    const { pane, calls } = mount(port);
    await listed(pane);
    const before = snapshot(m);
    await pane.rollup.confirm();
    expect(calls.filter((c) => c.method !== "sheetNames").map((c) => [c.method, c.kind])).toEqual([
      ["writeInputs", "written"],
      ["writeSheets", "written"],
    ]);
    const sums = await independentSums();
    for (const [key, sum] of sums) expect([key, cellOf(m, key)]).toEqual([key, sum === null ? "" : sum]);
    expect(m.sheets.map((s) => s.name).slice(-2)).toEqual(["单位一览", "雷同"]);
    expect(m.activeSheet()!.name).toBe(active); // Sheets.Add activates: the clerk's sheet is back
    expect(fake.Application.DisplayAlerts).toBe(true);

    await pane.rollup.undo();
    expect(pane.state.notice?.tone).toBe("success");
    const after = snapshot(m);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.cells).toEqual(before.cells);
    expect(fake.Application.DisplayAlerts).toBe(true);
    await pane.dispose();
  });
});

test("a host without writeSheets is not offered 汇总", async () => {
  const { MemoryPort } = await import("./memoryPort");
  const port = new MemoryPort();
  port.report = emptyReport("2021", { year: 2024 });
  const { pane } = mount(port as unknown as WorkbookPort);
  await pane.idle();
  await pane.rollup.open();
  expect(pane.state.rollup).toBeNull();
  await pane.dispose();
});

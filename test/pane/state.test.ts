/** The pane's view model: grouping by table and severity, blank-cell collapsing, summary, reducer. */
import { checkReport, emptyReport, t3Key, type Finding, type RuleId } from "../../src/report";
import {
  BLANK_COLLAPSE_MIN,
  TABLE_ORDER,
  blankGroupId,
  defaultReportYear,
  reportYears,
  findingsOf,
  groupFindings,
  groupLabel,
  groupTitle,
  initialState,
  insertNotice,
  reducer,
  isUntouched,
  editedGroupOf,
  shownFindings,
  summarize,
  tableOf,
  viewModel,
  type BlankGroupItem,
  type PaneState,
} from "../../src/pane/state";
import { themeOf } from "../../src/pane/theme";
import { APP_COLUMNS } from "../../src/ledger";
import { sampleReport } from "../support/reports";
import { checkRules } from "../../src/workflow/check";
import { ledgerSummary } from "../../src/pane/ledgerState";
import { FULL_TEMPLATE } from "./memoryPort";

// Opaque rule names ("X", "Y") are enough here: the pane groups and orders, it never reads them.
const f = (rule: string, severity: Finding["severity"], cells: string[], message = `${rule} ${cells.join(",")}`): Finding => ({ rule: rule as RuleId, severity, cells, message });

function validated(state: PaneState, report = sampleReport(), template = FULL_TEMPLATE): PaneState {
  const findings = checkRules(report);
  // As the validation pass does with the register chunk: the 台账 summary beside the findings.
  const ledger = report.registers ? ledgerSummary(report) : null;
  return reducer(state, { type: "validated", outcome: { report, findings: [], template, syncs: 1 }, findings, at: 0, ledger });
}

describe("tableOf", () => {
  test.each([
    ["T2.R1.C1", "t2"],
    ["T3.R01.C7", "t3"],
    ["T4.C05", "t4"],
    ["S1", "text"],
    ["S5", "text"],
    ["S3", "t3"],
    ["META.YEAR", "cover"],
    ["X.Y", "other"],
  ])("%s → %s", (key, table) => expect(tableOf(f("R", "error", [key]))).toBe(table));
  test("group names are the template's sheet names; titles the section headings", () => {
    expect(TABLE_ORDER.map(groupLabel)).toEqual(["封面", "正文", "表二", "表三", "表四", "其他"]);
    expect(groupTitle("t3")).toBe("表三：三、收到和处理政府信息公开申请情况");
  });
  test("findings without cells: DOC.YEAR on the cover, the rest under 其他", () => {
    expect(tableOf(f("DOC.YEAR", "error", []))).toBe("cover");
    expect(tableOf(f("DOC.FORMAT", "error", []))).toBe("other");
  });
});

describe("groupFindings", () => {
  test("groups follow 封面/正文/表二/表三/表四/其他 and errors come before warnings", () => {
    const groups = groupFindings([
      f("X", "warning", ["T4.C01"]),
      f("DOC.FORMAT", "error", []),
      f("Y", "info", ["T3.R01.C1"]),
      f("Z", "error", ["T3.R02.C1"]),
      f("DOC.SECTIONS", "error", ["S1"]),
      f("DOC.YEAR", "error", ["META.YEAR"]),
    ]);
    expect(groups.map((g) => g.id)).toEqual(["cover", "text", "t3", "t4", "other"]);
    expect(groups.map((g) => g.label)).toEqual(["封面", "正文", "表三", "表四", "其他"]);
    const t3 = groups.find((g) => g.id === "t3")!;
    expect(t3.sections.map((s) => s.severity)).toEqual(["error", "info"]);
    expect(t3.counts).toEqual({ error: 1, warning: 0, info: 1, todo: 0 });
    // An empty part is 待填, not an error of what was typed.
    const text = groups.find((g) => g.id === "text")!;
    expect(text.sections.map((s) => [s.severity, s.label])).toEqual([["todo", "待填"]]);
    expect(text.counts).toEqual({ error: 0, warning: 0, info: 0, todo: 1 });
    expect(TABLE_ORDER).toEqual(["cover", "text", "t2", "t3", "t4", "other"]);
  });

  test("an empty template: every table's blank cells collapse into one row per table", () => {
    const findings = checkReport(emptyReport("2021", { year: 2023, agency: "某局" }));
    const groups = groupFindings(findings);
    const t3 = groups.find((g) => g.id === "t3")!;
    expect(t3.sections.find((s) => s.severity === "warning")).toBeUndefined();
    const warnings = t3.sections.find((s) => s.severity === "todo")!;
    const blank = warnings.items.find((i): i is BlankGroupItem => i.kind === "blanks")!;
    expect(blank.label).toBe("表三 175 个单元格未填写");
    expect(blank.cells).toHaveLength(175);
    expect(blank.expanded).toBe(false);
    // No single CELL.BLANK row is left beside the group.
    expect(warnings.items.filter((i) => i.kind === "finding" && i.finding.rule === "CELL.BLANK")).toHaveLength(0);
    expect(warnings.count).toBe(176); // 175 cells and the empty part itself
    const labels = groups.flatMap((g) => g.sections.flatMap((s) => s.items.filter((i) => i.kind === "blanks").map((i) => (i as BlankGroupItem).label)));
    expect(labels).toEqual(["表二 10 个单元格未填写", "表三 175 个单元格未填写", "表四 15 个单元格未填写"]);
  });

  test("the blank group is in 待填 after real warnings, and expands on request", () => {
    const blanks = Array.from({ length: BLANK_COLLAPSE_MIN }, (_, i) => f("CELL.BLANK", "warning", [t3Key(`R0${i + 1}`, "C1")]));
    const other = f("T2.FEE_UNIT", "warning", ["T3.R09.C1"]);
    const [t3] = groupFindings([...blanks, other], [blankGroupId("t3")]);
    expect(t3!.sections.map((s) => s.severity)).toEqual(["warning", "todo"]);
    expect(t3!.sections[0]!.items).toEqual([expect.objectContaining({ kind: "finding", finding: other })]);
    const items = t3!.sections[1]!.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "blanks", expanded: true, label: `表三 ${BLANK_COLLAPSE_MIN} 个单元格未填写` });
    expect((items[0] as BlankGroupItem).items.map((i) => i.finding)).toEqual(blanks);
  });

  test("the part being edited is listed first", () => {
    const list = [f("X", "error", ["S1"]), f("Y", "error", ["T4.C01"]), f("Z", "warning", ["T2.R1.C1"])];
    expect(groupFindings(list).map((g) => g.id)).toEqual(["text", "t2", "t4"]);
    expect(groupFindings(list, [], "t4").map((g) => g.id)).toEqual(["t4", "text", "t2"]);
    // A part without findings changes nothing.
    expect(groupFindings(list, [], "t3").map((g) => g.id)).toEqual(["text", "t2", "t4"]);
  });

  test("a few blank cells stay single rows", () => {
    const [t4] = groupFindings([f("CELL.BLANK", "warning", ["T4.C01"]), f("CELL.BLANK", "warning", ["T4.C02"])]);
    expect(t4!.sections[0]!.items.map((i) => i.kind)).toEqual(["finding", "finding"]);
  });

  test("item ids are stable and unique; cell-less findings are not selectable", () => {
    const list = [f("A", "error", ["T3.R01.C1"]), f("A", "error", ["T3.R01.C1"]), f("DOC.FORMAT", "error", [])];
    const ids = groupFindings(list).flatMap((g) => g.sections.flatMap((s) => s.items.map((i) => (i.kind === "finding" ? [i.id, i.selectable] : []))));
    expect(ids).toEqual([
      ["A|T3.R01.C1", true],
      ["A|T3.R01.C1#1", true],
      ["DOC.FORMAT|", false],
    ]);
    expect(groupFindings(list)).toEqual(groupFindings(list));
  });
});

describe("summary", () => {
  test("a consistent report: 全部通过", () => {
    const s = validated(initialState);
    expect(s.findings).toEqual([]);
    expect(summarize(s)).toMatchObject({ tone: "ok", text: "全部通过", spoken: "校验完成，全部通过。" });
  });
  test("blank cells and empty parts are 待填 N, not warnings and errors", () => {
    const r = emptyReport("2021", { year: 2023, agency: "某局" });
    r.cells[t3Key("R01", "C1")] = 5; // started: one number
    const s = validated(initialState, r);
    const blank = s.findings.filter((x) => x.rule === "CELL.BLANK").length;
    const parts = s.findings.filter((x) => x.rule === "DOC.SECTIONS").length;
    const real = s.findings.filter((x) => x.rule !== "CELL.BLANK" && x.rule !== "DOC.SECTIONS");
    expect(blank).toBeGreaterThan(100);
    const sum = summarize(s);
    expect(sum.todo).toBe(blank + parts);
    expect(sum.counts.warning).toBe(real.filter((x) => x.severity === "warning").length);
    expect(sum.counts.error).toBe(real.filter((x) => x.severity === "error").length);
    expect(sum.text).toBe(real.length ? `错误 ${sum.counts.error} · 警告 ${sum.counts.warning} · 待填 ${blank + parts}` : `待填 ${blank + parts}`);
    expect(sum.spoken).toContain(`${blank + parts} 处待填`);
  });
  test("only 待填 left: a calm chip, not a warning", () => {
    const s = reducer(initialState, { type: "validated", outcome: { report: sampleReport(), findings: [], template: FULL_TEMPLATE, syncs: 1 }, findings: [f("CELL.BLANK", "warning", ["T4.C01"])], at: 0 });
    expect(summarize(s)).toMatchObject({ tone: "start", text: "待填 1", spoken: "校验完成：0 个错误，0 个警告，1 处待填。" });
  });
  test("counts as 错误 N · 警告 M", () => {
    const r = sampleReport();
    r.cells[t3Key("R01", "C1")] = (r.cells[t3Key("R01", "C1")] as number) + 1; // breaks balance and row sum
    r.cells[t3Key("R05", "C2")] = null; // blank (counted as 0 → also breaks sums)
    const s = validated(initialState, r);
    const real = s.findings.filter((x) => x.rule !== "CELL.BLANK");
    const counts = { error: real.filter((x) => x.severity === "error").length, warning: real.filter((x) => x.severity === "warning").length };
    expect(counts.error).toBeGreaterThan(0);
    // The blank cell is 待填, not a 警告.
    expect(summarize(s)).toMatchObject({ tone: "error", text: `错误 ${counts.error} · 警告 ${counts.warning} · 待填 1` });
  });
  test("no template: it says so instead of 全部通过", () => {
    const s = reducer(initialState, { type: "validated", outcome: { report: null, findings: [], template: null, syncs: 1 }, findings: [], at: 0 });
    expect(summarize(s)).toMatchObject({ tone: "unknown", text: "尚未插入年报模板" });
  });
  test("before the first pass it says 正在校验", () => {
    expect(summarize(initialState)).toMatchObject({ tone: "busy", text: "正在校验…", spoken: "" });
  });
});

describe("reducer and view model", () => {
  test("no template: a banner offering to insert, or the file when the host cannot insert", () => {
    const s = reducer(initialState, { type: "validated", outcome: { report: null, findings: [], template: null, syncs: 1 }, findings: [], at: 0 });
    expect(viewModel(s).banner).toEqual({ kind: "missing", canInsert: true });
    expect(viewModel(s).canExport).toBe(false);
    const old = reducer(s, { type: "capabilities", capabilities: { insertTemplate: false, openBrowserWindow: false, platform: "PC" } });
    expect(viewModel(old).banner).toEqual({ kind: "missing", canInsert: false });
    expect(viewModel(old)).toMatchObject({ canInsert: false, insertSupported: false });
    expect(viewModel(s)).toMatchObject({ canInsert: true, insertSupported: true });
  });
  test("renamed or deleted sheets: a damaged banner naming the roles", () => {
    const template = { ...FULL_TEMPLATE, missing: ["t3" as const] };
    const s = validated(initialState, sampleReport(), template);
    expect(viewModel(s).banner).toEqual({ kind: "damaged", canRestore: false, roles: ["t3"] });
    expect(viewModel(s, { canRestore: true }).banner).toEqual({ kind: "damaged", canRestore: true, roles: ["t3"] });
    const old = reducer(s, { type: "capabilities", capabilities: { insertTemplate: false, openBrowserWindow: false, platform: "PC" } });
    expect(viewModel(old, { canRestore: true }).banner).toMatchObject({ canRestore: false });
  });
  test("title from the report's agency and year", () => {
    const r = sampleReport();
    r.meta.agency = "某某区人民政府办公室";
    const vm = viewModel(validated(initialState, r));
    expect(vm.title).toBe("某某区人民政府办公室 · 2023\u00a0年度");
    expect(vm.subtitle).toBe("2021 年格式");
    expect(vm.banner).toBeNull();
    expect(vm.canExport).toBe(true);
  });
  test("expanded groups survive passes while they exist and are forgotten when they do not", () => {
    let s = validated(initialState, emptyReport("2021", { year: 2023 }));
    s = reducer(s, { type: "toggle", id: blankGroupId("t3") });
    expect(s.expanded).toEqual([blankGroupId("t3")]);
    s = validated(s, emptyReport("2021", { year: 2023 }));
    expect(s.expanded).toEqual([blankGroupId("t3")]);
    s = validated(s, sampleReport());
    expect(s.expanded).toEqual([]);
    s = reducer(reducer(s, { type: "toggle", id: "x" }), { type: "toggle", id: "x" });
    expect(s.expanded).toEqual([]);
  });
  test("a failed read keeps the last findings but says why", () => {
    const s = reducer(validated(initialState), { type: "validateFailed", message: "读取工作簿失败：x" });
    expect(viewModel(s).readError).toBe("读取工作簿失败：x");
    expect(viewModel(s).summary).toMatchObject({ tone: "unknown", text: "无法读取工作簿", spoken: "读取工作簿失败：x" });
    expect(viewModel(s).banner).toBeNull();
  });
  test("insert notices", () => {
    expect(insertNotice({ kind: "inserted", sheets: ["封面", "表三"], syncs: 2 })).toEqual({ tone: "success", text: "已插入年报模板：封面、表三。" });
    expect(insertNotice({ kind: "exists", existing: FULL_TEMPLATE }).text).toContain("已有年报模板（封面、正文、表二、表三、表四）");
    const u = insertNotice({ kind: "unsupported", reason: "" }, "https://x/template/xxgk-template.xlsx");
    expect(u.tone).toBe("warning");
    expect(u.text).toContain("Office 2019");
    expect(u.link).toMatchObject({ href: "https://x/template/xxgk-template.xlsx", label: "下载模板文件（.xlsx）" });
  });
  test("layout findings from the adapter come first, without duplicates", () => {
    const layout = f("TEMPLATE.SHEET_MISSING", "error", ["T3.R01.C1"]);
    const rule = f("CELL.TYPE", "error", ["T3.R01.C1"]);
    expect(findingsOf({ report: null, findings: [layout, rule], template: null, syncs: 1 }, [rule])).toEqual([layout, rule]);
  });
  test("the adapter's TEMPLATE.NOT_FOUND is left to the banner", () => {
    const nf = f("TEMPLATE.NOT_FOUND", "error", []);
    expect(findingsOf({ report: null, findings: [nf], template: null, syncs: 2 }, [])).toEqual([]);
  });
});

test("the default report year is last year until November", () => {
  expect(defaultReportYear(new Date(2025, 0, 15))).toBe(2024);
  expect(defaultReportYear(new Date(2025, 9, 31))).toBe(2024);
  expect(defaultReportYear(new Date(2025, 10, 1))).toBe(2025);
});

test("the insert form never offers a year that has not begun", () => {
  // December: this year is the default; next year is not offered.
  expect(reportYears(new Date(2026, 11, 7))).toEqual([2026, 2025, 2024]);
  // January: last year is the default; this year (its register kept as it goes) comes first.
  expect(reportYears(new Date(2027, 0, 10))).toEqual([2027, 2026, 2025, 2024]);
  for (let m = 0; m < 12; m++) expect(Math.max(...reportYears(new Date(2026, m, 1)))).toBe(2026);
});

test("theme follows Office: isDarkTheme, else the body background", () => {
  expect(themeOf(undefined)).toBe("light");
  expect(themeOf({ isDarkTheme: true })).toBe("dark");
  expect(themeOf({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
  expect(themeOf({ bodyBackgroundColor: "#262626" })).toBe("dark");
  expect(themeOf({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
  expect(themeOf({ bodyBackgroundColor: "bogus" })).toBe("light");
});

describe("a fresh template does not shout", () => {
  const fresh = () => emptyReport("2021", { agency: "某某区人民政府办公室", year: 2024 });
  test("an untouched template is a state of its own: 未开始填写, what to do first, no blank or empty-section findings", () => {
    const r = fresh();
    expect(isUntouched(r)).toBe(true);
    const s = validated(initialState, r);
    expect(s.findings.some((x) => x.rule === "CELL.BLANK")).toBe(true); // the rules still know
    const vm = viewModel(s);
    expect(vm.summary).toMatchObject({ tone: "start", text: "未开始填写" });
    expect(vm.banner).toEqual({ kind: "start", agencyMissing: false });
    expect(vm.total).toBe(0);
    expect(vm.groups).toEqual([]);
  });
  test("the template's totals (formulas, 0 when empty) do not count as typed", () => {
    const r = fresh();
    r.cells["T3.R01.C7"] = 0;
    r.cells["T4.C05"] = 0;
    expect(isUntouched(r)).toBe(true);
    r.cells["T4.C01"] = 0;
    expect(isUntouched(r)).toBe(false);
  });
  test("once one cell is typed, blanks and empty sections are listed as usual", () => {
    const r = fresh();
    r.cells[t3Key("R01", "C1")] = 5;
    expect(isUntouched(r)).toBe(false);
    const vm = viewModel(validated(initialState, r));
    expect(vm.banner).toBeNull();
    expect(vm.summary.tone).toBe("error");
    expect(vm.groups.flatMap((g) => g.sections.flatMap((x) => x.items)).some((i) => i.kind === "blanks")).toBe(true);
  });
  test("what the clerk did still shows while untouched (a wrong year is not emptiness)", () => {
    const shown = shownFindings([f("CELL.BLANK", "warning", ["T4.C01"]), f("DOC.SECTIONS", "error", ["S1"]), f("DOC.YEAR", "error", [])], true);
    expect(shown.map((x) => x.rule)).toEqual(["DOC.YEAR"]);
  });
  test("an untouched template without 机关名称 says to fill it first", () => {
    const r = emptyReport("2021", { agency: null, year: 2024 });
    expect(viewModel(validated(initialState, r)).banner).toEqual({ kind: "start", agencyMissing: true });
  });
  test("a table section's emptiness asks for numbers, never for 无 where there is no text cell", () => {
    const r = fresh();
    r.cells[t3Key("R01", "C1")] = 5;
    r.sections.S2 = { heading: "二、主动公开政府信息情况", text: "" } as never;
    const msgs = checkReport(r).filter((x) => x.rule === "DOC.SECTIONS" && ["S2", "S4"].includes(x.cells[0]!));
    expect(msgs.length).toBeGreaterThan(0);
    for (const m of msgs) expect(m.message).not.toContain("无");
  });
  test("register rows only: not 未开始填写 — 台账已登记 N 件, the mismatch a 待填 with its fix, other findings counted", () => {
    const r = fresh();
    const header = APP_COLUMNS.map((c) => c.title);
    const row = (received: string, type: string, answered: string | null, outcome: string | null) => [String(received), received, type, "某人", "某信息", null, "否", answered, outcome];
    r.registers = {
      applications: { name: "申请台账", firstLine: 2, rows: [header, row("2024-01-05", "自然人", "2024-01-10", "（一）予以公开"), row("2024-01-06", "商业企业", null, null)] },
      cases: null,
    };
    expect(isUntouched(r)).toBe(true);
    const s = validated(initialState, r);
    const vm = viewModel(s);
    expect(vm.summary.text).toMatch(/^台账已登记 2 件，表三尚未按台账填写 · 错误 0 · 警告 1$/); // the overdue row
    expect(vm.summary.counts.error).toBe(0);
    expect(vm.banner).toEqual({ kind: "ledgerOnly", applications: 2, cases: 0, tables: "表三" });
    const match = vm.groups.flatMap((g) => g.sections).flatMap((x) => x.items).find((i) => i.kind === "finding" && i.finding.rule === "LEDGER.MATCH");
    expect(match).toMatchObject({ todo: true, fix: "ledgerFill" });
    expect(vm.groups.find((g) => g.id === "t3")!.sections.map((x) => x.severity)).toEqual(["todo"]);
    // Once a table cell is typed, the mismatch is an error again (with its fix still).
    r.cells[t3Key("R02", "C1")] = 0;
    const typed = viewModel(validated(initialState, r));
    expect(typed.banner).toBeNull();
    const again = typed.groups.find((g) => g.id === "t3")!.sections.find((x) => x.severity === "error")!.items.find((i) => i.kind === "finding" && i.finding.rule === "LEDGER.MATCH");
    expect(again).toMatchObject({ todo: false, fix: "ledgerFill" });
  });
  test("上次校验 is not shown without a report", () => {
    const s = reducer(initialState, { type: "validated", outcome: { report: null, findings: [], template: null, syncs: 1 }, findings: [], at: 5 });
    expect(viewModel(s).checkedAt).toBeNull();
    expect(viewModel(validated(initialState)).checkedAt).toBe(0);
  });
});

describe("a deleted sheet is reported once", () => {
  test("findings on a missing sheet's cells are dropped; the adapter's 未找到 finding stays", () => {
    const r = emptyReport("2021", { agency: "某局", year: 2024 });
    r.cells[t3Key("R01", "C1")] = 5;
    const template = { ...FULL_TEMPLATE, sheets: { ...FULL_TEMPLATE.sheets, t4: undefined }, missing: ["t4" as const] };
    const layout = f("TEMPLATE.SHEET_MISSING", "error", [], "未找到“表四”工作表");
    const all = findingsOf({ report: r, findings: [layout], template, syncs: 1 }, checkReport(r));
    expect(all.filter((x) => x.rule === "TEMPLATE.SHEET_MISSING")).toHaveLength(1);
    expect(all.some((x) => x.cells.some((k) => k.startsWith("T4.") || k === "S4"))).toBe(false);
    expect(all.some((x) => x.cells.some((k) => k.startsWith("T3.")))).toBe(true);
  });
});

describe("the part being edited", () => {
  const read = (state: PaneState, report: ReturnType<typeof sampleReport>, findings: Finding[] = []) =>
    reducer(state, { type: "validated", outcome: { report, findings: [], template: FULL_TEMPLATE, syncs: 1 }, findings, at: 0 });

  test("one typed cell makes its table the first group; a stale notice without a follow-up goes", () => {
    const before = sampleReport();
    const findings = [f("X", "error", ["S1"]), f("Y", "error", ["T4.C01"])];
    let s = read(initialState, before, findings);
    expect(s.editedGroup).toBeNull();
    s = reducer(s, { type: "notice", notice: { tone: "success", text: "已插入年报模板：封面。" } });
    // The pass that reads the pane's own write keeps the notice about it.
    const written = structuredClone(before);
    written.cells["T2.R1.C1"] = 3;
    s = read(s, written, findings);
    expect(s.notice).not.toBeNull();
    const after = structuredClone(written);
    after.cells["T4.C01"] = 99;
    s = read(s, after, findings);
    expect(s.editedGroup).toBe("t4");
    expect(viewModel(s).groups.map((g) => g.id)).toEqual(["t4", "text"]);
    expect(s.notice).toBeNull();
    // A pass with nothing changed keeps the order.
    s = read(s, structuredClone(after), findings);
    expect(s.editedGroup).toBe("t4");
  });

  test("a notice with 撤销 stays; several parts changed at once (an import) keep the last order", () => {
    const before = sampleReport();
    let s = read(initialState, before);
    const undo = { tone: "success" as const, text: "已导入。", action: { id: "undo", label: "撤销" } };
    s = reducer(s, { type: "notice", notice: undo });
    const after = structuredClone(before);
    after.cells["T4.C01"] = 99;
    after.cells["T2.R1.C1"] = 7;
    s = read(s, after);
    expect(s.editedGroup).toBeNull();
    expect(s.notice).toEqual(undo);
  });

  test("editedGroupOf: text, cover and blank-equals-empty", () => {
    const a = sampleReport();
    const b = structuredClone(a);
    b.sections.S1 = { heading: a.sections.S1?.heading ?? "", text: `${a.sections.S1?.text ?? ""}又一段。` };
    expect(editedGroupOf(a, b)).toBe("text");
    const c = structuredClone(a);
    c.meta.agency = "另一机关";
    expect(editedGroupOf(a, c)).toBe("cover");
    const d = structuredClone(a);
    d.cells["T4.C01"] = null;
    const e = structuredClone(d);
    e.cells["T4.C01"] = "  ";
    expect(editedGroupOf(d, e)).toBeNull();
    expect(editedGroupOf(null, a)).toBeNull();
  });
});

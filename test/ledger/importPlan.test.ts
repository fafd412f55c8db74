/**
 * Importing a clerk's register into the template's registers (src/ledger/importPlan.ts): rows
 * normalised to the template's columns, appended after the last filled row and never into a
 * filled one, unmappable values kept as their original text and listed, a full register refused
 * as a whole, duplicates of 编号 warned. Property: whatever the source's headers and wording,
 * the register read back from the workbook counts to the same 表三/表四 as `xxgk-report ledger`
 * on the source file.
 */
import { registerRowsOf } from "../../src/workflow/registerRows";
import fc from "fast-check";
import {
  APP_COLUMNS,
  APPLICANT_TYPES,
  CASE_COLUMNS,
  CASE_KINDS,
  OUTCOMES,
  countRegister,
  dayOfIso,
  findHeader,
  isoOf,
  loadRegisterFile,
  parseCsv,
  planRegisterImport,
  proposeMapping,
  registerFromGrids,
  serialOfDay,
  type AppField,
  type ColumnMapping,
  type CurrentGrid,
  type ImportSource,
} from "../../src/ledger";
import type { RawCell } from "../../src/report";
import { templateLayout } from "../../src/template/layout";

const REG = templateLayout().registers;
const HEADER = APP_COLUMNS.map((c) => c.title);
const emptyApps = (): CurrentGrid => ({ firstLine: REG.apps.headerRow, rows: [HEADER] });
const emptyCases = (): CurrentGrid => ({ firstLine: REG.cases.headerRow, rows: [CASE_COLUMNS.map((c) => c.title)] });

function source(rows: RawCell[][], name = "“旧台账.csv”"): ImportSource<AppField> {
  const found = findHeader(APP_COLUMNS, { name, rows, firstLine: 1 })!;
  return { name, rows, headerIndex: found.index, firstLine: 1, mapping: found.mapping as ColumnMapping<AppField> };
}

const CLERK_HEADER = ["序号", "受理时间", "申请人类别", "申请人姓名", "申请事项", "是否延期", "办结日期", "答复类型", "说明"];

describe("planRegisterImport: clerks' registers", () => {
  test("without a 申请人类型 column the types are guessed from the names, written, and said once", () => {
    const rows: RawCell[][] = [
      ["序号", "收文日期", "申请人", "申请事项", "答复日期", "处理结果"],
      [1, "2025/1/6", "张三", "x", "2025/1/20", "公开"],
      [2, "2025/2/10", "北京某某科技有限公司", "x", "2025/3/3", "信息不存在"],
      [3, "2025/3/3", "某某律师事务所", "x", null, null],
    ];
    const plan = planRegisterImport({ apps: source(rows), current: { applications: emptyApps(), cases: null } });
    expect(plan.refused).toEqual([]);
    expect(plan.apps!.rows.map((r) => [r.cells[2], r.cells[8]])).toEqual([
      ["自然人", "（一）予以公开"],
      ["商业企业", "（四）无法提供 1.本机关不掌握相关政府信息"],
      ["法律服务机构", null],
    ]);
    expect(plan.guesses).toHaveLength(1);
    expect(plan.guesses[0]).toContain("自然人 1 行（第 2 行，名称看不出类别，按默认）");
    expect(plan.guesses[0]).toContain("商业企业 1 行（第 3 行，按名称推断）");
  });

  test("a value no vocabulary knows is said once for all its rows", () => {
    const rows: RawCell[][] = [CLERK_HEADER, ...[2, 3, 4].map((n) => [n, "2025-03-05", "个人", "某", "x", "否", "2025-03-20", n === 3 ? "公开" : "已电话答复", null])];
    const plan = planRegisterImport({ apps: source(rows), current: { applications: emptyApps(), cases: null } });
    expect(plan.issues).toHaveLength(2);
    expect(plan.issueSummary).toEqual([
      `“办理结果”为“已电话答复”的 2 行（来源第 2、4 行）无法对应，已按原文写入（第 ${REG.apps.firstRow}、${REG.apps.firstRow + 2} 行），这些行暂不计入统计，请导入后改正。`,
    ]);
  });

  test("an unknown 收到方式 is said, but the row still counts (it only tells how the receipt date was read)", () => {
    const rows: RawCell[][] = [
      [...CLERK_HEADER, "收到方式"],
      ...[2, 3].map((n) => [n, "2025-03-05", "个人", "某", "x", "否", "2025-03-20", "公开", null, "信鸽"]),
    ];
    const plan = planRegisterImport({ apps: source(rows), current: { applications: emptyApps(), cases: null } });
    expect(plan.issueSummary).toHaveLength(1);
    expect(plan.issueSummary[0]).toContain("“收到方式”为“信鸽”的 2 行");
    expect(plan.issueSummary[0]).toContain("这些行仍计入统计");
    // As the read-back register says: both rows are counted.
    const back = registerFromGrids({ applications: { name: "申请台账", firstLine: REG.apps.headerRow, rows: [HEADER, ...plan.apps!.rows.map((r) => r.cells)] }, cases: null }, {});
    expect(back.register.applications.filter((a) => !a.excluded)).toHaveLength(2);
  });
});

describe("planRegisterImport", () => {
  test("normalises dates to serials, types and outcomes to the list labels, 是否延期 to 是/否, text as text", () => {
    const src = source([CLERK_HEADER, [7, "2025年3月5日", "外籍人士", "张三", "某文件", "延期", "2025/4/1", "予以公开", 12]]);
    // "外籍人士" is not a template word: kept and listed, never guessed.
    const plan = planRegisterImport({ apps: src, current: { applications: emptyApps(), cases: null } });
    expect(plan.refused).toEqual([]);
    const row = plan.apps!.rows[0]!;
    expect(row.sheetRow).toBe(REG.apps.firstRow);
    expect(row.sourceLine).toBe(2);
    expect(row.cells).toEqual(["7", serialOfDay(dayOfIso("2025-03-05")), "外籍人士", "张三", "某文件", null, "是", serialOfDay(dayOfIso("2025-04-01")), "（一）予以公开", "12", null, null, null, null, null]);
    expect(row.shown[1]).toBe("2025-03-05");
    expect(plan.issues).toHaveLength(1);
    expect(plan.issues[0]).toMatchObject({ sourceLine: 2, sheetRow: REG.apps.firstRow, column: "申请人类型", original: "外籍人士" });
    expect(plan.issues[0]!.message).toContain("第 2 行");
    expect(plan.issues[0]!.message).toContain("“外籍人士”");
  });

  test("the procedure columns are read in clerks' words; a workbook of layout 1 gets its own columns only, and is told", () => {
    const header = [...CLERK_HEADER, "申请方式", "告知补正日期", "征求意见时间", "意见反馈日期", "延期审批日期"];
    const row = [7, "2025-03-05", "个人", "张三", "某文件", "是", "2025-04-20", "予以公开", "", "挂号信", "2025-03-07", "2025/3/10", "2025年3月14日", "2025-03-28"];
    const full = planRegisterImport({ apps: source([header, row]), current: { applications: emptyApps(), cases: null } });
    const serial = (iso: string) => serialOfDay(dayOfIso(iso));
    expect(full.apps!.rows[0]!.cells.slice(10)).toEqual(["邮寄（签收之日）", serial("2025-03-07"), serial("2025-03-10"), serial("2025-03-14"), serial("2025-03-28")]);
    expect(full.guesses).toEqual([]);
    // A template of version 3: its header stops at 备注; after it are the deadline formulas.
    const layout1 = APP_COLUMNS.filter((c) => c.since === 1).map((c) => c.title);
    const older = planRegisterImport({ apps: source([header, row]), current: { applications: { firstLine: REG.apps.headerRow, rows: [layout1] }, cases: null } });
    expect(older.apps!.rows[0]!.cells).toHaveLength(layout1.length);
    expect(older.guesses).toEqual([
      "本工作簿的申请台账是旧版模板，没有“收到方式”、“补正通知日期”、“征求意见日期”、“收到意见日期”、“延期批准日期”列，“旧台账.csv”中这些列的内容不会导入；如需记录，请改用新版模板（插入年报模板）。",
    ]);
  });

  test("an outcome written by its short label becomes the grouped label of the validation list", () => {
    const src = source([CLERK_HEADER, [1, "2025-01-02", "自然人", "", "", "否", "2025-01-10", "不予公开：属于国家秘密", ""]]);
    const plan = planRegisterImport({ apps: src, current: { applications: emptyApps(), cases: null } });
    expect(plan.apps!.rows[0]!.cells[8]).toBe(OUTCOMES.find((o) => o.label.includes("属于国家秘密"))!.label);
    expect(plan.apps!.rows[0]!.cells[8]).toMatch(/^（三）不予公开 /);
  });

  test("unreadable dates and unknown outcomes keep their original text and are listed with the source line", () => {
    const src = source([CLERK_HEADER, [1, "三月五日", "自然人", "", "", "也许", "2025-01-10", "已处理", ""]]);
    const plan = planRegisterImport({ apps: src, current: { applications: emptyApps(), cases: null } });
    const cells = plan.apps!.rows[0]!.cells;
    expect(cells[1]).toBe("三月五日");
    expect(cells[6]).toBe("也许");
    expect(cells[8]).toBe("已处理");
    expect(plan.issues.map((i) => [i.column, i.original, i.sourceLine])).toEqual([
      ["收到日期", "三月五日", 2],
      ["是否延期", "也许", 2],
      ["办理结果", "已处理", 2],
    ]);
  });

  test("rows are appended after the last filled row, even past blank rows in between, never into a filled row", () => {
    const current: CurrentGrid = { firstLine: REG.apps.headerRow, rows: [HEADER, ["A1", "2025-01-01"], [], [null, null, null, "某人"]] };
    const src = source([CLERK_HEADER, [1, "2025-01-02", "自然人"], [], [2, "2025-01-03", "其他"]]);
    const plan = planRegisterImport({ apps: src, current: { applications: current, cases: null } });
    const lastFilled = REG.apps.headerRow + 3;
    expect(plan.apps!.first).toBe(lastFilled + 1);
    expect(plan.apps!.rows.map((r) => [r.sheetRow, r.sourceLine])).toEqual([
      [lastFilled + 1, 2],
      [lastFilled + 2, 4],
    ]);
    expect(Object.keys(registerRowsOf(plan).apps!).map(Number)).toEqual([lastFilled + 1, lastFilled + 2]);
  });

  test("a register without room refuses the whole import and says how many rows are free", () => {
    const free = 3;
    const lastFilled = REG.apps.lastRow - free;
    const rows: RawCell[][] = [HEADER, ...Array.from({ length: lastFilled - REG.apps.headerRow }, (_, i) => [`X${i}`])];
    const src = source([CLERK_HEADER, ...Array.from({ length: 4 }, (_, i) => [i, "2025-01-02", "自然人"])]);
    const plan = planRegisterImport({ apps: src, current: { applications: { firstLine: REG.apps.headerRow, rows }, cases: null } });
    expect(plan.apps).toBeNull();
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]).toContain(`只剩 ${free} 个空行`);
    expect(plan.refused[0]).toContain(`第 ${lastFilled + 1}–${REG.apps.lastRow} 行`);
    // Exactly as many rows as are free fit.
    const fits = planRegisterImport({ apps: source([CLERK_HEADER, ...Array.from({ length: 3 }, (_, i) => [i, "2025-01-02", "自然人"])]), current: { applications: { firstLine: REG.apps.headerRow, rows }, cases: null } });
    expect(fits.refused).toEqual([]);
    expect(fits.apps!.last).toBe(REG.apps.lastRow);
  });

  test("a refusal in the case register stops the application register too (all or nothing)", () => {
    const cases: ImportSource<"id" | "kind" | "received" | "result" | "note"> = {
      name: "x",
      rows: [["编号", "类型", "收到日期"], ["1", "行政复议", "2025-01-01"]],
      headerIndex: 0,
      firstLine: 1,
      mapping: { ...proposeMapping(CASE_COLUMNS, ["编号", "类型", "收到日期"]), kind: null },
    };
    const plan = planRegisterImport({ apps: source([CLERK_HEADER, [1, "2025-01-02", "自然人"]]), cases, current: { applications: emptyApps(), cases: emptyCases() } });
    expect(plan.apps).toBeNull();
    expect(plan.refused.join("")).toContain("缺少“类型”列");
  });

  test("编号 already in the register is imported with a warning naming both rows", () => {
    const current: CurrentGrid = { firstLine: REG.apps.headerRow, rows: [HEADER, ["2025-007", "2025-01-01"]] };
    const plan = planRegisterImport({ apps: source([CLERK_HEADER, ["2025-007", "2025-01-02", "自然人"]]), current: { applications: current, cases: null } });
    expect(plan.apps!.rows).toHaveLength(1);
    expect(plan.duplicates).toHaveLength(1);
    expect(plan.duplicates[0]).toContain("“2025-007”");
    expect(plan.duplicates[0]).toContain(`第 ${REG.apps.firstRow} 行`);
  });

  test("a workbook without the register sheet is refused, not written elsewhere", () => {
    const plan = planRegisterImport({ apps: source([CLERK_HEADER, [1, "2025-01-02", "自然人"]]), current: { applications: null, cases: null } });
    expect(plan.refused[0]).toContain("没有“申请台账”工作表");
  });

  test("复议诉讼台账: 类型 and 结果 as the template words them", () => {
    const rows: RawCell[][] = [["案号", "案件类型", "立案日期", "审结结果"], ["(2025)1", "复议", "2025-02-03", "维持"], ["(2025)2", CASE_KINDS[2]!.label, "2025-02-04", ""]];
    const found = findHeader(CASE_COLUMNS, { name: "x", rows, firstLine: 1 })!;
    const plan = planRegisterImport({ cases: { name: "x", rows, headerIndex: found.index, firstLine: 1, mapping: found.mapping as never }, current: { applications: null, cases: emptyCases() } });
    expect(plan.refused).toEqual([]);
    expect(plan.cases!.rows[1]!.cells).toEqual(["(2025)2", CASE_KINDS[2]!.label, serialOfDay(dayOfIso("2025-02-04")), null, null]);
    // "复议" / "维持" are not the template's words and the vocabulary does not guess them.
    const first = plan.cases!.rows[0]!.cells;
    expect(first[1] === "行政复议" || plan.issues.some((i) => i.original === "复议")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------- property

const TYPE_WORDINGS = APPLICANT_TYPES.map((t) => [t.label, ` ${t.label} `]);
const OUTCOME_WORDINGS = OUTCOMES.map((o) => [o.label, o.label.replace(" ", "："), o.label.replace(/\s+/g, "")]);
const YEAR = 2025;

const arbDate = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: dayOfIso("2024-01-01"), max: dayOfIso("2026-06-30") }) },
  { weight: 1, arbitrary: fc.constant(-1) }, // unreadable
);
function dateText(day: number, style: number): string {
  if (day < 0) return "不详";
  const iso = isoOf(day);
  const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  return [iso, `${y}年${m}月${d}日`, `${y}/${m}/${d}`, iso.replace(/-/g, "")][style % 4]!;
}

const arbRow = fc.record({
  received: arbDate,
  after: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  type: fc.oneof({ weight: 9, arbitrary: fc.nat(TYPE_WORDINGS.length - 1).chain((i) => fc.constantFrom(...TYPE_WORDINGS[i]!)) }, { weight: 1, arbitrary: fc.constant("群众") }),
  outcome: fc.oneof({ weight: 9, arbitrary: fc.nat(OUTCOME_WORDINGS.length - 1).chain((i) => fc.constantFrom(...OUTCOME_WORDINGS[i]!)) }, { weight: 1, arbitrary: fc.constant("已办") }),
  ext: fc.constantFrom("是", "否", "", "延期", "未延期"),
  style: fc.nat(3),
});

const arbHeaderStyle = fc.record({
  names: fc.tuple(...APP_COLUMNS.map((c) => fc.constantFrom(c.title, ...c.aliases))),
  order: fc.shuffledSubarray([...APP_COLUMNS.keys()], { minLength: APP_COLUMNS.length, maxLength: APP_COLUMNS.length }),
  junk: fc.boolean(),
});

function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\r\n");
}

test("property: imported then read back, the register counts to the same 表三/表四 as `xxgk-report ledger` on the source", async () => {
  await fc.assert(
    fc.asyncProperty(arbHeaderStyle, fc.array(arbRow, { maxLength: 30 }), async (hs, rows) => {
      const fields = APP_COLUMNS.map((c) => c.field);
      const record = (r: (typeof rows)[number], i: number): Record<AppField, string> => ({
        id: `N${i}`,
        received: dateText(r.received, r.style),
        applicantType: r.type,
        applicant: `某${i}`,
        content: "文件",
        corrected: "",
        extended: r.ext,
        answered: r.after === null || r.received < 0 ? "" : dateText(r.received + r.after, r.style + 1),
        outcome: r.after === null ? "" : r.outcome,
        note: "",
        receiptChannel: "",
        correctionNotice: "",
        consultSent: "",
        consultReplied: "",
        extensionApproved: "",
      });
      const header = hs.order.map((k) => hs.names[k]!);
      const body = rows.map((r, i) => {
        const rec = record(r, i);
        return hs.order.map((k) => rec[fields[k]!]);
      });
      const table = [...(hs.junk ? [["某某单位依申请公开登记表"]] : []), [...header, ...(hs.junk ? ["经办人"] : [])], ...body.map((b) => [...b, ...(hs.junk ? ["王"] : [])])];
      const bytes = new TextEncoder().encode(csvOf(table));

      // What `xxgk-report ledger` counts on the source file.
      const cli = await loadRegisterFile("csv", bytes, "src.csv", { year: YEAR });
      if ("error" in cli) throw new Error(cli.error);
      const expected = countRegister(cli.register.applications, [], YEAR).cells;

      // The pane's import: header found, mapping proposed, rows planned into an empty register.
      const grid = parseCsv(bytes);
      const found = findHeader(APP_COLUMNS, { name: "src.csv", rows: grid, firstLine: 1 })!;
      const plan = planRegisterImport({ apps: { name: "src.csv", rows: grid, headerIndex: found.index, firstLine: 1, mapping: found.mapping as ColumnMapping<AppField> }, current: { applications: emptyApps(), cases: null } });
      expect(plan.refused).toEqual([]);
      // Read back as the workbook readers give it: header row, then the sheet rows (date cells as ISO text).
      const sheet: RawCell[][] = [HEADER];
      for (const r of plan.apps?.rows ?? []) sheet[r.sheetRow - REG.apps.headerRow] = r.cells.map((v, j) => (typeof v === "number" && ["received", "corrected", "answered"].includes(fields[j]!) ? isoOf(v - serialOfDay(0)) : v));
      for (let i = 0; i < sheet.length; i++) sheet[i] ??= [];
      const back = registerFromGrids({ applications: { name: "申请台账", rows: sheet, firstLine: REG.apps.headerRow, headerIndex: 0 }, cases: null }, { year: YEAR });
      expect(countRegister(back.register.applications, [], YEAR).cells).toEqual(expected);
      // Every row counted or excluded alike; unmappable wording listed, none guessed.
      expect(back.register.applications.map((a) => a.excluded)).toEqual(cli.register.applications.map((a) => a.excluded));
    }),
    { numRuns: 60 },
  );
});

import fc from "fast-check";
import { FORMAT_2021, t3Key, t4Key } from "../../src/report";
import {
  CALENDAR_YEARS,
  OUTCOMES,
  APPLICANT_TYPES,
  CASE_KINDS,
  addWorkdays,
  countRegister,
  dayOfIso,
  deadlineState,
  dueDate,
  isWorkday,
  isoOf,
  matchOutcome,
  parseApplications,
  parseCases,
  type Application,
} from "../../src/ledger";
import { appGrid, arbRegister, arbApplication } from "./support";

const T3 = FORMAT_2021.table3;
const COLS = T3.columns.map((c) => c.code);
const OUTCOME_ROWS = T3.rows.filter((r) => r.role === "outcome").map((r) => r.code);

describe("vocabulary from the format", () => {
  it("offers the 21 outcome rows with their group and the six applicant columns", () => {
    expect(OUTCOMES).toHaveLength(21);
    expect(OUTCOMES.map((o) => o.label)).toContain("（三）不予公开 1.属于国家秘密");
    expect(OUTCOMES[0]!.label).toBe("（一）予以公开");
    expect(APPLICANT_TYPES.map((t) => t.label)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]);
    expect(CASE_KINDS.map((k) => k.label)).toEqual(["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]);
  });

  it("maps a clerk's wording of an outcome through the importer's labels, never by similarity", () => {
    expect(matchOutcome("(三)不予公开  1、属于国家秘密")?.choice.code).toBe("R05");
    expect(matchOutcome("予以公开")?.choice.code).toBe("R03");
    expect(matchOutcome("不予公开：属于国家秘密")?.choice.code).toBe("R05");
    expect(matchOutcome("本机关不掌握相关政府信息")?.choice.code).toBe("R13");
    expect(matchOutcome("已经公开了")).toBeNull();
    expect(matchOutcome("属于国家秘")).toBeNull();
  });
});

describe("working-day calendar (chinese-days)", () => {
  it("has 2025 and 2026 with their 调休 workdays", () => {
    expect(CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(isWorkday(dayOfIso("2025-09-28"))).toBe(true); // Sunday, 调休
    expect(isWorkday(dayOfIso("2025-10-11"))).toBe(true); // Saturday, 调休
    expect(isWorkday(dayOfIso("2025-10-08"))).toBe(false);
    expect(isWorkday(dayOfIso("2026-02-14"))).toBe(true); // Saturday before 春节 2026
    expect(isWorkday(dayOfIso("2026-10-01"))).toBe(false);
  });

  it("counts 20 working days from the day after receipt: 2025-09-29 → 2025-11-03", () => {
    expect(isoOf(addWorkdays(dayOfIso("2025-09-29"), 20))).toBe("2025-11-03");
    const a = { received: dayOfIso("2025-09-29"), corrected: null, extended: false };
    expect(isoOf(dueDate(a)!)).toBe("2025-11-03");
  });

  it("restarts from 补正后收到日期 and adds 20 working days when extended", () => {
    const base = { received: dayOfIso("2025-09-01"), corrected: dayOfIso("2025-09-29"), extended: false };
    expect(isoOf(dueDate(base)!)).toBe("2025-11-03");
    expect(dueDate({ ...base, extended: true })).toBe(addWorkdays(dayOfIso("2025-11-03"), 20));
  });

  it("says 即将到期, 已逾期 and 超期答复", () => {
    const a = { received: dayOfIso("2025-09-29"), corrected: null, extended: false, answered: null };
    expect(deadlineState(a, dayOfIso("2025-10-29"))).toEqual({ kind: "dueSoon", due: dayOfIso("2025-11-03"), left: 3 });
    expect(deadlineState(a, dayOfIso("2025-10-28")).kind).toBe("open");
    expect(deadlineState(a, dayOfIso("2025-11-03"))).toMatchObject({ kind: "dueSoon", left: 0 });
    expect(deadlineState(a, dayOfIso("2025-11-05"))).toMatchObject({ kind: "overdue", late: 2 });
    expect(deadlineState({ ...a, answered: dayOfIso("2025-11-04") }, dayOfIso("2025-12-01"))).toMatchObject({ kind: "answeredLate", late: 1 });
    expect(deadlineState({ ...a, answered: dayOfIso("2025-11-03") }, dayOfIso("2025-12-01")).kind).toBe("onTime");
  });

  it("never gives an earlier due date for a later receipt, a correction or an extension", () => {
    fc.assert(
      fc.property(fc.integer({ min: dayOfIso("2020-01-01"), max: dayOfIso("2026-10-01") }), fc.integer({ min: 0, max: 40 }), fc.boolean(), (r, later, ext) => {
        const a = dueDate({ received: r, corrected: null, extended: ext })!;
        expect(dueDate({ received: r + later, corrected: null, extended: ext })!).toBeGreaterThanOrEqual(a);
        expect(dueDate({ received: r, corrected: r + later, extended: ext })!).toBeGreaterThanOrEqual(a);
        expect(dueDate({ received: r, corrected: null, extended: true })!).toBeGreaterThanOrEqual(a);
        expect(a).toBeGreaterThan(r);
      }),
    );
  });
});

describe("counting into 表三 (the definition)", () => {
  const Y = 2025;
  const app = (received: string, type: string, answered: string | null, outcome: string | null): Application => ({
    line: 2,
    id: null,
    received: dayOfIso(received),
    applicantType: type,
    applicant: null,
    corrected: null,
    extended: false,
    answered: answered === null ? null : dayOfIso(answered),
    outcome,
    excluded: false,
  });

  it("counts new, carried, answered and carried-over rows; ignores other years", () => {
    const d = countRegister(
      [
        app("2025-03-01", "C1", "2025-03-10", "R03"), // new, answered
        app("2024-12-20", "C2", "2025-01-10", "R13"), // carried, answered
        app("2024-12-21", "C1", null, null), // carried, still open → 结转
        app("2025-12-25", "C1", "2026-01-05", "R03"), // new, answered next year → 结转
        app("2024-05-01", "C1", "2024-05-20", "R03"), // answered before Y: ignored
        app("2026-01-02", "C1", null, null), // received after Y: ignored
      ],
      [],
      Y,
    );
    expect(d.cells[t3Key("R01", "C1")]).toBe(2);
    expect(d.cells[t3Key("R02", "C1")]).toBe(1);
    expect(d.cells[t3Key("R02", "C2")]).toBe(1);
    expect(d.cells[t3Key("R03", "C1")]).toBe(1);
    expect(d.cells[t3Key("R13", "C2")]).toBe(1);
    expect(d.cells[t3Key("R25", "C1")]).toBe(2);
    expect(d.cells[t3Key("R24", "C7")]).toBe(2);
    expect(d.cells[t3Key("R01", "C7")]).toBe(2);
    expect(d.ignored.applications).toBe(2);
    expect(d.lines.get(t3Key("R25", "C1"))).toEqual([2, 2]);
  });

  it("always balances: 一 + 二 = （七）总计 + 四, outcomes sum to 总计, columns sum to 总计", () => {
    fc.assert(
      fc.property(arbRegister(Y), (rows) => {
        const { cells } = countRegister(rows, [], Y);
        const v = (r: string, c: string) => cells[t3Key(r, c)]!;
        for (const c of COLS) {
          expect(v("R01", c) + v("R02", c)).toBe(v("R24", c) + v("R25", c));
          expect(OUTCOME_ROWS.reduce((s, r) => s + v(r, c), 0)).toBe(v("R24", c));
        }
        for (const r of T3.rows) expect(COLS.slice(0, 6).reduce((s, c) => s + v(r.code, c), 0)).toBe(v(r.code, "C7"));
      }),
    );
  });

  it("moving one row's outcome moves exactly one count", () => {
    fc.assert(
      fc.property(arbRegister(Y), fc.nat(), fc.constantFrom(...OUTCOME_ROWS), (rows, pick, to) => {
        const answered = rows.filter((r) => r.answered !== null && r.answered >= dayOfIso("2025-01-01") && r.answered <= dayOfIso("2025-12-31"));
        fc.pre(answered.length > 0);
        const target = answered[pick % answered.length]!;
        fc.pre(target.outcome !== to);
        const before = countRegister(rows, [], Y).cells;
        const after = countRegister(rows.map((r) => (r === target ? { ...r, outcome: to } : r)), [], Y).cells;
        const changed = Object.keys(before).filter((k) => before[k] !== after[k] && !k.endsWith(".C7"));
        expect(changed.sort()).toEqual([t3Key(target.outcome!, target.applicantType!), t3Key(to, target.applicantType!)].sort());
        expect(after[t3Key(target.outcome!, target.applicantType!)]).toBe(before[t3Key(target.outcome!, target.applicantType!)]! - 1);
        expect(after[t3Key(to, target.applicantType!)]).toBe(before[t3Key(to, target.applicantType!)]! + 1);
      }),
    );
  });

  it("parses its own random registers back to the same count (sheet text round trip)", () => {
    fc.assert(
      fc.property(fc.array(arbApplication(Y), { maxLength: 40 }), (rows) => {
        const grid = appGrid(
          rows.map((r) => ({
            received: isoOf(r.received!),
            type: APPLICANT_TYPES.find((t) => t.code === r.applicantType)!.label,
            answered: r.answered === null ? null : isoOf(r.answered),
            outcome: r.outcome === null ? null : OUTCOMES.find((o) => o.code === r.outcome)!.label,
            extended: r.extended,
          })),
        );
        const parsed = parseApplications({ name: "申请台账", rows: grid, firstLine: 1 }, { year: Y });
        expect(parsed.findings).toEqual([]);
        expect(countRegister(parsed.rows, [], Y).cells).toEqual(countRegister(rows, [], Y).cells);
      }),
      { numRuns: 30 },
    );
  });
});

describe("reading a register", () => {
  it("reads different headers, names unreadable rows and keeps them out of the count", () => {
    const grid = [
      ["某局依申请公开登记表"],
      ["序号", "受理日期", "申请人类别", "申请人姓名", "所需信息", "答复日期", "答复类型"],
      ["1", "2025/3/1", "自然人", "张三", "x", "2025年3月10日", "予以公开"],
      ["2", "2025-03-02", "外籍人士", "李四", "x", "2025-03-11", "予以公开"],
      ["3", "2025-03-05", "自然人", "王五", "x", "2025-03-01", "予以公开"],
      ["4", "2025-13-05", "自然人", "赵六", "x", null, null],
      ["5", "2025-03-05", "自然人", "钱七", "x", "2025-03-09", "已经公开了"],
    ];
    const p = parseApplications({ name: "登记表", rows: grid, firstLine: 1 }, { year: 2025 });
    expect(p.headerLine).toBe(2);
    expect(p.rows.filter((r) => !r.excluded).map((r) => r.line)).toEqual([3]);
    const messages = p.findings.map((f) => f.message).join("\n");
    expect(messages).toContain("登记表第 4 行（编号 2）：申请人类型“外籍人士”");
    expect(messages).toContain("登记表第 5 行（编号 3）：答复日期 2025-03-01 早于收到日期 2025-03-05");
    expect(messages).toContain("“收到日期”的内容“2025-13-05”不是有效日期");
    expect(messages).toContain("办理结果“已经公开了”无法对应");
    // Never left out silently: one note says how many rows are not counted, and which.
    expect(p.findings.filter((f) => f.rule === "LEDGER.NOTE").map((f) => f.message)).toEqual(["登记表共 5 行，其中 4 行（第 4、5、6、7 行）因上述问题未计入统计，改正后才计入。"]);
  });

  it("reads the 复议诉讼台账 and counts 表四 by type and result", () => {
    const grid = [
      ["编号", "类型", "收到日期", "结果", "备注"],
      ["F1", "行政复议", "2025-02-01", "结果维持", null],
      ["F2", "行政诉讼（复议后起诉）", "2025-05-01", null, null],
      ["F3", "行政诉讼（未经复议直接起诉）", "2024-05-01", "结果纠正", null],
      ["F4", "仲裁", "2025-05-01", null, null],
    ];
    const p = parseCases({ name: "复议诉讼台账", rows: grid, firstLine: 1 }, { year: 2025 });
    expect(p.findings.map((f) => f.rule)).toEqual(["LEDGER.ROW", "LEDGER.NOTE"]);
    const d = countRegister([], p.rows, 2025);
    expect(d.cells[t4Key("C01")]).toBe(1);
    expect(d.cells[t4Key("C05")]).toBe(1);
    expect(d.cells[t4Key("C14")]).toBe(1);
    expect(d.cells[t4Key("C15")]).toBe(1);
    expect(d.cells[t4Key("C10")]).toBe(0);
    expect(d.ignored.cases).toBe(1);
  });
});

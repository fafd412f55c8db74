/**
 * Register rows through writeInputs (the 导入已有台账 step): on both adapters, through the shared
 * plan, into the unlocked input rows of the protected register sheet; refused as "changed" when a
 * target row was filled meanwhile (nothing written); 撤销 clears exactly the rows written, only if
 * they still hold what was written. Read back, the register counts as the source did.
 */
import { registerRowsOf } from "../../../src/workflow/registerRows";
import { APP_COLUMNS, countRegister, dayOfIso, findHeader, planRegisterImport, registerOfReport, serialOfDay, type AppField, type ColumnMapping } from "../../../src/ledger";
import type { InputWrites, WorkbookPort } from "../../../src/workbook/port";
import type { RawCell } from "../../../src/report";
import { rectAddress } from "../../../src/template/address";
import { templateLayout } from "../../../src/template/layout";
import { fakeWithTemplate } from "../../template/support";
import { wpsWithPort } from "../wps/support";

const REG = templateLayout().registers.apps;
const width = REG.columns.length;
const rowAddress = (row: number) => rectAddress({ top: row, left: REG.firstCol, bottom: row, right: REG.firstCol + width - 1 });
const serial = (iso: string) => serialOfDay(dayOfIso(iso));

interface Host {
  port: WorkbookPort;
  /** Raw values of a 申请台账 row as the host holds them. */
  row(n: number): unknown[];
  type(address: string, text: string): void;
  protectedSheet(): boolean;
  calls(): number;
}

async function office(): Promise<Host> {
  const { fake, port } = await fakeWithTemplate("m365", { year: 2025, agency: "某局" });
  await port.readReport();
  const m = fake.workbook;
  const ws = m.sheet("申请台账")!;
  return {
    port,
    row: (n) => Array.from({ length: width }, (_, j) => m.value(ws, n, REG.firstCol + j)),
    type: (a, t) => m.typeInto("申请台账", a, t),
    protectedSheet: () => ws.protected,
    calls: () => fake.syncCount,
  };
}

async function wps(): Promise<Host> {
  const s = await wpsWithPort();
  await s.port.insertTemplate({ year: 2025, agency: "某局" });
  await s.fake.settle();
  await s.port.readReport();
  const m = s.fake.workbook;
  const ws = m.sheet("申请台账")!;
  return {
    port: s.port,
    row: (n) => Array.from({ length: width }, (_, j) => m.value(ws, n, REG.firstCol + j)),
    type: (a, t) => m.typeInto("申请台账", a, t),
    protectedSheet: () => ws.protected,
    calls: () => s.fake.calls,
  };
}

const blank = (v: unknown) => v === null || v === undefined || v === "";

const SOURCE: RawCell[][] = [
  ["序号", "受理时间", "申请人类别", "申请人姓名", "是否延期", "办结日期", "答复类型"],
  ["007", "2025-03-05", "自然人", "张三", "否", "2025-03-20", "予以公开"],
  ["2025-8", "2025年4月1日", "商业企业", "某公司", "是", "", ""],
  ["9", "2025-04-02", "外籍人士", "李四", "", "", ""],
];

async function importRows(port: WorkbookPort) {
  const read = await port.readReport();
  const found = findHeader(APP_COLUMNS, { name: "x", rows: SOURCE, firstLine: 1 })!;
  const plan = planRegisterImport({
    apps: { name: "旧台账.xlsx", rows: SOURCE, headerIndex: found.index, firstLine: 1, mapping: found.mapping as ColumnMapping<AppField> },
    current: { applications: read.report!.registers!.applications, cases: read.report!.registers!.cases },
  });
  const rows = registerRowsOf(plan);
  const blanks = Object.fromEntries(Object.keys(rows.apps!).map((r) => [r, [] as RawCell[]]));
  const write: InputWrites = { registerRows: rows, expect: { registerRows: { apps: blanks } } };
  const undo: InputWrites = { registerRows: { apps: blanks }, expect: { registerRows: rows } };
  return { plan, write, undo };
}

describe.each([
  ["Office (fake Excel)", office],
  ["WPS (fake ET)", wps],
])("%s", (_name, make) => {
  test("rows land in the first blank rows of the protected register, text stays text, dates are serials; read back they count", async () => {
    const h = await make();
    expect(h.protectedSheet()).toBe(true);
    h.type("A3", "已有");
    const { plan, write } = await importRows(h.port);
    expect(plan.apps!.first).toBe(REG.firstRow + 1);
    const out = await h.port.writeInputs(write);
    expect(out.kind).toBe("written");
    expect(h.protectedSheet()).toBe(true);
    expect(h.row(REG.firstRow)[0]).toBe("已有");
    const r1 = h.row(REG.firstRow + 1);
    expect(r1[0]).toBe("007");
    expect(r1[1]).toBe(serial("2025-03-05"));
    expect(r1[2]).toBe("自然人");
    expect(r1[8]).toBe("（一）予以公开");
    expect(h.row(REG.firstRow + 2)[0]).toBe("2025-8");
    expect(h.row(REG.firstRow + 2)[6]).toBe("是");
    expect(h.row(REG.firstRow + 3)[2]).toBe("外籍人士");
    expect(h.row(REG.firstRow + 4).every(blank)).toBe(true);
    const back = registerOfReport((await h.port.readReport()).report!, { year: 2025 })!;
    const counted = countRegister(back.register.applications, [], 2025).cells;
    expect(counted["T3.R01.C1"]).toBe(1);
    expect(counted["T3.R01.C2"]).toBe(1);
    expect(counted["T3.R03.C1"]).toBe(1);
  });

  test("a target row filled meanwhile: 'changed' with that row's key, nothing written", async () => {
    const h = await make();
    const { write } = await importRows(h.port);
    h.type(rowAddress(REG.firstRow + 1).split(":")[0]!, "刚填的");
    const out = await h.port.writeInputs(write);
    expect(out).toMatchObject({ kind: "changed", changed: [`LEDGER.APP.${REG.firstRow + 1}`], written: 0 });
    expect(h.row(REG.firstRow).every(blank)).toBe(true);
    expect(h.row(REG.firstRow + 2).every(blank)).toBe(true);
  });

  test("撤销 clears exactly the rows written; a row edited since makes it 'changed' (nothing cleared), and 撤销 without it keeps the edit", async () => {
    const h = await make();
    const { write, undo } = await importRows(h.port);
    expect((await h.port.writeInputs(write)).kind).toBe("written");
    h.type(`A${REG.firstRow + 1}`, "改过");
    const refused = await h.port.writeInputs(undo);
    expect(refused).toMatchObject({ kind: "changed", changed: [`LEDGER.APP.${REG.firstRow + 1}`] });
    expect(h.row(REG.firstRow)[0]).toBe("007");
    // 撤销 without the edited row (what 保留我的修改 does): the others are cleared, the edit stays.
    const keep = String(REG.firstRow + 1);
    const drop = (o: Record<number, RawCell[]> | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([r]) => r !== keep));
    const out = await h.port.writeInputs({ registerRows: { apps: drop(undo.registerRows!.apps) }, expect: { registerRows: { apps: drop(undo.expect!.registerRows!.apps) } } });
    expect(out.kind).toBe("written");
    expect(h.row(REG.firstRow + 1)[0]).toBe("改过");
    for (const r of [REG.firstRow, REG.firstRow + 2]) expect(h.row(r).every(blank)).toBe(true);
  });

  test("rows outside the register's input rows are refused before anything is written", async () => {
    const h = await make();
    const out = await h.port.writeInputs({ registerRows: { apps: { [REG.headerRow]: ["x"], [REG.firstRow]: ["y"] } } });
    expect(out.kind).toBe("refused");
    expect(out.kind === "refused" && out.reason).toContain(`LEDGER.APP.${REG.headerRow}`);
    expect(h.row(REG.firstRow).every(blank)).toBe(true);
  });
});

test("Office: an import of register rows is the usual two syncs", async () => {
  const h = await office();
  const { write } = await importRows(h.port);
  const before = h.calls();
  const out = await h.port.writeInputs(write);
  expect(out.kind).toBe("written");
  expect(out.syncs).toBe(2);
  expect(h.calls() - before).toBe(2);
});

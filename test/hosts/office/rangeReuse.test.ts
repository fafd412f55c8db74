/**
 * The fake's shortcut in HyperFormula's graph building (src/workbook/memory/rangeReuse.ts): a
 * formula naming a range that is already wired gets the range's edge, without a walk over its
 * cells. The same workbook — the template with filled registers (the hand-worked deadline cases,
 * cases of 复议诉讼), then edits to inputs, the calendar and the year — must hold the same value
 * in every cell with the shortcut and with HyperFormula's own code, inserted and rebuilt from a
 * snapshot; and the deadlines must be the hand-worked ones.
 */
import { CASE_KINDS, CASE_RESULTS, dayOfIso, dayOfSerial, isoOf, serialOfDay } from "../../../src/ledger";
import { templateLayout } from "../../../src/template/layout";
import { REGISTER_LABELS } from "../../../src/template/messages";
import { FakeWorkbookModel, type FakeCellEntry } from "../../../src/workbook/memory/model";
import { rangeReuse } from "../../../src/workbook/memory/rangeReuse";
import { HAND_CASES, handCaseRow } from "../../ledger/deadlineCases";
import { insertTemplateInto } from "../../template/support";

const layout = templateLayout();
const APPS = layout.registers.apps;
const CASES = layout.registers.cases;
const serial = (iso: string | undefined) => (iso === undefined ? null : serialOfDay(dayOfIso(iso)));
const at = (row: number, col: number) => `${String.fromCharCode(64 + col)}${row}`;
const appCol = (title: string) => APPS.firstCol + APPS.columns.findIndex((c) => c.title === title);

function appRows(): FakeCellEntry[] {
  return HAND_CASES.flatMap((c, i) =>
    handCaseRow(c, i)
      .filter(([, v]) => v !== null)
      .map(([title, v]): FakeCellEntry => ({ address: at(APPS.firstRow + i, appCol(title)), value: typeof v === "object" ? serialOfDay(v!.day) : v })),
  );
}

function caseRows(): FakeCellEntry[] {
  return Array.from({ length: 12 }, (_, i) => {
    const r = CASES.firstRow + i;
    return [
      { address: at(r, 1), value: `F${i}` },
      { address: at(r, 2), value: CASE_KINDS[i % CASE_KINDS.length]!.label },
      { address: at(r, 3), value: serial(`2025-0${1 + (i % 9)}-1${i % 10}`) },
      ...(i % 4 === 3 ? [] : [{ address: at(r, 4), value: CASE_RESULTS[i % CASE_RESULTS.length]!.label }]),
    ];
  }).flat();
}

/** Every value in every sheet, by "sheet!row,col": of each cell holding something (a formula, a value). */
function values(m: FakeWorkbookModel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const held = m.snapshot().cells;
  for (const s of m.sheets) {
    held[s.name]!.forEach((row, r) =>
      row.forEach((content, c) => {
        if (content !== null && content !== undefined) out.set(`${s.name}!${r + 1},${c + 1}`, m.value(s, r + 1, c + 1));
      }),
    );
  }
  return out;
}

/** The cells whose values differ (at most 10), as "cell: a ≠ b". */
function differences(a: Map<string, unknown>, b: Map<string, unknown>): string[] {
  const out: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (!Object.is(a.get(k), b.get(k))) out.push(`${k}: ${String(a.get(k))} ≠ ${String(b.get(k))}`);
    if (out.length === 10) break;
  }
  return out;
}

/** The states compared: filled, then edited (an answer, a calendar day, the year), then rebuilt from a snapshot. */
async function states(reuse: boolean): Promise<Array<Map<string, unknown>>> {
  rangeReuse.enabled = reuse;
  try {
    const { fake } = await insertTemplateInto("m365", { year: 2025, agency: "某局" });
    const m = fake.workbook;
    m.setCells("申请台账", appRows());
    m.setCells("复议诉讼台账", caseRows());
    await m.settle();
    const out = [values(m)];
    m.setCells("申请台账", [
      { address: at(APPS.firstRow, appCol("答复日期")), value: null },
      { address: at(APPS.firstRow + 1, appCol("是否延期")), value: "是" },
      { address: at(APPS.firstRow + HAND_CASES.length, appCol("收到日期")), value: serial("2025-12-30") },
      { address: at(APPS.firstRow + HAND_CASES.length, appCol("申请人类型")), value: "商业企业" },
      { address: "CU10", value: null }, // a working day taken out of the hidden calendar
    ]);
    m.setCells("封面", [{ address: cellOf("META.YEAR"), value: 2026 }]);
    await m.settle();
    out.push(values(m));
    out.push(values(FakeWorkbookModel.fromSnapshot(m.snapshot())));
    return out;
  } finally {
    rangeReuse.enabled = true;
  }
}

function cellOf(key: string): string {
  const c = layout.cells.get(key)!;
  return at(c.row, c.col);
}

test("the shortcut is in place once a workbook exists (HyperFormula's graph still has the method it wraps)", () => {
  new FakeWorkbookModel();
  expect(rangeReuse.installed).toBe(true);
});

test("with and without the shortcut, the filled and edited template holds the same value in every cell", async () => {
  const plain = await states(false);
  const reused = await states(true);
  expect(reused).toHaveLength(3);
  reused.forEach((s, i) => expect(differences(s, plain[i]!)).toEqual([]));
  // Not a comparison of blanks: the deadlines are the hand-worked ones, and the edits changed values.
  const [filled, edited, rebuilt] = reused as [Map<string, unknown>, Map<string, unknown>, Map<string, unknown>];
  const dueCol = Array.from({ length: 20 }, (_, j) => j + 1).find((c) => filled.get(`申请台账!${APPS.headerRow},${c}`) === REGISTER_LABELS.due)!;
  const due = HAND_CASES.map((_, i) => filled.get(`申请台账!${APPS.firstRow + i},${dueCol}`));
  expect(due.map((v) => (typeof v === "number" ? isoOf(dayOfSerial(v)) : null))).toEqual(HAND_CASES.map((c) => c.due));
  expect(differences(edited, filled).length).toBeGreaterThan(0);
  expect(differences(rebuilt, edited)).toEqual([]);
}, 120_000);

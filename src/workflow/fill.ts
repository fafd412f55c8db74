/**
 * "按台账填写表三/表四": an ordinary import preview whose incoming values are countRegister's
 * cells — so it goes through planImport like any import: fills shown, non-empty cells changed
 * only when ticked, 撤销 as usual.
 */
import { countRegister, registerOfReport } from "../ledger";
import { FORMAT_2021, interpret, t3Key, t4Key, TABLE_NAMES, type CellKey, type Report } from "../report";
import { planImport, writable } from "./importPlan";
import { W } from "./messages";
import type { TransferPreview } from "./transfer";

/** One cell the fill changes, as the preview shows it: its value now (null: blank) and after. */
export interface LedgerNumber {
  key: CellKey;
  /** Short: "本年新收·自然人", "行政复议·结果维持". */
  label: string;
  before: number | null;
  after: number;
  /** fill: blank now; conflict: changed only when ticked; total: the template's formula follows. */
  kind: "fill" | "conflict" | "total";
}

/** 表三 and 表四 as the fill leaves them: the cells that change, and how many blanks just get 0. */
export interface LedgerNumbers {
  tables: { table: 3 | 4; name: string; cells: LedgerNumber[] }[];
  zeroFills: number;
}

const SHORT_LABELS: ReadonlyMap<CellKey, string> = new Map([
  ...FORMAT_2021.table3.rows.flatMap((r) => FORMAT_2021.table3.columns.map((c) => [t3Key(r.code, c.code), `${r.short}·${c.label}`] as const)),
  ...FORMAT_2021.table4.groups.flatMap((g) => g.columns.map((c) => [t4Key(c.code), `${g.short}·${c.label}`] as const)),
]);

/**
 * The numbers of a fill preview, in table order: every cell whose value changes (a blank getting
 * a non-zero count, a different number to tick, a total that will follow), blanks that get 0 only
 * counted. Cells that could not be read as numbers stay the plan's conflicts and are shown there.
 */
export function ledgerNumbers(current: Report, counted: Readonly<Record<CellKey, number>>, p: Pick<TransferPreview, "plan">, isWritable: (key: CellKey) => boolean = writable): LedgerNumbers {
  const conflicts = new Set(p.plan.conflicts.map((c) => c.key));
  const fills = new Set(p.plan.fills.map((c) => c.key));
  let zeroFills = 0;
  const tables: LedgerNumbers["tables"] = [];
  for (const table of [3, 4] as const) {
    const cells: LedgerNumber[] = [];
    for (const [key, label] of SHORT_LABELS) {
      if (!key.startsWith(`T${table}.`)) continue;
      const after = counted[key] ?? 0;
      const i = interpret(current.cells[key], "count");
      const before = i.kind === "number" ? i.value : null;
      if (fills.has(key)) {
        if (after === 0) zeroFills++;
        else cells.push({ key, label, before: null, after, kind: "fill" });
      } else if (conflicts.has(key)) {
        if (i.kind === "number" || i.kind === "blank") cells.push({ key, label, before, after, kind: "conflict" });
      } else if (!isWritable(key) && (before ?? 0) !== after) cells.push({ key, label, before, after, kind: "total" });
    }
    tables.push({ table, name: TABLE_NAMES[table], cells });
  }
  return { tables, zeroFills };
}

/**
 * "按台账填写表三/表四": the import preview with the register's counts as incoming values (only
 * 表三/表四 cells; `writable` leaves out template formulas). Null without registers or a year.
 */
export function ledgerFillPreview(current: Report, writable: (key: CellKey) => boolean): TransferPreview | null {
  const year = current.meta.year;
  const loaded = registerOfReport(current, year !== null ? { year } : {});
  if (!loaded || year === null) return null;
  const reg = loaded.register;
  const derived = countRegister(reg.applications, reg.cases, year);
  const incoming: Report = { ...current, format: "2021", cells: derived.cells, opening: null, sections: {} as Report["sections"] };
  const plan = planImport(current, incoming, (k) => (k.startsWith("T3.") || k.startsWith("T4.")) && writable(k));
  return {
    ledgerNumbers: ledgerNumbers(current, derived.cells, { plan }, writable),
    mode: "import",
    origin: "ledger",
    sourceLabel: W.ledger.sourceLabel(reg.appSource, reg.caseSource),
    targetYear: year,
    insertFirst: null,
    plan,
    prefilled: [],
    drafts: [],
    priorFigures: null,
    previousPriorFigures: null,
    metaFills: [],
    findings: loaded.findings,
    warnings: [],
  };
}

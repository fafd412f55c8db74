/**
 * 结转 and 导入 as plain data: what the preview shows, which writes a confirmation makes, and
 * what 撤销 writes back. No DOM, no Office, no parsers (those live in the lazy transfer chunk):
 * unit-tested in Node. Nothing is overwritten without the clerk's tick: conflicts start unchecked,
 * and every write carries the values the preview saw (`expect`), so a cell the clerk filled in
 * after the preview is never replaced silently.
 */
import type { InputWrites, TextBlockKey } from "../workbook/writePlan";
import { SECTIONS } from "../report/format";
import { W } from "./messages";
import { cellInfo, type CellKey } from "../report/keys";
import type { Finding, Report } from "../report/schema";
import type { RawCell } from "../report/values";
import type { ImportPlan } from "./importPlan";
import type { RegisterCarry } from "../ledger/carry";
import type { LedgerNumbers } from "./fill";
import { ledgerImportWrites, rowKeyLabel, undoKeepingRows } from "./registerRows";

export type TransferMode = "rollForward" | "import";

export interface MetaFill {
  field: "agency" | "year" | "contact";
  value: string | number;
}

export interface TransferPreview {
  mode: TransferMode;
  /** "按台账填写表三/表四": an import whose source is the workbook's own registers (its own wording). */
  origin?: "ledger";
  /** 按台账填写: 表三/表四 as the fill leaves them (the numbers, changes marked). */
  ledgerNumbers?: LedgerNumbers;
  /** Where it came from: "某某办 2023 年度报告（文件名）". */
  sourceLabel: string;
  /** Year of the report being written (this year's template). */
  targetYear: number | null;
  /** The template is not in the workbook yet: insert it (with this year and agency) first. */
  insertFirst: { year: number; agency: string } | null;
  plan: ImportPlan;
  /** 结转: 表三 上年结转 per column (key, column label, value). */
  prefilled: { key: CellKey; label: string; value: number }[];
  /** 结转: text blocks carried as drafts, with their paragraph count. */
  drafts: { key: TextBlockKey; heading: string; paragraphs: number }[];
  /** 结转: last year's figures to keep in the workbook (and what was there before, for 撤销). */
  priorFigures: Report["priorFigures"] | null;
  previousPriorFigures: Report["priorFigures"] | null;
  /** 封面 fields that are empty now and get a value. */
  metaFills: MetaFill[];
  /** 结转: last year's open applications going into this year's 申请台账 (template v3 on both sides). */
  registerCarry?: RegisterCarry | null;
  /** What the importer could not place, or noticed (its own findings, in Chinese). */
  findings: Finding[];
  /** Things to check before confirming (year mismatch…), in Chinese. */
  warnings: string[];
}

/** What a confirmed transfer wrote, kept for 撤销. */
export interface AppliedTransfer {
  mode: TransferMode;
  origin?: "ledger";
  /** What was written (撤销 expects to find exactly this). */
  wrote: { cells: Record<CellKey, RawCell>; sections: Partial<Record<TextBlockKey, string>> };
  /** The values before, written back by 撤销. */
  undo: InputWrites;
  /** Keys (cells and blocks) the import wrote, for messages. */
  count: number;
}

const isText = (k: string): k is TextBlockKey => k === "OPENING" || k === "S1" || k === "S5" || k === "S6";

/**
 * The writes of a confirmed preview: every fill, the conflicts the clerk ticked, 封面 fields, last
 * year's figures; `expect` = what the preview saw in those cells. Also what 撤销 will need.
 */
export function confirmWrites(p: TransferPreview, accepted: ReadonlySet<string>): { write: InputWrites; applied: AppliedTransfer } {
  const cells: Record<CellKey, RawCell> = {};
  const before: Record<CellKey, RawCell> = {};
  for (const c of [...p.plan.fills, ...p.plan.conflicts.filter((x) => accepted.has(x.key))]) {
    cells[c.key] = c.incoming;
    before[c.key] = c.current;
  }
  const sections: Partial<Record<TextBlockKey, string>> = {};
  const beforeText: Partial<Record<TextBlockKey, string>> = {};
  for (const s of [...p.plan.sectionFills, ...p.plan.sectionConflicts.filter((x) => accepted.has(x.key))]) {
    if (!isText(s.key)) continue;
    sections[s.key] = s.incoming;
    beforeText[s.key] = s.current;
  }
  const meta: NonNullable<InputWrites["meta"]> = {};
  const metaBefore: NonNullable<InputWrites["meta"]> = {};
  for (const f of p.metaFills) {
    if (f.field === "year") {
      meta.year = Number(f.value);
      metaBefore.year = null;
    } else {
      meta[f.field] = String(f.value);
      metaBefore[f.field] = null;
    }
  }
  const write: InputWrites = { cells, sections, expect: { cells: before, sections: beforeText } };
  const undo: InputWrites = { cells: before, sections: beforeText, expect: { cells, sections } };
  if (p.metaFills.length) {
    // 封面 fields are guarded like cells: written only if still as the preview saw them, and
    // 撤销 puts back only those still holding what the import wrote.
    write.meta = meta;
    write.expect!.meta = metaBefore;
    undo.meta = metaBefore;
    undo.expect!.meta = meta;
  }
  if (p.mode === "rollForward" && p.priorFigures) {
    write.priorFigures = p.priorFigures;
    undo.priorFigures = p.previousPriorFigures ?? null;
  }
  const carried = p.mode === "rollForward" ? (p.registerCarry?.append ?? null) : null;
  if (carried) {
    // The same writes as 导入已有台账: only into rows still blank; 撤销 clears only rows still as written.
    const rows = ledgerImportWrites({ apps: carried, cases: null, issues: [], issueSummary: [], duplicates: [], guesses: [], refused: [] });
    write.registerRows = rows.write.registerRows!;
    write.expect!.registerRows = rows.write.expect!.registerRows!;
    undo.registerRows = rows.applied.undo.registerRows!;
    undo.expect!.registerRows = rows.applied.undo.expect!.registerRows!;
  }
  const count = Object.keys(cells).length + Object.keys(sections).length + p.metaFills.length;
  return { write, applied: { mode: p.mode, ...(p.origin ? { origin: p.origin } : {}), wrote: { cells, sections }, undo, count } };
}

/** 撤销 without the keys the clerk changed since (their later edits are kept). */
export function undoKeeping(undo: InputWrites, changed: readonly string[]): InputWrites {
  const drop = new Set(changed);
  const pick = <T>(o: Record<string, T> | undefined): Record<string, T> => Object.fromEntries(Object.entries(o ?? {}).filter(([k]) => !drop.has(k)));
  const pickMeta = (m: InputWrites["meta"]): NonNullable<InputWrites["meta"]> =>
    Object.fromEntries(Object.entries(m ?? {}).filter(([field]) => !drop.has(META_KEY[field as MetaFill["field"]])));
  const out: InputWrites = {
    ...undo,
    cells: pick(undo.cells),
    sections: pick(undo.sections as Record<string, string>),
    expect: { cells: pick(undo.expect?.cells), sections: pick(undo.expect?.sections as Record<string, string>) },
  };
  if (undo.meta) {
    out.meta = pickMeta(undo.meta);
    out.expect!.meta = pickMeta(undo.expect?.meta);
  }
  if (undo.registerRows) {
    const rows = undoKeepingRows(undo, changed);
    out.registerRows = rows.registerRows!;
    out.expect!.registerRows = rows.expect!.registerRows!;
  }
  return out;
}

/** The keys writeInputs reports a changed 封面 field by (src/template/design/meta.ts). */
const META_KEY: Record<MetaFill["field"], string> = { agency: "META.AGENCY", year: "META.YEAR", contact: "META.CONTACT" };

/** 撤销 regardless of later edits (the clerk chose to overwrite them). */
export function undoForced(undo: InputWrites): InputWrites {
  const { expect: _ignored, ...rest } = undo;
  void _ignored;
  return rest;
}

/** Counts for the preview's summary line. */
export function previewCounts(p: TransferPreview): { fills: number; textFills: number; conflicts: number; unchanged: number } {
  return {
    fills: p.plan.fills.length,
    textFills: p.plan.sectionFills.length,
    conflicts: p.plan.conflicts.length + p.plan.sectionConflicts.length,
    unchanged: p.plan.unchanged,
  };
}

/** Whether the full prior report of this session matches the figures kept in the workbook. */
export function priorFor(report: Report | null, prior: Report | null): Report | null {
  if (!report || !prior) return null;
  const kept = report.priorFigures;
  if (!kept || kept.year !== prior.meta.year) return null;
  return prior;
}

/** A text block's heading (开头段落 or 一、总体情况 …). */
export function blockHeading(key: string): string {
  if (key === "OPENING") return W.transfer.openingHeading;
  return SECTIONS.find((s) => s.key === key)?.heading ?? key;
}

/** What a key is called in a list: the format's cell label, or the block's heading. */
export function keyLabel(key: string): string {
  const field = (Object.keys(META_KEY) as MetaFill["field"][]).find((f) => META_KEY[f] === key);
  if (field) return W.transfer.metaField[field] ?? key;
  if (key.startsWith("LEDGER.")) return rowKeyLabel(key);
  return cellInfo(key)?.label ?? blockHeading(key);
}

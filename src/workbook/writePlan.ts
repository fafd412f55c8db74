/**
 * What writeInputs puts where: the clerk's values as Office.js inputs, grouped into rectangles of
 * input cells (one 2-D write each), by the layout map only. Pure, so the rules about what may be
 * written — never a total, a label or anything outside the template — are tested without Excel.
 */
import { PRIOR_KEYS, type CellKey, type RawCell, type Report } from "../report";
import { coverRects, type Cell, type Rect } from "../template/address";
import { templateLayout, META_KEYS, PRIOR_YEAR_KEY, priorKey, registerRowKey } from "../template/layout";
import { hasPriorBlock, registerColumnCount } from "../template/marker";
import { REGISTER_ROLES, type RegisterRole, type TemplateRole } from "../template/roles";
import { WRITE_TEXT } from "./messages";
import { officeInput, type OfficeInput } from "./officeInput";

export { officeInput, type OfficeInput };

/** The 正文 blocks: the opening paragraphs and sections 一、五、六. */
export type TextBlockKey = "OPENING" | "S1" | "S5" | "S6";

export interface InputWrites {
  /** Report cell keys (T2.R1.C1 …) → value; null clears the cell. Totals are refused. */
  cells?: Record<CellKey, RawCell>;
  /** Whole text of a block, one paragraph per line; "" or null clears the block. */
  sections?: Partial<Record<TextBlockKey, string | null>>;
  meta?: MetaValues;
  /** Last year's figures for the locked 封面 block; null clears it; omitted leaves it. */
  priorFigures?: Report["priorFigures"] | null;
  /** Whole register rows (申请台账 / 复议诉讼台账): sheet row → cells in the template's column order. */
  registerRows?: RegisterRows;
  /**
   * Write only if the workbook still holds these values (撤销导入 checks that the clerk has not
   * changed what the import wrote); otherwise nothing is written. Register rows: every row named
   * here must also be written (an import expects its target rows blank: all null).
   */
  expect?: { cells?: Record<CellKey, RawCell>; sections?: Partial<Record<TextBlockKey, string>>; meta?: MetaValues; registerRows?: RegisterRows };
}

/** Register rows by role and sheet row; cells in the template's column order (missing = blank). */
export type RegisterRows = Partial<Record<RegisterRole, Record<number, RawCell[]>>>;

/** 封面 fields as writes and `expect` name them (a changed one is reported by its META_KEYS key). */
export type MetaValues = { agency?: string | null; year?: number | null; contact?: string | null };


export interface RectWrite {
  role: TemplateRole;
  rect: Rect;
  values: OfficeInput[][];
  /** Writes into the kept (locked) block of last year's figures. */
  kept: boolean;
  /**
   * Register rows: what each row of the rectangle must hold before the write (null: no check),
   * and the row keys (LEDGER.APP.12) a "changed" outcome names.
   */
  expectRows?: { keys: string[]; values: (RawCell[] | null)[] };
}

export interface WritePlan {
  writes: RectWrite[];
  /** Worksheet cells written (paragraph rows cleared included). */
  cells: number;
  /** Things the clerk should know (Chinese), e.g. paragraphs merged into a block's last row. */
  notes: string[];
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

/** Paragraphs as the readers see them: non-empty lines, trailing spaces dropped. */
export function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((p) => p.replace(/\s+$/u, ""))
    .filter((p) => p.trim() !== "");
}

/** The text a block reads back as (for comparisons). */
export function normalizeText(text: string | null | undefined): string {
  return paragraphsOf(text).join("\n");
}

/**
 * One paragraph per row. More paragraphs than rows: the rest goes into the last row, one per
 * line, so nothing is lost (the readers join rows with line breaks, giving back the same text).
 */
export function splitParagraphs(text: string | null | undefined, rows: number): { rows: string[]; merged: number } {
  const paras = paragraphsOf(text);
  const out = paras.slice(0, rows);
  let merged = 0;
  if (paras.length > rows) {
    merged = paras.length - rows + 1;
    out[rows - 1] = paras.slice(rows - 1).join("\n");
  }
  while (out.length < rows) out.push("");
  return { rows: out, merged };
}

interface Target extends Cell {
  role: TemplateRole;
  value: OfficeInput;
  kept: boolean;
  /** Part of a merged area (span > 1): written alone, top-left cell only. */
  merged?: boolean;
}

function group(targets: Target[]): RectWrite[] {
  const out: RectWrite[] = [];
  const byRole = new Map<string, Target[]>();
  for (const t of targets) {
    // A merged cell is written through its top-left cell alone: a rectangle that cut through
    // merged areas (several stacked 表二 value cells) could make Excel refuse or split them.
    if (t.merged) {
      out.push({ role: t.role, rect: { top: t.row, left: t.col, bottom: t.row, right: t.col }, values: [[t.value]], kept: t.kept });
      continue;
    }
    const k = `${t.role}|${t.kept}`;
    byRole.set(k, [...(byRole.get(k) ?? []), t]);
  }
  for (const list of byRole.values()) {
    const at = new Map(list.map((t) => [`${t.row},${t.col}`, t.value]));
    for (const r of coverRects(list)) {
      const values: OfficeInput[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: OfficeInput[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(at.get(`${row},${col}`)!);
        values.push(line);
      }
      out.push({ role: list[0]!.role, rect: r, values, kept: list[0]!.kept });
    }
  }
  return out;
}

export class WriteRefused extends Error {
  constructor(message: string) {
    super(message);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "WriteRefused";
  }
}

/**
 * The writes for a template of the given layout version. Throws WriteRefused (nothing is
 * written) for keys that are not input cells of the template, or text longer than a cell holds.
 */
export function planWrites(w: InputWrites, templateVersion: string): WritePlan {
  const layout = templateLayout();
  const targets: Target[] = [];
  const notes: string[] = [];
  const bad: string[] = [];
  const put = (key: string, value: RawCell, kept = false) => {
    const loc = layout.cells.get(key)!;
    targets.push({ role: loc.role, row: loc.row, col: loc.col, value: officeInput(value), kept, ...(loc.span > 1 ? { merged: true } : {}) });
  };

  for (const [key, value] of Object.entries(w.cells ?? {})) {
    const loc = layout.cells.get(key);
    if (!loc || loc.computed || loc.kept || key.startsWith("META.")) bad.push(key);
    else put(key, value);
  }
  if (bad.length) throw new WriteRefused(WRITE_TEXT.notInput(bad));

  const meta = w.meta ?? {};
  if (meta.agency !== undefined) put(META_KEYS.agency, meta.agency);
  if (meta.year !== undefined) put(META_KEYS.year, meta.year);
  if (meta.contact !== undefined) put(META_KEYS.contact, meta.contact);

  for (const [key, text] of Object.entries(w.sections ?? {})) {
    const b = layout.blocks.get(key);
    if (!b) throw new WriteRefused(WRITE_TEXT.notInput([key]));
    const { rows, merged } = splitParagraphs(text, b.rows);
    if (merged) notes.push(WRITE_TEXT.paragraphsMerged(b.heading, b.rows + merged - 1, b.rows, merged));
    rows.forEach((p, i) => targets.push({ role: b.role, row: b.firstRow + i, col: b.col, value: officeInput(p === "" ? null : p), kept: false }));
  }

  if (w.priorFigures !== undefined) {
    if (!hasPriorBlock(templateVersion)) {
      if (w.priorFigures) notes.push(WRITE_TEXT.noPriorBlock);
    } else {
      const pf = w.priorFigures;
      put(PRIOR_YEAR_KEY, pf?.year ?? null, true);
      for (const k of PRIOR_KEYS) put(priorKey(k), pf?.cells[k] ?? null, true);
    }
  }

  const registerWrites = planRegisterRows(w, templateVersion);
  const long = [...targets, ...registerWrites.flatMap((x) => x.values.flat().map((value) => ({ value })))].find((t) => typeof t.value === "string" && t.value.length > MAX_CELL_TEXT);
  if (long) throw new WriteRefused(WRITE_TEXT.tooLong(MAX_CELL_TEXT));
  const registerCells = registerWrites.reduce((n, x) => n + x.values.length * (x.values[0]?.length ?? 0), 0);
  return { writes: [...group(targets), ...registerWrites], cells: targets.length + registerCells, notes };
}


/**
 * Register rows as one rectangle per run of consecutive rows (all the register's columns — of the
 * workbook's layout: a template of an older version has fewer, and what follows them is not input).
 */
function planRegisterRows(w: InputWrites, templateVersion: string): RectWrite[] {
  const layout = templateLayout();
  const out: RectWrite[] = [];
  const bad: string[] = [];
  for (const role of REGISTER_ROLES) {
    const rows = w.registerRows?.[role] ?? {};
    const expect = w.expect?.registerRows?.[role];
    const g = layout.registers[role];
    const width = registerColumnCount(role, templateVersion);
    for (const r of Object.keys(expect ?? {})) if (!(r in rows)) bad.push(registerRowKey(role, Number(r)));
    const numbers = Object.keys(rows)
      .map(Number)
      .sort((a, b) => a - b);
    for (const n of numbers) {
      if (!Number.isInteger(n) || n < g.firstRow || n > g.lastRow || rows[n]!.length > width) bad.push(registerRowKey(role, n));
    }
    if (bad.length) continue;
    let run: number[] = [];
    const flush = () => {
      if (!run.length) return;
      const pad = (cells: RawCell[] | undefined): RawCell[] => Array.from({ length: width }, (_, i) => cells?.[i] ?? null);
      out.push({
        role,
        rect: { top: run[0]!, left: g.firstCol, bottom: run[run.length - 1]!, right: g.firstCol + width - 1 },
        values: run.map((n) => pad(rows[n]).map(officeInput)),
        kept: false,
        ...(expect ? { expectRows: { keys: run.map((n) => registerRowKey(role, n)), values: run.map((n) => (expect[n] ? pad(expect[n]) : null)) } } : {}),
      });
      run = [];
    };
    for (const n of numbers) {
      if (run.length && n !== run[run.length - 1]! + 1) flush();
      run.push(n);
    }
    flush();
  }
  if (bad.length) throw new WriteRefused(WRITE_TEXT.notInput(bad));
  return out;
}

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Keys of the register rows that no longer hold what `expectRows` says, given the rectangle's
 * current values (Range.values / Value2): blank is blank, numbers by value, text exactly.
 */
export function changedRegisterRows(write: RectWrite, current: readonly (readonly unknown[])[]): string[] {
  const e = write.expectRows;
  if (!e) return [];
  const out: string[] = [];
  e.values.forEach((want, i) => {
    if (!want) return;
    const now = current[i] ?? [];
    const same = want.every((v, j) => {
      const c = now[j];
      if (blank(v) || blank(c)) return blank(v) && blank(c);
      if (typeof v === "number" && typeof c === "number") return Math.abs(v - c) < 1e-9;
      return String(v) === String(c);
    });
    if (!same) out.push(e.keys[i]!);
  });
  return out;
}

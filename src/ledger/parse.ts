/**
 * Turning a register's grid (a sheet, an .xlsx sheet or a .csv) into rows of the model, with a
 * LEDGER.ROW finding for every value that cannot be read. Nothing is guessed: a row whose
 * applicant type, outcome or dates cannot be read is kept out of the counts and named.
 */
import type { Finding, RawCell } from "../report";
import { looseKey } from "../import/labels";
import { cellText, readCell, type CellRead } from "./cells";
import { APP_COLUMNS, badValueExcludesRow, CASE_COLUMNS, columnOf, mappedCount, missingRequired, type ColumnDef, type ColumnMapping, type AppField, type CaseField, type VocabularyName } from "./columns";
import { proposeMapping } from "./headers";
import { dayOf, isoOf } from "./dates";
import { guessApplicantType } from "./clerkWords";
import { LEDGER_MSG, linesList, rowName } from "./messages";
import { RowFindings } from "./summary";
import type { Application, Case } from "./model";
import { registerRowKey } from "./sheets";
import { VOCABULARIES } from "./vocabulary";

export interface GridSource {
  /** Sheet or file name, for messages ("申请台账"). */
  name: string;
  rows: readonly (readonly RawCell[])[];
  /** Source row number of rows[0] (1 for a whole sheet or file). */
  firstLine: number;
  /** Header row index in `rows`; found among the first rows when omitted. */
  headerIndex?: number;
  /**
   * A mapping chosen by the user (import preview, CLI --columns): field → column index, or field →
   * the header text of its column. Proposed from the headers for the fields it leaves out.
   */
  mapping?: UserMapping;
}

export interface ParseOptions {
  /** Report year: dates after the end of the next year are out of range. */
  year?: number | null;
  /**
   * The grid is the template's own sheet, whose 台账汇总 formulas count the list's wording only:
   * a value read through the clerks' words is then said (once per value), so the clerk knows why
   * the sheet's summary counts differently and what to write.
   */
  templateSheet?: boolean;
}

export interface Parsed<T> {
  rows: T[];
  findings: Finding[];
  /** The mapping used, null when no header row was found. */
  mapping: ColumnMapping<string> | null;
  headerLine: number | null;
}

/** Key for a register row in findings (the pane jumps to it): LEDGER.APP.12, LEDGER.CASE.4. */
export const appRowKey = (line: number) => registerRowKey("apps", line);
export const caseRowKey = (line: number) => registerRowKey("cases", line);

const HEADER_SEARCH_ROWS = 10;
const FIRST_DAY = dayOf(2008, 1, 1)!; // 《政府信息公开条例》 in force from 2008-05-01

export { cellText, parseExtended } from "./cells";

export type UserMapping = Partial<Record<string, number | string>>;

/** Apply a user mapping to a header row: indices as given, header texts looked up in the row. */
function applyUser<F extends string>(m: ColumnMapping<F>, header: readonly RawCell[], user: UserMapping | undefined): ColumnMapping<F> | null {
  if (!user) return m;
  const out = { ...m };
  for (const [field, v] of Object.entries(user)) {
    if (v === undefined || !(field in out)) continue;
    if (typeof v === "number") out[field as F] = v;
    else {
      const idx = header.findIndex((h) => h !== null && looseKey(String(h)) === looseKey(v));
      if (idx < 0) return null;
      out[field as F] = idx;
    }
  }
  return out;
}

/** The header row of a grid (among its first rows) and the mapping of its columns. */
export function findHeader<F extends string>(defs: readonly ColumnDef<F>[], src: GridSource): { index: number; mapping: ColumnMapping<F> } | null {
  const candidates = src.headerIndex !== undefined ? [src.headerIndex] : [...Array(Math.min(HEADER_SEARCH_ROWS, src.rows.length)).keys()];
  let best: { index: number; mapping: ColumnMapping<F> } | null = null;
  for (const i of candidates) {
    const header = src.rows[i] ?? [];
    const m = applyUser(proposeMapping(defs, header), header, src.mapping);
    if (!m) continue;
    const enough = src.headerIndex !== undefined || mappedCount(m) >= 3 || (src.mapping !== undefined && missingRequired(defs, m).length === 0);
    if (enough && (!best || mappedCount(m) > mappedCount(best.mapping))) best = { index: i, mapping: m };
  }
  return best;
}

function rowRange(year: number | null | undefined): { from: number; to: number } {
  return { from: FIRST_DAY, to: dayOf(year ? year + 1 : 2200, 12, 31)! };
}

function setup<F extends string>(defs: readonly ColumnDef<F>[], src: GridSource) {
  const found = findHeader(defs, src);
  const findings = new RowFindings();
  if (!found) {
    findings.push({ rule: "LEDGER.ROW", severity: "error", cells: [], message: LEDGER_MSG.noHeader(src.name, defs.filter((d) => d.required).map((d) => `“${d.title}”`).join("、")) });
    return { found: null, findings };
  }
  for (const d of missingRequired(defs, found.mapping)) {
    findings.push({ rule: "LEDGER.ROW", severity: "error", cells: [], message: LEDGER_MSG.missingColumn(src.name, d.title) });
  }
  return { found, findings };
}

/**
 * Values the vocabulary cannot place, by column and value: one finding per value naming all its
 * rows ("办理结果“已经公开了”：第 3、5、9 行"), not one sentence per row.
 */
class UnknownValues {
  private readonly by = new Map<string, { d: ColumnDef; shown: string; lines: number[]; id: string | null }>();

  add(d: ColumnDef, shown: string, line: number, id: string | null): void {
    const k = `${d.field}\u0000${shown}`;
    const e = this.by.get(k) ?? { d, shown, lines: [], id };
    e.lines.push(line);
    this.by.set(k, e);
  }

  findings(source: string, key: (line: number) => string): Finding[] {
    return [...this.by.values()].map((e) => ({
      rule: "LEDGER.ROW",
      severity: "error",
      cells: e.lines.map(key),
      message: e.lines.length === 1 ? UNKNOWN_CHOICE[e.d.vocabulary as keyof typeof UNKNOWN_CHOICE](rowName(source, e.lines[0]!, e.id), e.shown) : LEDGER_MSG.unknownValueRows(source, e.d.title, e.shown, e.lines.length, linesList(e.lines), labelsOrNone(e.d)),
    }));
  }
}

/** Choices written in another wording than the list's (个人 for 自然人), by column and value. */
class Reworded {
  private readonly by = new Map<string, { title: string; shown: string; label: string; lines: number[] }>();

  add(d: ColumnDef, shown: string, label: string, line: number): void {
    const k = `${d.field}\u0000${shown}`;
    const e = this.by.get(k) ?? { title: d.title, shown, label, lines: [] };
    e.lines.push(line);
    this.by.set(k, e);
  }

  findings(source: string, key: (line: number) => string): Finding[] {
    return [...this.by.values()].map((e) => ({ rule: "LEDGER.NOTE", severity: "info", cells: e.lines.map(key), message: LEDGER_MSG.reworded(source, linesList(e.lines), e.title, e.shown, e.label) }));
  }
}

function labelsOrNone(d: ColumnDef): string | null {
  return d.vocabulary === "outcome" ? null : labels(d.vocabulary!);
}

/** Rows kept out of the counts, said once with how many (none is left out silently). */
function excludedNote(source: string, rows: readonly { line: number; excluded: boolean }[]): Finding[] {
  const lines = rows.filter((r) => r.excluded).map((r) => r.line);
  return lines.length ? [{ rule: "LEDGER.NOTE", severity: "warning", cells: [], message: LEDGER_MSG.excludedRows(source, lines.length, rows.length, linesList(lines)) }] : [];
}

/** What a choice the vocabulary cannot place says, per vocabulary. */
const UNKNOWN_CHOICE: Record<Exclude<VocabularyName, "receiptChannel">, (row: string, shown: string) => string> = {
  applicantType: (row, shown) => LEDGER_MSG.unknownType(row, shown, labels("applicantType")),
  outcome: (row, shown) => LEDGER_MSG.unknownOutcome(row, shown),
  caseKind: (row, shown) => LEDGER_MSG.unknownKind(row, shown, labels("caseKind")),
  caseResult: (row, shown) => LEDGER_MSG.unknownResult(row, shown, labels("caseResult")),
};

function labels(v: VocabularyName): string {
  return VOCABULARIES[v].choices.map((c) => c.label).join("、");
}

interface RowContext {
  /** Source line and 编号 of the row. */
  line: number;
  id: string | null;
  name: string;
  /** A choice the vocabulary cannot place: gathered by column and value, said once (see UnknownValues). */
  unknown: UnknownValues;
  /** Choices read from another wording than the list's, by column and value. */
  reworded: Reworded;
  range: { from: number; to: number };
  err: (message: string) => void;
  warn: (message: string) => void;
}

/**
 * Every column of a row read by its kind, with the findings a cell earns on its own (unreadable,
 * out of range, blank where it must be filled). Returns the reads and whether the row is kept out.
 */
function readRow<F extends string>(defs: readonly ColumnDef<F>[], m: ColumnMapping<F>, cells: readonly RawCell[], ctx: RowContext): { values: Record<F, CellRead>; excluded: boolean } {
  const values = {} as Record<F, CellRead>;
  let excluded = false;
  for (const d of defs) {
    let r = readCell(d, m[d.field] === null ? null : cells[m[d.field]!]);
    if (r.kind === "bad") {
      // Which bad values keep the row out is columns.ts' rule (the import preview says the same).
      if (badValueExcludesRow(d)) excluded = true;
      if (d.kind === "date") {
        if (d.required) ctx.err(LEDGER_MSG.badDate(ctx.name, d.title, r.shown));
        else ctx.warn(LEDGER_MSG.badOptionalDate(ctx.name, d.title, r.shown));
      } else if (d.kind === "choice" && d.uncounted) ctx.warn(LEDGER_MSG.badUncountedChoice(ctx.name, d.title, r.shown, labels(d.vocabulary!)));
      else if (d.kind === "choice") ctx.unknown.add(d, r.shown, ctx.line, ctx.id);
      else if (d.kind === "yesNo") ctx.warn(LEDGER_MSG.badExtended(ctx.name, r.shown));
    } else if (r.kind === "choice" && cellText(m[d.field] === null ? null : cells[m[d.field]!]) !== r.choice.label) {
      ctx.reworded.add(d, cellText(cells[m[d.field]!])!, r.choice.label, ctx.line);
    } else if (r.kind === "date" && (r.day < ctx.range.from || r.day > ctx.range.to)) {
      ctx.err(LEDGER_MSG.outOfRange(ctx.name, d.title, r.day, ctx.range.from, ctx.range.to));
      excluded = true;
      r = { kind: "bad", shown: isoOf(r.day) };
    } else if (r.kind === "blank" && d.mustFill) {
      if (m[d.field] !== null) {
        ctx.err(LEDGER_MSG.missing(ctx.name, d.title));
        excluded = true;
      } else if (!d.guessed) excluded = true;
    }
    values[d.field] = r;
  }
  return { values, excluded };
}

const dayIn = (r: CellRead): number | null => (r.kind === "date" ? r.day : null);
const codeIn = (r: CellRead): string | null => (r.kind === "choice" ? r.choice.code : null);
const textIn = (r: CellRead): string | null => (r.kind === "text" ? r.text : null);

/** A clerk's 合计 / 小计 line under the rows: no application, so not read (nor reported). */
export function isTotalRow(cells: readonly RawCell[]): boolean {
  const texts = cells.map((c) => cellText(c)).filter((t): t is string => t !== null);
  return texts.length > 0 && /^(合计|总计|小计)[:：]?$/.test(texts[0]!.replace(/\s+/g, "")) && texts.slice(1).every((t) => /^\d+$/.test(t));
}

/** Rows of a grid below its header that have anything written, with their source line. */
function* filledRows<F extends string>(defs: readonly ColumnDef<F>[], m: ColumnMapping<F>, src: GridSource, headerIndex: number) {
  for (let i = headerIndex + 1; i < src.rows.length; i++) {
    const cells = src.rows[i]!;
    if (defs.every((d) => m[d.field] === null || cellText(cells[m[d.field]!]) === null)) continue;
    if (isTotalRow(cells)) continue;
    yield { cells, line: src.firstLine + i };
  }
}

/** Read the 申请台账 grid. */
export function parseApplications(src: GridSource, opts: ParseOptions = {}): Parsed<Application> {
  const { found, findings } = setup(APP_COLUMNS, src);
  if (!found) return { rows: [], findings: findings.list(src.name), mapping: null, headerLine: null };
  const m = found.mapping as ColumnMapping<AppField>;
  const blocked = missingRequired(APP_COLUMNS, m).length > 0;
  const range = rowRange(opts.year);
  const rows: Application[] = [];
  const guesses = new Guesses();
  const unknown = new UnknownValues();
  const reworded = new Reworded();
  for (const { cells, line } of filledRows(APP_COLUMNS, m, src, found.index)) {
    const id = textIn(readCell(columnOf(APP_COLUMNS, "id"), m.id === null ? null : cells[m.id]));
    const name = rowName(src.name, line, id);
    const key = [appRowKey(line)];
    const err = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "error", cells: key, message });
    const warn = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "warning", cells: key, message });
    const { values: v, excluded: bad } = readRow(APP_COLUMNS, m, cells, { line, id, name, unknown, reworded, range, err, warn });
    let excluded = blocked || bad;
    const received = dayIn(v.received);
    let corrected = dayIn(v.corrected);
    const answered = dayIn(v.answered);
    const outcome = codeIn(v.outcome);
    if (answered !== null && v.outcome.kind === "blank") {
      err(LEDGER_MSG.answeredNoOutcome(name));
      excluded = true;
    }
    if (v.answered.kind === "blank" && outcome !== null) warn(LEDGER_MSG.outcomeNoAnswer(name));
    if (received !== null && answered !== null && answered < received) {
      err(LEDGER_MSG.answerBeforeReceipt(name, received, answered));
      excluded = true;
    }
    if (received !== null && corrected !== null && corrected < received) {
      warn(LEDGER_MSG.correctedBeforeReceipt(name, received, corrected));
      corrected = null;
    }
    const applicant = textIn(v.applicant);
    rows.push({
      line,
      id,
      received,
      applicantType: m.applicantType === null ? guesses.add(applicant, line) : codeIn(v.applicantType),
      applicant,
      corrected,
      extended: v.extended.kind === "yesNo" && v.extended.yes,
      // The answer date stands whatever the outcome says: an answered row is never open.
      answered,
      answerUnread: v.answered.kind === "bad",
      outcome: answered === null ? null : outcome,
      excluded,
      receiptChannel: codeIn(v.receiptChannel),
      correctionNotice: dayIn(v.correctionNotice),
      consultSent: dayIn(v.consultSent),
      consultReplied: dayIn(v.consultReplied),
      extensionApproved: dayIn(v.extensionApproved),
    });
  }
  // Per-value findings go through the cap like any row's; the notes about the whole register after it.
  for (const f of unknown.findings(src.name, appRowKey)) findings.push(f);
  if (opts.templateSheet) for (const f of reworded.findings(src.name, appRowKey)) findings.push(f);
  const notes: Finding[] = [];
  const note = guesses.summary(src.name, columnOf(APP_COLUMNS, "applicantType").title);
  if (note) notes.push({ rule: "LEDGER.NOTE", severity: "warning", cells: [], message: note });
  if (!blocked) notes.push(...excludedNote(src.name, rows));
  return { rows, findings: [...findings.list(src.name), ...notes], mapping: m, headerLine: src.firstLine + found.index };
}

/** 申请人类型 guessed from the applicant's name (the register has no such column), counted for one note. */
export class Guesses {
  private readonly by = new Map<string, { lines: number[]; byName: number }>();

  /** The guessed code for one row. */
  add(applicant: string | null, line: number): string {
    const g = guessApplicantType(applicant);
    const e = this.by.get(g.code) ?? { lines: [], byName: 0 };
    e.lines.push(line);
    if (g.by === "name") e.byName++;
    this.by.set(g.code, e);
    return g.code;
  }

  /** One sentence for all the guesses (null when none was made). */
  summary(source: string, title: string): string | null {
    if (!this.by.size) return null;
    const parts = VOCABULARIES.applicantType.choices
      .filter((c) => this.by.has(c.code))
      .map((c) => {
        const e = this.by.get(c.code)!;
        const dflt = e.lines.length - e.byName;
        return LEDGER_MSG.guessPart(c.label, e.lines.length, dflt, linesList(e.lines, 5));
      });
    return LEDGER_MSG.guessedTypes(source, title, parts.join("；"));
  }
}

/** Read the 复议诉讼台账 grid. */
export function parseCases(src: GridSource, opts: ParseOptions = {}): Parsed<Case> {
  const { found, findings } = setup(CASE_COLUMNS, src);
  if (!found) return { rows: [], findings: findings.list(src.name), mapping: null, headerLine: null };
  const m = found.mapping as ColumnMapping<CaseField>;
  const blocked = missingRequired(CASE_COLUMNS, m).length > 0;
  const range = rowRange(opts.year);
  const rows: Case[] = [];
  const unknown = new UnknownValues();
  const reworded = new Reworded();
  for (const { cells, line } of filledRows(CASE_COLUMNS, m, src, found.index)) {
    const id = textIn(readCell(columnOf(CASE_COLUMNS, "id"), m.id === null ? null : cells[m.id]));
    const name = rowName(src.name, line, id);
    const key = [caseRowKey(line)];
    const err = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "error", cells: key, message });
    const warn = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "warning", cells: key, message });
    const { values: v, excluded: bad } = readRow(CASE_COLUMNS, m, cells, { line, id, name, unknown, reworded, range, err, warn });
    const kind = codeIn(v.kind);
    const result = codeIn(v.result) ?? VOCABULARIES.caseResult.blank!.code;
    rows.push({ line, id, kind: kind === null ? null : Number(kind), received: dayIn(v.received), result: Number(result), excluded: blocked || bad });
  }
  for (const f of unknown.findings(src.name, caseRowKey)) findings.push(f);
  if (opts.templateSheet) for (const f of reworded.findings(src.name, caseRowKey)) findings.push(f);
  return { rows, findings: [...findings.list(src.name), ...(blocked ? [] : excludedNote(src.name, rows))], mapping: m, headerLine: src.firstLine + found.index };
}

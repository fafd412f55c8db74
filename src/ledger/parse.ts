/**
 * Turning a register's grid (a sheet, an .xlsx sheet or a .csv) into rows of the model, with a
 * LEDGER.ROW finding for every value that cannot be read. Nothing is guessed: a row whose
 * applicant type, outcome or dates cannot be read is kept out of the counts and named.
 */
import type { Finding, RawCell } from "../report";
import { looseKey } from "../import/labels";
import { registerRowKey } from "../template/layout";
import { APP_COLUMNS, CASE_COLUMNS, mappedCount, missingRequired, proposeMapping, type ColumnDef, type ColumnMapping, type AppField, type CaseField } from "./columns";
import { dayOf, parseDate } from "./dates";
import { LEDGER_MSG, rowName } from "./messages";
import { RowFindings } from "./summary";
import type { Application, Case } from "./model";
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, OPEN_RESULT, matchApplicantType, matchCaseKind, matchCaseResult, matchOutcome } from "./vocabulary";

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

/** A cell's text, trimmed; null when blank. */
export function cellText(v: RawCell | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

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

const YES = /^(是|y|yes|true|1|√|✓|✔|延期|已延期)$/i;
const NO = /^(否|n|no|false|0|×|不延期|未延期|无)$/i;

/** 是否延期 as written: true (是), false (否), or null when it says neither. */
export function parseExtended(text: string): boolean | null {
  return YES.test(text) ? true : NO.test(text) ? false : null;
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

/** Read the 申请台账 grid. */
export function parseApplications(src: GridSource, opts: ParseOptions = {}): Parsed<Application> {
  const { found, findings } = setup(APP_COLUMNS, src);
  if (!found) return { rows: [], findings: findings.list(src.name), mapping: null, headerLine: null };
  const m = found.mapping as ColumnMapping<AppField>;
  const title = (f: AppField) => APP_COLUMNS.find((c) => c.field === f)!.title;
  const blocked = missingRequired(APP_COLUMNS, m).length > 0;
  const range = rowRange(opts.year);
  const rows: Application[] = [];
  for (let i = found.index + 1; i < src.rows.length; i++) {
    const cells = src.rows[i]!;
    const at = (f: AppField): RawCell => (m[f] === null ? null : (cells[m[f]!] ?? null));
    if (APP_COLUMNS.every((c) => cellText(at(c.field)) === null)) continue;
    const line = src.firstLine + i;
    const id = cellText(at("id"));
    const name = rowName(src.name, line, id);
    const key = [appRowKey(line)];
    const err = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "error", cells: key, message });
    const warn = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "warning", cells: key, message });
    let excluded = blocked;

    const date = (f: AppField, required: boolean): number | null => {
      const p = parseDate(at(f));
      if (!p.ok) {
        if (required) {
          err(LEDGER_MSG.badDate(name, title(f), p.shown));
          excluded = true;
        } else warn(LEDGER_MSG.badOptionalDate(name, title(f), p.shown));
        return null;
      }
      if (p.day !== null && (p.day < range.from || p.day > range.to)) {
        err(LEDGER_MSG.outOfRange(name, title(f), p.day, range.from, range.to));
        excluded = true;
        return null;
      }
      return p.day;
    };
    const received = date("received", true);
    if (received === null && cellText(at("received")) === null && m.received !== null) {
      err(LEDGER_MSG.missing(name, title("received")));
      excluded = true;
    }
    let corrected = date("corrected", false);
    const answered = date("answered", true);

    let applicantType: string | null = null;
    const typeText = cellText(at("applicantType"));
    if (typeText === null) {
      if (m.applicantType !== null) err(LEDGER_MSG.missing(name, title("applicantType")));
      excluded = true;
    } else {
      const t = matchApplicantType(typeText);
      if (t) applicantType = t.choice.code;
      else {
        err(LEDGER_MSG.unknownType(name, typeText, APPLICANT_TYPES.map((c) => c.label).join("、")));
        excluded = true;
      }
    }

    let outcome: string | null = null;
    const outcomeText = cellText(at("outcome"));
    if (outcomeText !== null) {
      const o = matchOutcome(outcomeText);
      if (o) outcome = o.choice.code;
      else {
        err(LEDGER_MSG.unknownOutcome(name, outcomeText));
        excluded = true;
      }
    }
    if (answered !== null && outcomeText === null) {
      err(LEDGER_MSG.answeredNoOutcome(name));
      excluded = true;
    }
    if (answered === null && outcome !== null && cellText(at("answered")) === null) warn(LEDGER_MSG.outcomeNoAnswer(name));

    const extText = cellText(at("extended"));
    let extended = false;
    if (extText !== null) {
      const e = parseExtended(extText);
      if (e === null) warn(LEDGER_MSG.badExtended(name, extText));
      else extended = e;
    }
    if (received !== null && answered !== null && answered < received) {
      err(LEDGER_MSG.answerBeforeReceipt(name, received, answered));
      excluded = true;
    }
    if (received !== null && corrected !== null && corrected < received) {
      warn(LEDGER_MSG.correctedBeforeReceipt(name, received, corrected));
      corrected = null;
    }
    rows.push({
      line,
      id,
      received,
      applicantType,
      applicant: cellText(at("applicant")),
      corrected,
      extended,
      answered: outcome === null ? null : answered,
      outcome: answered === null ? null : outcome,
      excluded,
    });
  }
  return { rows, findings: findings.list(src.name), mapping: m, headerLine: src.firstLine + found.index };
}

/** Read the 复议诉讼台账 grid. */
export function parseCases(src: GridSource, opts: ParseOptions = {}): Parsed<Case> {
  const { found, findings } = setup(CASE_COLUMNS, src);
  if (!found) return { rows: [], findings: findings.list(src.name), mapping: null, headerLine: null };
  const m = found.mapping as ColumnMapping<CaseField>;
  const title = (f: CaseField) => CASE_COLUMNS.find((c) => c.field === f)!.title;
  const blocked = missingRequired(CASE_COLUMNS, m).length > 0;
  const range = rowRange(opts.year);
  const rows: Case[] = [];
  for (let i = found.index + 1; i < src.rows.length; i++) {
    const cells = src.rows[i]!;
    const at = (f: CaseField): RawCell => (m[f] === null ? null : (cells[m[f]!] ?? null));
    if (CASE_COLUMNS.every((c) => cellText(at(c.field)) === null)) continue;
    const line = src.firstLine + i;
    const id = cellText(at("id"));
    const name = rowName(src.name, line, id);
    const err = (message: string) => findings.push({ rule: "LEDGER.ROW", severity: "error", cells: [caseRowKey(line)], message });
    let excluded = blocked;
    let received: number | null = null;
    const p = parseDate(at("received"));
    if (!p.ok) {
      err(LEDGER_MSG.badDate(name, title("received"), p.shown));
      excluded = true;
    } else if (p.day === null) {
      err(LEDGER_MSG.missing(name, title("received")));
      excluded = true;
    } else if (p.day < range.from || p.day > range.to) {
      err(LEDGER_MSG.outOfRange(name, title("received"), p.day, range.from, range.to));
      excluded = true;
    } else received = p.day;
    let kind: number | null = null;
    const kindText = cellText(at("kind"));
    if (kindText === null) {
      err(LEDGER_MSG.missing(name, title("kind")));
      excluded = true;
    } else {
      const k = matchCaseKind(kindText);
      if (k) kind = Number(k.choice.code);
      else {
        err(LEDGER_MSG.unknownKind(name, kindText, CASE_KINDS.map((c) => c.label).join("、")));
        excluded = true;
      }
    }
    let result = Number(OPEN_RESULT.code);
    const resultText = cellText(at("result"));
    if (resultText !== null) {
      const r = matchCaseResult(resultText);
      if (r) result = Number(r.choice.code);
      else {
        err(LEDGER_MSG.unknownResult(name, resultText, CASE_RESULTS.map((c) => c.label).join("、")));
        excluded = true;
      }
    }
    rows.push({ line, id, kind, received, result, excluded });
  }
  return { rows, findings: findings.list(src.name), mapping: m, headerLine: src.firstLine + found.index };
}

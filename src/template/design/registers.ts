/**
 * 申请台账 and 复议诉讼台账 (template version 3): a header row with the exact titles over a
 * bounded block of input rows (dates as real dates, lists from the format), deadline columns on
 * a generated working-day calendar, and a 台账汇总 block that counts the register into 表三 / 表四
 * with COUNTIFS and checks the tables against it (✓ / ✗ 差 N) — all formulas, so it works in
 * Excel, WPS and LibreOffice without the add-in.
 *
 * These are the template's only cross-sheet formulas (the report year on 封面, the cells of 表三 /
 * 表四): a register must be compared with the tables it feeds. Sheet references are always quoted;
 * patchTemplate renames them with the sheets.
 *
 * The counting mirrors src/ledger/count.ts through hidden per-row flags: 有效 (the row can be
 * counted), 相关 (received by the end of Y and not answered before Y), 新收 (received in Y),
 * 答复 (answered in Y). The sheet accepts the list wordings only; the add-in also reads variants.
 */
import { FORMAT_2021, T4_RESULT_LABELS, t3Key, t4Key } from "../../report";
import { APP_COLUMNS, CASE_COLUMNS, columnIndex, type ColumnDef, type VocabularyName } from "../../ledger/columns";
import { APP_REGISTER_ROWS, CASE_REGISTER_ROWS, REGISTER_SHEETS } from "../../ledger/sheets";
import { CALENDAR_YEARS, workdaysOfYears } from "../../ledger/calendar";
import { serialOfDay } from "../../ledger/dates";
import { ANSWER_WORKDAYS, CONSULT_WORKDAYS, DUE_SOON_WORKDAYS, EXTENSION_WORKDAYS } from "../../ledger/deadline";
import { CASE_KINDS, CHOICES, OPEN_RESULT, OUTCOMES } from "../../ledger/choices";
import { a1, rect, rectAddress, type Rect } from "../address";
import { REGISTER_LABELS, SHEET_NAMES } from "../messages";
import { emptyDesign, heightFor } from "./common";
import { META_KEYS } from "./meta";
import type { ComputedCell, ListCells, RegisterColumn, SheetDesign } from "./types";
import { designMeta } from "./meta";
import { designT3 } from "./t3";
import { designT4 } from "./t4";

export { APP_REGISTER_ROWS, CASE_REGISTER_ROWS };
/** Years of the working-day calendar: the last six the holiday data covers. */
export const CALENDAR_SPAN = { first: CALENDAR_YEARS.last - 6, last: CALENDAR_YEARS.last };

// Both registers share the header and first rows (src/ledger/sheets.ts).
const HEADER_ROW = REGISTER_SHEETS.apps.headerRow;
const FIRST_ROW = REGISTER_SHEETS.apps.firstRow;
const HIDDEN_FROM = 40;
/** Hidden per-row flags. */
const F_VALID = 42;
const F_REL = 43;
const F_NEW = 44;
const F_ANS = 45;
/** Hidden value lists: one column per vocabulary in table order, then 是/否, then the calendar. */
const L_FIRST = 94;
const L_CAL = 99;

const YES_NO = ["是", "否"];

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** The 封面 year cell as a cross-sheet reference. */
function yearRef(): string {
  const v = designMeta().values.find((x) => x.key === META_KEYS.year)!;
  return `${quoted(SHEET_NAMES.meta)}${a1(v.row, v.col, true)}`;
}

function listRect(col: number, n: number): Rect {
  return rect(1, col, n, col);
}

const abs = (r: Rect) => rectAddress(r, true);
/**
 * Whether a cell holds one of a list's values. The criterion is `cell&""`: a blank cell is then the
 * text "" (no list value is blank), never a bare empty reference, which some engines reject
 * (HyperFormula, the workbench's Excel: #VALUE!, and OR/AND do not stop at it) — a row without
 * 办理结果 would silently drop out of the sheet's count while the add-in counts it.
 */
const inList = (list: string, cell: string) => `COUNTIF(${list},${cell}&"")>0`;
const colRange = (col: number, last: number) => `${a1(FIRST_ROW, col, true)}:${a1(last, col, true)}`;

type ListName = VocabularyName | "yesNo";

/**
 * The sheet's columns from the ledger's column table: title, width, and by kind a date format or
 * a validation list. Each list is written once into a hidden column (the vocabularies in table
 * order from L_FIRST, then 是/否).
 */
function registerColumns(defs: readonly ColumnDef[]): { columns: RegisterColumn[]; lists: ListCells[]; listRects: Map<ListName, Rect> } {
  const listed: { name: ListName; values: string[] }[] = [];
  for (const d of defs) if (d.kind === "choice") listed.push({ name: d.vocabulary!, values: CHOICES[d.vocabulary!].map((c) => c.label) });
  if (defs.some((d) => d.kind === "yesNo")) listed.push({ name: "yesNo", values: YES_NO });
  if (L_FIRST + listed.length > L_CAL) throw new Error("register lists overlap the calendar column");
  const listRects = new Map(listed.map((l, i) => [l.name, listRect(L_FIRST + i, l.values.length)] as const));
  const lists = listed.map((l, i) => ({ col: L_FIRST + i, firstRow: 1, values: l.values }));
  const columns = defs.map((d): RegisterColumn => {
    const list = d.kind === "choice" ? listRects.get(d.vocabulary!) : d.kind === "yesNo" ? listRects.get("yesNo") : undefined;
    if (list) return { title: d.title, kind: "list", width: d.width, list };
    return { title: d.title, kind: d.kind === "date" ? "date" : "text", width: d.width };
  });
  return { columns, lists, listRects };
}

export function designApps(): SheetDesign {
  const d = emptyDesign("apps", SHEET_NAMES.apps);
  const sheet = REGISTER_SHEETS.apps;
  const last = sheet.lastRow;
  const { columns, lists, listRects } = registerColumns(APP_COLUMNS);
  const types = listRects.get("applicantType")!;
  const outcomes = listRects.get("outcome")!;
  const calendar = workdaysOfYears(CALENDAR_SPAN.first, CALENDAR_SPAN.last).map(serialOfDay);
  const cal = abs(listRect(L_CAL, calendar.length));
  d.lists.push(...lists, { col: L_CAL, firstRow: 1, values: calendar });
  d.register = { headerRow: sheet.headerRow, firstRow: sheet.firstRow, lastRow: last, firstCol: sheet.firstCol, columns };
  const col = (field: (typeof APP_COLUMNS)[number]["field"]) => sheet.firstCol + columnIndex(APP_COLUMNS, field);
  const [B, C, F, G, H, I] = (["received", "applicantType", "corrected", "extended", "answered", "outcome"] as const).map(col) as [number, number, number, number, number, number];
  const [NOTICE, SENT, REPLIED] = (["correctionNotice", "consultSent", "consultReplied"] as const).map(col) as [number, number, number];
  const dueCol = columns.length + 1; // K
  const statusCol = dueCol + 1; // L
  columns.forEach((c, i) => {
    d.widths[1 + i] = c.width;
    d.labels.push({ rect: rect(HEADER_ROW, 1 + i), text: c.title, style: "header" });
  });
  d.widths[dueCol] = 12;
  d.widths[statusCol] = 10;
  d.labels.push({ rect: rect(1, 1, 1, statusCol), text: REGISTER_LABELS.appsTitle, style: "title" });
  d.labels.push({ rect: rect(HEADER_ROW, dueCol), text: REGISTER_LABELS.due, style: "header" });
  d.labels.push({ rect: rect(HEADER_ROW, statusCol), text: REGISTER_LABELS.status, style: "header" });

  // Summary block: year, 表三 as counted, and the check against 表三.
  const sLabel = statusCol + 2; // N
  const sFirst = sLabel + 1; // O
  const t3 = FORMAT_2021.table3;
  const yearCell = a1(HEADER_ROW, sFirst, true);
  const Y = yearCell;
  const start = `DATE(${Y},1,1)`;
  const end = `DATE(${Y},12,31)`;
  const stat = REGISTER_LABELS.statusText;
  const S = (r: number, c: number) => a1(r, c);
  for (let r = FIRST_ROW; r <= last; r++) {
    const b = S(r, B);
    const h = S(r, H);
    const i = S(r, I);
    const due = S(r, dueCol);
    const clock = deadlineFormulas({ b, f: S(r, F), g: S(r, G), notice: S(r, NOTICE), sent: S(r, SENT), replied: S(r, REPLIED), cal });
    d.computed.push({ row: r, col: dueCol, style: "date", formula: clock.due });
    d.computed.push({
      row: r,
      col: statusCol,
      style: "status",
      formula:
        // As src/ledger/deadline.ts: an answer date makes the row answered whatever 办理结果 says;
        // an answer cell holding something other than a date is not judged; an unanswered row
        // asked to correct has no deadline until the corrected application arrives.
        // Nested IFs, not AND/OR: IF evaluates one branch, so the 500 blank rows cost one test each.
        `IF(NOT(ISNUMBER(${due})),IF(ISNUMBER(${b}),IF(${h}="",IF(${clock.awaiting},"${stat.awaitingCorrection}",""),""),""),` +
        `IF(ISNUMBER(${h}),IF(${h}>${due},"${stat.late}","${stat.answered}"),IF(${h}<>"","",` +
        `IF(TODAY()>${due},"${stat.overdue}",IF(COUNTIFS(${cal},">"&TODAY(),${cal},"<="&${due})<=${DUE_SOON_WORKDAYS},"${stat.dueSoon}","${stat.open}")))))`,
    });
    const upper = `DATE(${Y}+1,12,31)`;
    d.helpers.push(
      {
        row: r,
        col: F_VALID,
        formula:
          `IF(ISNUMBER(${Y}),IF(AND(ISNUMBER(${b}),${b}>=DATE(2008,1,1),${b}<=${upper},${inList(abs(types), S(r, C))},` +
          `OR(${i}="",${inList(abs(outcomes), i)}),OR(${h}="",AND(ISNUMBER(${h}),${h}>=${b},${h}<=${upper},${i}<>""))),1,0),0)`,
      },
      { row: r, col: F_REL, formula: `IF(${S(r, F_VALID)}=1,IF(AND(${b}<=${end},OR(${h}="",${h}>=${start})),1,0),0)` },
      { row: r, col: F_NEW, formula: `IF(${S(r, F_REL)}=1,IF(${b}>=${start},1,0),0)` },
      { row: r, col: F_ANS, formula: `IF(${S(r, F_REL)}=1,IF(AND(${h}<>"",${h}<=${end}),1,0),0)` },
    );
  }
  d.cf.push(
    { rect: rect(FIRST_ROW, statusCol, last, statusCol), formula: `OR(${S(FIRST_ROW, statusCol)}="${stat.overdue}",${S(FIRST_ROW, statusCol)}="${stat.late}")`, style: "checkFail" },
    { rect: rect(FIRST_ROW, statusCol, last, statusCol), formula: `${S(FIRST_ROW, statusCol)}="${stat.dueSoon}"`, style: "checkInvalid" },
  );

  d.labels.push({ rect: rect(1, sLabel, 1, sFirst + 6), text: REGISTER_LABELS.summary, style: "blockHeader" });
  d.labels.push({ rect: rect(HEADER_ROW, sLabel), text: REGISTER_LABELS.year, style: "rowLabel" });
  const yr = yearRef();
  d.computed.push({ row: HEADER_ROW, col: sFirst, style: "total", formula: `IF(ISNUMBER(${yr}),${yr},"")`, blank: "year" });
  const headRow = 4;
  const firstSum = headRow + 1;
  const checkFirst = sFirst + t3.columns.length + 1;
  d.labels.push({ rect: rect(headRow - 1, checkFirst, headRow - 1, checkFirst + t3.columns.length - 1), text: REGISTER_LABELS.t3Check, style: "blockHeader" });
  t3.columns.forEach((c, j) => {
    d.labels.push({ rect: rect(headRow, sFirst + j), text: c.label, style: "header" });
    d.labels.push({ rect: rect(headRow, checkFirst + j), text: c.label, style: "header" });
    d.widths[sFirst + j] = 8;
    d.widths[checkFirst + j] = 8;
  });
  d.widths[sLabel] = 24;
  d.widths[checkFirst - 1] = 2;
  const t3Design = designT3();
  const t3Cell = new Map(t3Design.values.map((v) => [v.key, v]));
  const typeCol = colRange(C, last);
  const flag = (f: number) => colRange(f, last);
  const outcomeRowIndex = new Map(OUTCOMES.map((o, k) => [o.code, k]));
  const checkCells: ComputedCell[] = [];
  const register = abs(rect(FIRST_ROW, 1, last, columns.length));
  t3.rows.forEach((row, ri) => {
    const r = firstSum + ri;
    d.labels.push({ rect: rect(r, sLabel), text: `${row.code} ${row.short}`, style: "rowLabel" });
    t3.columns.forEach((c, j) => {
      const here = sFirst + j;
      let formula: string;
      if (c.total) formula = `SUM(${S(r, sFirst)}:${S(r, sFirst + j - 1)})`;
      else {
        const type = a1(types.top + j, types.left, true);
        if (row.role === "new") formula = `COUNTIFS(${typeCol},${type},${flag(F_NEW)},1)`;
        else if (row.role === "carried") formula = `COUNTIFS(${typeCol},${type},${flag(F_REL)},1,${flag(F_NEW)},0)`;
        else if (row.role === "outcome") formula = `COUNTIFS(${typeCol},${type},${colRange(I, last)},${a1(outcomes.top + outcomeRowIndex.get(row.code)!, outcomes.left, true)},${flag(F_ANS)},1)`;
        else if (row.role === "total") formula = `SUM(${S(firstSum + 2, here)}:${S(r - 1, here)})`;
        else formula = `COUNTIFS(${typeCol},${type},${flag(F_REL)},1,${flag(F_ANS)},0)`;
      }
      d.computed.push({ row: r, col: here, style: "total", formula });
      (d.tally ??= {})[t3Key(row.code, c.code)] = { row: r, col: here };
      const target = `${quoted(SHEET_NAMES.t3)}${a1(t3Cell.get(t3Key(row.code, c.code))!.row, t3Cell.get(t3Key(row.code, c.code))!.col)}`;
      checkCells.push({ row: r, col: checkFirst + j, style: "check", formula: checkFormula(target, S(r, here), register), blank: REGISTER_LABELS.notApplicable });
    });
  });
  d.computed.push(...checkCells);
  const summaryRow = firstSum + t3.rows.length + 1;
  const checkArea = rect(firstSum, checkFirst, summaryRow - 2, checkFirst + t3.columns.length - 1);
  d.labels.push({ rect: rect(summaryRow, sLabel), text: REGISTER_LABELS.t3Check, style: "checkLabel" });
  d.computed.push({ row: summaryRow, col: sFirst, style: "check", formula: summaryFormula(checkArea, register, Y), blank: REGISTER_LABELS.summaryEmpty });
  addCheckFormats(d, checkArea, rect(summaryRow, sFirst));
  d.labels.push({ rect: rect(summaryRow + 2, sLabel, summaryRow + 2, checkFirst + 6), text: REGISTER_LABELS.note, style: "note" });
  d.heights[summaryRow + 2] = heightFor(REGISTER_LABELS.note, 24 + 16 * 8);
  d.hiddenFrom = HIDDEN_FROM;
  d.print = { area: rect(1, 1, last, statusCol), titleRows: [HEADER_ROW, HEADER_ROW], landscape: true };
  d.freeze = { rows: HEADER_ROW, cols: 0 };
  d.heights[1] = 24;
  return d;
}

/**
 * The answer deadline of src/ledger/deadline.ts as one formula over the hidden calendar `cal` (every
 * working day, ascending), in calendar positions: MATCH(day, cal, 1) is how many working days
 * there are up to `day`. With S the position of the start (receipt, or the corrected application
 * when it is not earlier), N the working days (20, 40 extended), and the consultation's skipped
 * positions (W0, W1] — W0 the position of the day it was sent, W1 that of the last opinion or
 * W0 + 15, whichever is earlier (an opinion before the sending is not used) — the due date is at
 * position S + N + K, where K = W1 − MAX(W0, S) when the consultation begins before the N-th
 * counted day (MAX(W0, S) < S + N), else 0. test/ledger/deadlineTable.test.ts checks this against
 * the engine's day-by-day count; the LibreOffice test recalculates it.
 */
export function deadlineFormulas(c: { b: string; f: string; g: string; notice: string; sent: string; replied: string; cal: string }): { due: string; awaiting: string } {
  const { b, f, g, notice, sent, replied, cal } = c;
  // N(corrected) is the corrected date, or 0 for a blank or a text that is no date: MAX takes the
  // corrected date only when it is not before the receipt, as clockStart does.
  const awaiting = `AND(ISNUMBER(${notice}),N(${f})<${b})`;
  const start = `MATCH(MAX(${b},N(${f})),${cal},1)`;
  const n = `IF(${g}="${YES_NO[0]}",${ANSWER_WORKDAYS + EXTENSION_WORKDAYS},${ANSWER_WORKDAYS})`;
  const w0 = `MATCH(${sent},${cal},1)`;
  // The opinion's position, or one past any calendar when there is none to use (MIN then takes W0 + 15).
  const reply = `IF(AND(ISNUMBER(${replied}),${replied}>=${sent}),MATCH(${replied},${cal},1),99999)`;
  // MAX(W0, S) < S + N is W0 < S + N (S < S + N).
  const skipped = `IF(ISNUMBER(${sent}),IF(${w0}<${start}+${n},MAX(0,MIN(${w0}+${CONSULT_WORKDAYS},${reply})-MAX(${w0},${start})),0),0)`;
  return {
    due: `IF(NOT(ISNUMBER(${b})),"",IF(${awaiting},"",IFERROR(INDEX(${cal},${start}+${n}+${skipped}),"${REGISTER_LABELS.statusText.uncovered}")))`,
    awaiting,
  };
}

function checkFormula(target: string, counted: string, register: string): string {
  return `IF(COUNTA(${register})=0,"${REGISTER_LABELS.notApplicable}",IF(N(${target})=${counted},"✓","✗ 差 "&ABS(N(${target})-${counted})))`;
}

function summaryFormula(checks: Rect, register: string, year: string): string {
  const fails = `SUMPRODUCT(--(LEFT(${rectAddress(checks)},1)="✗"))`;
  const [a, b] = REGISTER_LABELS.summaryFail;
  return (
    `IF(COUNTA(${register})=0,"${REGISTER_LABELS.summaryEmpty}",IF(NOT(ISNUMBER(${year})),"${REGISTER_LABELS.noYear}",` +
    `IF(${fails}>0,"${a}"&${fails}&"${b}","${REGISTER_LABELS.summaryOk}")))`
  );
}

function addCheckFormats(d: SheetDesign, area: Rect, summary: Rect): void {
  for (const r of [area, summary]) {
    const tl = a1(r.top, r.left);
    d.cf.push({ rect: r, formula: `LEFT(${tl},1)="✗"`, style: "checkFail" });
    d.cf.push({ rect: r, formula: `LEFT(${tl},1)="✓"`, style: "checkOk" });
  }
}

export function designCases(): SheetDesign {
  const d = emptyDesign("cases", SHEET_NAMES.cases);
  const sheet = REGISTER_SHEETS.cases;
  const last = sheet.lastRow;
  const { columns, lists, listRects } = registerColumns(CASE_COLUMNS);
  const kinds = listRects.get("caseKind")!;
  const results = listRects.get("caseResult")!;
  d.lists.push(...lists);
  d.register = { headerRow: sheet.headerRow, firstRow: sheet.firstRow, lastRow: last, firstCol: sheet.firstCol, columns };
  columns.forEach((c, i) => {
    d.widths[1 + i] = c.width;
    d.labels.push({ rect: rect(HEADER_ROW, 1 + i), text: c.title, style: "header" });
  });
  d.labels.push({ rect: rect(1, 1, 1, columns.length), text: REGISTER_LABELS.casesTitle, style: "title" });
  const col = (field: (typeof CASE_COLUMNS)[number]["field"]) => sheet.firstCol + columnIndex(CASE_COLUMNS, field);
  const [K, R, D] = (["kind", "received", "result"] as const).map(col) as [number, number, number];
  const sLabel = columns.length + 2; // G
  const sFirst = sLabel + 1; // H
  const Y = a1(HEADER_ROW, sFirst, true);
  const S = (r: number, c: number) => a1(r, c);
  const openCell = a1(results.top + Number(OPEN_RESULT.code), results.left, true);
  for (let r = FIRST_ROW; r <= last; r++) {
    const rc = S(r, R);
    d.helpers.push(
      {
        row: r,
        col: F_VALID,
        formula:
          `IF(ISNUMBER(${Y}),IF(AND(ISNUMBER(${rc}),${inList(abs(kinds), S(r, K))},OR(${S(r, D)}="",${inList(abs(results), S(r, D))}),` +
          `${rc}>=DATE(${Y},1,1),${rc}<=DATE(${Y},12,31)),1,0),0)`,
      },
      { row: r, col: F_REL, formula: `IF(${S(r, D)}="",${openCell},${S(r, D)})`, blank: null },
    );
  }
  d.labels.push({ rect: rect(1, sLabel, 1, sFirst + 4), text: REGISTER_LABELS.summary, style: "blockHeader" });
  d.labels.push({ rect: rect(HEADER_ROW, sLabel), text: REGISTER_LABELS.year, style: "rowLabel" });
  const yr = yearRef();
  d.computed.push({ row: HEADER_ROW, col: sFirst, style: "total", formula: `IF(ISNUMBER(${yr}),${yr},"")`, blank: "year" });
  const headRow = 4;
  const checkFirst = sFirst + T4_RESULT_LABELS.length + 1;
  d.labels.push({ rect: rect(headRow - 1, checkFirst, headRow - 1, checkFirst + 4), text: REGISTER_LABELS.t4Check, style: "blockHeader" });
  T4_RESULT_LABELS.forEach((label, j) => {
    d.labels.push({ rect: rect(headRow, sFirst + j), text: label, style: "header" });
    d.labels.push({ rect: rect(headRow, checkFirst + j), text: label, style: "header" });
    d.widths[sFirst + j] = 9;
    d.widths[checkFirst + j] = 9;
  });
  d.widths[sLabel] = 28;
  d.widths[checkFirst - 1] = 2;
  const t4Cell = new Map(designT4().values.map((v) => [v.key, v]));
  const register = abs(rect(FIRST_ROW, 1, last, columns.length));
  const checks: ComputedCell[] = [];
  FORMAT_2021.table4.groups.forEach((g, gi) => {
    const r = headRow + 1 + gi;
    d.labels.push({ rect: rect(r, sLabel), text: CASE_KINDS[gi]!.label, style: "rowLabel" });
    g.columns.forEach((c, j) => {
      const formula = c.total
        ? `SUM(${S(r, sFirst)}:${S(r, sFirst + j - 1)})`
        : `COUNTIFS(${colRange(K, last)},${a1(kinds.top + gi, kinds.left, true)},${colRange(F_REL, last)},${a1(results.top + j, results.left, true)},${colRange(F_VALID, last)},1)`;
      d.computed.push({ row: r, col: sFirst + j, style: "total", formula });
      (d.tally ??= {})[t4Key(c.code)] = { row: r, col: sFirst + j };
      const v = t4Cell.get(t4Key(c.code))!;
      checks.push({ row: r, col: checkFirst + j, style: "check", formula: checkFormula(`${quoted(SHEET_NAMES.t4)}${a1(v.row, v.col)}`, S(r, sFirst + j), register), blank: REGISTER_LABELS.notApplicable });
    });
  });
  d.computed.push(...checks);
  const summaryRow = headRow + FORMAT_2021.table4.groups.length + 2;
  const checkArea = rect(headRow + 1, checkFirst, summaryRow - 2, checkFirst + 4);
  d.labels.push({ rect: rect(summaryRow, sLabel), text: REGISTER_LABELS.t4Check, style: "checkLabel" });
  d.computed.push({ row: summaryRow, col: sFirst, style: "check", formula: summaryFormula(checkArea, register, Y), blank: REGISTER_LABELS.summaryEmpty });
  addCheckFormats(d, checkArea, rect(summaryRow, sFirst));
  d.hiddenFrom = HIDDEN_FROM;
  d.print = { area: rect(1, 1, last, columns.length), titleRows: [HEADER_ROW, HEADER_ROW], landscape: false };
  d.freeze = { rows: HEADER_ROW, cols: 0 };
  d.heights[1] = 24;
  return d;
}

/**
 * A register from a file: the registers of a template workbook (found by their markers), a
 * clerk's own .xlsx (any sheet whose header row names the register's columns) or a .csv. ExcelJS
 * loads lazily, so nothing here reaches the task pane bundle unless asked for.
 */
import type { RawCell } from "../report";
import { APP_COLUMNS, CASE_COLUMNS, mappedCount, missingRequired, type ColumnDef, type ColumnMapping } from "./columns";
import { proposeMapping } from "./headers";
import type { UserMapping } from "./parse";
import { parseCsv } from "./csv";
import { MAX_REGISTER_CELLS, MAX_REGISTER_MS, MAX_REGISTER_ROWS, MAX_XLSX_COLUMNS, RegisterTooLarge } from "./limits";
import { LEDGER_LIMIT_MSG, LEDGER_MSG } from "./messages";
import { registerFromGrids, type RegisterGrids } from "./register";
import type { GridSource, ParseOptions } from "./parse";

function score<F extends string>(defs: readonly ColumnDef<F>[], rows: readonly (readonly RawCell[])[]): number {
  let best = 0;
  for (let i = 0; i < Math.min(10, rows.length); i++) {
    const m: ColumnMapping<F> = proposeMapping(defs, rows[i]!);
    // Three known titles make a header row; missing required columns are then reported, not guessed.
    if (mappedCount(m) >= 3) best = Math.max(best, mappedCount(m) + (missingRequired(defs, m).length === 0 ? 100 : 0));
  }
  return best;
}

export interface NamedGrid {
  name: string;
  rows: RawCell[][];
}

/** Which grids are the registers: the best header match for each (a sheet serves one register). */
export function pickRegisterGrids(sheets: readonly NamedGrid[], mapping?: UserMapping): RegisterGrids {
  const scored = sheets.map((s) => ({ s, app: score(APP_COLUMNS, s.rows), cases: score(CASE_COLUMNS, s.rows) }));
  const app = scored.filter((x) => x.app > 0 && x.app >= x.cases).sort((a, b) => b.app - a.app)[0];
  const cases = scored.filter((x) => x.cases > 0 && x !== app && x.cases > x.app).sort((a, b) => b.cases - a.cases)[0];
  const src = (g: NamedGrid): GridSource => ({ name: g.name, rows: g.rows, firstLine: 1, ...(mapping ? { mapping } : {}) });
  // A single grid with a mapping given by the user is the 申请台账 even if its headers say little.
  if (!app && !cases && mapping && sheets.length === 1) return { applications: src(sheets[0]!), cases: null };
  return { applications: app ? src(app.s) : null, cases: cases ? src(cases.s) : null };
}

/**
 * Every sheet of an .xlsx as RawCell rows (dates as ISO text, formulas as their cached results).
 * Only the rows that exist and hold a value are visited (never the empty ones before a far cell:
 * ExcelJS makes a Row object for each), in the first MAX_XLSX_COLUMNS columns, within
 * MAX_REGISTER_ROWS rows per sheet, MAX_REGISTER_CELLS cells per file and MAX_REGISTER_MS.
 */
export async function xlsxGrids(bytes: Uint8Array, now: () => number = Date.now): Promise<NamedGrid[] | { error: string }> {
  const { openXlsxBounded } = await import("../template/read");
  const { fromExcelJsValue } = await import("../template/cellValue");
  const deadline = now() + MAX_REGISTER_MS;
  // The same bounds as every workbook reader: a hostile register file is refused, not inflated.
  const opened = await openXlsxBounded(bytes);
  if (!opened.ok) return { error: opened.message };
  const sheets = opened.workbook.worksheets;
  const out: NamedGrid[] = [];
  let cells = 0;
  try {
    for (const ws of sheets) {
      const rows: RawCell[][] = [];
      let beyond: number | null = null;
      for (const row of existingRows(ws)) {
        const n = row.number;
        if (n > MAX_REGISTER_ROWS + 1) {
          beyond ??= n;
          continue;
        }
        if (now() > deadline) throw new RegisterTooLarge(LEDGER_LIMIT_MSG.tooSlow(MAX_REGISTER_MS / 1000));
        const line: RawCell[] = [];
        for (let c = 1; c <= Math.min(row.cellCount, MAX_XLSX_COLUMNS); c++) {
          const cell = row.getCell(c);
          let v = cell.value as unknown;
          if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) v = (v as { result?: unknown }).result ?? null;
          line.push(fromExcelJsValue(v, cell.numFmt));
        }
        cells += line.length;
        if (cells > MAX_REGISTER_CELLS) throw new RegisterTooLarge(LEDGER_LIMIT_MSG.tooManyCells(MAX_REGISTER_CELLS));
        rows[n - 1] = line;
      }
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      const grid = { name: ws.name, rows };
      // Rows past the bound are never read: refused where they would belong to a register (the
      // sheet's header names register columns, or it is the only sheet), left out elsewhere.
      if (beyond !== null && (sheets.length === 1 || score(APP_COLUMNS, rows) > 0 || score(CASE_COLUMNS, rows) > 0)) {
        return { error: LEDGER_LIMIT_MSG.rowBeyond(ws.name, beyond, MAX_REGISTER_ROWS + 1) };
      }
      out.push(grid);
    }
  } catch (e) {
    if (e instanceof RegisterTooLarge) return { error: e.message };
    throw e;
  }
  return out;
}

type SheetLike = import("exceljs").Worksheet;
type RowLike = import("exceljs").Row;

/**
 * The rows of a sheet that exist and hold a value, in order. ExcelJS keeps them in a sparse array
 * (`_rows`) whose length is the last row number: eachRow, even without includeEmpty, visits every
 * index up to it (50 sheets × 1 048 576 = 7 s). Object.keys lists only the rows there are; eachRow
 * stays the fallback should a later ExcelJS keep them otherwise.
 */
function existingRows(ws: SheetLike): RowLike[] {
  const sparse = (ws as unknown as { _rows?: unknown })._rows;
  const out: RowLike[] = [];
  if (!Array.isArray(sparse)) {
    ws.eachRow((row) => out.push(row));
    return out;
  }
  for (const key of Object.keys(sparse)) {
    const row = sparse[Number(key)] as RowLike | undefined;
    if (row && row.hasValues) out.push(row);
  }
  return out;
}

export type RegisterFileKind = "xlsx" | "csv";

/** Read a register file; `null` register when no sheet looks like a register (with the reason). */
export async function loadRegisterFile(
  kind: RegisterFileKind,
  bytes: Uint8Array,
  name: string,
  opts: ParseOptions & { mapping?: UserMapping } = {},
): Promise<ReturnType<typeof registerFromGrids> | { error: string }> {
  let sheets: NamedGrid[] | { error: string };
  try {
    sheets = kind === "csv" ? [{ name, rows: parseCsv(bytes) }] : await xlsxGrids(bytes);
  } catch (e) {
    if (!(e instanceof RegisterTooLarge)) throw e;
    sheets = { error: e.message };
  }
  if ("error" in sheets) return { error: `${name}：${sheets.error}` };
  const grids = pickRegisterGrids(sheets, opts.mapping);
  if (!grids.applications && !grids.cases) {
    return { error: LEDGER_MSG.noHeader(name, APP_COLUMNS.filter((d) => d.required).map((d) => `“${d.title}”`).join("、")) };
  }
  return registerFromGrids(grids, opts);
}

/**
 * A register from a file: the registers of a template workbook (found by their markers), a
 * clerk's own .xlsx (any sheet whose header row names the register's columns) or a .csv. ExcelJS
 * loads lazily, so nothing here reaches the task pane bundle unless asked for.
 */
import type { RawCell } from "../report";
import { APP_COLUMNS, CASE_COLUMNS, mappedCount, missingRequired, proposeMapping, type ColumnDef, type ColumnMapping } from "./columns";
import type { UserMapping } from "./parse";
import { parseCsv } from "./csv";
import { LEDGER_MSG } from "./messages";
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

/** Every sheet of an .xlsx as RawCell rows (dates as ISO text, formulas as their cached results). */
export async function xlsxGrids(bytes: Uint8Array): Promise<NamedGrid[] | { error: string }> {
  const { openXlsxBounded } = await import("../template/read");
  const { fromExcelJsValue } = await import("../template/cellValue");
  // The same bounds as every workbook reader: a hostile register file is refused, not inflated.
  const opened = await openXlsxBounded(bytes);
  if (!opened.ok) return { error: opened.message };
  return opened.workbook.worksheets.map((ws) => {
    const rows: RawCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const line: RawCell[] = [];
      // Register columns sit at the left; the summary block and hidden helpers are not read.
      for (let c = 1; c <= Math.min(row.cellCount, 30); c++) {
        const cell = row.getCell(c);
        let v = cell.value as unknown;
        if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) v = (v as { result?: unknown }).result ?? null;
        line.push(fromExcelJsValue(v, cell.numFmt));
      }
      rows[n - 1] = line;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
}

export type RegisterFileKind = "xlsx" | "csv";

/** Read a register file; `null` register when no sheet looks like a register (with the reason). */
export async function loadRegisterFile(
  kind: RegisterFileKind,
  bytes: Uint8Array,
  name: string,
  opts: ParseOptions & { mapping?: UserMapping } = {},
): Promise<ReturnType<typeof registerFromGrids> | { error: string }> {
  const sheets = kind === "csv" ? [{ name, rows: parseCsv(bytes) }] : await xlsxGrids(bytes);
  if ("error" in sheets) return { error: `${name}：${sheets.error}` };
  const grids = pickRegisterGrids(sheets, opts.mapping);
  if (!grids.applications && !grids.cases) {
    return { error: LEDGER_MSG.noHeader(name, APP_COLUMNS.filter((d) => d.required).map((d) => `“${d.title}”`).join("、")) };
  }
  return registerFromGrids(grids, opts);
}

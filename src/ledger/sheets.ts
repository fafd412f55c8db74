/**
 * Where the registers live in a workbook, as data the template builds from and the ledger reads
 * with: the two roles, their sheet names, the header row, the input rows, and the row keys that
 * findings carry and the port selects (LEDGER.APP.12). The ledger owns these, the template
 * (src/template/design/registers.ts) draws them: the arrow points from template to ledger only.
 */

/** The registers (template version 3 on): 申请台账 and 复议诉讼台账. Older templates have none. */
export const REGISTER_ROLES = ["apps", "cases"] as const;
export type RegisterRole = (typeof REGISTER_ROLES)[number];

export interface RegisterSheet {
  /** The sheet's name as the template inserts it (the clerk may rename it). */
  name: string;
  /** Sheet row of the header (the titles of the column table). */
  headerRow: number;
  /** First and last input rows. */
  firstRow: number;
  lastRow: number;
  /** Column of the first register column (1 = A). */
  firstCol: number;
}

const HEADER_ROW = 2;
/** Rows of each register (a year's applications of a busy office fit; see docs/ledger.md). */
export const APP_REGISTER_ROWS = 500;
export const CASE_REGISTER_ROWS = 100;

export const REGISTER_SHEETS: Readonly<Record<RegisterRole, RegisterSheet>> = {
  apps: { name: "申请台账", headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, lastRow: HEADER_ROW + APP_REGISTER_ROWS, firstCol: 1 },
  cases: { name: "复议诉讼台账", headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, lastRow: HEADER_ROW + CASE_REGISTER_ROWS, firstCol: 1 },
};

const ROW_KEY_PREFIX: Record<RegisterRole, string> = { apps: "LEDGER.APP", cases: "LEDGER.CASE" };

/** The key of a register row (LEDGER.APP.12): what findings carry and select and writes name. */
export function registerRowKey(role: RegisterRole, row: number): string {
  return `${ROW_KEY_PREFIX[role]}.${row}`;
}

/** The register and sheet row of a row key, or null for any other key. */
export function registerRowOf(key: string): { role: RegisterRole; row: number } | null {
  const m = /^LEDGER\.(APP|CASE)\.(\d+)$/.exec(key);
  return m ? { role: m[1] === "APP" ? "apps" : "cases", row: Number(m[2]) } : null;
}

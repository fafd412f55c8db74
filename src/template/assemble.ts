/**
 * Building the report from what was read off the template sheets — the one place that knows how
 * grid positions become report fields. Both readers hand over, per role, the values of that
 * role's read rectangle (layout.readRects) already turned into RawCell.
 */
import { FORMATS, PRIOR_KEYS, emptyReport, type Finding, type RawCell, type Report, type SectionKey } from "../report";
import { templateLayout, META_KEYS, OPENING_KEY, PRIOR_YEAR_KEY, priorGroups, priorKey } from "./layout";
import { META_LABELS, PRIOR_LABELS, READ_TEXT, SHEET_NAMES } from "./messages";
import type { RegisterRole, TemplateRole } from "./roles";

export type RoleGrids = Partial<Record<TemplateRole, RawCell[][]>>;

export interface AssembleOptions {
  /** Actual sheet names by role, for naming register rows in findings. */
  sheetNames?: Partial<Record<TemplateRole, string>>;
  /** Computed cells whose value the file did not store (never recalculated): recompute them. */
  uncomputed?: ReadonlySet<string>;
}

function cellAt(grids: RoleGrids, role: TemplateRole, row: number, col: number): RawCell {
  const r = templateLayout().readRects[role];
  return grids[role]?.[row - r.top]?.[col - r.left] ?? null;
}

function text(v: RawCell): string | null {
  if (v === null) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

function parseYear(v: RawCell): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1990 && v <= 2200 ? v : null;
  if (typeof v === "string") {
    const m = /^\s*(\d{4})\s*年?(?:度)?\s*$/.exec(v.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
    const y = m ? Number(m[1]) : NaN;
    return y >= 1990 && y <= 2200 ? y : null;
  }
  return null;
}

/**
 * SUM as the spreadsheet computes it: numbers count, everything else is ignored. Returns whether
 * any recomputed total is non-zero (ExcelJS reads a cached 0 as "no result", so a zero is no sign
 * of a file that was never recalculated).
 */
function recompute(cells: Record<string, RawCell>, keys: ReadonlySet<string>): boolean {
  const totals = templateLayout().totals;
  const done = new Set<string>();
  const value = (key: string): RawCell => {
    if (keys.has(key) && totals.has(key) && !done.has(key)) {
      done.add(key);
      cells[key] = totals.get(key)!.reduce<number>((s, k) => {
        const v = value(k);
        return typeof v === "number" ? s + v : s;
      }, 0);
    }
    return cells[key] ?? null;
  };
  for (const key of keys) value(key);
  return [...done].some((k) => cells[k] !== 0);
}

/**
 * Last year's figures from the 封面 block (template version 2 on; older templates have none):
 * numbers only; anything else there is reported, never guessed.
 */
function priorFiguresOf(grids: RoleGrids, findings: Finding[]): Report["priorFigures"] {
  const layout = templateLayout();
  if (!grids.meta) return null;
  const at = (key: string): RawCell => {
    const loc = layout.cells.get(key);
    return loc ? cellAt(grids, "meta", loc.row, loc.col) : null;
  };
  const labels = new Map(priorGroups().flatMap((g) => g.items.map((i) => [i.key, `${g.title}·${i.label}`] as const)));
  const cells: Record<string, number> = {};
  for (const key of PRIOR_KEYS) {
    const v = at(priorKey(key));
    if (typeof v === "number" && Number.isFinite(v)) cells[key] = v;
    else if (text(v) !== null) {
      findings.push({ rule: "TEMPLATE.PRIOR", severity: "warning", cells: [priorKey(key)], message: READ_TEXT.badPrior(labels.get(key) ?? key, String(v)) });
    }
  }
  if (Object.keys(cells).length === 0) return null;
  const yearRaw = at(PRIOR_YEAR_KEY);
  const year = parseYear(yearRaw);
  if (year === null && text(yearRaw) !== null) {
    findings.push({ rule: "TEMPLATE.PRIOR", severity: "warning", cells: [PRIOR_YEAR_KEY], message: READ_TEXT.badPrior(PRIOR_LABELS.year, String(yearRaw)) });
  }
  return { year, cells };
}

type RegisterGrid = NonNullable<NonNullable<Report["registers"]>["applications"]>;

/** The register grids (template version 3), header row first, as src/ledger reads them. */
function registersOf(grids: RoleGrids, names: Partial<Record<TemplateRole, string>>): Report["registers"] {
  const layout = templateLayout();
  const grid = (role: RegisterRole): RegisterGrid | null => {
    const g = grids[role];
    if (!g) return null;
    const r = layout.readRects[role];
    const reg = layout.registers[role];
    const rows = g.slice(reg.headerRow - r.top, reg.lastRow - r.top + 1).map((line) => line.slice(reg.firstCol - r.left, reg.firstCol - r.left + reg.columns.length));
    // Trailing empty rows carry nothing.
    let end = rows.length;
    while (end > 1 && rows[end - 1]!.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) end--;
    return { name: names[role] ?? SHEET_NAMES[role], firstLine: reg.headerRow, rows: rows.slice(0, end) };
  };
  const applications = grid("apps");
  const cases = grid("cases");
  return applications || cases ? { applications, cases } : null;
}

export function assembleReport(grids: RoleGrids, options: AssembleOptions = {}): { report: Report; findings: Finding[] } {
  const layout = templateLayout();
  const report = emptyReport("2021");
  const findings: Finding[] = [];

  for (const loc of layout.cells.values()) {
    if (loc.key.startsWith("META.") || loc.kept) continue;
    report.cells[loc.key] = grids[loc.role] ? cellAt(grids, loc.role, loc.row, loc.col) : null;
  }

  const metaCell = (key: string) => {
    const loc = layout.cells.get(key)!;
    return grids.meta ? cellAt(grids, "meta", loc.row, loc.col) : null;
  };
  const agency = text(metaCell(META_KEYS.agency));
  const yearRaw = metaCell(META_KEYS.year);
  const year = parseYear(yearRaw);
  if (yearRaw !== null && year === null && text(yearRaw) !== null) {
    findings.push({
      rule: "CELL.TYPE",
      severity: "error",
      cells: [META_KEYS.year],
      message: READ_TEXT.badYear(META_LABELS.year, String(yearRaw)),
    });
  }
  let title = options.uncomputed?.has(META_KEYS.title) ? null : text(metaCell(META_KEYS.title));
  if (title === null && agency !== null && year !== null) title = `${agency}${year}${META_LABELS.titleFormulaSuffix}`;
  report.meta = { agency, year, contact: text(metaCell(META_KEYS.contact)), title };

  const blockText = (key: string): string | null => {
    const b = layout.blocks.get(key);
    if (!b || !grids[b.role]) return null;
    const paras: string[] = [];
    for (let i = 0; i < b.rows; i++) {
      const v = cellAt(grids, b.role, b.firstRow + i, b.col);
      const t = v === null ? "" : String(v).replace(/\s+$/u, "");
      if (t.trim() !== "") paras.push(t);
    }
    return paras.join("\n");
  };

  const sections = {} as Report["sections"];
  for (const s of FORMATS["2021"].sections) {
    const key = s.key as SectionKey;
    if (s.table) {
      const role = `t${s.table}` as TemplateRole;
      sections[key] = grids[role] ? { heading: s.heading, text: "" } : null;
    } else {
      const t = blockText(key);
      sections[key] = t === null ? null : { heading: s.heading, text: t };
    }
  }
  report.sections = sections;
  const opening = blockText(OPENING_KEY);
  report.opening = opening ? opening : null;

  const registers = registersOf(grids, options.sheetNames ?? {});
  if (registers) report.registers = registers;

  const prior = priorFiguresOf(grids, findings);
  if (prior) report.priorFigures = prior;

  const uncomputed = [...(options.uncomputed ?? [])].filter((k) => layout.totals.has(k));
  if (uncomputed.length) {
    if (recompute(report.cells, new Set(uncomputed))) findings.push({ rule: "TEMPLATE.NOT_RECALCULATED", severity: "info", cells: [], message: READ_TEXT.notRecalculated });
  }
  return { report, findings };
}

/**
 * Both registers from their grids, and the rule that checks a report against the registers it
 * was read with (template version 3). Free of zod, so the task pane can run it on every check.
 */
import type { Finding, RawCell, Report } from "../report";
import type { RuleContext } from "../report/ruleContext";
import type { Register } from "./model";
import { parseApplications, parseCases, type GridSource, type ParseOptions } from "./parse";
import { ledgerFindings, type LedgerCheckOptions } from "./rules";
import { appendAll } from "./summary";

export interface RegisterGrids {
  applications: GridSource | null;
  cases: GridSource | null;
}

export interface LoadedRegister {
  register: Register;
  /** LEDGER.ROW findings from reading (unreadable cells, missing columns). */
  findings: Finding[];
}

export function emptyRegister(): Register {
  return { appSource: "申请台账", caseSource: "复议诉讼台账", applications: [], cases: [], hasApplications: false, hasCases: false };
}

/** Parse both grids into one register. */
export function registerFromGrids(grids: RegisterGrids, opts: ParseOptions = {}): LoadedRegister {
  const register = emptyRegister();
  const findings: Finding[] = [];
  if (grids.applications) {
    const p = parseApplications(grids.applications, opts);
    register.applications = p.rows;
    register.appSource = grids.applications.name;
    register.hasApplications = true;
    appendAll(findings, p.findings); // already summarised past MAX_ROW_FINDINGS (./summary)
  }
  if (grids.cases) {
    const p = parseCases(grids.cases, opts);
    register.cases = p.rows;
    register.caseSource = grids.cases.name;
    register.hasCases = true;
    appendAll(findings, p.findings);
  }
  return { register, findings };
}

type Grid = { name: string; firstLine: number; rows: RawCell[][] } | null;

/** The register of a report read off a template: the header row is the grid's first row. */
export function registerOfReport(report: Report, opts: ParseOptions = {}): LoadedRegister | null {
  const regs = report.registers;
  if (!regs) return null;
  const src = (g: Grid): GridSource | null => (g ? { name: g.name, rows: g.rows, firstLine: g.firstLine, headerIndex: 0 } : null);
  return registerFromGrids({ applications: src(regs.applications), cases: src(regs.cases) }, { ...opts, templateSheet: true });
}

/** LEDGER.* for checkReport's extraRules: nothing for a report without registers. */
export function ledgerRule(opts: LedgerCheckOptions = {}): (ctx: RuleContext) => Finding[] {
  return (ctx) => {
    const loaded = registerOfReport(ctx.report, { year: ctx.report.meta.year });
    if (!loaded) return [];
    return ledgerFindings(ctx.report, loaded.register, loaded.findings, opts);
  };
}

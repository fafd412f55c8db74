/**
 * The 结转/导入 preview against the workbook as it is now: 结转 rolls last year's report forward
 * (上年结转, drafts of the text, the figures kept for cross-year checks, last year's open
 * applications carried into this year's 申请台账); 导入 plans the source as it is. Reading the
 * source is not done here (the pane's lazy chunk and the CLI read files their own way).
 */
import { emptyReport, FORMATS, type Finding, type Report } from "../report";
import { templateLayout, OPENING_KEY } from "../template/layout";
import type { TemplateSheets } from "../workbook/port";
import { paragraphsOf, type TextBlockKey } from "../workbook/writePlan";
import { carryOpenApplications, emptyApplicationsGrid } from "../ledger/carry";
import { writable } from "./importPlan";
import { planImport } from "./importPlan";
import { W } from "./messages";
import { rollForward } from "./rollForward";
import type { MetaFill, TransferMode, TransferPreview } from "./transfer";

const T = W.transfer;

export interface SourceReport {
  report: Report;
  /** Shown in the preview: "某某办 2023 年度报告（文件名）". */
  label: string;
}

export interface PrepareRequest {
  mode: TransferMode;
  source: SourceReport;
  findings: Finding[];
  /** The workbook's report as last read (null: no template yet). */
  current: Report | null;
  template: TemplateSheets | null;
  /** Year offered for a new template when there is none and the source has no year. */
  defaultYear: number;
}

const HEADINGS: Record<TextBlockKey, string> = {
  OPENING: templateLayout().blocks.get(OPENING_KEY)?.heading ?? OPENING_KEY,
  S1: FORMATS["2021"].sections.find((s) => s.key === "S1")!.heading,
  S5: FORMATS["2021"].sections.find((s) => s.key === "S5")!.heading,
  S6: FORMATS["2021"].sections.find((s) => s.key === "S6")!.heading,
};

function metaFills(current: Report, incoming: Report, year: number | null): MetaFill[] {
  const out: MetaFill[] = [];
  if (!current.meta.agency?.trim() && incoming.meta.agency?.trim()) out.push({ field: "agency", value: incoming.meta.agency.trim() });
  if (current.meta.year === null && year !== null) out.push({ field: "year", value: year });
  if (!current.meta.contact?.trim() && incoming.meta.contact?.trim()) out.push({ field: "contact", value: incoming.meta.contact.trim() });
  return out;
}

export function prepare(req: PrepareRequest): TransferPreview {
  const src = req.source.report;
  const hasTemplate = req.current !== null && req.template !== null;
  const warnings: string[] = [];
  if (req.mode === "rollForward") {
    const templateYear = hasTemplate ? req.current!.meta.year : null;
    const year = templateYear ?? (src.meta.year !== null ? src.meta.year + 1 : req.defaultYear);
    const rolled = rollForward(src, year);
    if (src.meta.year !== null && templateYear !== null && templateYear !== src.meta.year + 1) warnings.push(T.yearMismatch(src.meta.year, templateYear));
    const current = hasTemplate ? req.current! : emptyReport("2021", { agency: rolled.report.meta.agency, year });
    const plan = planImport(current, rolled.report, writable);
    const drafts = [...plan.sectionFills, ...plan.sectionConflicts].map((s) => ({ key: s.key, heading: HEADINGS[s.key], paragraphs: paragraphsOf(s.incoming).length }));
    const hasKept = Object.keys(rolled.priorSnapshot).length > 0;
    return {
      mode: "rollForward",
      sourceLabel: req.source.label,
      targetYear: year,
      insertFirst: hasTemplate ? null : { year, agency: rolled.report.meta.agency ?? "" },
      plan,
      prefilled: rolled.prefilled.map((p) => {
        const label = FORMATS["2021"].table3.columns.find((c) => p.key.endsWith(`.${c.code}`))!.label;
        // A total is the template's own formula: shown for checking, never written.
        return { key: p.key, label: writable(p.key) ? label : `${label}${T.computed}`, value: p.value };
      }),
      drafts,
      priorFigures: hasKept ? { year: src.meta.year, cells: rolled.priorSnapshot } : null,
      previousPriorFigures: req.current?.priorFigures ?? null,
      metaFills: hasTemplate ? metaFills(current, rolled.report, year) : [],
      // A template inserted first has an empty 申请台账; the carry is planned again after it is in.
      registerCarry: carryOpenApplications(src, hasTemplate ? (req.current!.registers?.applications ?? null) : emptyApplicationsGrid(), req.template?.sheets.apps),
      findings: req.findings,
      warnings,
    };
  }
  const year = hasTemplate ? req.current!.meta.year : (src.meta.year ?? req.defaultYear);
  if (src.meta.year !== null && year !== null && src.meta.year !== year) warnings.push(T.importYearMismatch(src.meta.year, year));
  const current = hasTemplate ? req.current! : emptyReport("2021", { agency: src.meta.agency, year });
  const plan = planImport(current, src, writable);
  return {
    mode: "import",
    sourceLabel: req.source.label,
    targetYear: year,
    insertFirst: hasTemplate ? null : { year: year ?? req.defaultYear, agency: src.meta.agency ?? "" },
    plan,
    prefilled: [],
    drafts: [],
    priorFigures: null,
    previousPriorFigures: null,
    metaFills: hasTemplate ? metaFills(current, src, year) : [],
    findings: req.findings,
    warnings,
  };
}

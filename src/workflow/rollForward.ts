/**
 * Roll forward: start this year's report from last year's. 上年结转 comes from last year's
 * 结转下年度继续办理 column by column, the text sections are carried over as drafts (TEXT.SIMILAR keeps
 * warning until they are rewritten), and last year's figures the cross-year checks need are kept.
 */
import {
  emptyReport,
  FORMATS,
  interpret,
  PRIOR_KEYS,
  t3Key,
  type CellKey,
  type Report,
  type SectionKey,
} from "../report";


export interface RollForwardResult {
  report: Report;
  /** Cells prefilled from last year, with the value taken. */
  prefilled: Array<{ key: CellKey; value: number; from: CellKey }>;
  /** Last year's figures to remember for PRIOR.* checks (key → value). */
  priorSnapshot: Record<CellKey, number>;
}

const TEXT_SECTIONS: SectionKey[] = FORMATS["2021"].sections.filter((s) => !s.table).map((s) => s.key);

/** Replace last year's year in a sentence with this year's (统计期限, headings), nothing else. */
function shiftYear(text: string, from: number, to: number): string {
  // No lookbehind (EdgeHTML 18 and IE11 reject it): the character before is matched and kept.
  return text.replace(new RegExp(`(^|\\D)${from}(?=\\s*年)`, "g"), `$1${to}`);
}

export function rollForward(prior: Report, year?: number): RollForwardResult {
  const lastYear = prior.meta.year;
  const thisYear = year ?? (lastYear !== null ? lastYear + 1 : new Date().getFullYear() - 1);
  const r = emptyReport("2021", {
    agency: prior.meta.agency,
    year: thisYear,
    contact: prior.meta.contact,
    title: prior.meta.agency ? `${prior.meta.agency}${thisYear}年政府信息公开工作年度报告` : null,
  });

  const prefilled: RollForwardResult["prefilled"] = [];
  // What could not be read from last year's report is neither carried nor kept for the checks.
  const unread = new Set(prior.unread ?? []);
  for (const col of FORMATS["2021"].table3.columns) {
    const from = t3Key("R25", col.code);
    if (unread.has(from)) continue;
    const v = interpret(prior.cells[from], "count");
    if (v.kind !== "number") continue;
    const key = t3Key("R02", col.code);
    r.cells[key] = v.value;
    prefilled.push({ key, value: v.value, from });
  }

  if (prior.opening && lastYear !== null) r.opening = shiftYear(prior.opening, lastYear, thisYear);
  for (const key of TEXT_SECTIONS) {
    const s = prior.sections[key];
    if (s) r.sections[key] = { heading: FORMATS["2021"].sections.find((d) => d.key === key)!.heading, text: s.text };
  }
  for (const key of ["S2", "S3", "S4"] as const) {
    r.sections[key] = { heading: FORMATS["2021"].sections.find((d) => d.key === key)!.heading, text: "" };
  }

  const priorSnapshot: Record<CellKey, number> = {};
  if (prior.format === "2021" || prior.format === "2019") {
    for (const key of PRIOR_KEYS) {
      if (prior.format === "2019" && key.startsWith("T2.")) continue; // 2019 表二 means other things
      if (unread.has(key)) continue;
      const v = interpret(prior.cells[key], key === "T2.R6.C1" ? "amount" : "count");
      if (v.kind === "number") priorSnapshot[key] = v.value;
    }
  }
  r.priorFigures = { year: lastYear, cells: priorSnapshot };
  return { report: r, prefilled, priorSnapshot };
}

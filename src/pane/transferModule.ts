/**
 * Lazy chunk of 结转/导入 (loaded by transferApi.loadTransferModule): reads the source with
 * src/import (.txt/.html/.docx, pasted text) or the template reader (.xlsx, ExcelJS in a chunk of
 * its own), then builds the preview with rollForward / planImport. Never throws at the clerk.
 */
import { emptyReport, FORMATS, type Finding, type Report } from "../report";
import { importReport } from "../import";
import { templateLayout, OPENING_KEY } from "../template/layout";
import { rollForward } from "../workflow/rollForward";
import { planImport } from "../workflow/importPlan";
import type { TextBlockKey } from "../workbook/writePlan";
import { paragraphsOf } from "../workbook/writePlan";
import type { PrepareRequest, RegisterFileOutcome, SourceInput, SourceOutcome } from "./transferApi";
import { parseCsv } from "../ledger/csv";
import { EncodingUnsupported } from "../import/decode";
import { xlsxGrids } from "../ledger/file";
import { carryOpenApplications, emptyApplicationsGrid } from "../ledger/carry";
import type { MetaFill, TransferPreview } from "./transfer";
import { S } from "./strings";

const XLSX_EXT = /\.(xlsx|xlsm)$/i;
const T = S.transfer;

function isZip(data: Uint8Array | string): data is Uint8Array {
  return typeof data !== "string" && data[0] === 0x50 && data[1] === 0x4b;
}

function hasAscii(bytes: Uint8Array, needle: string): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + needle.length <= n; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

async function readXlsx(bytes: Uint8Array): Promise<{ report: Report | null; findings: Finding[] } | null> {
  try {
    const { readWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../template/read");
    return await readWorkbook(bytes);
  } catch {
    return null; // the ExcelJS chunk could not load or run in this webview
  }
}

export async function readSource(input: SourceInput): Promise<SourceOutcome> {
  const from = input.name || T.pasted;
  const label = (r: Report) => T.source(r.meta.agency, r.meta.year, from);
  if (XLSX_EXT.test(input.name) || (isZip(input.data) && hasAscii(input.data, "xl/workbook"))) {
    const read = await readXlsx(input.data as Uint8Array);
    if (!read) return { ok: false, message: T.xlsxUnavailable, details: [] };
    if (!read.report) return { ok: false, message: T.notReport, details: read.findings.map((f) => f.message) };
    return { ok: true, source: { report: read.report, label: label(read.report) }, findings: read.findings };
  }
  const result = await importReport({ name: input.name, data: input.data });
  if (!result.recognised) {
    const docx = result.input === "docx" && result.findings.some((f) => /mammoth|docx/i.test(f.message));
    return { ok: false, message: docx ? T.docxUnavailable : T.notReport, details: result.findings.map((f) => f.message) };
  }
  return { ok: true, source: { report: result.report, label: label(result.report) }, findings: result.findings };
}

const HEADINGS: Record<TextBlockKey, string> = {
  OPENING: templateLayout().blocks.get(OPENING_KEY)?.heading ?? OPENING_KEY,
  S1: FORMATS["2021"].sections.find((s) => s.key === "S1")!.heading,
  S5: FORMATS["2021"].sections.find((s) => s.key === "S5")!.heading,
  S6: FORMATS["2021"].sections.find((s) => s.key === "S6")!.heading,
};

/** Totals are template formulas: an import never writes them. */
const writable = (key: string) => {
  const loc = templateLayout().cells.get(key);
  return loc !== undefined && !loc.computed && !loc.kept;
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

/**
 * 导入已有台账: the file's grids. ExcelJS loads in its own chunk; CSV needs TextDecoder, which
 * Internet Explorer (Office 2016 and older on Windows) lacks: then a message, not a crash.
 */
export async function readRegister(input: { name: string; data: Uint8Array }): Promise<RegisterFileOutcome> {
  const L = S.ledger.import;
  const csv = /\.(csv|txt)$/i.test(input.name) && !isZip(input.data);
  if (csv) {
    if (typeof TextDecoder === "undefined") return { ok: false, message: L.csvUnavailable };
    try {
      return { ok: true, sheets: [{ name: input.name, rows: parseCsv(input.data) }] };
    } catch (e) {
      if (e instanceof EncodingUnsupported) return { ok: false, message: L.csvUnavailable };
      return { ok: false, message: L.readFailed(e instanceof Error ? e.message : String(e)) };
    }
  }
  let grids;
  try {
    // xlsxGrids loads ExcelJS with import() itself.
    grids = await xlsxGrids(input.data);
  } catch {
    return { ok: false, message: L.xlsxUnavailable };
  }
  if ("error" in grids) return { ok: false, message: L.readFailed(grids.error) };
  return { ok: true, sheets: grids };
}

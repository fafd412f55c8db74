/** Shared helpers of the template and adapter tests. */
import ExcelJS from "exceljs";
import { cellsOf, emptyReport, sumRules, type RawCell, type Report } from "../../src/report";
import { bytesToBase64 } from "../../src/template/base64";
import { templateLayout, META_KEYS, OPENING_KEY, PRIOR_YEAR_KEY } from "../../src/template/layout";
import { buildTemplate } from "../../src/template/xlsx";
import { createFakeExcel, FakeWorkbookModel, HOST_PROFILE_IDS, parseXlsx, type FakeExcel, type HostProfileId } from "../../src/hosts/office/fake";
import type { FakeWorkbookSnapshot } from "../../src/workbook/memory/model";
import { createOfficeWorkbook, type OfficeWorkbook } from "../../src/hosts/office/officeWorkbook";

let cached: Promise<Uint8Array> | null = null;

/** The blank template, built once per test file. */
export function templateBytes(): Promise<Uint8Array> {
  cached ??= buildTemplate();
  return cached;
}

export async function templateBase64(): Promise<string> {
  return bytesToBase64(await templateBytes());
}

export async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

export async function saveXlsx(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The worksheet of a role in a workbook written by buildTemplate (default names). */
export function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Keys of cells the template computes (totals). */
export function computedKeys(): Set<string> {
  return new Set([...templateLayout().cells.values()].filter((c) => c.computed).map((c) => c.key));
}

/** Drop every cached formula result, so that a reader or LibreOffice must compute them itself. */
export function dropResults(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: unknown } | null;
        if (v && typeof v === "object" && typeof v.formula === "string" && !cell.isMerged) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        else if (v && typeof v === "object" && typeof v.formula === "string" && cell.master.address === cell.address) cell.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
      }),
    );
  }
}

/**
 * Fill a template as a clerk would, with ExcelJS: inputs from `report`, computed totals left as
 * formulas unless `overrideTotals` writes the report's totals as plain numbers. ExcelJS does not
 * recalculate, so every cached formula result is dropped (a stale "✓" would otherwise remain).
 */
export async function fillTemplate(bytes: Uint8Array, report: Report, opts: { overrideTotals?: boolean; sheetNames?: Record<string, string> } = {}): Promise<Uint8Array> {
  const wb = await loadXlsx(bytes);
  const layout = templateLayout();
  const nameOf = (role: string) => wb.worksheets.find((w) => String(w.getCell("CZ1").value ?? "").includes(`role=${role}|`))!;
  for (const loc of layout.cells.values()) {
    const ws = nameOf(loc.role);
    const cell = ws.getCell(loc.row, loc.col);
    if (loc.key.startsWith("META.")) {
      if (loc.key === META_KEYS.agency) cell.value = report.meta.agency;
      if (loc.key === META_KEYS.year) cell.value = report.meta.year;
      if (loc.key === META_KEYS.contact) cell.value = report.meta.contact;
      if (loc.key === META_KEYS.title) cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
      continue;
    }
    if (loc.kept) {
      // Last year's figures, as a roll forward writes them (empty without priorFigures).
      const pf = report.priorFigures;
      cell.value = !pf ? null : loc.key === PRIOR_YEAR_KEY ? pf.year : (pf.cells[loc.key.slice("PRIOR.".length)] ?? null);
      continue;
    }
    if (loc.computed && !opts.overrideTotals) {
      cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
      continue;
    }
    const v = report.cells[loc.key];
    cell.value = v === undefined ? null : (v as ExcelJS.CellValue);
  }
  const text = nameOf("text");
  const put = (key: string, t: string | null | undefined) => {
    const b = layout.blocks.get(key)!;
    const paras = (t ?? "").split("\n").filter((p) => p.trim() !== "");
    paras.forEach((p, i) => (text.getCell(b.firstRow + i, b.col).value = p));
  };
  put(OPENING_KEY, report.opening);
  for (const k of ["S1", "S5", "S6"] as const) put(k, report.sections[k]?.text);
  for (const [from, to] of Object.entries(opts.sheetNames ?? {})) wb.getWorksheet(from)!.name = to;
  dropResults(wb);
  return saveXlsx(wb);
}

/** Only the cells of a report (for comparisons). */
export function cellsOfReport(r: Report): Record<string, RawCell> {
  return Object.fromEntries(cellsOf("2021").map((c) => [c.key, r.cells[c.key] ?? null]));
}

/** A report whose totals are what the template computes from its inputs (SUM ignores text). */
export function withComputedTotals(r: Report): Report {
  const out = structuredClone(r);
  const totals = templateLayout().totals;
  const value = (key: string): number => {
    const parts = totals.get(key);
    if (!parts) {
      const v = out.cells[key];
      return typeof v === "number" ? v : 0;
    }
    const sum = parts.reduce((s, k) => s + value(k), 0);
    out.cells[key] = sum;
    return sum;
  };
  for (const key of totals.keys()) value(key);
  return out;
}

export interface FakeSetup {
  fake: FakeExcel;
  port: OfficeWorkbook;
}

export async function fakeWithPort(opts: Parameters<typeof createFakeExcel>[0] = {}): Promise<FakeSetup> {
  const fake = createFakeExcel(opts);
  const b64 = await templateBase64();
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
  return { fake, port };
}

/** Every host profile of the fake: adapter tests run under each (describe.each). */
export const PROFILES = HOST_PROFILE_IDS;

/** Whether the profile has ExcelApi `version`. */
export function hasApi(profile: HostProfileId, version: string): boolean {
  return createFakeExcel({ profile }).Office.context.requirements.isSetSupported("ExcelApi", version);
}

/**
 * A workbook of `profile` holding the template, as insertTemplateInto leaves it: the first test
 * of a file (per profile and cover) gets the inserted workbook itself, the others one built from a
 * snapshot taken before it was used (FakeWorkbookModel.fromSnapshot: about half the cost of an
 * insertion), each with a new adapter that found the template as the pane does when it opens.
 * Tests of the insertion itself use insertTemplateInto, which always inserts.
 */
export async function fakeWithTemplate(profile: HostProfileId, cover = { year: 2024, agency: "某某镇人民政府" }): Promise<FakeSetup> {
  const key = JSON.stringify([profile, cover.year, cover.agency]);
  const known = prepared.get(key);
  let model: FakeWorkbookModel;
  if (known) model = FakeWorkbookModel.fromSnapshot(await known);
  else {
    const first = insertTemplateInto(profile, cover).then(async ({ fake }) => {
      await fake.workbook.settle();
      return fake.workbook;
    });
    prepared.set(key, first.then((m) => m.snapshot()));
    model = await first;
    await prepared.get(key); // the snapshot is taken before the first test can change anything
  }
  const s = await fakeWithPort({ profile, model });
  await s.port.findTemplate();
  return s;
}

const prepared = new Map<string, Promise<FakeWorkbookSnapshot>>();

/**
 * A new workbook of `profile` with the template really put in: inserted where ExcelApi 1.13
 * exists; elsewhere (Office 2019) opened from the template file with the cover filled in, as the
 * clerk would.
 */
export async function insertTemplateInto(profile: HostProfileId, cover = { year: 2024, agency: "某某镇人民政府" }): Promise<FakeSetup> {
  const s = await fakeWithPort({ profile });
  if (s.port.capabilities().insertTemplate) {
    await s.port.insertTemplate(cover);
    return s;
  }
  const m = s.fake.workbook;
  m.importSheets(await parseXlsx(await buildTemplate(cover)), m.sheets.length);
  m.activate("表三");
  await s.port.findTemplate(); // what the pane does when it opens: the workbook is then known
  return s;
}

/** Rule instances of the table arithmetic, with their index. */
export function ruleInstances() {
  return sumRules("2021").map((rule, index) => ({ rule, index }));
}

export { emptyReport };

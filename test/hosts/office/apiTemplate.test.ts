/**
 * Office 2019 (ExcelApi 1.7 volume-licensed, 1.8 retail) has no insertWorksheetsFromBase64: the
 * adapter builds the template through the API from the same sheet designs (buildTemplateViaApi).
 * Against the strict fake under both profiles, the built sheets must match the inserted .xlsx
 * (m365 profile) cell by cell — values, formulas and their results, locks, merges, hidden
 * columns, style hints — read back into the same report, compute the same after typing, refuse
 * writes to locked cells, and never touch a user's sheet of the same name.
 */
import { createFakeExcel, type FakeExcel, type HostProfileId } from "../../../src/hosts/office/fake";
import type { FakeSheet } from "../../../src/workbook/memory/model";
import { apiBuildSteps, OPS_PER_SYNC } from "../../../src/hosts/office/buildTemplateViaApi";
import { widthToPoints } from "../../../src/template/columnWidth";
import { CF_STYLES } from "../../../src/template/styles";
import { createOfficeWorkbook } from "../../../src/hosts/office/officeWorkbook";
import { rectAddress } from "../../../src/template/address";
import { templateDesign, templateLayout } from "../../../src/template/layout";
import { MARKER_CELL } from "../../../src/template/marker";
import { SHEET_NAMES } from "../../../src/template/messages";
import { TEMPLATE_ROLES } from "../../../src/template/roles";
import { templateBase64 } from "../../template/support";

const OPTS = { year: 2025, agency: "某某区人民政府办公室" };

async function inserted(profile: HostProfileId, setup?: (fake: FakeExcel) => void) {
  const fake = createFakeExcel({ profile });
  setup?.(fake);
  const b64 = await templateBase64();
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
  fake.resetCounters();
  const outcome = await port.insertTemplate(OPTS);
  return { fake, port, outcome };
}

/** Everything the readers and the clerk depend on, cell by cell, over the sheet's used area and the marker. */
function snapshot(fake: FakeExcel, sheet: FakeSheet) {
  const m = fake.workbook;
  const { rows, cols } = m.usedSize(sheet);
  const cells: Record<string, unknown> = {};
  for (let r = 1; r <= Math.max(rows, MARKER_CELL.row); r++) {
    for (let c = 1; c <= Math.max(cols, MARKER_CELL.col); c++) {
      // The other cells of a merged area are empty in Excel; the fake's .xlsx import copies the
      // anchor's value into them (ExcelJS reports it there), so they are not compared.
      const merged = m.mergeAt(sheet, r, c);
      if (merged && (merged.top !== r || merged.left !== c)) continue;
      const v = m.value(sheet, r, c);
      const f = m.formula(sheet, r, c);
      const st = m.style(sheet, r, c);
      const locked = m.locked(sheet, r, c);
      if (v === "" && f === "" && locked && !st.fill && !st.bold) continue;
      cells[rectAddress({ top: r, left: c, bottom: r, right: c })] = { v, f, locked, fill: st.fill ?? null, bold: st.bold ?? false, fontColor: st.fontColor ?? null, align: st.align ?? null, wrap: st.wrap ?? false };
    }
  }
  const merges = sheet.merges.map((x) => rectAddress(x)).sort();
  return { cells, merges, hidden: [...sheet.hiddenColumns].sort((a, b) => a - b), protected: sheet.protected };
}

describe.each(["office2019vl", "office2019retail"] as const)("on %s", (profile) => {
  let built: Awaited<ReturnType<typeof inserted>>;
  let reference: Awaited<ReturnType<typeof inserted>>;
  beforeAll(async () => {
    built = await inserted(profile);
    reference = await inserted("m365");
  });

  test("the template is built through the API: the read, the sheets in batches of at most 3 000 operations, the finish", () => {
    const steps = apiBuildSteps({ names: SHEET_NAMES, set: 1, dataValidation: profile === "office2019retail" });
    expect(built.outcome).toEqual({ kind: "inserted", sheets: TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]), syncs: 1 + steps });
    expect(built.fake.syncCount).toBe(1 + steps);
    expect(Math.max(...built.fake.opsPerSync)).toBeLessThanOrEqual(OPS_PER_SYNC);
    expect(built.fake.workbook.activeSheet()!.name).toBe(SHEET_NAMES.t3);
  });

  test.each(TEMPLATE_ROLES)("sheet %s matches the inserted .xlsx cell by cell", (role) => {
    const a = snapshot(built.fake, built.fake.workbook.requireSheet(SHEET_NAMES[role]));
    const b = snapshot(reference.fake, reference.fake.workbook.requireSheet(SHEET_NAMES[role]));
    expect(a.merges).toEqual(b.merges);
    expect(a.hidden).toEqual(b.hidden);
    expect(a.protected).toBe(true);
    expect(b.protected).toBe(true);
    expect(Object.keys(a.cells).sort()).toEqual(Object.keys(b.cells).sort());
    for (const k of Object.keys(b.cells)) expect([k, a.cells[k]]).toEqual([k, b.cells[k]]);
  });

  test("column widths, conditional formats, frozen panes; data validation only from 1.8", () => {
    const designs = templateDesign();
    for (const role of TEMPLATE_ROLES) {
      const d = designs[role];
      const a = built.fake.workbook.requireSheet(SHEET_NAMES[role]).appearance;
      for (const [col, w] of Object.entries(d.widths)) expect(a.columnPoints[Number(col)]).toBe(widthToPoints(w));
      expect(a.conditionalFormats.map((c) => [c.address, c.formula])).toEqual(d.cf.map((c) => [rectAddress(c.rect), `=${c.formula}`]));
      expect(a.conditionalFormats.every((c) => c.fill !== null || c.fontColor !== null)).toBe(true);
      if (d.freeze) expect(a.freeze).toEqual(d.freeze);
      const inputs = d.values.filter((v) => v.formula === undefined && v.kind !== "text" && v.kind !== "paragraph").length;
      if (profile === "office2019retail" && inputs > 0) expect(a.validations.length).toBeGreaterThan(0);
      if (profile === "office2019vl") expect(a.validations).toEqual([]);
    }
  });

  test("reads back into the same report as the inserted template", async () => {
    expect(await built.port.readReport()).toEqual(await reference.port.readReport());
  });

  test("formulas compute the same after the clerk types, and locked cells refuse writes", async () => {
    const layout = templateLayout();
    const typed: Array<[string, string]> = [
      ["T3.R01.C1", "12"],
      ["T3.R02.C1", "3"],
      ["T3.R05.C1", "9"],
      ["T2.R1.C1", "4"],
      ["T4.C01", "2"],
    ];
    for (const { fake } of [built, reference]) {
      for (const [key, text] of typed) {
        const c = layout.cells.get(key)!;
        fake.workbook.typeInto(SHEET_NAMES[c.role], c.address, text);
      }
    }
    expect(await built.port.readReport()).toEqual(await reference.port.readReport());
    for (const role of ["t3", "t4"] as const) {
      const a = snapshot(built.fake, built.fake.workbook.requireSheet(SHEET_NAMES[role]));
      const b = snapshot(reference.fake, reference.fake.workbook.requireSheet(SHEET_NAMES[role]));
      expect(a.cells).toEqual(b.cells);
    }
    const total = [...layout.cells.values()].find((c) => c.role === "t3" && c.computed)!;
    expect(() => built.fake.workbook.typeInto(SHEET_NAMES.t3, total.address, "1")).toThrow(/protected/);
  });
});

test("a user's sheet named 表三 is never overwritten: the built sheets take other names", async () => {
  const { fake, outcome } = await inserted("office2019vl", (f) => {
    const s = f.workbook.addSheet(SHEET_NAMES.t3);
    f.workbook.setCell(s.name, "A1", "我的数据");
  });
  expect(outcome.kind).toBe("inserted");
  const names = (outcome as { sheets: string[] }).sheets;
  expect(names).not.toContain(SHEET_NAMES.t3);
  expect(fake.workbook.value(fake.workbook.requireSheet(SHEET_NAMES.t3), 1, 1)).toBe("我的数据");
  expect(fake.workbook.requireSheet(SHEET_NAMES.t3).protected).toBe(false);
});

test("Office 2016 (ExcelApi 1.1): still offers the template file", async () => {
  const fake = createFakeExcel({ profile: "office2019vl", apiSets: { ExcelApi: "1.6" } });
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
  expect((await port.insertTemplate(OPTS)).kind).toBe("unsupported");
  expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
});

describe("conditional formats as the workbench draws them", () => {
  test.each(["m365", "office2019retail"] as const)("%s: a cell holding 5件 turns red, a number does not; a failed check turns red", async (profile) => {
    const { fake, outcome } = await inserted(profile);
    expect(outcome.kind).toBe("inserted");
    const m = fake.workbook;
    const t3 = m.requireSheet(SHEET_NAMES.t3);
    const at = (key: string) => templateLayout().cells.get(key)!;
    const cell = at("T3.R01.C1");
    expect(m.conditionalStyle(t3, cell.row, cell.col)).toBeNull();
    m.typeInto(SHEET_NAMES.t3, rectAddress({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }), "5件");
    const invalid = CF_STYLES.invalid as { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } };
    const hex = (argb: string) => `#${argb.slice(2)}`;
    expect(m.conditionalStyle(t3, cell.row, cell.col)).toEqual({ fill: hex(invalid.fill.bgColor.argb), fontColor: hex(invalid.font.color.argb) });
    // Another cell of the same range is judged by its own helper cell (the rule moved to it).
    const other = at("T3.R03.C2");
    expect(m.conditionalStyle(t3, other.row, other.col)).toBeNull();
    m.typeInto(SHEET_NAMES.t3, rectAddress({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }), "5");
    expect(m.conditionalStyle(t3, cell.row, cell.col)).not.toEqual(expect.objectContaining({ fill: hex(invalid.fill.bgColor.argb) }));
  });
});

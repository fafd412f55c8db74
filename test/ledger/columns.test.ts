/**
 * The register described as data (src/ledger/columns.ts): every consumer covers every column of
 * the table — header recognition, parsing by kind, the model's schema, the import plan and the
 * template's sheet — and the columns of each register layout version are recorded here, so a new
 * column is one table row plus a version decision (bumping REGISTER_LAYOUT_VERSION and the
 * template version with it) or this test fails.
 */
import {
  APP_COLUMNS,
  CASE_COLUMNS,
  REGISTER_LAYOUT_VERSION,
  REGISTER_SHEETS,
  VOCABULARIES,
  dayOfIso,
  parseApplications,
  parseCases,
  planRegisterImport,
  proposeMapping,
  serialOfDay,
  type ColumnDef,
  type ColumnMapping,
  type RegisterRole,
} from "../../src/ledger";
import { applicationSchema, caseSchema } from "../../src/ledger/model";
import type { RawCell } from "../../src/report";
import { templateDesign } from "../../src/template/layout";
import { TEMPLATE_VERSION } from "../../src/template/marker";

/** The columns of each layout version, and the template version that carries it. Append, never edit. */
const LAYOUTS: Record<number, { template: string; apps: string[]; cases: string[] }> = {
  1: {
    template: "3",
    apps: ["id", "received", "applicantType", "applicant", "content", "corrected", "extended", "answered", "outcome", "note"],
    cases: ["id", "kind", "received", "result", "note"],
  },
  2: {
    template: "4",
    apps: ["id", "received", "applicantType", "applicant", "content", "corrected", "extended", "answered", "outcome", "note", "receiptChannel", "correctionNotice", "consultSent", "consultReplied", "extensionApproved"],
    cases: ["id", "kind", "received", "result", "note"],
  },
};

const TABLES: [RegisterRole, readonly ColumnDef[]][] = [
  ["apps", APP_COLUMNS],
  ["cases", CASE_COLUMNS],
];

/** A value of each kind as a clerk might write it, and what the sheet then holds. */
function sample(d: ColumnDef): { written: RawCell; sheet: RawCell; model: unknown } {
  if (d.kind === "date") return { written: "2025年3月4日", sheet: serialOfDay(dayOfIso("2025-03-04")), model: dayOfIso("2025-03-04") };
  if (d.kind === "yesNo") return { written: "Y", sheet: "是", model: true };
  if (d.kind === "choice") {
    const c = VOCABULARIES[d.vocabulary!].choices[1]!;
    return { written: ` ${c.label} `, sheet: c.label, model: d.vocabulary!.startsWith("case") ? Number(c.code) : c.code };
  }
  return { written: " 样例文字 ", sheet: "样例文字", model: "样例文字" };
}

/** A complete, valid row in the table's order (answered rows need an outcome, and so on). */
function validRow(defs: readonly ColumnDef[]): RawCell[] {
  return defs.map((d) => sample(d).written);
}

describe("register layout versions", () => {
  test("each recorded version lists exactly the columns that existed then; the current one is recorded", () => {
    expect(LAYOUTS[REGISTER_LAYOUT_VERSION]).toBeDefined();
    for (const [v, layout] of Object.entries(LAYOUTS)) {
      expect(APP_COLUMNS.filter((c) => c.since <= Number(v)).map((c) => c.field)).toEqual(layout.apps);
      expect(CASE_COLUMNS.filter((c) => c.since <= Number(v)).map((c) => c.field)).toEqual(layout.cases);
    }
    for (const [, defs] of TABLES) for (const d of defs) expect(d.since).toBeLessThanOrEqual(REGISTER_LAYOUT_VERSION);
  });

  test("the template's version goes with the register layout", () => {
    expect(TEMPLATE_VERSION).toBe(LAYOUTS[REGISTER_LAYOUT_VERSION]!.template);
  });

  test("fields, titles and aliases are unique within a register; choices name a vocabulary", () => {
    for (const [, defs] of TABLES) {
      expect(new Set(defs.map((d) => d.field)).size).toBe(defs.length);
      const names = defs.flatMap((d) => [d.title, ...d.aliases]);
      expect(new Set(names).size).toBe(names.length);
      for (const d of defs) expect(d.kind === "choice").toBe(d.vocabulary !== undefined);
    }
  });
});

describe.each(TABLES)("every consumer covers every column of %s", (role, defs) => {
  const sheet = REGISTER_SHEETS[role];
  const design = templateDesign()[role];

  test.each(defs.map((d, i) => [d.field, d, i] as const))("%s: recognised by its title and each alias", (_f, d, i) => {
    for (const name of [d.title, ...d.aliases]) {
      const header = defs.map((x) => x.title);
      header[i] = name;
      expect(proposeMapping(defs, header)[d.field as never]).toBe(i);
    }
  });

  test.each(defs.map((d, i) => [d.field, d, i] as const))("%s: drawn on the template's sheet with its title, width and kind", (_f, d, i) => {
    const col = design.register!.columns[i]!;
    expect(col.title).toBe(d.title);
    expect(col.width).toBe(d.width);
    expect(design.labels.some((l) => l.rect.top === sheet.headerRow && l.rect.left === sheet.firstCol + i && l.text === d.title)).toBe(true);
    if (d.kind === "date") expect(col.kind).toBe("date");
    else if (d.kind === "text") expect(col.kind).toBe("text");
    else {
      expect(col.kind).toBe("list");
      const list = design.lists.find((l) => l.col === col.list!.left)!;
      const expected = d.kind === "yesNo" ? ["是", "否"] : VOCABULARIES[d.vocabulary!].choices.map((c) => c.label);
      expect(list.values).toEqual(expected);
    }
  });

  test("the sheet has exactly the table's columns", () => {
    expect(design.register!.columns.map((c) => c.title)).toEqual(defs.map((d) => d.title));
    expect(design.register).toMatchObject({ headerRow: sheet.headerRow, firstRow: sheet.firstRow, lastRow: sheet.lastRow, firstCol: sheet.firstCol });
  });

  test("parsing reads each model column by its kind, and the schema built from the table accepts the row", () => {
    const header = defs.map((d) => d.title);
    const grid = { name: "样例", rows: [header, validRow(defs)], firstLine: 1, headerIndex: 0 };
    const parsed = role === "apps" ? parseApplications(grid, { year: 2025 }) : parseCases(grid, { year: 2025 });
    expect(parsed.findings).toEqual([]);
    const row = parsed.rows[0] as unknown as Record<string, unknown>;
    for (const d of defs) {
      if (d.model) expect(row[d.field]).toEqual(sample(d).model);
      else expect(row).not.toHaveProperty(d.field);
    }
    const schema = role === "apps" ? applicationSchema : caseSchema;
    expect(schema.safeParse(row).success).toBe(true);
    expect(Object.keys(schema.shape).filter((k) => defs.some((d) => d.field === k)).sort()).toEqual(defs.filter((d) => d.model).map((d) => d.field).sort());
  });

  test("the import plan writes each column as the sheet holds it, in the sheet's order", () => {
    const header = [...defs.map((d) => d.title)].reverse();
    const rows = [header, [...validRow(defs)].reverse()];
    const mapping = proposeMapping(defs, header) as ColumnMapping<string>;
    const current = { firstLine: sheet.headerRow, rows: [defs.map((d) => d.title)] };
    const src = { name: "来源", rows, headerIndex: 0, firstLine: 1, mapping };
    const plan = planRegisterImport(role === "apps" ? { apps: src as never, current: { applications: current, cases: null } } : { cases: src as never, current: { applications: null, cases: current } });
    expect(plan.issues).toEqual([]);
    const written = (role === "apps" ? plan.apps : plan.cases)!.rows[0]!.cells;
    expect(written).toEqual(defs.map((d) => sample(d).sheet));
  });
});
